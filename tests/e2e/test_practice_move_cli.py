"""`fedimove practice-move` in a subprocess, headless (QT_QPA_PLATFORM=offscreen), as the
installed app runs it: the whole move on the in-process practice Fediverse ends with every
follower where the `small` scenario's ground truth puts them, and says so."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fedimove.cli.practice_browser import PracticeBrowser
from fedimove.cli.practice_move import Summary, _summarise, follower_key
from fedimove.core.errors import PracticeMoveStoppedError
from fedimove.core.service_api import FollowerRow, FollowerState
from fedimove.ui.practice import practice_session

pytestmark = pytest.mark.timeout(180)


def practice_move(tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FEDIMOVE_HOME": str(tmp_path / "home")}
    return subprocess.run(
        [sys.executable, "-m", "fedimove", "practice-move", *extra],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=150,
        check=False,
    )


def test_a_whole_practice_move_ends_as_the_scenario_predicts(tmp_path: Path) -> None:
    done = practice_move(tmp_path, "--report", str(tmp_path / "out" / "report.html"))
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    for phase in ("sign-in", "preview", "backup", "copy", "alias", "checks", "consent", "move"):
        assert f" {phase} " in out, out
    assert "PRACTICE-ONLY AUTOMATION" in out
    assert "Followers moved: 86" in out
    assert "Followers pending (awaiting approval or still on the old account): 4" in out
    assert "21  no_move_support: no_move" in out
    assert "every follower ended as the scenario predicts" in out
    assert (tmp_path / "out" / "report.html").stat().st_size > 0
    assert (tmp_path / "out" / "report.csv").exists()


def test_the_json_summary_counts_every_follower(tmp_path: Path) -> None:
    done = practice_move(tmp_path, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    summary = json.loads(done.stdout)
    assert summary["as_predicted"] is True
    assert summary["mismatches"] == []
    not_moved = sum(summary["not_moved"].values())
    assert summary["moved"] + summary["pending"] + not_moved == 120
    assert summary["not_moved"]["blocked: blocked"] == 4
    assert "consent" in done.stderr  # progress goes to stderr with --json
    assert (tmp_path / "fedimove-practice-report.html").exists()


def test_a_follower_off_the_prediction_fails_the_run() -> None:
    row = FollowerRow("https://gts.practice/users/bo", "@bo@gts.practice", FollowerState.UNKNOWN)
    assert follower_key(row) == "bo@gts.practice"
    summary = _summarise(
        {"bo@gts.practice": row},
        {"bo@gts.practice": FollowerState.MOVED, "cy@gts.practice": FollowerState.MOVED},
    )
    assert not summary.as_predicted
    assert summary.mismatches == [
        "bo@gts.practice: unknown, expected moved",
        "cy@gts.practice: never seen",
    ]
    assert not Summary().as_predicted  # nobody moved is never a success


async def test_the_played_browser_opens_practice_pages_only(tmp_path: Path) -> None:
    browser = PracticeBrowser()
    async with practice_session(open_url=browser, home=tmp_path, served=False) as session:
        browser.session = session
        for url in (
            "https://mastodon.social/oauth/authorize?client_id=x",
            "https://old.practice/settings/profile",
        ):
            with pytest.raises(PracticeMoveStoppedError, match="practice"):
                await browser(url)
