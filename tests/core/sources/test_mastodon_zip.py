"""Mastodon's archive zip as the old account, and zips that try to hurt: refused whole, with
coded errors, before anything is read from them."""

from __future__ import annotations

import json
import stat
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from fedimove.core.errors import SourceError, ZipTooLargeError, ZipUnsafeError
from fedimove.core.models import Category, Handle, ProfileField
from fedimove.core.sources.base import FOLLOWERS_GONE, NOT_IN_ARCHIVE, SourceKind
from fedimove.core.sources.files import read_files
from fedimove.core.sources.mastodon_zip import read_mastodon_archive
from fedimove.core.sources.zip_safety import MiB, SafeZip, ZipLimits
from tests.core.sources.helpers import (
    BOOKMARKED,
    JPEG,
    LIKED,
    PNG,
    actor,
    copy_samples,
    write_mastodon_zip,
)

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def test_the_archive_gives_profile_images_bookmarks_likes_and_posts(tmp_path: Path) -> None:
    result = read_mastodon_archive(write_mastodon_zip(tmp_path / "archive.zip"))
    snap = result.snapshot
    assert result.kind is SourceKind.MASTODON_ARCHIVE
    assert snap.account.acct == "anna@old.example"
    assert snap.account.uri == "https://old.example/users/anna"
    assert snap.profile.display_name == "Anna <b>🐘</b>"  # a name is plain text already
    assert snap.profile.note == "Line one\nline two\n\nBye"
    assert snap.profile.fields == (
        ProfileField("Site", "a.example"),
        ProfileField("Pronouns", "she/her"),
    )
    assert snap.profile.locked
    assert snap.profile.discoverable is True
    assert snap.avatar is not None
    assert snap.header is not None
    assert (snap.avatar.data, snap.avatar.content_type) == (PNG, "image/png")
    assert snap.header.data == JPEG
    # The copy fetches the images by the profile's URLs: they are served from the zip.
    assert result.media[snap.profile.avatar_url] == (PNG, "image/png")
    assert result.media[snap.profile.header_url] == (JPEG, "image/jpeg")
    assert [s.uri for s in snap.bookmarks] == BOOKMARKED
    assert [s.uri for s in snap.favourites] == LIKED
    assert len(result.outbox["orderedItems"]) == 3
    assert result.provided == {Category.PROFILE, Category.BOOKMARKS, Category.FAVOURITES}
    assert result.missing[Category.FOLLOWING] == NOT_IN_ARCHIVE
    assert result.cannot_move()[Category.FOLLOWERS] == FOLLOWERS_GONE


def test_zip_and_csv_files_together_make_one_account(tmp_path: Path) -> None:
    archive = write_mastodon_zip(tmp_path / "archive.zip")
    csvs = copy_samples(tmp_path, "following_accounts_partial.csv", "blocked_accounts.csv")
    result = read_files([archive, *csvs], now=NOW)  # the zip says whose files they are
    snap = result.snapshot
    assert result.kind is SourceKind.FILES
    assert {f.account.acct for f in snap.following} == {"bob@old.example", "eve@example.com"}
    assert len(snap.blocks) == 2
    assert snap.profile.note.startswith("Line one")
    expected = {Category.PROFILE, Category.BOOKMARKS, Category.FAVOURITES}
    assert result.provided == expected | {Category.FOLLOWING, Category.BLOCKS}
    assert Category.FOLLOWING not in result.missing
    assert result.missing[Category.LISTS] == NOT_IN_ARCHIVE
    assert result.outbox is not None


def test_files_of_two_accounts_are_refused(tmp_path: Path) -> None:
    archive = write_mastodon_zip(tmp_path / "archive.zip")
    csvs = copy_samples(tmp_path, "blocked_accounts.csv")
    with pytest.raises(SourceError) as caught:
        read_files([archive, *csvs], now=NOW, old=Handle("someone", "else.example"))
    assert caught.value.params["reason"] == "different_accounts"


def _zip(path: Path, entries: dict[str, bytes], **kwargs: int) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("actor.json", json.dumps(actor()))
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize(
    "name", ["../evil.json", "/etc/passwd", "media/../../x", "C:/windows/x", "a\\..\\b"]
)
def test_names_that_escape_a_folder_are_refused(tmp_path: Path, name: str) -> None:
    path = _zip(tmp_path / "hostile.zip", {name: b"x"})
    with pytest.raises(ZipUnsafeError) as caught:
        read_mastodon_archive(path)
    assert caught.value.code == "source.zip_unsafe"


def test_links_inside_the_zip_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "link.zip"
    with zipfile.ZipFile(path, "w") as archive:
        info = zipfile.ZipInfo("avatar.png")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, "/etc/passwd")
    with pytest.raises(ZipUnsafeError):
        read_mastodon_archive(path)


def test_a_zip_bomb_is_refused_before_it_inflates(tmp_path: Path) -> None:
    path = _zip(tmp_path / "bomb.zip", {"outbox.json": b"\0" * (8 * MiB)})
    assert path.stat().st_size < 64 * 1024
    with pytest.raises(ZipTooLargeError) as caught:
        read_mastodon_archive(path)
    assert caught.value.params["reason"] == "ratio"


def test_sizes_and_counts_are_bounded(tmp_path: Path) -> None:
    path = write_mastodon_zip(tmp_path / "archive.zip")
    small = {"max_entry": 100, "ratio_floor": 10**9}
    cases = [
        (ZipLimits(**small), "entry_too_large"),
        (ZipLimits(max_total=1000), "total"),
        (ZipLimits(max_entries=3), "entries"),
    ]
    for limits, reason in cases:
        with pytest.raises(ZipTooLargeError) as caught:
            read_mastodon_archive(path, limits=limits)
        assert caught.value.params["reason"] == reason


def test_reads_stop_at_their_limit_whatever_the_directory_says(tmp_path: Path) -> None:
    path = write_mastodon_zip(tmp_path / "archive.zip")
    with SafeZip(path) as archive, pytest.raises(ZipTooLargeError):
        archive.read("outbox.json", limit=10)


def test_not_a_zip_not_an_archive_and_broken_json(tmp_path: Path) -> None:
    fake = tmp_path / "archive.zip"
    fake.write_bytes(b"PK\x03\x04 but nothing else")
    with pytest.raises(SourceError) as caught:
        read_mastodon_archive(fake)
    assert caught.value.params["reason"] == "bad_zip"
    other = tmp_path / "photos.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("holiday.jpg", JPEG)
    with pytest.raises(SourceError) as caught:
        read_mastodon_archive(other)
    assert caught.value.params["reason"] == "no_actor"
    broken = _zip(tmp_path / "broken.zip", {"likes.json": b"{not json"})
    with pytest.raises(SourceError) as caught:
        read_mastodon_archive(broken)
    assert caught.value.params == {"reason": "bad_json", "file": "likes.json"}
