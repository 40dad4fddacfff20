"""A reusable secret scan: after an end-to-end run, no token, client secret or password may be
found in any file under the given folders (journal, exports, logs, settings, crash reports,
archive plaintext), nor in the arguments of a subprocess. Raw bytes are searched, so SQLite
pages, JSON and CSV are all covered, as are the secrets' URL-encoded and base64 forms."""

from __future__ import annotations

import base64
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

#: Shorter values are too likely to occur by chance to mean a leak.
MIN_SECRET_LENGTH = 8


@dataclass(frozen=True)
class Leak:
    where: str
    form: str  # "plain", "url-encoded", "base64"

    def __str__(self) -> str:
        return f"a secret ({self.form}) in {self.where}"


def _forms(secret: str) -> dict[str, bytes]:
    raw = secret.encode()
    return {
        "plain": raw,
        "url-encoded": quote(secret, safe="").encode(),
        "base64": base64.b64encode(raw).rstrip(b"="),
    }


def scan_bytes(where: str, data: bytes, secrets: Iterable[str]) -> list[Leak]:
    leaks = []
    for secret in secrets:
        if len(secret) < MIN_SECRET_LENGTH:
            raise ValueError("secret too short to scan for meaningfully")
        for form, needle in _forms(secret).items():
            if needle in data:
                leaks.append(Leak(where, form))
    return leaks


def scan_paths(roots: Iterable[Path], secrets: Iterable[str]) -> tuple[list[Leak], int]:
    """Every file under `roots` (SQLite WAL and journal files included); (leaks, files read)."""
    wanted = list(secrets)
    leaks: list[Leak] = []
    files = 0
    for root in roots:
        if not root.exists():
            continue
        candidates = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in candidates:
            files += 1
            leaks += scan_bytes(str(path), path.read_bytes(), wanted)
    return leaks, files


def scan_arguments(argv: Iterable[str], secrets: Iterable[str]) -> list[Leak]:
    """Process arguments are visible to every local user (`ps`), unlike the environment."""
    return scan_bytes("process arguments", "\0".join(argv).encode(), list(secrets))


def scan_process(pid: int, secrets: Iterable[str]) -> list[Leak]:
    """A live process's command line, as another local user would read it."""
    try:
        data = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return []
    return scan_bytes(f"arguments of process {pid}", data, list(secrets))


def app_dirs_from_env() -> list[Path]:
    """The isolated FEDIMOVE_HOME the test suite gives every test."""
    home = os.environ.get("FEDIMOVE_HOME")
    return [Path(home)] if home else []
