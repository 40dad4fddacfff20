"""Secrets after end-to-end runs (issue 10): a GoToSocial API Move asks for the password once
and keeps it nowhere; after alias, final read, encrypted backup, checks and Move, neither the
password nor either token is in any file under the run's folder or the app's directories
(journal, exports, backup), nor in any log line at DEBUG. The crash torture scans its own runs
(test_crash_torture.py) with the same helper."""

from __future__ import annotations

import logging
from pathlib import Path

import pyrage
import pytest

from tests.e2e.gotosocial_move import PASSWORD, move_by_api
from tests.e2e.test_move_gotosocial import gotosocial  # noqa: F401 - the fixture
from tests.e2e.test_move_mastodon import MoveWorld
from tests.reliability.secret_scan import app_dirs_from_env, scan_bytes, scan_paths


async def test_api_move_password_used_once_and_kept_nowhere(
    gotosocial: MoveWorld,  # noqa: F811 - the imported fixture
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    world = gotosocial
    tokens = [world.old._token, world.new._token]
    asked: list[str] = []
    await move_by_api(world, tmp_path, asked)
    assert asked == ["asked"]
    world.journal.close()

    leaks, files = scan_paths([tmp_path, *app_dirs_from_env()], [PASSWORD, *tokens])
    leaks += scan_bytes("log lines", caplog.text.encode(), [PASSWORD, *tokens])
    # The backup's plaintext too (opened with another age implementation).
    plaintext = pyrage.passphrase.decrypt((tmp_path / "backup.age").read_bytes(), "practice")
    assert b"manifest.yml" in plaintext
    leaks += scan_bytes("backup plaintext", plaintext, [PASSWORD, *tokens])
    print(f"secret scan after an API Move: files={files} log_lines={len(caplog.records)}")
    assert files >= 2  # the journal and the backup at least
    assert caplog.records
    assert leaks == []
