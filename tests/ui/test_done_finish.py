"""The done page's finish (DESIGN §0.16) with the scripted service: the two choices (the lock
only when it applies), keyboard only, the result in words and the authorized-apps pages as
buttons; waiting for the end of tracking; a refusal shown and the button back."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from fedimove.core.errors import FinishTooEarlyError
from fedimove.core.service_api import StepOutcome
from fedimove.ui.pages.done_finish import FinishBox
from fedimove.ui.pages.wizard_controller import WizardController
from fedimove.ui.wizard import WizardWindow
from tests.ui.fake_service import FakeMigrationService


def on_done_page(qtbot: QtBot, service: FakeMigrationService) -> tuple[WizardWindow, FinishBox]:
    window = WizardWindow(WizardController(service, interval_ms=10))
    qtbot.addWidget(window)
    window.show()
    window.show_page("done")
    box = window.done_page.finish_box
    qtbot.waitUntil(lambda: box.options is not None, timeout=2000)
    return window, box


def test_finish_by_keyboard_shows_what_happened_and_where_to_look(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = FakeMigrationService()
    window, box = on_done_page(qtbot, service)
    opened: list[str] = []
    monkeypatch.setattr(window.controller, "open_url", opened.append)
    assert box.restore_check.isVisible()
    assert box.restore_check.isChecked()
    assert "follow request" in box.restore_help.text()
    assert box.sign_out_check.isChecked()
    assert box.finish_button.isEnabled()
    assert box.finish_button.accessibleName() == "Finish the move"

    # Keyboard only: leave the account open (Space on the focused box), then Alt+N.
    box.restore_check.setFocus()
    qtbot.waitUntil(box.restore_check.hasFocus, timeout=1000)
    QTest.keyClick(box.restore_check, Qt.Key.Key_Space)
    assert not box.restore_check.isChecked()
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: box.outcome is not None, timeout=2000)

    assert service.finish_asked == [(False, True)]
    assert "did not confirm everything" in box.status.text()
    words = box.result.text()
    assert "stays open" in words
    assert "old.example: Fedimove's access is revoked" in words
    assert "new.example: forgotten on this computer, but the server did not confirm" in words
    assert "Fedimove does not know where new.example lists" in words
    assert box.apps_buttons["old"].isVisible()
    assert not box.apps_buttons["new"].isVisible()
    assert "old.example" in box.apps_buttons["old"].accessibleName()
    box.apps_buttons["old"].setFocus()
    QTest.keyClick(box.apps_buttons["old"], Qt.Key.Key_Space)
    assert opened == ["https://old.example/oauth/authorized_applications"]
    # Signed out: that choice is gone; the lock (declined) can still be put back.
    qtbot.waitUntil(box.sign_out_check.isHidden, timeout=2000)
    assert box.restore_check.isVisible()
    assert box.finish_button.isVisible()
    window.controller.shutdown()


def test_the_lock_is_offered_only_when_it_applies(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    service = FakeMigrationService()
    service.finish_choices["restore_locked_applies"] = False
    service.finish_choices["old_gone"] = True
    window, box = on_done_page(qtbot, service)
    assert not box.restore_check.isVisible()
    assert "your new &account" in box.sign_out_check.text()
    assert "Your copy is done" in box.explain.text()
    box.finish_button.click()
    qtbot.waitUntil(lambda: bool(service.finish_asked), timeout=2000)
    assert service.finish_asked == [(False, True)]
    # Nothing left to do: no choices and no button, only the result.
    qtbot.waitUntil(box.finish_button.isHidden, timeout=2000)
    assert box.sign_out_check.isHidden()
    assert box.result.isVisible()
    assert "Nothing is left to tidy up" in box.explain.text()
    window.controller.shutdown()


def test_it_waits_for_the_end_of_tracking_and_shows_a_refusal(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    service = FakeMigrationService()
    service.finish_choices["tracking_finished"] = False
    window, box = on_done_page(qtbot, service)
    assert not box.finish_button.isEnabled()
    assert not box.sign_out_check.isEnabled()
    assert "once follower tracking has ended" in box.explain.text()

    service.finish_choices["tracking_finished"] = True
    window.controller.step_finished.emit("track", StepOutcome("track", "stopped"))
    assert service.calls.count("finish_options") == 1  # a stopped poll changes nothing
    # The tracking window closed by itself: the box asks again.
    window.controller.step_finished.emit("track", StepOutcome("track", "finished"))
    qtbot.waitUntil(box.finish_button.isEnabled, timeout=2000)
    service.finish_choices["tracking_finished"] = False
    window.controller.finish_tracking()  # from the followers page: asked again as well
    qtbot.waitUntil(lambda: not box.finish_button.isEnabled(), timeout=2000)
    service.finish_choices["tracking_finished"] = True
    window.controller.finish_tracking()
    qtbot.waitUntil(box.finish_button.isEnabled, timeout=2000)

    service.fail_with = FinishTooEarlyError("tracking has not ended", phase="track")
    box.finish_button.click()
    page = window.done_page
    qtbot.waitUntil(page.error_box.isVisible, timeout=2000)
    assert "Follower tracking has not ended yet" in page.error_box.text()
    qtbot.waitUntil(box.finish_button.isEnabled, timeout=2000)
    assert box.outcome is None
    window.controller.shutdown()
