"""The core, the CLI and the practice servers must not know Qt exists (DESIGN.md §3)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import fedimove

QT_MODULES = ("PySide6", "shiboken6", "qasync")
PACKAGE_DIR = Path(fedimove.__file__).parent


def _qt_free_modules() -> list[str]:
    """Every module under core/, sandbox/ and cli/ (found on disk, so new ones are covered)."""
    names = []
    for sub in ("core", "sandbox", "cli"):
        for path in sorted((PACKAGE_DIR / sub).rglob("*.py")):
            relative = path.relative_to(PACKAGE_DIR.parent).with_suffix("")
            parts = list(relative.parts)
            if parts[-1] == "__init__":
                parts.pop()
            names.append(".".join(parts))
    return names


def _loaded_qt_modules(modules: list[str]) -> list[str]:
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r})))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


def test_core_cli_and_sandbox_import_without_qt() -> None:
    modules = _qt_free_modules()
    assert "fedimove.core" in modules
    assert "fedimove.cli" in modules
    assert "fedimove.sandbox" in modules
    assert _loaded_qt_modules(modules) == []


def test_the_check_would_catch_a_qt_import() -> None:
    # The same check on a module that does import Qt must report it, or the test above is blind.
    assert "PySide6" in _loaded_qt_modules(["fedimove.ui.wizard"])
