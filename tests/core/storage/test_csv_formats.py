"""Mastodon's CSV files: byte-exact writers, readers that read like Mastodon's importer, and
clear errors for files of the wrong kind or broken files."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from fedimove.core.errors import CsvFormatError, CsvTruncatedError, CsvWrongKindError
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
from fedimove.core.storage.csv_formats import CsvKind
from tests.contracts import CONTRACTS

SAMPLES = CONTRACTS / "mastodon-csv"


def sample(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def accts(accounts: list[AccountRef]) -> list[str]:
    return [a.acct for a in accounts]


# --- every sample Mastodon's importer accepts --------------------------------------------------


def test_following_sample_with_blank_lines_and_quoted_languages() -> None:
    entries = cf.read_following(sample("following_accounts.csv"))
    assert entries == [
        FollowEntry(AccountRef("user@example.com"), show_reblogs=True, notify=False),
        FollowEntry(AccountRef("user@test.com"), True, True, languages=("en", "fr")),
    ]


def test_partial_following_sample_resolves_bare_usernames_against_the_old_domain() -> None:
    entries = cf.read_following(sample("following_accounts_partial.csv"), old_domain="old.social")
    assert entries == [
        FollowEntry(AccountRef("bob@old.social"), show_reblogs=True),
        FollowEntry(AccountRef("eve@example.com"), show_reblogs=False),
    ]


def test_bare_username_without_a_domain_is_a_clear_error() -> None:
    with pytest.raises(CsvFormatError) as caught:
        cf.read_following(sample("following_accounts_partial.csv"))
    assert caught.value.params == {"reason": "bare_username", "line": 2}


def test_mutes_sample() -> None:
    assert cf.read_mutes(sample("muted_accounts.csv")) == [
        MuteEntry(AccountRef("user@example.com"), notifications=True),
        MuteEntry(AccountRef("user@test.com"), notifications=False),
    ]


def test_blocks_sample_without_header_and_with_a_blank_line() -> None:
    assert accts(cf.read_blocks(sample("blocked_accounts.csv"))) == [
        "user@example.com",
        "user@test.com",
    ]


def test_lists_sample_groups_members_by_title_in_file_order() -> None:
    lists = cf.read_lists(sample("lists.csv"))
    assert [(lst.title, accts(list(lst.members))) for lst in lists] == [
        ("Mastodon project", ["gargron@example.com", "mastodon@example.com"]),
        ("test", ["foo@example.com"]),
    ]


def test_bookmarks_sample() -> None:
    assert [s.uri for s in cf.read_bookmarks(sample("bookmarks.csv"))] == [
        "https://example.com/statuses/1312",
        "https://local.com/users/foo/statuses/42",
        "https://unknown-remote.com/users/bar/statuses/1",
        "https://example.com/statuses/direct",
    ]


def test_filters_sample_with_array_cells() -> None:
    filters = cf.read_filters(sample("filters.csv"))
    assert filters[0] == FilterEntry(
        title="current events",
        context=("home", "public", "account"),
        action="warn",
        expires_at=datetime(2025, 8, 14, 21, 33, 29, tzinfo=UTC),
        keywords=(FilterKeyword("minions song contest", True),),
    )
    assert filters[2].keywords == (
        FilterKeyword("flying sharks", True),
        FilterKeyword("sapient crabs", False),
    )
    assert [f.action for f in filters] == ["warn", "hide", "blur"]
    assert filters[1].expires_at is None


def test_filters_writer_gives_mastodons_bytes() -> None:
    text = sample("filters.csv")
    assert cf.write_filters(cf.read_filters(text)) == text.rstrip("\n") + "\n"


def test_domain_blocks_with_and_without_header() -> None:
    assert cf.read_domain_blocks("bad.example\n\nWorse.Example\n") == [
        "bad.example",
        "worse.example",
    ]
    assert cf.read_domain_blocks("#domain\nbad.example\n") == ["bad.example"]


def test_columns_are_found_by_header_name_and_at_signs_dropped() -> None:
    text = "Account address,Notify on new posts,Show boosts\r\n@ann@a.example,TRUE,off\r\n"
    assert cf.read_following(text) == [
        FollowEntry(AccountRef("ann@a.example"), show_reblogs=False, notify=True)
    ]


# --- byte-for-byte what Mastodon's exporter writes ----------------------------------------------


def test_following_writer_bytes() -> None:
    text = cf.write_following(
        [
            FollowEntry(AccountRef("a@x.example"), show_reblogs=True, notify=False),
            FollowEntry(AccountRef("b@y.example"), False, True, languages=("en", "fr")),
            FollowEntry(AccountRef("c@z.example"), True, True, languages=("de",)),
        ]
    )
    assert text == (
        "Account address,Show boosts,Notify on new posts,Languages\n"
        "a@x.example,true,false,\n"
        'b@y.example,false,true,"en, fr"\n'
        "c@z.example,true,true,de\n"
    )


def test_other_writers_bytes() -> None:
    assert cf.write_mutes([MuteEntry(AccountRef("m@x.example"), notifications=False)]) == (
        "Account address,Hide notifications\nm@x.example,false\n"
    )
    assert cf.write_blocks([AccountRef("b@x.example"), AccountRef("c@y.example")]) == (
        "b@x.example\nc@y.example\n"
    )
    assert cf.write_domain_blocks(["spam.example"]) == "spam.example\n"
    assert cf.write_bookmarks([StatusRef("https://x.example/s/1")]) == "https://x.example/s/1\n"
    lists = [
        ListEntry('Work, "mostly"', members=(AccountRef("a@x.example"), AccountRef("b@x.example"))),
        ListEntry("empty"),
    ]
    assert cf.write_lists(lists) == (
        '"Work, ""mostly""",a@x.example\n"Work, ""mostly""",b@x.example\n'
    )
    assert cf.write_followers([AccountRef("f@x.example")]) == "Account address\nf@x.example\n"


# --- wrong kinds and broken files ---------------------------------------------------------------

READERS = {
    CsvKind.FOLLOWING: cf.read_following,
    CsvKind.MUTES: cf.read_mutes,
    CsvKind.BLOCKS: cf.read_blocks,
    CsvKind.LISTS: cf.read_lists,
    CsvKind.DOMAIN_BLOCKS: cf.read_domain_blocks,
    CsvKind.BOOKMARKS: cf.read_bookmarks,
    CsvKind.FILTERS: cf.read_filters,
}
SAMPLE_KINDS = {
    "following_accounts.csv": CsvKind.FOLLOWING,
    "following_accounts_partial.csv": CsvKind.FOLLOWING,
    "muted_accounts.csv": CsvKind.MUTES,
    "blocked_accounts.csv": CsvKind.BLOCKS,
    "lists.csv": CsvKind.LISTS,
    "bookmarks.csv": CsvKind.BOOKMARKS,
    "filters.csv": CsvKind.FILTERS,
}


@pytest.mark.parametrize("name", sorted(SAMPLE_KINDS))
def test_detect_kind_of_every_sample(name: str) -> None:
    assert cf.detect_kind(sample(name)) is SAMPLE_KINDS[name]


@pytest.mark.parametrize(
    ("name", "offered_as"),
    [
        (name, offered)
        for name, kind in sorted(SAMPLE_KINDS.items())
        for offered in READERS
        if offered is not kind
    ],
)
def test_a_file_offered_as_another_kind_is_refused(name: str, offered_as: CsvKind) -> None:
    with pytest.raises(CsvWrongKindError) as caught:
        READERS[offered_as](sample(name))
    assert caught.value.params["expected"] == offered_as.value
    assert caught.value.params["found"] == SAMPLE_KINDS[name].value


def test_headerless_addresses_read_as_follows_only_when_asked() -> None:
    text = sample("blocked_accounts.csv")
    entries = cf.read_following(text, strict_kind=False)
    assert [e.account.acct for e in entries] == ["user@example.com", "user@test.com"]


def test_file_cut_inside_a_quoted_field_is_truncated() -> None:
    text = 'Account address,Show boosts,Notify on new posts,Languages\na@x.example,true,true,"en,'
    with pytest.raises(CsvTruncatedError) as caught:
        cf.read_following(text)
    assert caught.value.params["line"] == 2


@pytest.mark.parametrize(
    ("text", "reason", "line"),
    [
        ('a@x.example\nb"@x.example\n', "stray_quote", 2),
        ('a@x.example\n"b@x.example"x\n', "text_after_quote", 2),
        ("a@x.example\n\nnot an address!\n", "bad_address", 3),
    ],
)
def test_malformed_rows_name_their_line(text: str, reason: str, line: int) -> None:
    with pytest.raises(CsvFormatError) as caught:
        cf.read_blocks(text)
    assert caught.value.params["reason"] == reason
    assert caught.value.params["line"] == line


def test_empty_file_has_no_rows() -> None:
    assert cf.read_blocks("") == []
    assert cf.read_following("Account address,Show boosts,Notify on new posts,Languages\n") == []
