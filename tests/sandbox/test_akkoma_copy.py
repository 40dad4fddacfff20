"""Copying follows to an Akkoma account with Fedimove's engine: the plan's strategy for an
Akkoma destination must be one Akkoma serves (fediverse-apis §3, §5.4), and follows keep to
Akkoma's `relations_actions` limiter (10 per 10 s, refused with a 429 without headers):
no 429 in the steady state, none after a restart, and a bare 429 costs one window."""

from __future__ import annotations

import math
import random
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest

from fedimove.core.errors import CancelledError
from fedimove.core.models import Category
from fedimove.core.progress import CancelToken, Phase, ProgressEvent
from fedimove.core.servers.rest import RestClient
from fedimove.sandbox.federation import install
from fedimove.sandbox.flavours import RELATIONS_ACTIONS
from fedimove.sandbox.instance import Instance
from fedimove.sandbox.scenario_parts import Builder
from tests.core.engine.steps.practice_copy import CopyWorld, add_follows, copy_world, holdings
from tests.sandbox.conftest import token_for

OLD, AK = "old.practice", "ak.practice"
WINDOW = timedelta(seconds=10)
PER_WINDOW = 10
#: What one window costs us beyond the server's own: the scheduler wakes a second late.
MARGIN = timedelta(seconds=1)


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[CopyWorld]:
    async for value in copy_world(tmp_path):
        yield value


@dataclass
class FollowLog:
    """Every follow request the Akkoma server answered: when, and with what status."""

    world: CopyWorld
    answers: list[tuple[datetime, int]] = field(default_factory=list)

    async def __call__(self, response: httpx.Response) -> None:
        request = response.request
        if request.url.host == AK and request.url.path.endswith("/follow"):
            self.answers.append((self.world.clock.now(), response.status_code))

    @property
    def refused(self) -> int:
        return sum(status == 429 for _, status in self.answers)

    def span(self) -> timedelta:
        return self.answers[-1][0] - self.answers[0][0]


def _akkoma(world: CopyWorld) -> Instance:
    ak = world.network.add_instance(AK, "akkoma")
    install(world.network)
    anna = Builder(world.network, random.Random(3)).local(
        ak, "anna", world.clock.now() - timedelta(days=3)
    )
    anna.password = "practice-ak-anna"
    return ak


async def _clients(world: CopyWorld) -> tuple[RestClient, RestClient, FollowLog]:
    old = await world.client(f"anna@{OLD}")
    token = await token_for(world.http, world.network, AK, "anna", "read write follow")
    new = await world.client(f"anna@{AK}", token=token)
    log = FollowLog(world)
    world.http.event_hooks["response"].append(log)
    return old, new, log


def _wanted(world: CopyWorld) -> set[str]:
    return set(world.network.ground_truth.following) - {f"anna@{AK}"}


def _followed(ak: Instance) -> set[str]:
    after = holdings(ak, "anna")
    return set(after["following"]) | set(after["requests"])


def _bound(follows: int) -> timedelta:
    """The least time `follows` follows can take at 10 per 10 s: the first window is free."""
    return WINDOW * (math.ceil(follows / PER_WINDOW) - 1)


async def test_follows_reach_an_akkoma_destination_without_a_429(world: CopyWorld) -> None:
    ak = _akkoma(world)
    old, new, log = await _clients(world)
    migration, result = await world.engine().start(old, new, {Category.FOLLOWING})
    assert result.finished
    wanted = _wanted(world)
    assert _followed(ak) == wanted
    assert world.journal.step_counts(migration.id, "following").done == len(wanted)
    assert log.refused == 0
    assert len(log.answers) == len(wanted)  # one request per follow: none repeated


@pytest.mark.parametrize("follows", [50])
async def test_many_follows_take_the_window_bound(world: CopyWorld, follows: int) -> None:
    ak = _akkoma(world)
    add_follows(world, follows, home=AK)
    old, new, log = await _clients(world)
    events: list[ProgressEvent] = []

    def keep(event: ProgressEvent) -> None:
        events.append(event)

    _, result = await world.engine().start(old, new, {Category.FOLLOWING}, progress=keep)
    assert result.finished
    assert len(_followed(ak)) == follows
    assert (log.refused, len(log.answers)) == (0, follows)
    windows = math.ceil(follows / PER_WINDOW)
    assert _bound(follows) <= log.span() <= _bound(follows) + MARGIN * windows
    # Not the default minute per refusal: the whole copy is within the bound plus margins.
    assert world.schedulers[AK].stats.rate_limited == 0
    # The progress names when the follows will be done, from the window.
    copying = [e for e in events if e.phase is Phase.COPY and e.category == "following"]
    first_eta = copying[0].eta
    assert first_eta is not None
    assert first_eta - log.answers[0][0] == _bound(follows)


async def test_a_restart_does_not_burst_into_the_window(world: CopyWorld) -> None:
    """Stopped after 15 follows (5 in the current 10 s window), a new process (fresh
    scheduler) must count those 5 from the journal, or its first burst meets a 429."""
    ak = _akkoma(world)
    old, new, log = await _clients(world)
    cancel = CancelToken()

    def stop_after_15(event: ProgressEvent) -> None:
        if event.category == "following" and event.done == 15:
            cancel.cancel()

    engine = world.engine()
    with pytest.raises(CancelledError):
        await engine.start(old, new, {Category.FOLLOWING}, progress=stop_after_15, cancel=cancel)
    assert len(log.answers) == 15
    migration = world.journal.list_migrations()[-1]
    world.schedulers.pop(AK)  # a new process: nothing of the old scheduler is left
    token = await token_for(world.http, world.network, AK, "anna", "read write follow")
    fresh = await world.client(f"anna@{AK}", token=token)
    result = await world.engine().resume(migration.id, None, fresh)
    assert result.finished
    assert _followed(ak) == _wanted(world)
    assert (log.refused, len(log.answers)) == (0, len(_wanted(world)))


async def test_a_bare_429_waits_one_window_not_a_minute(world: CopyWorld) -> None:
    """Another app of anna's just used the window up: the first follow is refused without
    headers; the copy waits one window (plus the margin), then goes on without another 429."""
    ak = _akkoma(world)
    old, new, log = await _clients(world)
    anna = ak.state.find("anna", AK)
    assert anna is not None
    await new.verify_credentials()  # the read before the copy happens before the other app
    for _ in range(PER_WINDOW):
        ak.limiter.hit(RELATIONS_ACTIONS, str(anna.id))
    _, result = await world.engine().start(old, new, {Category.FOLLOWING})
    assert result.finished
    assert _followed(ak) == _wanted(world)
    assert log.refused == 1
    assert len(log.answers) == len(_wanted(world)) + 1
    refused_at = next(at for at, status in log.answers if status == 429)
    retried_at = log.answers[log.answers.index((refused_at, 429)) + 1][0]
    assert WINDOW <= retried_at - refused_at <= WINDOW + MARGIN
