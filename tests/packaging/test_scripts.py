"""The packaging shell scripts parse (they run for real only in packaging/check.sh)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
SCRIPTS = sorted(PACKAGING.rglob("*.sh"))


def test_the_expected_scripts_exist() -> None:
    names = {path.relative_to(PACKAGING).as_posix() for path in SCRIPTS}
    assert {"check.sh", "linux/build.sh", "linux/find-depends.sh"} <= names


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_script_is_executable_bash_that_parses(script: Path) -> None:
    assert script.stat().st_mode & 0o111, f"chmod +x {script}"
    assert script.read_text().startswith("#!/usr/bin/env bash\n")
    done = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
