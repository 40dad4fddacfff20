"""Follower tracking (the phase after the Move) through the practice servers' fault knobs: the
arrivals polls on the new account and the full scans of the old one meet 5xx bursts, hangs,
resets, 429 storms, 503 with Retry-After and malformed bodies. Each poll ends with its counts
or a coded error; once the faults stop, tracking settles exactly as without them: every one of
the ten followers observed as moved, none lost, none twice."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from fedimove.core.errors import FedimoveError
from fedimove.core.storage.journal_records import FollowerState
from fedimove.sandbox.faults import FaultInjector
from fedimove.sandbox.federation import layer_of
from tests.e2e.gotosocial_move import move_by_api
from tests.e2e.test_move_gotosocial import gotosocial  # noqa: F401 - the fixture
from tests.e2e.test_move_mastodon import MoveWorld
from tests.reliability.test_network_faults import CODE, PROFILES

FOLLOWERS = 10
POLLS = 16  # arrivals polls under faults, with a full scan of the old list every fourth


@pytest.mark.timeout(120)
@pytest.mark.parametrize("profile", list(PROFILES))
async def test_tracking_survives_faults(
    gotosocial: MoveWorld,  # noqa: F811 - the imported fixture
    tmp_path: Path,
    profile: str,
) -> None:
    world = gotosocial
    tracker, _ = await move_by_api(world, tmp_path, [])
    injectors = []
    for name in ("gold.practice", "gnew.practice"):
        injector = FaultInjector(world.world.network.instance(name), seed=len(profile))
        # Tracking sends few requests: at least 30 % of them meet the fault.
        injector.faults.extend(
            replace(f, user_agent="Fedimove/*", rate=max(f.rate, 0.3)) for f in PROFILES[profile]
        )
        injector.instance.faults = injector
        injectors.append(injector)
    jobs = layer_of(world.world.network).jobs
    # Waits (a hang's timeout, Retry-After, a 429's reset) pass on the simulated clock as the
    # single flow of polls reaches them.
    world.clock.autojump = True
    outcomes: list[str] = []
    for round_ in range(POLLS):
        await jobs.advance(4, step=2)
        try:
            outcomes.append(f"arrivals:{(await tracker.poll()).arrivals}")
            if round_ % 4 == 3:
                await tracker.full_scan()
        except FedimoveError as error:
            outcomes.append(error.code)
    injected = sum(sum(i.injected.values()) for i in injectors)
    for injector in injectors:
        injector.clear()
    while jobs.running:
        await jobs.advance(4, step=2)
    await tracker.poll()
    await tracker.full_scan(final=True)
    codes = {o for o in outcomes if not o.startswith("arrivals:")}
    print(f"tracking under {profile}: injected={injected} polls={len(outcomes)} codes={codes}")
    assert injected > 0
    assert all(CODE.match(code) for code in codes), codes
    assert world.journal.follower_counts(world.migration_id) == {FollowerState.MOVED: FOLLOWERS}
    followers = world.journal.list_followers(world.migration_id, limit=None)
    assert len({f.actor_uri for f in followers}) == len(followers) == FOLLOWERS
