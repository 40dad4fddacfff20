"""Fixtures for the GUI tests: a qasync loop on pytest-qt's QApplication, and follower rows."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta

import pytest
import qasync
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fedimove.core.service_api import FollowerRow, FollowerState
from tests.e2e.practice_tracking import MovedPractice, moved_practice_account
from tests.ui.practice_player import run

MOVE_TIME = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
SERVERS = ("mastodon.social", "fosstodon.org", "gts.example", "akkoma.example", "dead.example")


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    """An asyncio loop that runs inside Qt's (as in the app): tasks advance while pytest-qt
    waits for signals or conditions."""
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    for task in asyncio.all_tasks(loop):
        task.cancel()
    # Not loop.stop(): it calls QApplication.exit(), which would end every later wait.
    asyncio.events._set_running_loop(None)
    loop._QEventLoop__is_running = False  # type: ignore[attr-defined]
    loop.close()
    asyncio.set_event_loop(None)


@pytest.fixture
def moved(qtbot: QtBot, qloop: asyncio.AbstractEventLoop) -> Iterator[MovedPractice]:
    """A practice account that has moved, its followers being tracked (tests/e2e), with the
    real service; set up and torn down on the wizard's loop."""
    worlds: AsyncIterator[MovedPractice] = moved_practice_account()
    world = run(qtbot, worlds.__anext__())
    try:
        yield world
    finally:
        with pytest.raises(StopAsyncIteration):
            run(qtbot, worlds.__anext__())


def follower(
    number: int,
    state: FollowerState = FollowerState.STILL_ON_OLD,
    *,
    server: str | None = None,
    arrived_minutes: float | None = None,
    display_name: str | None = None,
) -> FollowerRow:
    host = server or SERVERS[number % len(SERVERS)]
    arrived = None
    if arrived_minutes is not None:
        arrived = MOVE_TIME + timedelta(minutes=arrived_minutes)
    return FollowerRow(
        actor_uri=f"https://{host}/users/user{number}",
        handle=f"@user{number}@{host}",
        display_name=display_name if display_name is not None else f"User {number}",
        server=host,
        software="mastodon" if "gts" not in host else "gotosocial",
        state=state,
        reason="" if state is FollowerState.MOVED else "not_yet",
        observed=number % 3 != 0,
        arrived_at=arrived,
    )


def followers(count: int, state: FollowerState = FollowerState.STILL_ON_OLD) -> list[FollowerRow]:
    return [follower(number, state) for number in range(count)]
