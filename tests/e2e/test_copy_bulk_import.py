"""A GoToSocial destination takes the follows through its own import API (`POST
/api/v1/import`, merge), then Fedimove verifies the following list and fills the gaps one by
one (issue 6; fediverse-apis §3)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from tests.core.engine.steps.practice_copy import CopyWorld, copy_world, holdings
from tests.sandbox.conftest import token_for

from fedimove.core.models import Category
from fedimove.core.progress import ProgressRecorder
from fedimove.sandbox.federation import node_of

OLD, GTS = "old.practice", "gts.practice"


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[CopyWorld]:
    async for value in copy_world(tmp_path):
        yield value


async def test_gotosocial_destination_imports_then_fills_gaps(world: CopyWorld) -> None:
    from fedimove.sandbox.scenario_parts import Builder

    gts = world.network.instance(GTS)
    builder = Builder(world.network, __import__("random").Random(3))
    anna = builder.local(gts, "anna", world.clock.now() - timedelta(days=3))
    anna.password = "practice-gts-anna"
    old = await world.client(f"anna@{OLD}")
    token = await token_for(world.http, world.network, GTS, "anna", "read write")
    new = await world.client(f"anna@{GTS}", token=token)
    recorder = ProgressRecorder()
    migration, result = await world.engine().start(
        old, new, {Category.FOLLOWING}, progress=recorder
    )
    assert result.finished
    status = world.engine().status(migration.id)
    assert status.steps[0].strategy == "api_import"
    jobs = [j for j in node_of(gts).imports.values() if j.account_id == anna.id]
    assert [(j.kind, j.mode) for j in jobs] == [("following", "merge")]
    after = holdings(gts, "anna")
    wanted = set(world.network.ground_truth.following) - {f"anna@{GTS}"}
    assert set(after["following"]) | after["requests"] == wanted
    # Accepted follows were found in the following list, without a call of their own.
    counts = world.journal.step_counts(migration.id, "following")
    assert counts.done == len(wanted)
    per_item = [e for e in recorder.events if e.status == "item_done"]
    assert len(per_item) == len(after["requests"])  # only the gaps (pending requests) by API
