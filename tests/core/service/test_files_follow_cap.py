"""Follows beyond the new server's cap in a files migration: no Move will come to raise the cap
by bringing followers, so none wait for one. Every follow is tried in the copy, and the
migration finishes with it (those the server refuses end skipped "follow_cap", reported)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest

from fedimove.core.engine.snapshot import read_snapshot
from fedimove.core.models import Category
from fedimove.core.progress import CancelToken, discard_progress
from fedimove.core.servers.base import FollowCap
from fedimove.core.sources.base import SourceKind, SourceResult
from fedimove.core.sources.offline import start_offline
from fedimove.core.storage.journal_records import MigrationPhase, MigrationState
from tests.core.engine.steps.practice_copy import CopyWorld, copy_world

OLD, NEW = "old.practice", "new.practice"


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[CopyWorld]:
    async for value in copy_world(tmp_path):
        yield value


async def test_follows_beyond_the_cap_never_wait_for_a_move(world: CopyWorld) -> None:
    old = await world.client(f"anna@{OLD}")
    snapshot = await read_snapshot(old, progress=discard_progress, cancel=CancelToken())
    world.network.instance(OLD).knobs.reachable = False
    source = SourceResult(SourceKind.BACKUP, snapshot, {Category.FOLLOWING})
    new = await world.client(f"anna@{NEW}")
    assert new.capabilities is not None
    follows = len(snapshot.following)
    cap = follows - 10
    new.use_capabilities(replace(new.capabilities, follow_cap=FollowCap(cap, 1.1)))

    migration, result = await start_offline(world.engine(), source, new, {Category.FOLLOWING})

    assert result.finished, result
    assert (migration.phase, migration.state) == (MigrationPhase.FINISH, MigrationState.FINISHED)
    steps = {step.name for step in world.journal.list_steps(migration.id)}
    assert "following_after" not in steps
    counts = world.journal.step_counts(migration.id, "following")
    assert counts.pending == counts.in_flight == counts.failed == 0
    assert counts.total >= follows - 5  # every follow was planned now, none left for later
