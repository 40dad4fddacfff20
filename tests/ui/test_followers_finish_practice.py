"""Finish tracking in the wizard, on the practice Fediverse with the real service: the followers
page watches the followers arrive, the person finishes tracking (and confirms), the final scan
says who stayed and why, and the done page writes the report."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fedimove.core.service_api import FollowerState
from fedimove.core.storage.journal_records import MigrationPhase
from fedimove.ui.pages.wizard_controller import WizardController
from fedimove.ui.wizard import WizardWindow
from tests.e2e.practice_tracking import MovedPractice

pytestmark = pytest.mark.timeout(180)
STEP_TIMEOUT = 60_000


def test_finishing_in_the_wizard_classifies_who_stayed(
    qtbot: QtBot, moved: MovedPractice, tmp_path: Path
) -> None:
    window = WizardWindow(WizardController(moved.service, interval_ms=30), practice=True)
    qtbot.addWidget(window)
    window.resize(1000, 680)
    window.show()
    window.show_page("followers")
    page = window.followers_page.followers
    stats = page.model.stats
    arriving = Counter(
        s
        for s in moved.expected.values()
        if s in (FollowerState.MOVED, FollowerState.AWAITING_APPROVAL)
    )
    qtbot.waitUntil(
        lambda: all(stats.state_counts[s] == n for s, n in arriving.items()),
        timeout=STEP_TIMEOUT,
    )
    assert stats.state_counts[FollowerState.NO_MOVE_SUPPORT] == 0  # only the final scan says so

    window.done_page.destination = tmp_path / "report.html"
    page.action_bar.finish_button.click()
    box = page.action_bar.finish_box
    assert box is not None
    accept = box.defaultButton()
    assert accept is not None
    accept.click()
    qtbot.waitUntil(lambda: window.current is window.done_page, timeout=STEP_TIMEOUT)
    qtbot.waitUntil(lambda: page.feed.pending == 0, timeout=STEP_TIMEOUT)

    assert dict(stats.state_counts) == dict(Counter(moved.expected.values()))
    assert moved.journal.get_migration(moved.migration_id).phase is MigrationPhase.FINISH
    assert not page.action_bar.finish_button.isEnabled()
    qtbot.waitUntil(lambda: window.done_page.files is not None, timeout=STEP_TIMEOUT)
    window.controller.shutdown()
