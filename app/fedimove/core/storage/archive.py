"""The backup archive: an FEP-6fcd account export tar, encrypted as an age v1 file.

Layout of the tar (DESIGN.md §0.8, §6):
- `manifest.yml`: `ubc-version` and `contents` (FEP-6fcd), plus `meta` (who wrote it, when, the
  account and per-category counts);
- `activitypub/actor.json`, `activitypub/outbox.json` (only when posts are included), and the
  Mastodon-named CSVs (`following_accounts.csv`, `followers.csv` in GoToSocial's format,
  `lists.csv`, `blocked_accounts.csv`, `muted_accounts.csv`, `blocked_domains.csv`,
  `bookmarks.csv`, `filters.csv`), as FEP-6fcd's reference exporter places them;
- `fedimove/snapshot.json`: the exact Snapshot (what CSV cannot hold), see archive_json.py;
- `media/`: avatar and header images, and any other media files added.

Writing streams tar → age → a temporary file in the target's directory (0600), which is
fsynced and renamed over the target only when complete: a crash leaves the old file or none.

Reading never hands out partial data: `DecryptedArchive` decrypts the whole file to an anonymous
temporary file first and opens the tar only after the last STREAM chunk authenticated; any
failure (wrong passphrase, tampering, truncation) raises before a single member is parsed.
"""

from __future__ import annotations

import errno
import io
import json
import os
import tarfile
import tempfile
from pathlib import Path
from types import TracebackType
from typing import IO, Any, cast

from fedimove import __version__
from fedimove.core.errors import (
    DiskFullError,
    StorageError,
)
from fedimove.core.models import Snapshot
from fedimove.core.storage import csv_formats as cf
from fedimove.core.storage.age import (
    DEFAULT_WORK_FACTOR,
    AgeWriter,
)
from fedimove.core.storage.archive_json import (
    actor_document,
    snapshot_to_json,
)
from fedimove.core.storage.archive_layout import (
    ACTOR,
    MANIFEST,
    MASTODON_EXPORT_URL,
    MEMBER_URLS,
    OUTBOX,
    SNAPSHOT,
    SNAPSHOT_DESCRIPTION,
    ArchiveContents,
    ProfileImage,
    csv_member,
)
from fedimove.core.storage.archive_manifest import (
    MANIFEST_URL,
    UBC_VERSION,
    Manifest,
    dump_manifest,
)
from fedimove.core.storage.archive_read import DecryptedArchive, read_archive
from fedimove.core.storage.csv_formats import CsvKind

__all__ = [
    "ArchiveContents",
    "ArchiveWriter",
    "DecryptedArchive",
    "ProfileImage",
    "read_archive",
    "write_archive",
]


def _storage_error(exc: OSError) -> StorageError:
    if exc.errno == errno.ENOSPC:
        return DiskFullError("disk full while writing the backup")
    return StorageError("cannot write the backup", reason=exc.strerror or "os_error")


class ArchiveWriter:
    """Stream members into an encrypted archive; `commit()` makes it appear at `path`."""

    def __init__(
        self, path: Path, passphrase: str, *, work_factor: int = DEFAULT_WORK_FACTOR
    ) -> None:
        self.path = path
        try:
            fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
        except OSError as exc:
            raise _storage_error(exc) from exc
        self._temp = Path(temp)
        self._file = os.fdopen(fd, "wb")  # mkstemp creates it 0600
        self._age = AgeWriter(self._file, passphrase, work_factor=work_factor)
        age_io = cast(IO[bytes], self._age)
        # Closed in commit()/abort(): the writer outlives this constructor by design.
        self._tar = tarfile.open(  # noqa: SIM115
            fileobj=age_io, mode="w|", format=tarfile.PAX_FORMAT
        )
        self.members: list[str] = []

    def _info(self, name: str, size: int) -> tarfile.TarInfo:
        if name in self.members or name == MANIFEST:
            raise ValueError(f"duplicate archive member {name}")
        info = tarfile.TarInfo(name)
        info.size, info.mode, info.mtime = size, 0o600, 0
        self.members.append(name)
        return info

    def add_bytes(self, name: str, data: bytes) -> None:
        self._write(self._info(name, len(data)), io.BytesIO(data))

    def add_file(self, name: str, source: Path) -> None:
        """Add a file from disk, streamed (for large media)."""
        with source.open("rb") as src:
            self._write(self._info(name, os.fstat(src.fileno()).st_size), src)

    def _write(self, info: tarfile.TarInfo, data: IO[bytes]) -> None:
        try:
            self._tar.addfile(info, data)
        except OSError as exc:
            raise _storage_error(exc) from exc

    def commit(self, manifest: Manifest) -> None:
        manifest_bytes = dump_manifest(manifest).encode("utf-8")
        info = tarfile.TarInfo(MANIFEST)
        info.size, info.mode = len(manifest_bytes), 0o600
        try:
            self._tar.addfile(info, io.BytesIO(manifest_bytes))
            self._tar.close()
            self._age.close()
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
            os.replace(self._temp, self.path)
            _fsync_directory(self.path.parent)
        except OSError as exc:
            self.abort()
            raise _storage_error(exc) from exc

    def abort(self) -> None:
        self._file.close()
        self._temp.unlink(missing_ok=True)

    def __enter__(self) -> ArchiveWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is not None or not self._file.closed:
            self.abort()


def _fsync_directory(directory: Path) -> None:
    if os.name == "nt":  # Windows cannot open a directory for fsync; rename is durable there
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


def _csv_texts(snapshot: Snapshot) -> dict[CsvKind, str]:
    return {
        CsvKind.FOLLOWING: cf.write_following(snapshot.following),
        CsvKind.FOLLOWERS: cf.write_followers(snapshot.followers),
        CsvKind.LISTS: cf.write_lists(snapshot.lists),
        CsvKind.BLOCKS: cf.write_blocks(snapshot.blocks),
        CsvKind.MUTES: cf.write_mutes(snapshot.mutes),
        CsvKind.DOMAIN_BLOCKS: cf.write_domain_blocks(snapshot.domain_blocks),
        CsvKind.BOOKMARKS: cf.write_bookmarks(snapshot.bookmarks),
        CsvKind.FILTERS: cf.write_filters(snapshot.filters),
    }


def build_manifest(snapshot: Snapshot, members: list[str], counts: dict[str, int]) -> Manifest:
    activitypub: Manifest = {}
    for name in members:
        if name.startswith("activitypub/"):
            url = MEMBER_URLS.get(name, MASTODON_EXPORT_URL)
            activitypub[name.removeprefix("activitypub/")] = {"url": url}
    meta: Manifest = {
        "createdBy": {"client": {"name": "Fedimove", "version": __version__}},
        "createdAt": snapshot.taken_at.isoformat(),
        "account": snapshot.account.acct,
        "counts": dict(counts),
    }
    contents: Manifest = {
        MANIFEST: {"url": MANIFEST_URL},
        "activitypub": {"contents": activitypub},
        "fedimove": {"contents": {"snapshot.json": {"description": SNAPSHOT_DESCRIPTION}}},
    }
    media = [m.removeprefix("media/") for m in members if m.startswith("media/")]
    if media:
        contents["media"] = {"contents": {name: {"url": "media"} for name in media}}
    return {"ubc-version": UBC_VERSION, "meta": meta, "contents": contents}


def write_archive(
    path: Path,
    snapshot: Snapshot,
    passphrase: str,
    *,
    avatar: ProfileImage | None = None,
    header: ProfileImage | None = None,
    outbox: Any = None,
    media_files: dict[str, Path] | None = None,
    work_factor: int = DEFAULT_WORK_FACTOR,
) -> None:
    """Write the whole backup atomically. `media_files` maps names under `media/` to files on
    disk (post attachments), streamed in."""
    with ArchiveWriter(path, passphrase, work_factor=work_factor) as writer:
        images: dict[str, tuple[str, str]] = {}
        for key, stem, image in (("icon", "avatar", avatar), ("image", "header", header)):
            if image is not None:
                name = f"media/{stem}.{image.extension}"
                writer.add_bytes(name, image.data)
                images[key] = (name, image.media_type)
        writer.add_bytes(ACTOR, _json_bytes(actor_document(snapshot, images)))
        if outbox is not None:
            writer.add_bytes(OUTBOX, _json_bytes(outbox))
        for kind, text in _csv_texts(snapshot).items():
            writer.add_bytes(csv_member(kind), text.encode("utf-8"))
        writer.add_bytes(SNAPSHOT, _json_bytes(snapshot_to_json(snapshot)))
        for name, source in (media_files or {}).items():
            writer.add_file(f"media/{name}", source)
        counts = ArchiveContents({}, snapshot, {}, outbox=outbox).counts()
        writer.commit(build_manifest(snapshot, writer.members, counts))
