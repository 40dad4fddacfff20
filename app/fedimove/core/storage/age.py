"""The age v1 file format (age-encryption.org/v1), streamed, on `cryptography` primitives.

Fedimove's backups are age files with one scrypt (passphrase) stanza, so any `age` or `rage`
tool opens them (DESIGN.md §0.8). `AgeWriter` encrypts and `AgeReader` decrypts in 64 KiB STREAM
chunks: multi-GB content never sits in memory. `AgeReader` also unwraps X25519 stanzas
(`AGE-SECRET-KEY-1...` identities), which costs a few lines and lets tests use the official
vectors. ASCII armor is read by `age_encoding.dearmor`; post-quantum (hybrid) stanzas are
not supported.

An `AgeReader` hands out plaintext one authenticated chunk at a time, so a caller that reads
part of a stream has only seen authenticated data, but not necessarily all of it: a later chunk
may still fail. Callers that must never act on partial data read to the end first (archive.py
decrypts to a temporary file and parses only after a clean end of stream).

Errors: a malformed header is `ArchiveHeaderError`, a file that ends too early
`ArchiveTruncatedError`, a wrong passphrase (no stanza unwraps) `ArchiveWrongPassphraseError`,
a bad header MAC or payload chunk `ArchiveTamperedError` with `part` = `header_mac` | `payload`.
"""

from __future__ import annotations

import hmac
import os
from types import TracebackType
from typing import IO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from fedimove.core.errors import (
    ArchiveError,
    ArchiveTamperedError,
    ArchiveTruncatedError,
)
from fedimove.core.storage import age_encoding as enc
from fedimove.core.storage.age_header import (
    FILE_KEY_SIZE,
    MAX_WORK_FACTOR,
    TAG_SIZE,
    header_mac,
    hkdf,
    parse_header,
    scrypt_header,
    unwrap_file_key,
)

__all__ = [
    "CHUNK_SIZE",
    "DEFAULT_WORK_FACTOR",
    "ENCRYPTED_CHUNK_SIZE",
    "MAX_WORK_FACTOR",
    "TAG_SIZE",
    "AgeReader",
    "AgeWriter",
]

CHUNK_SIZE = 64 * 1024
ENCRYPTED_CHUNK_SIZE = CHUNK_SIZE + TAG_SIZE
NONCE_SIZE = 16
DEFAULT_WORK_FACTOR = 18


def _chunk_nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _read_exact(src: IO[bytes], size: int) -> bytes:
    parts: list[bytes] = []
    remaining = size
    while remaining > 0:
        part = src.read(remaining)
        if not part:
            break
        parts.append(part)
        remaining -= len(part)
    return b"".join(parts)


# --- reader ---------------------------------------------------------------------------------------


class AgeReader:
    """Decrypt an age stream chunk by chunk: a read-only file-like object.

    The header is read and checked (stanza unwrapped, MAC verified) in the constructor, so a wrong
    passphrase fails before any plaintext exists.
    """

    def __init__(
        self,
        src: IO[bytes],
        *,
        passphrase: str | None = None,
        identities: tuple[str, ...] = (),
        max_work_factor: int = MAX_WORK_FACTOR,
    ) -> None:
        self._src = src
        keys = tuple(enc.parse_identity(text) for text in identities)
        stanzas, covered, mac = parse_header(src)
        file_key = unwrap_file_key(
            stanzas, passphrase=passphrase, identities=keys, max_work_factor=max_work_factor
        )
        if not hmac.compare_digest(header_mac(file_key, covered), mac):
            raise ArchiveTamperedError("header MAC does not match", part="header_mac")
        #: Where the STREAM chunks start: after the header's MAC line and the nonce.
        self.payload_offset = len(covered) + len(b" \n") + len(enc.b64encode(mac)) + NONCE_SIZE
        nonce = _read_exact(src, NONCE_SIZE)
        if len(nonce) != NONCE_SIZE:
            raise ArchiveTruncatedError("file ends before the payload nonce", part="nonce")
        self._aead = ChaCha20Poly1305(hkdf(file_key, nonce, b"payload"))
        self._counter = 0
        self._lookahead = b""
        self._buffer = b""
        self._done = False
        self._pending_error: Exception | None = None

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            parts = [self._buffer]
            self._buffer = b""
            while not self._done:
                parts.append(self._next_chunk())
            return b"".join(parts)
        while len(self._buffer) < size and not self._done:
            try:
                self._buffer += self._next_chunk()
            except ArchiveError as error:
                if not self._buffer:
                    raise
                self._pending_error = error  # hand out what did authenticate first
                break
        out, self._buffer = self._buffer[:size], self._buffer[size:]
        return out

    def _decrypt(self, chunk: bytes, last: bool) -> bytes | None:
        try:
            return self._aead.decrypt(_chunk_nonce(self._counter, last), chunk, None)
        except InvalidTag:
            return None

    def _next_chunk(self) -> bytes:
        if self._pending_error is not None:
            raise self._pending_error
        chunk = self._lookahead + _read_exact(
            self._src, ENCRYPTED_CHUNK_SIZE - len(self._lookahead)
        )
        self._lookahead = _read_exact(self._src, 1)
        at_eof = not self._lookahead
        if len(chunk) < TAG_SIZE:
            raise ArchiveTruncatedError("payload ends inside a chunk", part="payload")
        plain, last = self._open_chunk(chunk)
        if plain is None:
            raise ArchiveTamperedError(
                "payload chunk does not authenticate", part="payload", final_chunk=at_eof
            )
        if last and not plain and self._counter > 0:
            raise ArchiveTamperedError("empty final chunk", part="payload", final_chunk=True)
        # As age does, an authentic chunk is released and the stream fails on the next read.
        if last and not at_eof:
            self._pending_error = ArchiveTamperedError("data after the final chunk", part="payload")
        elif not last and at_eof:
            self._pending_error = ArchiveTruncatedError(
                "payload ends at a chunk boundary", part="payload"
            )
        self._done = last and at_eof
        self._counter += 1
        return plain

    def _open_chunk(self, chunk: bytes) -> tuple[bytes | None, bool]:
        """(plaintext, is it the final chunk); only a full-size chunk may be a middle one."""
        if len(chunk) == ENCRYPTED_CHUNK_SIZE:
            plain = self._decrypt(chunk, last=False)
            if plain is not None:
                return plain, False
        return self._decrypt(chunk, last=True), True

    def close(self) -> None:
        self._buffer = b""

    def __enter__(self) -> AgeReader:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


# --- writer ---------------------------------------------------------------------------------------


class AgeWriter:
    """Encrypt to an age stream with a passphrase: a write-only file-like object.

    `close()` writes the final chunk; it does not close `dest`.
    """

    def __init__(
        self, dest: IO[bytes], passphrase: str, *, work_factor: int = DEFAULT_WORK_FACTOR
    ) -> None:
        if not passphrase:
            raise ValueError("an empty passphrase protects nothing")
        file_key = os.urandom(FILE_KEY_SIZE)
        nonce = os.urandom(NONCE_SIZE)
        dest.write(scrypt_header(file_key, passphrase, work_factor))
        dest.write(nonce)
        self._dest = dest
        self._aead = ChaCha20Poly1305(hkdf(file_key, nonce, b"payload"))
        self._counter = 0
        self._buffer = bytearray()
        self._closed = False

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:
        if self._closed:
            raise ValueError("write to a closed AgeWriter")
        self._buffer += data
        # Keep at least one byte back: the final chunk must be sealed with the last flag.
        while len(self._buffer) > CHUNK_SIZE:
            self._seal(bytes(self._buffer[:CHUNK_SIZE]), last=False)
            del self._buffer[:CHUNK_SIZE]
        return len(data)

    def _seal(self, plain: bytes, last: bool) -> None:
        self._dest.write(self._aead.encrypt(_chunk_nonce(self._counter, last), plain, None))
        self._counter += 1

    def flush(self) -> None:
        self._dest.flush()

    def close(self) -> None:
        if not self._closed:
            self._seal(bytes(self._buffer), last=True)
            self._buffer.clear()
            self._closed = True
            self._dest.flush()

    def __enter__(self) -> AgeWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.close()
