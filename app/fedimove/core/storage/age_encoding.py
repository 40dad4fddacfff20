"""Text encodings of the age format: canonical unpadded base64, and Bech32 identities.

age is strict on purpose: a base64 string with padding, or whose unused trailing bits are not
zero, is a different byte string for the MAC, so it is refused rather than normalised.
"""

from __future__ import annotations

import base64
import binascii
import re

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from fedimove.core.errors import ArchiveError, ArchiveHeaderError

COLUMNS = 64
_B64_RE = re.compile(rb"^[A-Za-z0-9+/]*$")
_BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BECH32_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
_IDENTITY_HRP = "age-secret-key-"


def b64encode(data: bytes) -> bytes:
    return base64.b64encode(data).rstrip(b"=")


def b64decode(text: bytes) -> bytes:
    """Decode canonical unpadded base64, or raise `ArchiveHeaderError`."""
    if not _B64_RE.fullmatch(text) or len(text) % 4 == 1:
        raise ArchiveHeaderError("invalid base64 in the age header", part="header")
    try:
        data = base64.b64decode(text + b"=" * (-len(text) % 4), validate=True)
    except binascii.Error:
        raise ArchiveHeaderError("invalid base64 in the age header", part="header") from None
    if b64encode(data) != text:
        raise ArchiveHeaderError("non-canonical base64 in the age header", part="header")
    return data


def wrap_body(data: bytes) -> bytes:
    """A stanza body: base64 in 64-column lines, always ending with a short (maybe empty) one."""
    text = b64encode(data)
    lines = [text[i : i + COLUMNS] for i in range(0, len(text), COLUMNS)]
    if not lines or len(lines[-1]) == COLUMNS:
        lines.append(b"")
    return b"".join(line + b"\n" for line in lines)


def is_vchar_text(arg: bytes) -> bool:
    return bool(arg) and all(0x21 <= byte <= 0x7E for byte in arg)


def _bech32_polymod(values: list[int]) -> int:
    checksum = 1
    for value in values:
        top = checksum >> 25
        checksum = (checksum & 0x1FFFFFF) << 5 ^ value
        for i, generator in enumerate(_BECH32_GENERATOR):
            checksum ^= generator if (top >> i) & 1 else 0
    return checksum


def _bech32_decode(text: str) -> tuple[str, bytes]:
    if text.lower() != text and text.upper() != text:
        raise ArchiveError("mixed-case identity")
    text = text.lower()
    hrp, sep, data = text.rpartition("1")
    if not sep or not hrp or len(data) < 6 or any(c not in _BECH32_CHARSET for c in data):
        raise ArchiveError("malformed identity")
    values = [_BECH32_CHARSET.index(c) for c in data]
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    if _bech32_polymod(expanded + values) != 1:
        raise ArchiveError("identity checksum does not match")
    return hrp, _convert_5_to_8(values[:-6])


def _convert_5_to_8(values: list[int]) -> bytes:
    accumulator, bits, out = 0, 0, bytearray()
    for value in values:
        accumulator = (accumulator << 5) | value
        bits += 5
        if bits >= 8:
            bits -= 8
            out.append((accumulator >> bits) & 0xFF)
    if bits >= 5 or (accumulator << (8 - bits)) & 0xFF:
        raise ArchiveError("malformed identity padding")
    return bytes(out)


def parse_identity(text: str) -> X25519PrivateKey:
    """An `AGE-SECRET-KEY-1...` X25519 identity."""
    hrp, key = _bech32_decode(text.strip())
    if hrp != _IDENTITY_HRP or len(key) != 32:
        raise ArchiveError("not an age X25519 identity")
    return X25519PrivateKey.from_private_bytes(key)


# --- ASCII armor --------------------------------------------------------------------------------

ARMOR_BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----"
ARMOR_END = b"-----END AGE ENCRYPTED FILE-----"
MAX_ARMORED_SIZE = 64 * 1024 * 1024  # armor is for small files; backups are binary
_WHITESPACE = b" \t\r\n"


def is_armored(prefix: bytes) -> bool:
    return prefix.lstrip(_WHITESPACE).startswith(ARMOR_BEGIN)


def _armor_error(reason: str) -> ArchiveHeaderError:
    return ArchiveHeaderError("invalid ASCII armor", part="armor", reason=reason)


def _armor_lines(data: bytes) -> list[bytes]:
    """The lines between BEGIN and END, strictly: LF or CRLF endings, whitespace only outside."""
    text = data.strip(_WHITESPACE)
    lines = text.split(b"\n")
    lines = [line.removesuffix(b"\r") for line in lines[:-1]] + [lines[-1]]
    if lines[0] != ARMOR_BEGIN or lines[-1] != ARMOR_END or len(lines) < 2:
        raise _armor_error("markers")
    return lines[1:-1]


def dearmor(data: bytes) -> bytes:
    """Decode an ASCII-armored age file (in memory: armor is for small files)."""
    if len(data) > MAX_ARMORED_SIZE:
        raise _armor_error("too_large")
    lines = _armor_lines(data)
    decoded = bytearray()
    for index, line in enumerate(lines):
        is_last = index == len(lines) - 1
        if len(line) > COLUMNS or (not is_last and len(line) != COLUMNS) or not line:
            raise _armor_error("line_length")
        try:
            chunk = base64.b64decode(line, validate=True)
        except binascii.Error:
            raise _armor_error("base64") from None
        if base64.b64encode(chunk) != line:
            raise _armor_error("base64")
        decoded += chunk
    return bytes(decoded)
