"""Small private files written atomically: a crash leaves the old file or the new one, never
half of one, and nobody but the user can read them (0600, in a 0700 folder)."""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from typing import Any


def write_private_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically (temporary file, fsync, rename). Raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise


def write_private_json(path: Path, document: Any) -> None:
    """`write_private_file` of a JSON document (sorted keys, indented, newline at the end)."""
    text = json.dumps(document, indent=2, sort_keys=True) + "\n"
    write_private_file(path, text.encode("utf-8"))
