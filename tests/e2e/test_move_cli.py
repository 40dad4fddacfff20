"""The move commands: `check` on the practice Fediverse lists every check and refuses (exit 2)
while the alias is missing; `move` refuses the same way before asking anything; `report`
writes both files from the journal."""

from __future__ import annotations

from pathlib import Path

import pytest

from fedimove.cli import main
from fedimove.core.clock import SystemClock
from fedimove.core.models import AccountRef
from fedimove.core.storage.journal import Journal
from fedimove.core.storage.paths import AppPaths

CODES = (
    "alias_visible",
    "alias_wait",
    "old_not_moved",
    "new_functional",
    "new_not_moved",
    "servers_resolve",
    "scheduled_posts",
    "no_cooldown",
    "final_read_fresh",
    "backup_written",
    "follower_snapshot",
    "categories_copied",
    "move_support_listed",
)


def test_check_lists_every_check_and_refuses_without_the_alias(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--practice", "check", "anna@old.practice", "anna@new.practice"]) == 2
    out = capsys.readouterr().out
    for code in CODES:
        assert code in out
    assert "[FAIL] alias_visible" in out
    assert "[FAIL] backup_written" in out
    assert "[ok  ] final_read_fresh" in out
    assert "[ok  ] follower_snapshot" in out
    # The practice servers keep no scheduled posts API: said, not blocking.
    assert "[note] scheduled_posts (known=False)" in out


def test_move_refuses_before_asking_anything(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_questions(*_: object) -> str:
        raise AssertionError("nothing may be asked while checks fail")

    monkeypatch.setattr("builtins.input", no_questions)
    monkeypatch.setattr("getpass.getpass", no_questions)
    args = ["--practice", "move", "anna@old.practice", "anna@new.practice", "--no-recent-move"]
    assert main(args) == 2
    assert "[FAIL] alias_visible" in capsys.readouterr().out


def test_report_writes_html_and_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    journal = Journal.open_default(AppPaths.default(), SystemClock())
    migration = journal.create_migration(
        old_handle="anna@old.example",
        old_server="https://old.example",
        new_handle="anna@new.example",
        new_server="https://new.example",
        categories=[],
    )
    journal.snapshot_followers(migration.id, [AccountRef("bo@x.example", "https://x.example/u/bo")])
    journal.close()
    out = tmp_path / "report.html"
    assert main(["report", str(migration.id), "-o", str(out)]) == 0
    assert "bo@x.example" in out.read_text(encoding="utf-8")
    assert "still_on_old" in out.with_suffix(".csv").read_text(encoding="utf-8")
    assert "Report written" in capsys.readouterr().out
