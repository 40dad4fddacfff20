"""Reading a backup archive back: all or nothing.

`DecryptedArchive` decrypts the whole age file into an anonymous temporary file (0600, gone when
closed) before the tar is opened: only a file whose every STREAM chunk authenticated up to a
proper final chunk is parsed, so a wrong passphrase, a changed byte or a cut file raises a coded
error and no member, not even the manifest, is ever handed out.

Truncation versus tampering: age cannot tell a file cut inside its last chunk from a changed
byte there. Fedimove's archives hold a tar, whose length is a multiple of 512 bytes, so a final
chunk of any other length means the file was cut (`ArchiveTruncatedError`); a changed byte keeps
the length (`ArchiveTamperedError`).
"""

from __future__ import annotations

import io
import json
import shutil
import tarfile
import tempfile
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import IO, Any, cast

from fedimove.core.errors import (
    ArchiveError,
    ArchiveTamperedError,
    ArchiveTruncatedError,
    ArchiveUnsupportedError,
    ArchiveWrongPassphraseError,
    StorageError,
)
from fedimove.core.storage.age import CHUNK_SIZE, ENCRYPTED_CHUNK_SIZE, TAG_SIZE, AgeReader
from fedimove.core.storage.age_encoding import MAX_ARMORED_SIZE, dearmor, is_armored
from fedimove.core.storage.archive_json import snapshot_from_json
from fedimove.core.storage.archive_layout import (
    ACTOR,
    MANIFEST,
    MAX_TEXT_MEMBER,
    OUTBOX,
    SNAPSHOT,
    ArchiveContents,
    ProfileImage,
    csv_member,
)
from fedimove.core.storage.archive_manifest import UBC_VERSION, load_manifest
from fedimove.core.storage.archive_passphrase import normalize_passphrase
from fedimove.core.storage.csv_formats import CsvKind

_TAR_BLOCK = 512


def _cut_inside_last_chunk(file_size: int, payload_offset: int) -> bool:
    """Whether the payload's length cannot be that of an encrypted tar."""
    payload = file_size - payload_offset
    last = payload % ENCRYPTED_CHUNK_SIZE or ENCRYPTED_CHUNK_SIZE
    return payload <= 0 or last < TAG_SIZE or (last - TAG_SIZE) % _TAR_BLOCK != 0


def _check_member(member: tarfile.TarInfo) -> None:
    path = PurePosixPath(member.name)
    unsafe = path.is_absolute() or ".." in path.parts or not (member.isfile() or member.isdir())
    if unsafe:
        raise ArchiveError("unexpected entry in the archive", reason="unsafe_member")


class DecryptedArchive:
    """`with DecryptedArchive(path, passphrase) as archive:` the authenticated tar inside."""

    def __init__(self, path: Path, passphrase: str, *, work_dir: Path | None = None) -> None:
        self.path = path
        # As typed first; then, if that fails, as a recovery phrase typed loosely.
        self._passphrases = list(dict.fromkeys([passphrase, normalize_passphrase(passphrase)]))
        self._work_dir = work_dir
        self._plain: IO[bytes] | None = None
        self._tar: tarfile.TarFile | None = None
        self._members: dict[str, tarfile.TarInfo] = {}

    def __enter__(self) -> DecryptedArchive:
        self._plain = self._temporary_file()
        try:
            self._decrypt_into(self._plain)
            self._plain.seek(0)
            self._tar = tarfile.open(fileobj=self._plain, mode="r:")
            for member in self._tar.getmembers():
                _check_member(member)
                self._members[member.name] = member
        except tarfile.TarError as exc:
            self.close()
            raise ArchiveError("the archive holds no valid tar", reason="bad_tar") from exc
        except BaseException:
            self.close()
            raise
        return self

    def _temporary_file(self) -> IO[bytes]:
        """An anonymous file (no name on disk, gone when closed). By default beside the backup,
        which has room for it, rather than the system temp dir, which is often RAM (tmpfs)."""
        candidates = [self._work_dir] if self._work_dir else [self.path.parent, None]
        for directory in candidates:
            try:
                return tempfile.TemporaryFile(dir=directory)
            except OSError:
                continue
        raise StorageError("no room to decrypt the backup", reason="temp_file")

    def _decrypt_into(self, dest: IO[bytes]) -> None:
        try:
            src = self.path.open("rb")
        except FileNotFoundError as exc:
            raise ArchiveError("no such backup file", reason="not_found") from exc
        except OSError as exc:
            raise ArchiveError("cannot read the backup file", reason="unreadable") from exc
        with src:
            head = src.read(1024)
            src.seek(0)
            if is_armored(head):  # `age -a` output: small, so decoded in memory
                decoded = dearmor(src.read(MAX_ARMORED_SIZE + 1))
                self._decrypt_stream(io.BytesIO(decoded), len(decoded), dest)
            else:
                self._decrypt_stream(src, self.path.stat().st_size, dest)

    def _open_reader(self, src: IO[bytes]) -> AgeReader:
        for passphrase in self._passphrases[:-1]:
            try:
                return AgeReader(src, passphrase=passphrase)
            except ArchiveWrongPassphraseError:
                src.seek(0)
        return AgeReader(src, passphrase=self._passphrases[-1])

    def _decrypt_stream(self, src: IO[bytes], size: int, dest: IO[bytes]) -> None:
        reader = self._open_reader(src)
        try:
            shutil.copyfileobj(cast(IO[bytes], reader), dest, CHUNK_SIZE)
        except ArchiveTamperedError as exc:
            cut = _cut_inside_last_chunk(size, reader.payload_offset)
            if exc.params.get("final_chunk") and cut:
                raise ArchiveTruncatedError("the backup file is cut short") from exc
            raise
        except OSError as exc:
            raise StorageError("no room to decrypt the backup", reason="temp_file") from exc

    @property
    def names(self) -> list[str]:
        return [name for name, member in self._members.items() if member.isfile()]

    def read_member(self, name: str, *, limit: int = MAX_TEXT_MEMBER) -> bytes | None:
        member = self._members.get(name)
        if member is None or not member.isfile():
            return None
        if member.size > limit:
            raise ArchiveError("archive member too large", reason="too_large", member=name)
        assert self._tar is not None
        extracted = self._tar.extractfile(member)
        assert extracted is not None
        with extracted:
            return extracted.read()

    def extract_member(self, name: str, dest: IO[bytes]) -> bool:
        """Stream one member (e.g. a large media file) into `dest`; False if absent."""
        member = self._members.get(name)
        if member is None or not member.isfile() or self._tar is None:
            return False
        extracted = self._tar.extractfile(member)
        assert extracted is not None
        with extracted:
            shutil.copyfileobj(extracted, dest, CHUNK_SIZE)
        return True

    def read_text(self, name: str) -> str | None:
        data = self.read_member(name)
        if data is None:
            return None
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise ArchiveError(
                "archive member is not UTF-8", reason="bad_text", member=name
            ) from None

    def read_json(self, name: str) -> Any:
        text = self.read_text(name)
        if text is None:
            return None
        try:
            return json.loads(text)
        except (ValueError, RecursionError):
            raise ArchiveError(
                "archive member is not JSON", reason="bad_json", member=name
            ) from None

    def close(self) -> None:
        if self._tar is not None:
            self._tar.close()
        if self._plain is not None:
            self._plain.close()
        self._tar = self._plain = None
        self._members = {}

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _image(archive: DecryptedArchive, actor: Any, key: str) -> ProfileImage | None:
    entry = actor.get(key) if isinstance(actor, dict) else None
    if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
        return None
    data = archive.read_member(entry["url"])
    media_type = entry.get("mediaType")
    if data is None or not isinstance(media_type, str):
        return None
    return ProfileImage(media_type, data)


def read_archive(path: Path, passphrase: str, *, work_dir: Path | None = None) -> ArchiveContents:
    """Everything in a backup, or a coded `ArchiveError` and nothing."""
    with DecryptedArchive(path, passphrase, work_dir=work_dir) as archive:
        manifest_text = archive.read_text(MANIFEST)
        if manifest_text is None:
            raise ArchiveUnsupportedError("no manifest.yml in the archive", reason="no_manifest")
        manifest = load_manifest(manifest_text)
        if manifest.get("ubc-version") != UBC_VERSION or not isinstance(
            manifest.get("contents"), dict
        ):
            raise ArchiveUnsupportedError("unknown container version", reason="ubc_version")
        snapshot_json = archive.read_json(SNAPSHOT)
        if snapshot_json is None:
            raise ArchiveUnsupportedError("not a Fedimove backup", reason="no_snapshot")
        actor = archive.read_json(ACTOR)
        csv_files = {
            kind: text
            for kind in CsvKind
            if (text := archive.read_text(csv_member(kind))) is not None
        }
        return ArchiveContents(
            manifest=manifest,
            snapshot=snapshot_from_json(snapshot_json),
            csv_files=csv_files,
            avatar=_image(archive, actor, "icon"),
            header=_image(archive, actor, "image"),
            outbox=archive.read_json(OUTBOX),
            members=archive.names,
        )
