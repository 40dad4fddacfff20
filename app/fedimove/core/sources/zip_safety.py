"""Opening a zip someone else made, safely: Mastodon's archive, or a file posing as one.

Nothing is ever extracted to disk; entries are read into memory with bounded reads. Still, a zip
whose names could escape a folder (absolute, `..`, drive letters, backslashes), holds links or
encrypted entries is refused whole (`ZipUnsafeError`): it was not written by a server's export.
Sizes are bounded three ways, none trusting the zip's own directory alone: the number of
entries, each entry's and the total declared size, the inflation ratio (a zip bomb), and every
read stops one byte past its limit.
"""

from __future__ import annotations

import stat
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from types import TracebackType

from fedimove.core.errors import SourceError, ZipTooLargeError, ZipUnsafeError

MiB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ZipLimits:
    max_entries: int = 200_000
    max_entry: int = 256 * MiB  # one file inside (a video attachment fits)
    max_json: int = 256 * MiB  # outbox.json of a very busy account
    max_total: int = 16 * 1024 * MiB
    #: Deflate reaches about 1032:1 at most; real archives (JPEG, MP4, JSON) stay far below 100.
    max_ratio: int = 200
    ratio_floor: int = 1 * MiB  # small entries may compress well without being bombs


def _unsafe_name(name: str) -> bool:
    if not name or "\\" in name or "\x00" in name or name.startswith("/"):
        return True
    path = PurePosixPath(name)
    first = path.parts[0] if path.parts else ""
    return ".." in path.parts or (len(first) >= 2 and first[1] == ":")


def _check_entry(info: zipfile.ZipInfo, limits: ZipLimits) -> None:
    mode = info.external_attr >> 16
    if _unsafe_name(info.filename) or stat.S_ISLNK(mode):
        raise ZipUnsafeError("unsafe entry in the zip", reason="unsafe_name")
    if info.flag_bits & 0x1:
        raise ZipUnsafeError("encrypted entry in the zip", reason="encrypted")
    if info.file_size > limits.max_entry:
        raise ZipTooLargeError("an entry is too large", reason="entry_too_large")
    if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(
        info.compress_size, 1
    ):
        raise ZipTooLargeError("an entry inflates too much", reason="ratio")


class SafeZip:
    """`with SafeZip(path) as archive:` checked entries, read with bounds."""

    def __init__(self, path: Path, limits: ZipLimits | None = None) -> None:
        self.path = path
        self.limits = limits or ZipLimits()
        self._zip: zipfile.ZipFile | None = None
        self._entries: dict[str, zipfile.ZipInfo] = {}

    def __enter__(self) -> SafeZip:
        try:
            self._zip = zipfile.ZipFile(self.path)
        except FileNotFoundError as exc:
            raise SourceError("no such file", reason="not_found", file=self.path.name) from exc
        except (zipfile.BadZipFile, OSError) as exc:
            raise SourceError("not a zip file", reason="bad_zip", file=self.path.name) from exc
        try:
            self._index()
        except BaseException:
            self.close()
            raise
        return self

    def _index(self) -> None:
        assert self._zip is not None
        infos = self._zip.infolist()
        if len(infos) > self.limits.max_entries:
            raise ZipTooLargeError("too many entries", reason="entries", file=self.path.name)
        total = 0
        for info in infos:
            _check_entry(info, self.limits)
            total += info.file_size
            if not info.is_dir():
                self._entries[info.filename] = info
        if total > self.limits.max_total:
            raise ZipTooLargeError("the zip unpacks too large", reason="total", file=self.path.name)

    @property
    def names(self) -> list[str]:
        return list(self._entries)

    def newest(self) -> datetime:
        """The newest entry's time stamp: when the zip was made (zip times are naive; UTC)."""
        stamps = [info.date_time for info in self._entries.values()]
        return datetime(*max(stamps, default=(1980, 1, 1, 0, 0, 0)), tzinfo=UTC)

    def read(self, name: str, *, limit: int | None = None) -> bytes | None:
        """An entry's bytes (a leading `/` is ignored, as archives name media that way)."""
        info = self._entries.get(name.lstrip("/"))
        if info is None or self._zip is None:
            return None
        bound = min(limit or self.limits.max_entry, self.limits.max_entry)
        try:
            with self._zip.open(info) as handle:
                data = handle.read(bound + 1)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise SourceError("a zip entry is damaged", reason="bad_entry", file=name) from exc
        if len(data) > bound:  # the directory lied about the size
            raise ZipTooLargeError("an entry is larger than declared", reason="entry_too_large")
        return data

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
        self._zip = None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
