"""`fedimove --practice export` and `preview` end to end: the archive they write opens and holds
what the practice account holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from fedimove.cli import main
from fedimove.core.storage.archive import read_archive


def test_practice_export_writes_a_readable_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text("correct horse battery staple\n", encoding="utf-8")
    target = tmp_path / "anna.age"
    code = main(
        [
            "--practice",
            "export",
            "anna@old.practice",
            "-o",
            str(target),
            "--include-posts",
            "--passphrase-file",
            str(passphrase),
        ]
    )
    assert code == 0
    printed = capsys.readouterr().out
    assert "Backup written to" in printed
    assert "Recovery phrase" not in printed  # the user chose the passphrase
    contents = read_archive(target, "correct horse battery staple")
    assert contents.snapshot.account.acct == "anna@old.practice"
    assert len(contents.snapshot.following) == 50
    assert len(contents.snapshot.followers) == 120
    assert contents.avatar is not None
    assert contents.outbox["totalItems"] == 3


def test_practice_preview_prints_forecasts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--practice", "preview", "anna@old.practice", "anna@new.practice"]) == 0
    printed = capsys.readouterr().out
    assert "following" in printed
    assert "will follow you across" in printed
    assert "favourites are off by default" in printed


def test_export_of_an_unknown_account_is_a_clear_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["export", "nobody@nowhere.example"]) == 1
    assert "[auth.not_signed_in]" in capsys.readouterr().err
