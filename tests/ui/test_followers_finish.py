"""Finishing follower tracking from the followers page, and what the tracker's rounds tell the
page besides rows (the Move's time, when a re-send becomes possible, that tracking ended)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from fedimove.core.errors import NetworkError
from fedimove.core.progress import Phase, ProgressEvent
from fedimove.core.service_api import StepOutcome
from fedimove.ui.controller import APPROVE
from fedimove.ui.pages.followers import FollowersPage
from fedimove.ui.pages.wizard_controller import WizardController
from fedimove.ui.wizard import WizardWindow
from tests.ui.conftest import MOVE_TIME, followers
from tests.ui.fake_service import FakeMigrationService


def on_followers_page(qtbot: QtBot, service: FakeMigrationService) -> WizardWindow:
    window = WizardWindow(WizardController(service, interval_ms=10))
    qtbot.addWidget(window)
    window.show()
    window.show_page("followers")
    assert window.current is window.followers_page
    qtbot.waitUntil(lambda: "track" in service.calls, timeout=2000)
    return window


def finish_box(qtbot: QtBot, window: WizardWindow) -> QMessageBox:
    bar = window.followers_page.followers.action_bar
    assert bar.finish_button.isEnabled()
    bar.finish_button.click()
    box = bar.finish_box
    assert box is not None
    qtbot.waitUntil(box.isVisible, timeout=2000)
    return box


def test_finishing_asks_first_then_leads_to_the_done_page(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    service = FakeMigrationService()
    service.follower_batches = [followers(30)]
    window = on_followers_page(qtbot, service)

    box = finish_box(qtbot, window)
    assert "still count" in box.informativeText()
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    assert cancel is not None
    cancel.click()
    assert "finish_tracking" not in service.calls
    assert window.current is window.followers_page

    box = finish_box(qtbot, window)
    accept = box.defaultButton()
    assert accept is not None
    accept.click()
    qtbot.waitUntil(lambda: window.current is window.done_page, timeout=3000)
    assert "finish_tracking" in service.calls
    window.controller.shutdown()


def test_a_failed_finish_can_be_tried_again(qtbot: QtBot, qloop: asyncio.AbstractEventLoop) -> None:
    service = FakeMigrationService()
    window = on_followers_page(qtbot, service)
    page = window.followers_page
    qtbot.waitUntil(lambda: not window.controller.is_running("track"), timeout=2000)
    service.fail_with = NetworkError("the old server did not answer")
    box = finish_box(qtbot, window)
    accept = box.defaultButton()
    assert accept is not None
    accept.click()
    qtbot.waitUntil(page.error_box.isVisible, timeout=3000)
    assert window.current is page
    assert page.followers.action_bar.finish_button.isEnabled()
    qtbot.waitUntil(lambda: service.calls.count("track") == 2, timeout=2000)  # watching again
    window.controller.shutdown()


def round_event(**params: object) -> ProgressEvent:
    base: dict[str, object] = {"moved_at": MOVE_TIME.isoformat(), "finished": False}
    return ProgressEvent(Phase.TRACK, "followers", 1, 2, "polled", {**base, **params})  # type: ignore[dict-item]


def test_the_tracker_rounds_set_the_resend_date_and_the_end(qtbot: QtBot) -> None:
    page = FollowersPage()
    qtbot.addWidget(page)
    page.show()
    bar = page.action_bar
    later = datetime.now(UTC) + timedelta(days=3)
    page.apply_progress((round_event(resend_from=later.isoformat(), resend_ready=False),))
    assert not bar.resend_button.isEnabled()
    assert bar.resend_note.isVisible()
    assert "Re-send available from" in bar.resend_note.text()

    page.apply_progress((round_event(resend_from=MOVE_TIME.isoformat(), resend_ready=True),))
    assert bar.resend_button.isEnabled()
    assert not bar.resend_note.isVisible()

    page.apply_progress((round_event(resend_from=None),))  # Mastodon: never
    assert not bar.resend_button.isEnabled()
    assert not bar.resend_note.isVisible()

    assert bar.finish_button.isEnabled()
    page.apply_progress((round_event(finished=True),))
    assert not bar.finish_button.isEnabled()
    assert "finished" in bar.status.text()


def test_approving_says_how_many(qtbot: QtBot, qloop: asyncio.AbstractEventLoop) -> None:
    service = FakeMigrationService()
    controller = WizardController(service, interval_ms=10)
    page = FollowersPage(controller)
    qtbot.addWidget(page)
    controller.step_finished.emit(APPROVE, StepOutcome("approve_migrated", done=3))
    assert "3" in page.action_bar.status.text()
    controller.missing_exported.emit("/tmp/missing.csv")
    assert "/tmp/missing.csv" in page.action_bar.status.text()


def test_approving_after_tracking_ended_shows_the_approved(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    service = FakeMigrationService()
    window = on_followers_page(qtbot, service)
    qtbot.waitUntil(lambda: not window.controller.is_running("track"), timeout=2000)
    window.followers_page.followers.action_bar.approve_requested.emit()
    qtbot.waitUntil(lambda: service.calls.count("track") == 2, timeout=2000)
    assert service.calls.index("approve") < len(service.calls) - 1
    window.controller.shutdown()
