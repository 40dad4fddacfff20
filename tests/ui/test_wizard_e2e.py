"""The whole wizard on the practice Fediverse, in-process and over loopback: welcome, both
sign-ins (the test plays the browser through the service's `open_url`), preview, backup, copy,
the alias (guided page), checks and consent, the guided Move, followers arriving in the table,
and the report on the done page. Waits are on conditions, never fixed sleeps."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fedimove.core.clock import ScaledClock
from fedimove.core.models import Category
from fedimove.core.service import FedimoveService
from fedimove.core.service_api import FollowerState
from fedimove.ui.controller import FIND_UNFINISHED
from fedimove.ui.pages.base import WizardPage
from fedimove.ui.pages.wizard_controller import WizardController
from fedimove.ui.practice import PracticeSession, practice_session
from fedimove.ui.wizard import WizardWindow
from tests.ui.practice_player import BrowserPlayer, run

#: Practice time runs this many times faster than real time (a sign-in code's 10 minutes
#: still last 5 s, so a slow machine does not see it expire).
SPEED = 120.0
STEP_TIMEOUT = 90_000

pytestmark = pytest.mark.timeout(600)


def practice_world(
    qtbot: QtBot, home: Path, *, served: bool
) -> Iterator[tuple[PracticeSession, BrowserPlayer]]:
    """A practice session on the wizard's loop, the test playing the browser; `served` puts
    the servers on loopback sockets as `fedimove --practice` does."""
    player = BrowserPlayer()
    session_cm = practice_session(
        open_url=player, clock=ScaledClock(SPEED), home=home, served=served
    )
    session = run(qtbot, session_cm.__aenter__())
    player.session = session
    try:
        yield session, player
    finally:
        run(qtbot, session_cm.__aexit__(None, None, None))


@pytest.fixture
def practice(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> Iterator[tuple[PracticeSession, BrowserPlayer]]:
    yield from practice_world(qtbot, tmp_path / "home", served=False)


def wizard(qtbot: QtBot, session: PracticeSession) -> WizardWindow:
    controller = WizardController(session.service, interval_ms=30)
    window = WizardWindow(controller, practice=True)
    qtbot.addWidget(window)
    window.prefill(session.old.handle, session.new.handle)
    window.show()
    window.start()
    return window


def complete(qtbot: QtBot, page: WizardPage, timeout: int = STEP_TIMEOUT) -> None:
    def done() -> None:
        assert page.error_box.isHidden(), page.error_box.text()
        results = getattr(page, "results", ())
        failing = [(r.code, r.params) for r in results if r.blocking and not r.passed]
        assert page.is_complete(), (page.status.text(), failing)

    qtbot.waitUntil(done, timeout=timeout)


def next_page(qtbot: QtBot, window: WizardWindow) -> WizardPage:
    assert window.next_button.isEnabled()
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    return window.current


def test_the_wizard_moves_an_account_end_to_end(
    qtbot: QtBot,
    practice: tuple[PracticeSession, BrowserPlayer],
    tmp_path: Path,
) -> None:
    session, player = practice
    window = wizard(qtbot, session)
    qtbot.waitUntil(lambda: not window.controller.is_running(FIND_UNFINISHED))
    assert window.welcome_page.resume_box.isHidden()  # a fresh data folder: nothing to resume

    page = next_page(qtbot, window)
    assert page is window.old_account_page
    qtbot.keyClick(window.old_account_page.handle_edit, Qt.Key.Key_Return)  # keyboard only
    complete(qtbot, page)
    assert window.old_account_page.summary is not None
    assert window.old_account_page.summary.followers_count == 120
    assert "/oauth/authorize" in player.opened[0]

    page = next_page(qtbot, window)
    qtbot.mouseClick(window.new_account_page.sign_in_button, Qt.MouseButton.LeftButton)
    complete(qtbot, page)

    page = next_page(qtbot, window)
    assert page is window.preview_page
    complete(qtbot, page)
    chosen = window.preview_page.chosen_categories()
    assert Category.FOLLOWING in chosen
    assert Category.LISTS in chosen
    assert Category.FAVOURITES not in chosen  # off by default: it notifies every author

    page = next_page(qtbot, window)
    backup = tmp_path / "backup.age"
    window.backup_page.path_edit.setText(str(backup))
    qtbot.mouseClick(window.backup_page.write_button, Qt.MouseButton.LeftButton)
    complete(qtbot, page)
    assert backup.stat().st_size > 1000

    page = next_page(qtbot, window)
    assert page is window.copy_page
    complete(qtbot, page)
    outcome = window.copy_page.outcome
    assert outcome is not None
    assert outcome.done > 50
    following = window.copy_page._bars["following"][1]
    assert following.value() == following.maximum() > 0

    page = next_page(qtbot, window)
    assert page is window.alias_page
    qtbot.mouseClick(window.alias_page.link_button, Qt.MouseButton.LeftButton)
    complete(qtbot, page)
    assert any(url.endswith("/settings/aliases") for url in player.opened)

    page = next_page(qtbot, window)
    assert page is window.checks_page
    qtbot.waitUntil(lambda: bool(window.checks_page.results), timeout=STEP_TIMEOUT)
    assert not page.is_complete()  # the 30-day question is not answered yet
    assert not window.next_button.isEnabled()
    failing = {r.code for r in window.checks_page.results if r.blocking and not r.passed}
    assert "no_cooldown" in failing, window.checks_page.results
    window.checks_page.no_recent_move.setChecked(True)
    clock = session.network.clock
    assert isinstance(clock, ScaledClock)
    clock.advance(15 * 60)  # the servers' alias cache (DESIGN §0.4)
    qtbot.mouseClick(window.checks_page.run_button, Qt.MouseButton.LeftButton)
    complete(qtbot, page)

    page = next_page(qtbot, window)
    move = window.move_page
    assert page is move
    qtbot.keyClicks(move.typed, session.old.handle)  # the wrong account
    assert not move.move_button.isEnabled()
    move.typed.clear()
    qtbot.keyClicks(move.typed, session.new.handle.upper())
    assert move.move_button.isEnabled(), (move.new_handle, move.typed.text(), move.needs_password)
    qtbot.mouseClick(move.move_button, Qt.MouseButton.LeftButton)
    complete(qtbot, page)
    assert not window.back_button.isEnabled()  # no way back over the Move

    page = next_page(qtbot, window)
    model = window.followers_page.followers.model
    qtbot.waitUntil(
        lambda: model.stats.state_counts[FollowerState.MOVED] >= 20, timeout=STEP_TIMEOUT
    )
    qtbot.waitUntil(lambda: model.stats.total == 120, timeout=STEP_TIMEOUT)

    window.done_page.destination = tmp_path / "report.html"
    page = next_page(qtbot, window)
    assert page is window.done_page
    qtbot.waitUntil(lambda: window.done_page.files is not None, timeout=STEP_TIMEOUT)
    files = window.done_page.files
    assert files is not None
    assert files.html.exists()
    assert files.csv.exists()
    window.controller.shutdown()


def test_the_real_service_takes_the_wizards_choices() -> None:
    from fedimove.core.service import FedimoveService
    from fedimove.ui.pages.wizard_controller import WizardChoices

    assert issubclass(FedimoveService, WizardChoices)


def test_a_move_stopped_mid_copy_resumes_from_the_welcome_page(
    qtbot: QtBot,
    practice: tuple[PracticeSession, BrowserPlayer],
    tmp_path: Path,
) -> None:
    session, _player = practice
    window = wizard(qtbot, session)
    qtbot.waitUntil(lambda: not window.controller.is_running(FIND_UNFINISHED))
    for account in (window.old_account_page, window.new_account_page):
        next_page(qtbot, window)
        account.sign_in()
        complete(qtbot, account)
    next_page(qtbot, window)
    complete(qtbot, window.preview_page)
    next_page(qtbot, window)
    window.backup_page.path_edit.setText(str(tmp_path / "backup.age"))
    window.backup_page.write()
    complete(qtbot, window.backup_page)
    window.copy_page.pause_button.setChecked(True)  # holds the copy at its first safe point
    next_page(qtbot, window)
    service = session.service
    qtbot.waitUntil(lambda: service.state.migration_id is not None, timeout=STEP_TIMEOUT)
    window.controller.shutdown()  # the app goes away mid-copy
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=STEP_TIMEOUT)
    window.close()

    state = service.state
    restarted = FedimoveService.create(
        state.paths, state.secrets, clock=state.clock, transport=session.transport
    )
    try:
        again = WizardWindow(WizardController(restarted, interval_ms=30), practice=True)
        qtbot.addWidget(again)
        again.show()
        again.start()
        qtbot.waitUntil(again.welcome_page.resume_box.isVisible, timeout=STEP_TIMEOUT)
        assert session.new.handle in again.welcome_page.resume_text.text()
        qtbot.mouseClick(again.welcome_page.resume_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: again.current is again.copy_page, timeout=STEP_TIMEOUT)
        complete(qtbot, again.copy_page)
        outcome = again.copy_page.outcome
        assert outcome is not None
        assert outcome.failed == 0
        new_side = session.network.instance("new.practice").state
        anna = new_side.find("anna", "new.practice")
        assert anna is not None
        requested = len(new_side.follow_requests.owned(anna.id))
        # Each follow exactly once (a locked account's follow waits as a request).
        assert new_side.following_count(anna.id) + requested == 50, (outcome, requested)
        next_page(qtbot, again)
        assert again.current is again.alias_page
        again.controller.shutdown()
        qtbot.waitUntil(lambda: not again.controller.busy, timeout=STEP_TIMEOUT)
    finally:
        run(qtbot, restarted.aclose())
