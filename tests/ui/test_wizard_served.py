"""The practice wizard as `fedimove --practice` (the README's first command) serves it: the
practice servers on loopback sockets, not in-process. Both sign-ins, the preview, the backup
and the whole copy run over real HTTP, including the follows that federate between the
practice servers (they once took ~0.5 s each there)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fedimove.ui.controller import FIND_UNFINISHED
from fedimove.ui.practice import PracticeSession
from tests.ui.practice_player import BrowserPlayer
from tests.ui.test_wizard_e2e import complete, next_page, practice_world, wizard

pytestmark = pytest.mark.timeout(600)


@pytest.fixture
def served(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> Iterator[tuple[PracticeSession, BrowserPlayer]]:
    yield from practice_world(qtbot, tmp_path / "home", served=True)


def test_the_practice_wizard_copies_over_loopback(
    qtbot: QtBot, served: tuple[PracticeSession, BrowserPlayer], tmp_path: Path
) -> None:
    session, player = served
    assert session.transport is None  # real sockets, as for the person trying it out
    assert session.old.handle.startswith("@anna@127.0.0.1:")  # the served address
    window = wizard(qtbot, session)
    qtbot.waitUntil(lambda: not window.controller.is_running(FIND_UNFINISHED))

    for account_page in (window.old_account_page, window.new_account_page):
        page = next_page(qtbot, window)
        assert page is account_page
        account_page.sign_in_button.click()
        complete(qtbot, page)
    assert sum("/oauth/authorize" in url for url in player.opened) == 2

    page = next_page(qtbot, window)
    complete(qtbot, page)
    page = next_page(qtbot, window)
    window.backup_page.path_edit.setText(str(tmp_path / "backup.age"))
    window.backup_page.write_button.click()
    complete(qtbot, page)

    page = next_page(qtbot, window)
    assert page is window.copy_page
    complete(qtbot, page)
    outcome = window.copy_page.outcome
    assert outcome is not None
    assert outcome.done > 50
    assert outcome.failed == 0
    following = window.copy_page._bars["following"][1]
    assert following.value() == following.maximum() > 0
    window.controller.shutdown()
