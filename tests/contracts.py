"""Where the API descriptions written by others live: `shared/contracts/` beside the work tree.

In a session the work tree is `/work/main` beside `/work/shared`; CI clones main into another
folder with a copy of `shared/` beside it. `FEDIMOVE_CONTRACTS` overrides both.
"""

from __future__ import annotations

import os
from pathlib import Path

_REPO = Path(__file__).resolve().parents[1]


def contracts_dir() -> Path:
    candidates = [
        Path(os.environ.get("FEDIMOVE_CONTRACTS", "")),
        _REPO.parent / "shared" / "contracts",
        Path("/work/shared/contracts"),
    ]
    for candidate in candidates:
        if str(candidate) not in ("", ".") and candidate.is_dir():
            return candidate
    raise FileNotFoundError("shared/contracts not found beside the work tree")


CONTRACTS = contracts_dir()
