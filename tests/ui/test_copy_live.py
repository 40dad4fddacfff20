"""The copy on the practice Fediverse in-process, as the wizard runs it on the qasync loop: its
progress reaches the page while it runs (not all at the end), and Pause says "Paused" only once
the copy has stopped (issue 8). Waits are on conditions, never fixed sleeps."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fedimove.core.clock import ScaledClock
from fedimove.core.models import Category
from fedimove.core.progress import CancelToken, Phase, ProgressEvent, discard_progress
from fedimove.core.service_api import AccountRole
from fedimove.ui.controller import COPY
from fedimove.ui.pages.copy import CopyPage
from fedimove.ui.pages.wizard_controller import WizardController
from fedimove.ui.practice import PracticeSession, practice_session
from tests.ui.practice_player import BrowserPlayer, run

CATEGORIES = [Category.FOLLOWING, Category.LISTS, Category.BLOCKS, Category.DOMAIN_BLOCKS]
TIMEOUT = 90_000

pytestmark = pytest.mark.timeout(300)


@pytest.fixture
def signed_in(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> Iterator[PracticeSession]:
    """A practice session (servers in-process) with both demo accounts signed in."""
    player = BrowserPlayer()
    session_cm = practice_session(
        open_url=player, clock=ScaledClock(120.0), home=tmp_path / "home", served=False
    )
    session = run(qtbot, session_cm.__aenter__())
    player.session = session
    try:
        for role, demo in ((AccountRole.OLD, session.old), (AccountRole.NEW, session.new)):
            run(
                qtbot,
                session.service.sign_in(
                    role, demo.handle, progress=discard_progress, cancel=CancelToken()
                ),
            )
        yield session
    finally:
        run(qtbot, session_cm.__aexit__(None, None, None))


def _items(events: tuple[ProgressEvent, ...]) -> list[ProgressEvent]:
    return [e for e in events if e.phase is Phase.COPY and e.status.startswith("item_")]


def test_copy_progress_arrives_while_the_copy_runs(
    qtbot: QtBot, signed_in: PracticeSession
) -> None:
    controller = WizardController(signed_in.service, interval_ms=30)
    page = CopyPage(controller)
    qtbot.addWidget(page)
    page.set_categories(CATEGORIES)
    while_running: list[int] = []  # items done, per progress signal that came mid-copy

    def seen(events: tuple[ProgressEvent, ...]) -> None:
        items = _items(events)
        if items and controller.is_running(COPY):
            while_running.append(max(e.done for e in items))

    controller.progress_changed.connect(seen)
    page.on_enter()  # starts the copy
    qtbot.waitUntil(lambda: page.outcome is not None, timeout=TIMEOUT)
    # Several updates, each further on, all before the copy ended (not one burst at the end).
    assert len(while_running) >= 3, while_running
    bar = page._bars["following"][1]
    assert bar.value() == bar.maximum() > 0
    controller.shutdown()


def test_pause_says_paused_only_once_the_copy_has_stopped(
    qtbot: QtBot, signed_in: PracticeSession
) -> None:
    controller = WizardController(signed_in.service, interval_ms=30)
    page = CopyPage(controller)
    qtbot.addWidget(page)
    page.set_categories([Category.FOLLOWING])
    statuses: list[str] = []

    def click_pause_mid_copy(events: tuple[ProgressEvent, ...]) -> None:
        if not page.pause_button.isChecked() and any(e.done >= 3 for e in _items(events)):
            page.pause_button.click()
            statuses.append(page.status.text())

    controller.progress_changed.connect(click_pause_mid_copy)
    page.on_enter()
    qtbot.waitUntil(lambda: page.status.text().startswith("Paused"), timeout=TIMEOUT)
    assert len(statuses) == 1
    assert statuses[0].startswith("Pausing")  # not "Paused" at the click
    assert controller.is_running(COPY)  # held, not ended
    journal = signed_in.service.state.journal
    migration_id = signed_in.service.state.migration_id
    assert migration_id is not None
    assert journal.items_in_flight(migration_id) == []
    done = journal.step_counts(migration_id, "following").done
    assert 3 <= done < 50

    controller.progress_changed.disconnect(click_pause_mid_copy)
    page.pause_button.click()  # resume
    assert page.status.text() == "Copying…"
    qtbot.waitUntil(lambda: page.outcome is not None, timeout=TIMEOUT)
    assert journal.step_counts(migration_id, "following").open == 0
    controller.shutdown()
