"""The official age test vectors (C2SP CCTV, ../contracts/age-testkit/): every vector for a
feature Fedimove supports must give the expected outcome; the others are skipped by name, with
the reason."""

from __future__ import annotations

import hashlib
import io
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from fedimove.core.errors import (
    ArchiveError,
    ArchiveHeaderError,
    ArchiveTamperedError,
    ArchiveTruncatedError,
    ArchiveUnsupportedError,
    ArchiveWrongPassphraseError,
)
from fedimove.core.storage.age import AgeReader
from fedimove.core.storage.age_encoding import dearmor, is_armored
from tests.contracts import CONTRACTS

TESTDATA = CONTRACTS / "age-testkit" / "testdata"


@dataclass
class Vector:
    name: str
    expect: str
    payload_sha256: str
    body: bytes
    passphrases: list[str] = field(default_factory=list)
    identities: list[str] = field(default_factory=list)
    armored: bool = False


def load_vector(path: Path) -> Vector:
    raw = path.read_bytes()
    head, _, body = raw.partition(b"\n\n")
    values: dict[str, list[str]] = {}
    for line in head.decode().splitlines():
        key, _, value = line.partition(": ")
        values.setdefault(key, []).append(value)
    if values.get("compressed") == ["zlib"]:
        body = zlib.decompress(body)
    return Vector(
        name=path.name,
        expect=values["expect"][0],
        payload_sha256=values.get("payload", [""])[0],
        body=body,
        passphrases=values.get("passphrase", []),
        identities=values.get("identity", []),
        armored=values.get("armored") == ["yes"],
    )


def skip_reason(vector: Vector) -> str | None:
    if any(i.startswith("AGE-SECRET-KEY-PQ-") for i in vector.identities):
        return "post-quantum (mlkem768x25519) recipients are not supported"
    return None


def vector_params() -> list[object]:
    params: list[object] = []
    for path in sorted(TESTDATA.iterdir()):
        vector = load_vector(path)
        reason = skip_reason(vector)
        marks = [pytest.mark.skip(reason=reason)] if reason else []
        params.append(pytest.param(vector, id=vector.name, marks=marks))
    return params


def outcome_of(error: ArchiveError) -> str:
    """Map Fedimove's errors to the testkit's outcomes (aliasing what age itself cannot tell
    apart from where it stands: a file cut inside the header is a header failure)."""
    part = error.params.get("part")
    if part == "armor":
        return "armor failure"
    if isinstance(error, ArchiveWrongPassphraseError):
        return "no match"
    if isinstance(error, ArchiveHeaderError | ArchiveUnsupportedError):
        return "header failure"
    if isinstance(error, ArchiveTruncatedError):
        return "payload failure" if part == "payload" else "header failure"
    if isinstance(error, ArchiveTamperedError):
        return "HMAC failure" if part == "header_mac" else "payload failure"
    return f"unexpected {error.code}"


def decrypt(vector: Vector) -> tuple[str, bytes]:
    released = bytearray()
    try:
        armored = vector.armored or is_armored(vector.body[:1024])
        body = dearmor(vector.body) if armored else vector.body
        reader = AgeReader(
            io.BytesIO(body),
            passphrase=vector.passphrases[0] if vector.passphrases else None,
            identities=tuple(vector.identities),
        )
        while chunk := reader.read(10_000):
            released += chunk
    except ArchiveError as error:
        return outcome_of(error), bytes(released)
    return "success", bytes(released)


@pytest.mark.parametrize("vector", vector_params())
def test_vector(vector: Vector) -> None:
    outcome, released = decrypt(vector)
    assert outcome == vector.expect
    if vector.expect in ("success", "payload failure"):
        assert hashlib.sha256(released).hexdigest() == vector.payload_sha256


def test_every_vector_is_accounted_for() -> None:
    """The supported set is most of the suite: a loader bug must not skip everything."""
    vectors = [load_vector(p) for p in TESTDATA.iterdir()]
    run = [v for v in vectors if skip_reason(v) is None]
    assert len(vectors) > 140
    assert len(run) >= 120
