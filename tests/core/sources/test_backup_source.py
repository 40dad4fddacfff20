"""A Fedimove backup as the old account: the exact Snapshot it stores, its images served to the
copy by URL, its posts on the local page (media read from inside the encrypted file)."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from pathlib import Path

import pytest

from fedimove.core.errors import ArchiveError, ArchiveWrongPassphraseError
from fedimove.core.models import Category
from fedimove.core.sources.base import FOLLOWERS_GONE, POSTS_KEPT_LOCALLY, SourceKind
from fedimove.core.sources.files import read_files, write_posts_page
from fedimove.core.storage.archive import write_archive
from tests.core.sources.helpers import CLIP, copy_samples
from tests.core.storage.test_archive import AVATAR, FAST, HEADER, PASS, rich_snapshot

NOW = datetime(2026, 6, 1, tzinfo=UTC)
OUTBOX = {
    "type": "OrderedCollection",
    "orderedItems": [
        {
            "type": "Create",
            "published": "2026-04-01T10:00:00Z",
            "object": {
                "type": "Note",
                "content": "<p>from the backup</p>",
                "attachment": [{"url": "media/posts/1-0.png", "mediaType": "image/png"}],
            },
        }
    ],
}


@pytest.fixture
def backup(tmp_path: Path) -> Path:
    clip = tmp_path / "clip.png"
    clip.write_bytes(CLIP)
    path = tmp_path / "anna.fedimove"
    write_archive(
        path,
        rich_snapshot(),
        PASS,
        avatar=AVATAR,
        header=HEADER,
        outbox=OUTBOX,
        media_files={"posts/1-0.png": clip},
        work_factor=FAST,
    )
    return path


def test_the_backup_gives_back_its_exact_snapshot(backup: Path, tmp_path: Path) -> None:
    result = read_files([backup], now=NOW, passphrase=PASS)
    expected = rich_snapshot()
    snap = result.snapshot
    assert result.kind is SourceKind.BACKUP
    for category in set(Category) - {Category.PROFILE, Category.POSTS}:
        assert getattr(snap, category.value) == getattr(expected, category.value), category
    assert snap.profile.note == expected.profile.note
    assert result.media[snap.profile.avatar_url] == (AVATAR.data, AVATAR.media_type)
    assert result.media[snap.profile.header_url] == (HEADER.data, HEADER.media_type)
    assert result.cannot_move()[Category.FOLLOWERS] == FOLLOWERS_GONE
    assert result.missing[Category.POSTS] == POSTS_KEPT_LOCALLY
    page = tmp_path / "posts.html"
    assert write_posts_page(result, page, PASS) == 1
    assert base64.b64encode(CLIP).decode("ascii") in page.read_text(encoding="utf-8")


def test_a_backup_and_csv_files_together(backup: Path, tmp_path: Path) -> None:
    # The backup comes first: its follows win over a CSV's; a kind it lacks would be added.
    csvs = copy_samples(tmp_path, "following_accounts.csv")
    result = read_files([*csvs, backup], now=NOW, passphrase=PASS)
    assert result.snapshot.following == rich_snapshot().following


def test_a_backup_needs_its_passphrase(backup: Path) -> None:
    with pytest.raises(ArchiveError) as missing:
        read_files([backup], now=NOW)
    assert missing.value.params["reason"] == "passphrase_missing"
    with pytest.raises(ArchiveWrongPassphraseError):
        read_files([backup], now=NOW, passphrase="not it")
