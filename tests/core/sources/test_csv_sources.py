"""CSV files (Mastodon's export page, GoToSocial's exports) as the old account, read exactly as
Mastodon's importer reads them, and refused with a coded error before anything changes."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from fedimove.core.errors import CsvFormatError, CsvTruncatedError, CsvWrongKindError, SourceError
from fedimove.core.models import Category, Handle
from fedimove.core.sources.base import FOLLOWERS_GONE, NOT_IN_CSV, SourceKind
from fedimove.core.sources.files import read_files
from tests.core.sources.helpers import copy_samples
from tests.core.storage.test_csv_formats import SAMPLES

NOW = datetime(2026, 1, 1, tzinfo=UTC)
ANNA = Handle("anna", "old.example")
ALL = (
    "following_accounts.csv",
    "muted_accounts.csv",
    "blocked_accounts.csv",
    "lists.csv",
    "bookmarks.csv",
    "filters.csv",
)


def test_every_mastodon_sample_is_read_into_the_snapshot(tmp_path: Path) -> None:
    result = read_files(copy_samples(tmp_path, *ALL), now=NOW, old=ANNA)
    snap = result.snapshot
    assert result.kind is SourceKind.MASTODON_CSV
    assert snap.account.acct == "anna@old.example"
    follows = {f.account.acct: (f.show_reblogs, f.notify, f.languages) for f in snap.following}
    assert follows == {
        "user@example.com": (True, False, None),
        "user@test.com": (True, True, ("en", "fr")),
    }
    assert {m.account.acct: m.notifications for m in snap.mutes} == {
        "user@example.com": True,
        "user@test.com": False,
    }
    assert [b.acct for b in snap.blocks] == ["user@example.com", "user@test.com"]
    assert {lst.title: [m.acct for m in lst.members] for lst in snap.lists} == {
        "Mastodon project": ["gargron@example.com", "mastodon@example.com"],
        "test": ["foo@example.com"],
    }
    assert snap.bookmarks[1].uri == "https://local.com/users/foo/statuses/42"
    assert len(snap.bookmarks) == 4
    filters = {
        f.title: (f.context, f.action, [k.keyword for k in f.keywords]) for f in snap.filters
    }
    assert filters["scary things"] == (
        ("home", "public"),
        "blur",
        ["flying sharks", "sapient crabs"],
    )
    assert [k.whole_word for k in snap.filters[2].keywords] == [True, False]
    assert snap.filters[0].expires_at == datetime(2025, 8, 14, 21, 33, 29, tzinfo=UTC)
    provided = {
        Category(k) for k in ("following", "mutes", "blocks", "lists", "bookmarks", "filters")
    }
    assert result.provided == provided
    assert result.missing[Category.PROFILE] == NOT_IN_CSV
    assert result.cannot_move()[Category.FOLLOWERS] == FOLLOWERS_GONE


def test_bare_local_usernames_belong_to_the_old_server(tmp_path: Path) -> None:
    result = read_files(copy_samples(tmp_path, "following_accounts_partial.csv"), now=NOW, old=ANNA)
    follows = {f.account.acct: f.show_reblogs for f in result.snapshot.following}
    assert follows == {"bob@old.example": True, "eve@example.com": False}


def test_a_folder_of_exports_is_read_whole(tmp_path: Path) -> None:
    copy_samples(tmp_path, "blocked_accounts.csv", "lists.csv")
    result = read_files([tmp_path], now=NOW, old=ANNA)
    assert result.provided == {Category.BLOCKS, Category.LISTS}


def test_gotosocial_exports_are_recognised(tmp_path: Path) -> None:
    (tmp_path / "following.csv").write_text(
        "Account address,Show boosts\nbob@gts.example,true\n", encoding="utf-8"
    )
    (tmp_path / "followers.csv").write_text(
        "Account address\ncarol@other.example\n", encoding="utf-8"
    )
    (tmp_path / "blocks.csv").write_text("troll@bad.example\n", encoding="utf-8")
    paths = sorted(tmp_path.iterdir())
    result = read_files(paths, now=NOW, old=Handle("anna", "gts.example"))
    assert result.kind is SourceKind.GOTOSOCIAL_CSV
    assert [f.acct for f in result.snapshot.followers] == ["carol@other.example"]
    assert [b.acct for b in result.snapshot.blocks] == ["troll@bad.example"]
    # The follower list helps to look people up; moving them still needs the old server.
    assert result.cannot_move()[Category.FOLLOWERS] == FOLLOWERS_GONE


def test_a_blocks_file_offered_as_follows_is_refused(tmp_path: Path) -> None:
    # Mastodon's blocks export (no header, one address a line) saved under the follows name.
    offered = tmp_path / "following_accounts.csv"
    offered.write_bytes((SAMPLES / "blocked_accounts.csv").read_bytes())
    with pytest.raises(CsvWrongKindError) as caught:
        read_files([offered, *copy_samples(tmp_path, "lists.csv")], now=NOW, old=ANNA)
    assert caught.value.code == "csv.wrong_kind"
    assert caught.value.params["kind"] == "following_accounts"
    assert caught.value.params["found"] == "blocked_accounts"
    assert caught.value.params["file"] == "following_accounts.csv"


def test_mutes_offered_as_follows_are_refused(tmp_path: Path) -> None:
    offered = tmp_path / "following_accounts.csv"
    offered.write_text(
        "Account address,Hide notifications\nuser@example.com,true\n", encoding="utf-8"
    )
    with pytest.raises(CsvWrongKindError) as caught:
        read_files([offered], now=NOW, old=ANNA)
    assert caught.value.params["found"] == "muted_accounts"


def test_a_truncated_file_is_refused(tmp_path: Path) -> None:
    cut = tmp_path / "following_accounts.csv"
    cut.write_text(
        'Account address,Show boosts,Notify on new posts,Languages\nuser@test.com,true,true,"en,f',
        encoding="utf-8",
    )
    with pytest.raises(CsvTruncatedError) as caught:
        read_files([cut], now=NOW, old=ANNA)
    assert caught.value.code == "csv.truncated"


def test_a_malformed_file_is_refused_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "blocked_accounts.csv"
    bad.write_text('user@example.com\nus"er@test.com\n', encoding="utf-8")
    with pytest.raises(CsvFormatError) as caught:
        read_files([bad], now=NOW, old=ANNA)
    assert caught.value.code == "csv.invalid"
    assert caught.value.params["line"] == 2


def test_csv_files_need_to_know_whose_they_are(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as caught:
        read_files(copy_samples(tmp_path, "lists.csv"), now=NOW)
    assert caught.value.params["reason"] == "old_account_unknown"


def test_files_of_no_known_kind_are_refused(tmp_path: Path) -> None:
    odd = tmp_path / "notes.txt"
    odd.write_bytes(b"\x00\x01binary")
    with pytest.raises(SourceError) as caught:
        read_files([odd], now=NOW, old=ANNA)
    assert caught.value.params == {"reason": "unknown_file", "file": "notes.txt"}
    with pytest.raises(SourceError) as missing:
        read_files([tmp_path / "gone.csv"], now=NOW, old=ANNA)
    assert missing.value.params["reason"] == "not_found"
