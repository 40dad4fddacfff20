#!/usr/bin/env python3
"""Set up Fedimove in a local virtual environment, then run it or test it.

    python3 dev.py practice   # set up, then open the wizard on the practice Fediverse
    python3 dev.py test       # set up, then run the whole test suite (lint, types, tests)
    python3 dev.py run        # set up, then open the wizard for real accounts

Needs only Python 3.11+ with its standard `venv` module. Everything else goes into `.venv/`
beside this file; re-running is fast when nothing changed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def _fail(message: str) -> None:
    sys.stderr.write(f"dev.py: {message}\n")
    sys.exit(2)


def _setup(extras: str) -> None:
    if sys.version_info < (3, 11):
        _fail(f"Fedimove needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not PYTHON.exists():
        print(f"Creating a virtual environment in {VENV} ...", flush=True)
        try:
            venv.EnvBuilder(with_pip=True).create(VENV)
        except Exception as exc:  # Debian/Ubuntu ship venv's pip separately
            _fail(
                f"could not create a virtual environment ({exc}).\n"
                "On Debian or Ubuntu install the venv module first: sudo apt install python3-venv"
            )
    stamp = VENV / f".installed-{extras}"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted:
        return
    print(f"Installing Fedimove and its dependencies ({extras}) ...", flush=True)
    pip = [str(PYTHON), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "install", "-e", f"{ROOT}[{extras}]"], check=True)
    stamp.write_text(wanted)


def _run(*command: str) -> int:
    print("$ " + " ".join(command), flush=True)
    return subprocess.run(command, cwd=ROOT, check=False).returncode


def test(pytest_args: list[str]) -> int:
    _setup("test")
    sources = [name for name in ("app", "tests", "bench", "dev.py") if (ROOT / name).exists()]
    tools = [
        (str(BIN / "ruff"), "check", *sources),
        (str(BIN / "ruff"), "format", "--check", *sources),
        (str(BIN / "mypy"),),
    ]
    failed = [tool[1] if len(tool) > 1 else "mypy" for tool in tools if _run(*tool) != 0]
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    print("$ pytest " + " ".join(pytest_args), flush=True)
    code = subprocess.run(
        [str(PYTHON), "-m", "pytest", *pytest_args], cwd=ROOT, env=env, check=False
    ).returncode
    if failed:
        print(f"dev.py: failed checks: {', '.join(failed)}", flush=True)
        return 1
    return code


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "practice"
    if command == "test":
        return test(argv[1:])
    if command in ("practice", "run"):
        _setup("practice")
        flags = ["--practice"] if command == "practice" else []
        return _run(str(BIN / "fedimove"), *flags, *argv[1:])
    _fail(f"unknown command {command!r}; use: practice, test or run")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
