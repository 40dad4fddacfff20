"""A Fedimove backup as a source: the exact Snapshot it stores (`read_archive`), its profile
images and its outbox. It holds every category that was read, followers included; those can
only be looked up by hand when the old server is gone."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from fedimove.core.engine.snapshot import AccountSnapshot, MediaFile
from fedimove.core.models import Category, Snapshot
from fedimove.core.sources.base import (
    OLD_SERVER_GONE,
    POSTS_KEPT_LOCALLY,
    SourceKind,
    SourceResult,
    adopt_images,
)
from fedimove.core.storage.archive_layout import ProfileImage
from fedimove.core.storage.archive_read import read_archive

AGE_MAGIC = b"age-encryption.org/v1"
ARMOR_MAGIC = b"-----BEGIN AGE ENCRYPTED FILE-----"


def is_backup(path: Path) -> bool:
    """An age file (binary or armored), whatever its name."""
    try:
        with path.open("rb") as handle:
            head = handle.read(64)
    except OSError:
        return False
    return head.startswith(AGE_MAGIC) or head.lstrip().startswith(ARMOR_MAGIC)


def _account_snapshot(snapshot: Snapshot) -> AccountSnapshot:
    return AccountSnapshot(**{f.name: getattr(snapshot, f.name) for f in fields(Snapshot)})


def _media(image: ProfileImage | None, url: str, stem: str) -> MediaFile | None:
    if image is None:
        return None
    return MediaFile(url or f"fedimove-backup:{stem}", image.media_type, image.data)


def read_backup(path: Path, passphrase: str, *, work_dir: Path | None = None) -> SourceResult:
    """Everything the backup holds, or a coded `ArchiveError` and nothing."""
    contents = read_archive(path, passphrase, work_dir=work_dir)
    snapshot = _account_snapshot(contents.snapshot)
    profile = snapshot.profile
    snapshot.avatar = _media(contents.avatar, profile.avatar_url, "avatar")
    snapshot.header = _media(contents.header, profile.header_url, "header")
    media = adopt_images(snapshot)
    missing = {Category.FOLLOWERS: OLD_SERVER_GONE}
    if contents.outbox is not None:
        missing[Category.POSTS] = POSTS_KEPT_LOCALLY
    return SourceResult(
        SourceKind.BACKUP,
        snapshot,
        provided=set(Category) - {Category.POSTS},
        missing=missing,
        media=media,
        outbox=contents.outbox,
        outbox_path=path,
        files=(path.name,),
    )
