"""Property tests: what the writers write the readers read back, and no text crashes a reader
(the only error a reader raises is a coded CsvFormatError).

No deadlines: a loaded CI machine must not fail a property test on time alone."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from fedimove.core.errors import CsvFormatError
from fedimove.core.models import (
    AccountRef,
    FilterEntry,
    FilterKeyword,
    FollowEntry,
    ListEntry,
    MuteEntry,
    StatusRef,
)
from fedimove.core.storage import csv_formats as cf

_label = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=12)
domains = st.builds(lambda a, b: f"{a}.{b}", _label, st.sampled_from(["social", "example", "org"]))
users = st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_", min_size=1)
accounts = st.builds(lambda u, d: AccountRef(f"{u}@{d}"), users, domains)
languages = st.none() | st.lists(
    st.sampled_from(["en", "fr", "de", "ja", "pt-BR"]), min_size=1, max_size=3
).map(tuple)
follows = st.builds(FollowEntry, accounts, st.booleans(), st.booleans(), languages)
mutes = st.builds(MuteEntry, accounts, st.booleans())
_header_cells = {"Account address", "#domain", "#uri", "List name", "Title"}
titles = (
    st.text(min_size=1, max_size=30)
    .map(str.strip)
    .filter(lambda t: bool(t) and t not in _header_cells and "@" not in t)
)
uris = st.builds(lambda d, p: f"https://{d}/statuses/{p}", domains, st.integers(0, 10**12))
timestamps = st.none() | st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)
).map(lambda d: d.replace(microsecond=0, tzinfo=UTC))
filters = st.builds(
    FilterEntry,
    title=st.text(max_size=30).map(str.strip),
    context=st.lists(st.sampled_from(["home", "notifications", "public", "thread", "account"])).map(
        tuple
    ),
    action=st.sampled_from(["warn", "hide", "blur"]),
    expires_at=timestamps,
    keywords=st.lists(st.builds(FilterKeyword, st.text(max_size=20), st.booleans())).map(tuple),
)


@given(st.lists(follows, max_size=20))
@settings(deadline=None)
def test_following_round_trip(entries: list[FollowEntry]) -> None:
    assert cf.read_following(cf.write_following(entries)) == entries


@given(st.lists(mutes, max_size=20))
@settings(deadline=None)
def test_mutes_round_trip(entries: list[MuteEntry]) -> None:
    assert cf.read_mutes(cf.write_mutes(entries)) == entries


@given(st.lists(accounts, max_size=20))
@settings(deadline=None)
def test_blocks_and_followers_round_trip(entries: list[AccountRef]) -> None:
    assert cf.read_blocks(cf.write_blocks(entries)) == entries
    assert cf.read_followers(cf.write_followers(entries)) == entries


@given(st.lists(domains, max_size=20))
@settings(deadline=None)
def test_domain_blocks_round_trip(entries: list[str]) -> None:
    assert cf.read_domain_blocks(cf.write_domain_blocks(entries)) == entries


@given(st.lists(uris.map(StatusRef), max_size=20))
@settings(deadline=None)
def test_bookmarks_round_trip(entries: list[StatusRef]) -> None:
    assert cf.read_bookmarks(cf.write_bookmarks(entries)) == entries


@given(
    st.lists(
        st.builds(
            lambda t, m: ListEntry(t, members=tuple(m)),
            titles,
            st.lists(accounts, min_size=1, max_size=5),
        ),
        max_size=6,
        unique_by=lambda lst: lst.title,
    )
)
@settings(deadline=None)
def test_lists_round_trip(entries: list[ListEntry]) -> None:
    assert cf.read_lists(cf.write_lists(entries)) == entries


@given(st.lists(filters, max_size=8))
@settings(deadline=None)
def test_filters_round_trip(entries: list[FilterEntry]) -> None:
    assert cf.read_filters(cf.write_filters(entries)) == entries


READERS: list[Callable[[str], object]] = [
    cf.read_following,
    lambda t: cf.read_following(t, old_domain="old.example", strict_kind=False),
    cf.read_mutes,
    cf.read_blocks,
    cf.read_followers,
    cf.read_lists,
    cf.read_domain_blocks,
    cf.read_bookmarks,
    cf.read_filters,
    cf.detect_kind,
]
csvish = st.lists(
    st.sampled_from(
        [
            "Account address",
            "Title",
            "#domain",
            ",",
            '"',
            "\n",
            "\r\n",
            "@",
            "a@b.c",
            "[",
            "]",
            "true",
            "x",
            " ",
            "https://",
            "\\#",
            "List name",
            "Show boosts",
            "[[[[[[[",
        ]
    )
    | st.text(max_size=5)
).map("".join)


@given(st.text() | csvish)
@settings(deadline=None, max_examples=300)
def test_no_text_crashes_a_reader(text: str) -> None:
    for read in READERS:
        with contextlib.suppress(CsvFormatError):
            read(text)


@given(st.binary())
@settings(deadline=None)
def test_bytes_decode_or_give_a_coded_error(data: bytes) -> None:
    try:
        text = cf.decode_csv(data)
    except CsvFormatError as error:
        code = error.code
    else:
        code = "ok" if isinstance(text, str) else "not text"
    assert code in ("ok", "csv.invalid")
