"""Pause on the practice `small` scenario: it takes effect after the request in flight (no new
request starts), the items claimed but not sent go back to pending, the runner says `paused`
only once the work has stopped, and resume finishes with the same end state as a copy that was
never paused (issue 8)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from fedimove.core.engine.runner import PauseToken
from fedimove.core.errors import CancelledError
from fedimove.core.models import Category
from fedimove.core.progress import CancelToken, ProgressEvent
from fedimove.core.storage.journal_records import StepState
from tests.core.engine.steps.practice_copy import CopyWorld, add_follows, copy_world, holdings

OLD, NEW = "old.practice", "new.practice"
CATEGORIES = {Category.FOLLOWING, Category.LISTS, Category.DOMAIN_BLOCKS}


def _is_follow(request: httpx.Request) -> bool:
    return request.method == "POST" and request.url.path.endswith("/follow")


@dataclass
class Counting(httpx.AsyncBaseTransport):
    """The practice network's transport, counting requests; `before` runs as each one starts
    (after the scheduler let it go, so it is in flight)."""

    inner: httpx.AsyncBaseTransport
    sent: list[httpx.Request] = field(default_factory=list)
    before: Callable[[httpx.Request], None] = lambda request: None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request)
        self.before(request)
        return await self.inner.handle_async_request(request)

    def follows(self) -> int:
        return sum(_is_follow(request) for request in self.sent)


@dataclass
class Recorder:
    """A progress sink that notes how many requests had started at each pause/resume."""

    transport: Counting
    marks: list[tuple[str, int]] = field(default_factory=list)
    stopped: asyncio.Event = field(default_factory=asyncio.Event)

    def __call__(self, event: ProgressEvent) -> None:
        if event.status in ("paused", "resumed"):
            self.marks.append((event.status, len(self.transport.sent)))
        if event.status == "paused":
            self.stopped.set()


async def _world(tmp_path: Path) -> AsyncIterator[tuple[CopyWorld, Counting]]:
    async for world in copy_world(tmp_path):
        counting = Counting(world.network.transport)
        world.http._transport = counting  # every request of this world passes the counter
        yield world, counting


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[tuple[CopyWorld, Counting]]:
    async for value in _world(tmp_path / "paused"):
        yield value


@pytest.fixture
async def reference(tmp_path: Path) -> AsyncIterator[tuple[CopyWorld, Counting]]:
    async for value in _world(tmp_path / "reference"):
        yield value


async def _clients(world: CopyWorld) -> tuple[Any, Any]:
    return await world.client(f"anna@{OLD}"), await world.client(f"anna@{NEW}")


async def assert_same_end_state_as_never_paused(
    paused: CopyWorld, reference: tuple[CopyWorld, Counting]
) -> Counting:
    """Nothing lost, nothing twice: the new account holds what a copy never paused leaves."""
    ref_world, ref_transport = reference
    ref_old, ref_new = await _clients(ref_world)
    _ref, ref_result = await ref_world.engine().start(ref_old, ref_new, CATEGORIES)
    assert ref_result.finished
    paused_side = holdings(paused.network.instance(NEW), "anna")
    never_paused = holdings(ref_world.network.instance(NEW), "anna")
    for key in ("following", "requests", "lists", "list_count", "domain_blocks"):
        assert paused_side[key] == never_paused[key], key
    return ref_transport


async def test_pause_stops_after_the_request_in_flight_and_resume_finishes_the_same(
    world: tuple[CopyWorld, Counting], reference: tuple[CopyWorld, Counting]
) -> None:
    copy, transport = world
    old, new = await _clients(copy)
    pause = PauseToken()
    recorder = Recorder(transport)

    def pause_during_the_fifth_follow(request: httpx.Request) -> None:
        if _is_follow(request) and transport.follows() == 5:
            pause.pause()  # the person clicks while this follow is on its way

    transport.before = pause_during_the_fifth_follow
    task = asyncio.create_task(
        copy.engine().start(old, new, CATEGORIES, progress=recorder, pause=pause)
    )
    await asyncio.wait_for(recorder.stopped.wait(), timeout=30)
    started = len(transport.sent)
    # No request started after the pause; the one in flight finished.
    assert recorder.marks == [("paused", started)]
    assert transport.follows() == 5
    for _ in range(100):  # the run stays still while paused
        await asyncio.sleep(0)
    assert len(transport.sent) == started
    assert not task.done()

    journal = copy.journal
    migration = journal.list_migrations()[0]
    assert journal.items_in_flight(migration.id) == []  # claimed, unsent: back to pending
    counts = journal.step_counts(migration.id, "following")
    assert counts.done == 5  # the follow in flight is journaled as done
    assert counts.pending == counts.total - counts.done - counts.skipped
    assert journal.get_step(migration.id, "following").state is StepState.PENDING

    pause.resume()
    _migration, result = await asyncio.wait_for(task, timeout=60)
    assert result.finished
    assert [status for status, _ in recorder.marks] == ["paused", "resumed"]
    assert journal.step_counts(migration.id, "following").open == 0

    # Nothing lost, nothing sent twice: the same end state as a copy never paused.
    ref_transport = await assert_same_end_state_as_never_paused(copy, reference)
    assert transport.follows() == ref_transport.follows()


async def test_pause_before_the_copy_holds_it_and_says_so(
    world: tuple[CopyWorld, Counting],
) -> None:
    copy, transport = world
    old, new = await _clients(copy)
    pause = PauseToken()
    pause.pause()
    recorder = Recorder(transport)
    task = asyncio.create_task(
        copy.engine().start(old, new, {Category.DOMAIN_BLOCKS}, progress=recorder, pause=pause)
    )
    await asyncio.wait_for(recorder.stopped.wait(), timeout=30)
    assert holdings(copy.network.instance(NEW), "anna")["domain_blocks"] == []
    pause.resume()
    _migration, result = await asyncio.wait_for(task, timeout=30)
    assert result.finished
    assert [status for status, _ in recorder.marks] == ["paused", "resumed"]


async def test_cancel_while_paused_stops_cleanly(world: tuple[CopyWorld, Counting]) -> None:
    copy, transport = world
    old, new = await _clients(copy)
    pause, cancel = PauseToken(), CancelToken()
    recorder = Recorder(transport)

    def pause_at_the_third_follow(request: httpx.Request) -> None:
        if _is_follow(request) and transport.follows() == 3:
            pause.pause()

    transport.before = pause_at_the_third_follow
    task = asyncio.create_task(
        copy.engine().start(
            old, new, {Category.FOLLOWING}, progress=recorder, pause=pause, cancel=cancel
        )
    )
    await asyncio.wait_for(recorder.stopped.wait(), timeout=30)
    cancel.cancel()
    with pytest.raises(CancelledError):
        await asyncio.wait_for(task, timeout=30)
    migration = copy.journal.list_migrations()[0]
    assert copy.journal.items_in_flight(migration.id) == []
    assert copy.journal.lease_holder(migration.id) is None
    assert copy.journal.step_counts(migration.id, "following").done == 3


async def test_pause_during_the_wait_for_the_daily_reset_is_reported_at_once(
    world: tuple[CopyWorld, Counting],
) -> None:
    copy, transport = world
    add_follows(copy, 450)  # over the 400-a-day API allowance: the run waits for 00:00 UTC
    old, new = await _clients(copy)
    pause = PauseToken()
    recorder = Recorder(transport)
    moments: list[datetime] = []

    def sink(event: ProgressEvent) -> None:
        if event.status == "waiting" and not moments:
            moments.append(copy.clock.now())
            pause.pause()  # the person pauses while the copy waits for the reset
        recorder(event)

    task = asyncio.create_task(
        copy.engine().start(
            old, new, {Category.FOLLOWING}, api_only=True, progress=sink, pause=pause
        )
    )
    await asyncio.wait_for(recorder.stopped.wait(), timeout=60)
    assert copy.clock.now() == moments[0]  # stopped at once, not after the day-long wait
    sent = len(transport.sent)
    pause.resume()
    _migration, result = await asyncio.wait_for(task, timeout=60)
    assert result.finished
    assert copy.clock.now().date() > moments[0].date()  # then it waited for the reset
    assert recorder.marks == [("paused", sent), ("resumed", sent)]
    migration = copy.journal.list_migrations()[0]
    counts = copy.journal.step_counts(migration.id, "following")
    assert counts.open == 0
    held = holdings(copy.network.instance(NEW), "anna")
    assert len(held["following"]) + len(held["requests"]) == counts.done


async def test_pause_during_the_read_stops_it_and_resume_reads_again_to_the_end(
    world: tuple[CopyWorld, Counting], reference: tuple[CopyWorld, Counting]
) -> None:
    """A large account's read takes minutes: Pause must not wait for it to end."""
    copy, transport = world
    old, new = await _clients(copy)
    pause = PauseToken()
    recorder = Recorder(transport)

    def pause_while_reading_the_follows(request: httpx.Request) -> None:
        if request.url.host == OLD and request.url.path.endswith("/following"):
            pause.pause()  # the person clicks while the old account is being read

    transport.before = pause_while_reading_the_follows
    task = asyncio.create_task(
        copy.engine().start(old, new, CATEGORIES, progress=recorder, pause=pause)
    )
    await asyncio.wait_for(recorder.stopped.wait(), timeout=30)
    stopped_at = len(transport.sent)
    # The read stopped after its request in flight: no list, block or write was asked for.
    assert recorder.marks == [("paused", stopped_at)]
    assert transport.sent[-1].url.path.endswith("/following")
    for _ in range(100):
        await asyncio.sleep(0)
    assert len(transport.sent) == stopped_at
    transport.before = lambda request: None
    migration = copy.journal.list_migrations()[0]
    assert "plan" not in copy.journal.get_migration(migration.id).options  # nothing planned

    pause.resume()
    _migration, result = await asyncio.wait_for(task, timeout=60)
    assert result.finished
    assert [status for status, _ in recorder.marks] == ["paused", "resumed"]
    await assert_same_end_state_as_never_paused(copy, reference)
