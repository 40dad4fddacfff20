"""age writer and reader: round trips with ourselves and with rage (pyrage), streaming, errors."""

from __future__ import annotations

import io

import pyrage
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fedimove.core.errors import (
    ArchiveHeaderError,
    ArchiveTamperedError,
    ArchiveTruncatedError,
    ArchiveUnsupportedError,
    ArchiveWrongPassphraseError,
)
from fedimove.core.storage.age import (
    CHUNK_SIZE,
    ENCRYPTED_CHUNK_SIZE,
    AgeReader,
    AgeWriter,
)

FAST = 4  # scrypt work factor for tests: real backups use 18


def encrypt(data: bytes, passphrase: str = "correct horse", piece: int = 10_000) -> bytes:
    out = io.BytesIO()
    with AgeWriter(out, passphrase, work_factor=FAST) as writer:
        for start in range(0, len(data), piece):
            writer.write(data[start : start + piece])
    return out.getvalue()


def decrypt(blob: bytes, passphrase: str = "correct horse") -> bytes:
    return AgeReader(io.BytesIO(blob), passphrase=passphrase).read()


@pytest.mark.parametrize(
    "size", [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 3 * CHUNK_SIZE, 200_000]
)
def test_round_trip_at_chunk_edges(size: int) -> None:
    data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    blob = encrypt(data)
    assert decrypt(blob) == data
    assert pyrage.passphrase.decrypt(blob, "correct horse") == data


@given(st.binary(max_size=3 * CHUNK_SIZE), st.integers(min_value=1, max_value=CHUNK_SIZE * 2))
@settings(max_examples=25, deadline=None)
def test_round_trip_any_data_any_write_sizes(data: bytes, piece: int) -> None:
    assert decrypt(encrypt(data, piece=piece)) == data


def test_rage_encrypted_file_opens() -> None:
    data = b"written by rage " * 10_000
    blob = pyrage.passphrase.encrypt(data, "from rage")
    assert decrypt(blob, "from rage") == data


def test_x25519_file_from_rage_opens_with_its_identity() -> None:
    identity = pyrage.x25519.Identity.generate()
    blob = pyrage.encrypt(b"for a key", [identity.to_public()])
    assert AgeReader(io.BytesIO(blob), identities=(str(identity),)).read() == b"for a key"
    other = pyrage.x25519.Identity.generate()
    with pytest.raises(ArchiveWrongPassphraseError):
        AgeReader(io.BytesIO(blob), identities=(str(other),))


def test_writer_streams_instead_of_buffering() -> None:
    out = io.BytesIO()
    writer = AgeWriter(out, "pw", work_factor=FAST)
    writer.write(b"\0" * (20 * CHUNK_SIZE))
    assert out.tell() >= 19 * ENCRYPTED_CHUNK_SIZE  # sealed and written before close()
    writer.close()


def test_reader_streams_instead_of_buffering() -> None:
    source = io.BytesIO(encrypt(b"\1" * (40 * CHUNK_SIZE), piece=CHUNK_SIZE))
    reader = AgeReader(source, passphrase="correct horse")
    assert reader.read(10) == b"\1" * 10
    assert source.tell() < 3 * ENCRYPTED_CHUNK_SIZE


def test_wrong_passphrase_fails_before_any_plaintext() -> None:
    with pytest.raises(ArchiveWrongPassphraseError):
        AgeReader(io.BytesIO(encrypt(b"secret")), passphrase="wrong")


def test_changed_payload_byte_is_tampering() -> None:
    blob = bytearray(encrypt(b"a" * 1000))
    blob[-20] ^= 1
    with pytest.raises(ArchiveTamperedError) as caught:
        decrypt(bytes(blob))
    assert caught.value.params["part"] == "payload"


def test_changed_header_mac_is_tampering() -> None:
    blob = encrypt(b"a")
    mac_at = blob.index(b"--- ") + 5
    changed = (
        blob[:mac_at] + (b"A" if blob[mac_at : mac_at + 1] != b"A" else b"B") + blob[mac_at + 1 :]
    )
    with pytest.raises(ArchiveTamperedError) as caught:
        decrypt(changed)
    assert caught.value.params["part"] in ("header_mac", "header")


def test_cut_at_a_chunk_boundary_is_truncation_after_authentic_chunks() -> None:
    data = b"b" * (3 * CHUNK_SIZE)
    blob = encrypt(data)
    header_and_nonce = len(blob) - 3 * ENCRYPTED_CHUNK_SIZE
    cut = blob[: header_and_nonce + 2 * ENCRYPTED_CHUNK_SIZE]
    reader = AgeReader(io.BytesIO(cut), passphrase="correct horse")
    released = reader.read(2 * CHUNK_SIZE)
    assert released == data[: 2 * CHUNK_SIZE]
    with pytest.raises(ArchiveTruncatedError):
        reader.read(1)


@pytest.mark.parametrize("keep", [0, 10, 30, 60])
def test_cut_inside_the_header_is_truncation(keep: int) -> None:
    with pytest.raises(ArchiveTruncatedError):
        decrypt(encrypt(b"x")[:keep])


def test_not_an_age_file() -> None:
    with pytest.raises(ArchiveUnsupportedError):
        decrypt(b"PK\x03\x04 a zip file\n")


def test_work_factor_above_the_limit_is_refused() -> None:
    blob = encrypt(b"x").replace(b" 4\n", b" 23\n", 1)
    with pytest.raises(ArchiveHeaderError):
        decrypt(blob)
