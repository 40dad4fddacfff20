"""The secret scan finds what it must (so its 'zero' means something)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.secret_scan import scan_arguments, scan_paths

SECRET = "tok_9f8e7d6c5b4a3210+/="


@pytest.mark.parametrize(
    "content", [SECRET, "x=tok_9f8e7d6c5b4a3210%2B%2F%3D&", "dG9rXzlmOGU3ZDZjNWI0YTMyMTArLz0"]
)
def test_scan_finds_a_secret_in_any_common_form(tmp_path: Path, content: str) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "journal.sqlite-wal").write_bytes(b"\0\1" + content.encode() + b"\0")
    (tmp_path / "clean.log").write_text("nothing here")
    leaks, files = scan_paths([tmp_path], [SECRET])
    assert files == 2
    assert [leak.where.endswith("journal.sqlite-wal") for leak in leaks] == [True]


def test_scan_of_arguments() -> None:
    assert scan_arguments(["python", "--token", SECRET], [SECRET])
    assert not scan_arguments(["python", "journal.sqlite"], [SECRET])
