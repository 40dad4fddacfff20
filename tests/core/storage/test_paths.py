from __future__ import annotations

import stat
from pathlib import Path

import pytest

from fedimove.core.storage.paths import HOME_ENV, AppPaths


def test_home_override_puts_everything_under_one_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(HOME_ENV, str(tmp_path))
    paths = AppPaths.default()
    assert all(path.is_relative_to(tmp_path) for path in paths.all().values())
    assert paths.journal == tmp_path / "data" / "journal.sqlite"


def test_platform_dirs_without_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(HOME_ENV, raising=False)
    paths = AppPaths.default()
    assert "Fedimove" in str(paths.data)
    assert paths.data != paths.config


def test_ensure_makes_private_directories(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path / "root").ensure()
    for path in paths.all().values():
        assert path.is_dir()
        assert stat.S_IMODE(path.stat().st_mode) == 0o700
