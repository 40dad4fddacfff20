"""The runner on the practice `small` scenario: in-flight items are reconciled with the server
before anything is re-sent, a list created just before a crash is not created twice, cancel
stops at a safe point, pause holds the work (issue 6; DESIGN §3, §0.13)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from fedimove.core.engine.runner import PauseToken
from fedimove.core.errors import CancelledError
from fedimove.core.models import Category
from fedimove.core.progress import CancelToken, ProgressEvent
from fedimove.core.storage.journal_records import ItemState, StepState
from tests.core.engine.steps.practice_copy import CopyWorld, copy_world, holdings

OLD, NEW = "old.practice", "new.practice"


class Crash(BaseException):
    """Stands for the process dying: nothing after it runs."""


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[CopyWorld]:
    async for value in copy_world(tmp_path):
        yield value


def _crash_after(count: int, category: str):  # type: ignore[no-untyped-def]
    seen = []

    def sink(event: ProgressEvent) -> None:
        if event.category == category and event.status == "item_done":
            seen.append(event)
            if len(seen) == count:
                raise Crash

    return sink


async def test_in_flight_items_are_reconciled_before_anything_is_resent(world: CopyWorld) -> None:
    old, new = await world.client(f"anna@{OLD}"), await world.client(f"anna@{NEW}")
    engine = world.engine()
    with pytest.raises(Crash):
        await engine.start(old, new, {Category.FOLLOWING}, progress=_crash_after(5, "following"))
    migration = world.journal.list_migrations()[0]
    in_flight = world.journal.items_in_flight(migration.id, "following")
    assert len(in_flight) == 3  # claimed with the batch, never sent
    # The server acted on one of them just before the "crash" (its outcome was never written).
    acted = in_flight[0]
    ref = await new.resolve_account(str(acted.payload["acct"]))
    assert ref is not None
    await new.follow(ref.local_id)

    result = await world.engine().resume(migration.id, None, new)
    assert result.finished
    item = world.journal.get_item(migration.id, "following", acted.key)
    assert item is not None
    assert (item.state, item.attempts) == (ItemState.DONE, 1)  # found, not sent again
    for other in in_flight[1:]:
        again = world.journal.get_item(migration.id, "following", other.key)
        assert again is not None
        assert (again.state, again.attempts) == (ItemState.DONE, 2)  # not there: sent again
    after = holdings(world.network.instance(NEW), "anna")
    assert len(after["following"]) + len(after["requests"]) == len(
        world.network.ground_truth.following
    )


async def test_a_list_created_just_before_a_crash_is_not_created_twice(world: CopyWorld) -> None:
    old, new = await world.client(f"anna@{OLD}"), await world.client(f"anna@{NEW}")
    engine = world.engine()
    with pytest.raises(Crash):
        await engine.start(
            old, new, {Category.FOLLOWING, Category.LISTS}, progress=_crash_after(1, "following")
        )
    migration = world.journal.list_migrations()[0]
    first = world.journal.list_items(migration.id, "lists", limit=1)[0]
    claimed = world.journal.claim_item(first.id)  # intent written ...
    from fedimove.core.models import ListEntry

    await new.create_list(ListEntry(str(claimed.payload["title"])))  # ... the list made, then death

    assert (await world.engine().resume(migration.id, None, new)).finished
    after = holdings(world.network.instance(NEW), "anna")
    assert after["list_count"] == len(world.network.ground_truth.lists)
    assert after["lists"] == holdings(world.network.instance(OLD), "anna")["lists"]


async def test_cancel_stops_at_a_safe_point_and_resume_finishes(world: CopyWorld) -> None:
    old, new = await world.client(f"anna@{OLD}"), await world.client(f"anna@{NEW}")
    cancel = CancelToken()

    def sink(event: ProgressEvent) -> None:
        if event.category == "bookmarks" and event.done == 4:
            cancel.cancel()

    engine = world.engine()
    with pytest.raises(CancelledError):
        await engine.start(old, new, {Category.BOOKMARKS}, progress=sink, cancel=cancel)
    migration = world.journal.list_migrations()[0]
    assert world.journal.items_in_flight(migration.id) == []
    counts = world.journal.step_counts(migration.id, "bookmarks")
    assert 0 < counts.done < counts.total
    assert world.journal.get_step(migration.id, "bookmarks").state is StepState.PENDING
    assert world.journal.lease_holder(migration.id) is None
    assert (await engine.resume(migration.id, None, new)).finished
    assert world.journal.step_counts(migration.id, "bookmarks").done == counts.total


async def test_pause_holds_the_work_until_resumed(world: CopyWorld) -> None:
    old, new = await world.client(f"anna@{OLD}"), await world.client(f"anna@{NEW}")
    pause = PauseToken()
    pause.pause()
    task = asyncio.create_task(
        world.engine().start(old, new, {Category.DOMAIN_BLOCKS}, pause=pause)
    )
    for _ in range(200):  # let the read and the plan happen; the copy must not start
        await asyncio.sleep(0)
    assert not task.done()
    assert holdings(world.network.instance(NEW), "anna")["domain_blocks"] == []
    pause.resume()
    _, result = await task
    assert result.finished
    assert holdings(world.network.instance(NEW), "anna")["domain_blocks"] == sorted(
        world.network.ground_truth.domain_blocks
    )


async def test_follows_beyond_the_cap_are_copied_after_the_move(world: CopyWorld) -> None:
    from dataclasses import replace

    from fedimove.core.servers.base import FollowCap
    from fedimove.core.storage.journal_records import MigrationPhase

    old, new = await world.client(f"anna@{OLD}"), await world.client(f"anna@{NEW}")
    assert new.capabilities is not None
    new.use_capabilities(replace(new.capabilities, follow_cap=FollowCap(40, 1.1)))
    engine = world.engine()
    migration, result = await engine.start(old, new, {Category.FOLLOWING})
    assert result.finished
    assert world.journal.step_counts(migration.id, "following").done == 40
    assert world.journal.step_counts(migration.id, "following_after").pending == 10
    world.journal.set_phase(migration.id, MigrationPhase.MOVE)  # the Move went through
    assert (await engine.resume(migration.id, None, new)).finished
    assert world.journal.step_counts(migration.id, "following_after").done == 10
