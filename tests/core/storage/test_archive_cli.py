"""`fedimove archive show` and `export-csv`, run through the real command line."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from fedimove.cli import main
from fedimove.core.storage import csv_formats as cf
from fedimove.core.storage.archive import write_archive
from fedimove.core.storage.archive_passphrase import remember_passphrase
from fedimove.core.storage.secrets import SecretStore
from tests.core.storage.test_archive import OUTBOX, rich_snapshot

PASS = "a passphrase for the command line"


@pytest.fixture
def backup(tmp_path: Path) -> Path:
    path = tmp_path / "anna.age"
    write_archive(path, rich_snapshot(), PASS, outbox=OUTBOX, work_factor=2)
    return path


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "pass.txt"
    path.write_text(PASS + "\n", encoding="utf-8")
    return path


def test_show_prints_manifest_and_counts(
    backup: Path, passphrase_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["archive", "show", str(backup), "--passphrase-file", str(passphrase_file)])
    out = capsys.readouterr().out
    assert code == 0
    assert "Backup of anna@old.example" in out
    assert 'ubc-version: "0.1"' in out
    assert "following_accounts.csv" in out
    counts = {
        line.split()[0]: line.split()[-1] for line in out.split("Contents:")[1].splitlines() if line
    }
    assert counts["following"] == "3"
    assert counts["posts"] == "1"
    assert counts["domain"] == "2"  # "domain blocks"


def test_show_uses_the_keyring_copy_of_the_passphrase(
    backup: Path, secrets: SecretStore, capsys: pytest.CaptureFixture[str]
) -> None:
    remember_passphrase(secrets, backup, PASS)
    assert main(["archive", "show", str(backup)]) == 0
    assert "Backup of anna@old.example" in capsys.readouterr().out


def test_wrong_passphrase_prints_a_coded_error_and_no_data(
    backup: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("nope\n", encoding="utf-8")
    assert main(["archive", "show", str(backup), "--passphrase-file", str(wrong)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "[archive.wrong_passphrase]" in captured.err


def test_truncated_backup_prints_a_coded_error_and_no_data(
    backup: Path, passphrase_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup.write_bytes(backup.read_bytes()[:-100])
    assert main(["archive", "show", str(backup), "--passphrase-file", str(passphrase_file)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "[archive.truncated]" in captured.err


def test_export_csv_writes_files_the_readers_accept(
    backup: Path, passphrase_file: Path, tmp_path: Path
) -> None:
    out_dir = tmp_path / "csv"
    args = ["archive", "export-csv", str(backup), "-o", str(out_dir)]
    assert main([*args, "--passphrase-file", str(passphrase_file)]) == 0
    snapshot = rich_snapshot()
    following = (out_dir / "following_accounts.csv").read_text(encoding="utf-8")
    assert [e.account.acct for e in cf.read_following(following)] == [
        e.account.acct for e in snapshot.following
    ]
    assert cf.read_mutes((out_dir / "muted_accounts.csv").read_text(encoding="utf-8"))
    blocks = cf.read_blocks((out_dir / "blocked_accounts.csv").read_text(encoding="utf-8"))
    assert [b.acct for b in blocks] == ["mallory@remote.example"]
    assert cf.read_filters((out_dir / "filters.csv").read_text(encoding="utf-8"))
    assert stat.S_IMODE((out_dir / "lists.csv").stat().st_mode) == 0o600
    # A second export refuses to overwrite without --force.
    assert main([*args, "--passphrase-file", str(passphrase_file)]) == 2
    assert main([*args, "--passphrase-file", str(passphrase_file), "--force"]) == 0
