"""The writer lease (DESIGN §0.13) is given back when a run stops before the runner takes it
over: during the read or the plan. Kept, it made the next start in a new process find the
migration "busy" until the lease went stale."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from fedimove.core.errors import CancelledError
from fedimove.core.models import Category
from fedimove.core.progress import CancelToken, ProgressEvent
from tests.core.engine.steps.practice_copy import CopyWorld, copy_world

OLD, NEW = "old.practice", "new.practice"


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[CopyWorld]:
    async for value in copy_world(tmp_path):
        yield value


async def test_a_run_stopped_during_the_read_releases_the_lease(world: CopyWorld) -> None:
    old, new = await world.client(f"anna@{OLD}"), await world.client(f"anna@{NEW}")
    cancel = CancelToken()
    read_events: list[ProgressEvent] = []

    def stop_while_reading(event: ProgressEvent) -> None:
        read_events.append(event)
        cancel.cancel()  # the first word from the read: stop before any plan exists

    with pytest.raises(CancelledError):
        await world.engine().start(
            old, new, {Category.FOLLOWING}, progress=stop_while_reading, cancel=cancel
        )
    migration = world.journal.list_migrations()[0]
    assert read_events, "the read never reported, so the stop did not happen during it"
    assert "plan" not in world.journal.get_migration(migration.id).options
    assert world.journal.lease_holder(migration.id) is None

    result = await world.engine().resume(migration.id, old, new)
    assert result.finished
    assert world.journal.lease_holder(migration.id) is None
