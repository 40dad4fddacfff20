"""A moved demo account on the practice Fediverse, driven through the wizard's service, ready
for follower tracking (shared by the tracking tests in tests/e2e and tests/ui)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

from fedimove.cli.practice_browser import PracticeBrowser
from fedimove.cli.practice_move import (
    EXPECTED_STATES,
    SPEED,
    _alias_checks_and_move,
    _prepare,
    follower_key,
)
from fedimove.core.clock import ScaledClock
from fedimove.core.progress import ProgressEvent
from fedimove.core.service import FedimoveService
from fedimove.core.service_api import FollowerRow, FollowerState
from fedimove.core.storage.journal import Journal
from fedimove.sandbox.federation import layer_of
from fedimove.sandbox.scenario_failures import expected_outcomes
from fedimove.ui.practice import PracticeSession, practice_session


def _quiet(_phase: str, _text: str) -> None:
    """The practice-move helpers narrate each step; tests do not need it."""


@dataclass
class MovedPractice:
    session: PracticeSession
    clock: ScaledClock
    #: Where each follower must end (`user@server` → state), from the scenario's ground truth.
    expected: dict[str, FollowerState]
    rows: dict[str, FollowerRow] = field(default_factory=dict)
    events: list[ProgressEvent] = field(default_factory=list)

    @property
    def service(self) -> FedimoveService:
        return self.session.service

    @property
    def journal(self) -> Journal:
        return self.service.state.journal

    @property
    def migration_id(self) -> int:
        return self.service.state.require_migration()

    #: How many rows each batch held, and how many of them were no change at all.
    batches: list[tuple[int, int]] = field(default_factory=list)

    def on_rows(self, batch: object) -> None:
        assert isinstance(batch, list | tuple)
        same = sum(1 for row in batch if self.rows.get(follower_key(row)) == row)
        self.batches.append((len(batch), same))
        self.rows.update((follower_key(row), row) for row in batch)

    def progress(self, event: ProgressEvent) -> None:
        self.events.append(event)

    def servers_idle(self) -> bool:
        """The practice servers have delivered everything the Move set off."""
        return not layer_of(self.session.network).jobs.running

    def arrivals_settled(self) -> bool:
        arriving = {FollowerState.MOVED, FollowerState.AWAITING_APPROVAL}
        return self.servers_idle() and all(
            self.rows.get(key) is not None and self.rows[key].state is state
            for key, state in self.expected.items()
            if state in arriving
        )


async def until(
    condition: Callable[[], bool], within: float = 60.0, *, running: asyncio.Future[Any]
) -> None:
    """Wait for a condition while the practice servers and the tracker (`running`) run; what
    went wrong inside the tracker is raised at once."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not condition():
        if running.done():
            running.result()  # raises what ended it
            raise AssertionError("the tracker stopped before the condition came true")
        assert loop.time() < deadline, "the condition never came true"
        await asyncio.sleep(0.02)


async def moved_practice_account() -> AsyncIterator[MovedPractice]:
    """Sign in, preview, back up, copy, alias, checks, Move: the steps before tracking."""
    browser, clock = PracticeBrowser(), ScaledClock(SPEED)
    async with practice_session(open_url=browser, clock=clock, served=False) as session:
        browser.session = session
        await _prepare(session, _quiet)  # type: ignore[arg-type]
        await _alias_checks_and_move(session, clock, _quiet)  # type: ignore[arg-type]
        expected = {
            handle: EXPECTED_STATES[(outcome.state, outcome.reason)]
            for handle, outcome in expected_outcomes(session.network).items()
        }
        yield MovedPractice(session, clock, expected)
