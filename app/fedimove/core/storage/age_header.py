"""The age v1 header: parse and check it, unwrap the file key, and write an scrypt header.

Split from age.py (the STREAM payload) to keep each part short. Everything here is strict on
purpose, as the age spec asks: a header that is not byte-for-byte canonical is refused.
"""

from __future__ import annotations

import hmac
import os
import re
from dataclasses import dataclass
from hashlib import sha256
from typing import IO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from fedimove.core.errors import (
    ArchiveHeaderError,
    ArchiveTruncatedError,
    ArchiveUnsupportedError,
    ArchiveWrongPassphraseError,
)
from fedimove.core.storage import age_encoding as enc

INTRO = b"age-encryption.org/v1\n"
TAG_SIZE = 16
FILE_KEY_SIZE = 16
#: Like age's own decrypter: higher factors take minutes and gigabytes, so they are refused.
MAX_WORK_FACTOR = 22
_MAX_HEADER_LINE = 4096
_MAX_STANZAS = 64
_SCRYPT_LABEL = b"age-encryption.org/v1/scrypt"
_X25519_LABEL = b"age-encryption.org/v1/X25519"
_WORK_FACTOR_RE = re.compile(rb"^[1-9][0-9]{0,1}$")
_ZERO_NONCE = bytes(12)


@dataclass(frozen=True, slots=True)
class Stanza:
    args: tuple[bytes, ...]
    body: bytes


def hkdf(key: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=SHA256(), length=32, salt=salt, info=info).derive(key)


def _scrypt_key(passphrase: str, salt: bytes, work_factor: int) -> bytes:
    kdf = Scrypt(salt=_SCRYPT_LABEL + salt, length=32, n=1 << work_factor, r=8, p=1)
    return kdf.derive(passphrase.encode("utf-8"))


def header_mac(file_key: bytes, header_without_mac: bytes) -> bytes:
    return hmac.digest(hkdf(file_key, b"", b"header"), header_without_mac, sha256)


# --- header -------------------------------------------------------------------------------------


def _read_line(src: IO[bytes]) -> bytes:
    line = src.readline(_MAX_HEADER_LINE)
    if not line.endswith(b"\n"):
        if len(line) >= _MAX_HEADER_LINE:
            raise ArchiveHeaderError("header line too long", part="header")
        raise ArchiveTruncatedError("file ends inside the age header", part="header")
    return line


def _read_intro(src: IO[bytes]) -> bytes:
    line = src.readline(len(INTRO))
    if line == INTRO:
        return line
    if INTRO.startswith(line):
        raise ArchiveTruncatedError("file ends inside the age header", part="header")
    if line.startswith(b"age-encryption.org/"):
        raise ArchiveUnsupportedError("unsupported age version", reason="version")
    raise ArchiveUnsupportedError("not an age file", reason="not_age")


def _read_stanza_body(src: IO[bytes], header: bytearray) -> bytes:
    body = bytearray()
    while True:
        line = _read_line(src)
        header += line
        text = line[:-1]
        if len(text) > enc.COLUMNS:
            raise ArchiveHeaderError("stanza body line too long", part="header")
        body += enc.b64decode(text)
        if len(text) < enc.COLUMNS:
            return bytes(body)


def parse_header(src: IO[bytes]) -> tuple[list[Stanza], bytes, bytes]:
    """Read the header: (stanzas, the bytes its MAC covers, the MAC)."""
    header = bytearray(_read_intro(src))
    stanzas: list[Stanza] = []
    while len(stanzas) <= _MAX_STANZAS:
        line = _read_line(src)
        if line.startswith(b"---"):
            if not line.startswith(b"--- "):
                raise ArchiveHeaderError("malformed MAC line", part="header")
            mac = enc.b64decode(line[4:-1])
            if len(mac) != 32:
                raise ArchiveHeaderError("malformed MAC", part="header")
            return stanzas, bytes(header) + b"---", mac
        header += line
        if not line.startswith(b"-> "):
            raise ArchiveHeaderError("malformed stanza line", part="header")
        args = tuple(line[3:-1].split(b" "))
        if any(not enc.is_vchar_text(arg) for arg in args):
            raise ArchiveHeaderError("malformed stanza argument", part="header")
        stanzas.append(Stanza(args, _read_stanza_body(src, header)))
    raise ArchiveHeaderError("too many stanzas", part="header")


def _open_body(key: bytes, body: bytes) -> bytes | None:
    if len(body) != FILE_KEY_SIZE + TAG_SIZE:
        raise ArchiveHeaderError("wrapped file key has the wrong size", part="header")
    try:
        return ChaCha20Poly1305(key).decrypt(_ZERO_NONCE, body, None)
    except InvalidTag:
        return None


def _unwrap_scrypt(stanza: Stanza, passphrase: str, max_work_factor: int) -> bytes | None:
    if len(stanza.args) != 3:
        raise ArchiveHeaderError("malformed scrypt stanza", part="header")
    salt = enc.b64decode(stanza.args[1])
    if len(salt) != 16 or not _WORK_FACTOR_RE.fullmatch(stanza.args[2]):
        raise ArchiveHeaderError("malformed scrypt stanza", part="header")
    work_factor = int(stanza.args[2])
    if work_factor > max_work_factor:
        raise ArchiveHeaderError(
            "scrypt work factor too high", part="header", limit=max_work_factor
        )
    if len(stanza.body) != FILE_KEY_SIZE + TAG_SIZE:
        raise ArchiveHeaderError("wrapped file key has the wrong size", part="header")
    return _open_body(_scrypt_key(passphrase, salt, work_factor), stanza.body)


def _unwrap_x25519(stanza: Stanza, identity: X25519PrivateKey) -> bytes | None:
    if len(stanza.args) != 2:
        raise ArchiveHeaderError("malformed X25519 stanza", part="header")
    share = enc.b64decode(stanza.args[1])
    if len(share) != 32:
        raise ArchiveHeaderError("malformed X25519 share", part="header")
    if len(stanza.body) != FILE_KEY_SIZE + TAG_SIZE:
        raise ArchiveHeaderError("wrapped file key has the wrong size", part="header")
    try:
        shared = identity.exchange(X25519PublicKey.from_public_bytes(share))
    except ValueError:  # low-order point: the all-zero secret is refused by the library
        raise ArchiveHeaderError("X25519 share is a low-order point", part="header") from None
    recipient = identity.public_key().public_bytes_raw()
    return _open_body(hkdf(shared, share + recipient, _X25519_LABEL), stanza.body)


def unwrap_file_key(
    stanzas: list[Stanza],
    *,
    passphrase: str | None,
    identities: tuple[X25519PrivateKey, ...] = (),
    max_work_factor: int = MAX_WORK_FACTOR,
) -> bytes:
    kinds = [s.args[0] for s in stanzas]
    if b"scrypt" in kinds and len(stanzas) != 1:
        raise ArchiveHeaderError("an scrypt stanza must be alone", part="header")
    for stanza in stanzas:
        key: bytes | None = None
        if stanza.args[0] == b"scrypt" and passphrase is not None:
            key = _unwrap_scrypt(stanza, passphrase, max_work_factor)
        elif stanza.args[0] == b"X25519":
            for identity in identities:
                key = key or _unwrap_x25519(stanza, identity)
        if key is not None:
            return key
    raise ArchiveWrongPassphraseError("no recipient stanza could be unwrapped")


def scrypt_header(file_key: bytes, passphrase: str, work_factor: int) -> bytes:
    if not 1 <= work_factor <= MAX_WORK_FACTOR:
        raise ValueError("scrypt work factor out of range")
    salt = os.urandom(16)
    body = ChaCha20Poly1305(_scrypt_key(passphrase, salt, work_factor)).encrypt(
        _ZERO_NONCE, file_key, None
    )
    stanza = b"-> scrypt " + enc.b64encode(salt) + b" " + str(work_factor).encode() + b"\n"
    covered = INTRO + stanza + enc.wrap_body(body) + b"---"
    return covered + b" " + enc.b64encode(header_mac(file_key, covered)) + b"\n"
