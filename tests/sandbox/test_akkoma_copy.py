"""Copying follows to an Akkoma account with Fedimove's engine: the plan's strategy for an
Akkoma destination must be one Akkoma serves (fediverse-apis §3, §5.4)."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest

from fedimove.core.models import Category
from fedimove.sandbox.federation import install
from fedimove.sandbox.scenario_parts import Builder
from tests.core.engine.steps.practice_copy import CopyWorld, copy_world, holdings
from tests.sandbox.conftest import token_for

OLD, AK = "old.practice", "ak.practice"


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[CopyWorld]:
    async for value in copy_world(tmp_path):
        yield value


async def test_follows_reach_an_akkoma_destination(world: CopyWorld) -> None:
    ak = world.network.add_instance(AK, "akkoma")
    install(world.network)
    anna = Builder(world.network, random.Random(3)).local(
        ak, "anna", world.clock.now() - timedelta(days=3)
    )
    anna.password = "practice-ak-anna"
    old = await world.client(f"anna@{OLD}")
    token = await token_for(world.http, world.network, AK, "anna", "read write follow")
    new = await world.client(f"anna@{AK}", token=token)
    statuses: list[int] = []

    async def keep(response: httpx.Response) -> None:
        if response.request.url.host == AK:
            statuses.append(response.status_code)

    world.http.event_hooks["response"].append(keep)
    world.clock.autojump = True  # the waits below pass on the injected clock
    started = world.clock.now()
    migration, result = await world.engine().start(old, new, {Category.FOLLOWING})
    assert result.finished
    wanted = set(world.network.ground_truth.following) - {f"anna@{AK}"}
    # The engine does not pace follows by `relations_actions` yet (FollowPacing.per_window is
    # not read): Akkoma refuses the 11th follow of a window with a 429 without headers, and
    # the engine waits its default minute each time, then goes on.
    assert 0 < statuses.count(429) <= len(wanted) // 10
    after = holdings(ak, "anna")
    assert set(after["following"]) | after["requests"] == wanted
    counts = world.journal.step_counts(migration.id, "following")
    assert counts.done == len(wanted)
    assert world.clock.now() - started >= timedelta(minutes=statuses.count(429))
