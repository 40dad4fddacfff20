"""The preview of a migration from files: counts, what the new account already has, what its
server's blocks skip, and in plain words what cannot move (followers above all)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fedimove.core.engine.preview import NewSide
from fedimove.core.models import AccountRef, Category, FollowEntry, Handle, Snapshot
from fedimove.core.sources.base import FOLLOWERS_GONE
from fedimove.core.sources.files import read_files
from fedimove.core.sources.offline import offline_preview, to_service_preview
from tests.core.sources.helpers import copy_samples, write_mastodon_zip

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def test_preview_from_csv_files_and_an_archive(tmp_path: Path) -> None:
    paths = copy_samples(tmp_path, "following_accounts.csv", "blocked_accounts.csv")
    source = read_files([write_mastodon_zip(tmp_path / "a.zip"), *paths], now=NOW)
    have = Snapshot(AccountRef("anna@new.example"), NOW)
    have.following = [FollowEntry(AccountRef("user@example.com"))]
    side = NewSide(have, domain_blocks=(("test.com", "suspend"),))
    preview = offline_preview(source, side, "anna@new.example", NOW)

    following = preview.category(Category.FOLLOWING)
    assert (following.count, following.existing, following.to_copy) == (2, 1, 0)
    assert [s.reason for s in following.skipped] == ["domain_blocked_by_new_server"]
    assert preview.category(Category.BOOKMARKS).count == 2
    assert preview.cannot_move[Category.FOLLOWERS] == FOLLOWERS_GONE
    assert preview.cannot_move[Category.LISTS] == "not in Mastodon's archive zip"
    assert "anna@old.example" in preview.moved_post
    assert "@anna@new.example" in preview.moved_post
    with_files = {c.category for c in preview.categories}
    assert Category.LISTS not in with_files  # nothing to show for what the files lack

    shown = {row.category: row for row in to_service_preview(preview).categories}
    assert shown[Category.FOLLOWERS].skipped == {FOLLOWERS_GONE: 0}
    assert shown[Category.LISTS].skipped == {"not in Mastodon's archive zip": 0}
    assert shown[Category.FOLLOWING].already_present == 1


def test_followers_listed_in_the_files_are_counted_as_cannot_move(tmp_path: Path) -> None:
    (tmp_path / "followers.csv").write_text(
        "Account address\nbob@a.example\ncarol@b.example\n", encoding="utf-8"
    )
    source = read_files([tmp_path / "followers.csv"], now=NOW, old=Handle("anna", "gts.example"))
    preview = offline_preview(source, NewSide(), "anna@new.example", NOW)
    assert preview.followers_known == 2
    shown = {row.category: row for row in to_service_preview(preview).categories}
    assert shown[Category.FOLLOWERS].skipped == {FOLLOWERS_GONE: 2}
