from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from fedimove.core.storage.files import write_private_file, write_private_json


def test_writes_private_files_in_a_private_folder(tmp_path: Path) -> None:
    target = tmp_path / "new" / "cache.json"
    write_private_json(target, {"b": 1, "a": [1, 2]})
    assert json.loads(target.read_text()) == {"a": [1, 2], "b": 1}
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
    assert [p.name for p in target.parent.iterdir()] == ["cache.json"]


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    write_private_file(target, b"old")
    with pytest.raises(TypeError):
        write_private_json(target, {"not json": object()})
    (tmp_path / "blocker").mkdir()
    with pytest.raises(OSError):
        write_private_file(tmp_path / "blocker", b"cannot replace a folder")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocker", "settings.json"]
