"""Find the `resources/` folder (icons, translations, desktop entry) wherever Fedimove runs."""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resource_dir() -> Path:
    """`resources/` in a PyInstaller bundle, or beside `app/` in a source checkout."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return _PACKAGE_DIR.parent.parent / "resources"


def icon_path(name: str = "fedimove") -> Path:
    return resource_dir() / "icons" / f"{name}.svg"
