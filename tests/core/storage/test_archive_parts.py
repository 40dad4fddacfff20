"""The archive's smaller parts: manifest YAML, snapshot JSON, recovery phrase, keyring cache."""

from __future__ import annotations

import json
import re
from datetime import UTC, timedelta, timezone
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from fedimove.core.errors import ArchiveError
from fedimove.core.models import (
    AccountRef,
    FilterEntry,
    FilterKeyword,
    FollowEntry,
    ListEntry,
    MuteEntry,
    ProfileData,
    ProfileField,
    Snapshot,
    StatusRef,
)
from fedimove.core.storage.archive import read_archive, write_archive
from fedimove.core.storage.archive_json import snapshot_from_json, snapshot_to_json
from fedimove.core.storage.archive_manifest import Manifest, dump_manifest, load_manifest
from fedimove.core.storage.archive_passphrase import (
    archive_id,
    forget_passphrase,
    generate_recovery_phrase,
    normalize_passphrase,
    recall_passphrase,
    remember_passphrase,
)
from fedimove.core.storage.secrets import SecretStore
from tests.core.storage.test_archive import rich_snapshot

scalars = st.text(max_size=20) | st.integers(-(10**17), 10**17) | st.booleans()
manifests: st.SearchStrategy[Manifest] = st.recursive(
    st.dictionaries(st.text(min_size=1, max_size=12), scalars, min_size=1, max_size=4),
    lambda children: st.dictionaries(
        st.text(min_size=1, max_size=12), children | scalars, min_size=1, max_size=4
    ),
    max_leaves=12,
)


@given(manifests)
@settings(deadline=None)
def test_manifest_round_trips_and_is_real_yaml(manifest: Manifest) -> None:
    text = dump_manifest(manifest)
    assert load_manifest(text) == manifest
    assert yaml.safe_load(text) == manifest


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("a: [1, 2]\n", "unsupported_value"),
        ("a:\n  b: 1\n c: 2\n", "indentation"),
        ("a: 1\na: 2\n", "duplicate_key"),
        ("a:\n", "empty_mapping"),
        ("- item\n", "syntax"),
        ('a: "unterminated\n', "bad_string"),
        ("a: &anchor x\n", "unsupported_value"),
    ],
)
def test_manifest_reader_is_strict(text: str, reason: str) -> None:
    with pytest.raises(ArchiveError) as caught:
        load_manifest(text)
    assert caught.value.params["reason"] == reason


def test_manifest_reader_takes_other_tools_plain_scalars() -> None:
    text = (
        "# written elsewhere\nubc-version: '0.1'\ncontents:\n  activitypub:\n    url: https://x\n"
    )
    assert load_manifest(text) == {
        "ubc-version": "0.1",
        "contents": {"activitypub": {"url": "https://x"}},
    }


def test_snapshot_json_is_exact_and_strict() -> None:
    snapshot = rich_snapshot()
    data = snapshot_to_json(snapshot)
    assert snapshot_from_json(data) == snapshot
    data["snapshot"]["following"][0]["show_reblogs"] = "yes"
    with pytest.raises(ArchiveError) as caught:
        snapshot_from_json(data)
    assert caught.value.params["field"] == "snapshot.following[0].show_reblogs"


def test_recovery_phrase_shape_and_strength() -> None:
    phrases = {generate_recovery_phrase() for _ in range(50)}
    assert len(phrases) == 50
    for phrase in phrases:
        assert re.fullmatch(r"([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}", phrase)


def test_recovery_phrase_typed_loosely_still_opens(tmp_path: Path) -> None:
    phrase = generate_recovery_phrase()
    path = tmp_path / "b.age"
    write_archive(path, rich_snapshot(), phrase, work_factor=2)
    typed = phrase.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert normalize_passphrase(typed) == phrase
    assert read_archive(path, typed).snapshot == rich_snapshot()
    assert normalize_passphrase("my own passphrase") == "my own passphrase"


def test_keyring_caches_the_passphrase_per_file(tmp_path: Path, secrets: SecretStore) -> None:
    first, second = tmp_path / "1.age", tmp_path / "2.age"
    write_archive(first, rich_snapshot(), "one", work_factor=2)
    write_archive(second, rich_snapshot(), "two", work_factor=2)
    assert archive_id(first) != archive_id(second)
    remember_passphrase(secrets, first, "one")
    assert recall_passphrase(secrets, first) == "one"
    assert recall_passphrase(secrets, second) is None
    assert forget_passphrase(secrets, first)
    assert recall_passphrase(secrets, first) is None


def test_archive_id_of_a_non_age_file(tmp_path: Path) -> None:
    other = tmp_path / "x.zip"
    other.write_bytes(b"PK\x03\x04")
    with pytest.raises(ArchiveError):
        archive_id(other)


_text = st.text(max_size=15)
_when = st.datetimes(timezones=st.sampled_from([UTC, timezone(timedelta(hours=-5))]))
_users = st.from_regex(r"[a-z0-9_]{1,8}", fullmatch=True)
_domains = st.from_regex(r"[a-z]{1,8}", fullmatch=True)
_accounts = st.builds(
    AccountRef,
    acct=st.builds(lambda u, d: f"{u}@{d}.example", _users, _domains),
    uri=_text,
    url=_text,
    local_id=_text,
    display_name=_text,
)
_statuses = st.builds(StatusRef, _text, _text, _text, _text)
_tuples = st.lists(_text, max_size=3).map(tuple)
snapshots = st.builds(
    Snapshot,
    account=_accounts,
    taken_at=_when,
    profile=st.builds(
        ProfileData,
        display_name=_text,
        note=_text,
        fields=st.lists(st.builds(ProfileField, _text, _text), max_size=4).map(tuple),
        discoverable=st.none() | st.booleans(),
    ),
    following=st.lists(
        st.builds(FollowEntry, _accounts, st.booleans(), st.booleans(), st.none() | _tuples),
        max_size=4,
    ),
    followers=st.lists(_accounts, max_size=4),
    lists=st.lists(
        st.builds(
            ListEntry, _text, _text, st.booleans(), st.lists(_accounts, max_size=3).map(tuple)
        ),
        max_size=3,
    ),
    bookmarks=st.lists(_statuses, max_size=3),
    favourites=st.lists(_statuses, max_size=3),
    blocks=st.lists(_accounts, max_size=3),
    mutes=st.lists(st.builds(MuteEntry, _accounts, st.booleans(), st.none() | _when), max_size=3),
    domain_blocks=st.lists(_text, max_size=3),
    followed_tags=st.lists(_text, max_size=3),
    filters=st.lists(
        st.builds(
            FilterEntry,
            _text,
            _tuples,
            _text,
            st.none() | _when,
            st.lists(st.builds(FilterKeyword, _text, st.booleans()), max_size=3).map(tuple),
        ),
        max_size=3,
    ),
    featured_tags=st.lists(_text, max_size=3),
    endorsements=st.lists(_accounts, max_size=3),
    notes=st.dictionaries(_text, _text, max_size=3),
)


@given(snapshots)
@settings(max_examples=60, deadline=None)
def test_any_snapshot_survives_the_json_record(snapshot: Snapshot) -> None:
    encoded = json.loads(json.dumps(snapshot_to_json(snapshot)))
    assert snapshot_from_json(encoded) == snapshot


def test_an_own_passphrase_that_looks_like_a_phrase_is_used_as_typed(tmp_path: Path) -> None:
    own = "abcdefghjkmnpqrstvwxyz0123456789"  # 32 Crockford characters, but the user's own
    path = tmp_path / "b.age"
    write_archive(path, rich_snapshot(), own, work_factor=2)
    assert read_archive(path, own).snapshot == rich_snapshot()
