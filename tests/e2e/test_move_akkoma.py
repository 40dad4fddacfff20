"""The whole path with Akkoma on either side, on the practice Fediverse.

Old account on Akkoma: the alias through GoToSocial's API on the new side, the Move through
`POST /api/pleroma/move_account` with the password (asked for once). Akkoma shows no `moved`
afterwards, so its `{"status": "success"}` is what counts. New account on Akkoma: the alias
through `PUT /api/pleroma/aliases` (after making Akkoma fetch the old account), the Move on
Mastodon's guided settings page. Every follower's end is checked: on the old Akkoma server
itself, on other Akkoma, Mastodon and GoToSocial servers, on one that ignores Moves and on a
dead one. A locked Akkoma new account gets every migrated follower as a request, which
Fedimove approves."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from tests.e2e.gotosocial_move import alias_and_check
from tests.e2e.test_move_mastodon import (
    START,
    MoveWorld,
    ground_handle,
    move_world,
    track_until_settled,
)

from fedimove.core.clock import SimulatedClock
from fedimove.core.engine.alias import AliasTier, GuidedStep, set_alias
from fedimove.core.engine.checks import confirm_move, run_checks
from fedimove.core.engine.move import MoveContext, perform_move
from fedimove.core.errors import MoveRefusedError
from fedimove.core.storage.journal_records import FollowerState
from fedimove.sandbox.federation import install
from fedimove.sandbox.instance import Instance
from fedimove.sandbox.network import PracticeNetwork
from fedimove.sandbox.scenario_parts import Builder
from fedimove.sandbox.scenarios import GroundTruth

PASSWORD = "practice-kim"
#: Follower servers: (name, flavour); each holds three followers of the old account.
FOLLOWER_HOMES = (
    ("ak2", "akkoma"),
    ("m1", "mastodon"),
    ("g2", "gotosocial"),
    ("nomove", "no-move"),
    ("dead", "mastodon"),
)


def _network(old: tuple[str, str], new: tuple[str, str], seed: int) -> PracticeNetwork:
    """kim moves from `old` to `new` (name, flavour); three followers on each follower server
    and three on the old server itself."""
    clock = SimulatedClock(START)
    network = PracticeNetwork(clock=clock, seed=seed)
    builder = Builder(network, random.Random(seed))
    old_home = network.add_instance(f"{old[0]}.practice", old[1])
    new_home = network.add_instance(f"{new[0]}.practice", new[1])
    for instance in (old_home, new_home):
        builder.local(instance, "kim", clock.now()).password = PASSWORD
    kim = old_home.state.find("kim", old_home.name)
    assert kim is not None
    homes: list[tuple[str, Instance]] = [(old[0], old_home)]
    homes += [(n, network.add_instance(f"{n}.practice", f)) for n, f in FOLLOWER_HOMES]
    for name, home in homes:
        for index in range(3):
            fan = builder.local(home, f"{name}fan{index}", clock.now())
            builder.connect((home, fan), (old_home, kim))
    network.instance("dead.practice").knobs.reachable = False
    old_handle, new_handle = f"kim@{old_home.name}", f"kim@{new_home.name}"
    passwords = {old_handle: PASSWORD, new_handle: PASSWORD}
    network.ground_truth = GroundTruth(old_handle, new_handle, passwords)
    install(network)
    return network


def expected_ends(old: str, moved: str = "ok") -> dict[str, tuple[FollowerState, str | None]]:
    """Followers on servers that process the Move end on the new account (for the reason
    `moved`); the others stay."""
    ends: dict[str, tuple[FollowerState, str | None]] = {}
    for name in (old, "ak2", "m1", "g2"):
        for index in range(3):
            ends[f"{name}fan{index}@{name}.practice"] = (FollowerState.MOVED, moved)
    for index in range(3):
        ends[f"nomovefan{index}@nomove.practice"] = (FollowerState.NO_MOVE_SUPPORT, "no_move")
        ends[f"deadfan{index}@dead.practice"] = (FollowerState.UNREACHABLE, "unreachable")
    return ends


def follower_ends(world: MoveWorld) -> dict[str, tuple[FollowerState, str | None]]:
    return {
        ground_handle(f.actor_uri): (f.state, f.reason)
        for f in world.journal.list_followers(world.migration_id, limit=None)
        if f.in_snapshot
    }


async def no_browser(step: GuidedStep) -> None:
    raise AssertionError(f"no browser step expected ({step.code})")


@pytest.fixture
async def from_akkoma(tmp_path: Path) -> AsyncIterator[MoveWorld]:
    network = _network(("ak", "akkoma"), ("gnew", "gotosocial"), seed=7)
    async for world in move_world(
        tmp_path, network, "kim@ak.practice", "kim@gnew.practice", "read write"
    ):
        yield world


async def test_move_from_akkoma_through_its_api(from_akkoma: MoveWorld, tmp_path: Path) -> None:
    world = from_akkoma
    tracker = world.tracker()
    assert await tracker.take_snapshot() == 18
    status, report = await alias_and_check(world, tmp_path, tracker)
    assert (status.visible, status.tier) == (True, AliasTier.SERVER_API)
    assert report.blocking_failures == []
    consent = confirm_move(report, "kim@gnew.practice", world.clock.now())

    asked: list[str] = []

    async def ask_password() -> str:
        asked.append("once")
        return PASSWORD

    ctx = MoveContext(
        world.journal, world.migration_id, world.old, world.clock, no_browser, ask_password
    )
    moved_at = await perform_move(consent, ctx)
    assert asked == ["once"]
    migration = world.journal.get_migration(world.migration_id)
    assert migration.moved_at == moved_at
    assert PASSWORD not in str(migration.options)

    await track_until_settled(world, tracker)
    assert follower_ends(world) == expected_ends("ak")


async def test_a_wrong_password_on_akkoma_is_refused(
    from_akkoma: MoveWorld, tmp_path: Path
) -> None:
    """Akkoma answers HTTP 200 with an error body: still a refusal, with its reason, and
    nothing journaled."""
    world = from_akkoma
    tracker = world.tracker()
    await tracker.take_snapshot()
    _, report = await alias_and_check(world, tmp_path, tracker)
    consent = confirm_move(report, "kim@gnew.practice", world.clock.now())

    async def wrong() -> str:
        return "not-the-password"

    ctx = MoveContext(world.journal, world.migration_id, world.old, world.clock, no_browser, wrong)
    with pytest.raises(MoveRefusedError) as refused:
        await perform_move(consent, ctx)
    assert refused.value.params["reason"] == "wrong_password"
    assert world.journal.get_migration(world.migration_id).moved_at is None

    # The alias gone meanwhile: Akkoma's 200 with "must have the origin in `alsoKnownAs`".
    await world.new.call("POST", "/api/v1/accounts/alias", data=[("also_known_as_uris", "")])

    async def right() -> str:
        return PASSWORD

    ctx.ask_password = right
    with pytest.raises(MoveRefusedError) as refused:
        await perform_move(consent, ctx)
    assert refused.value.params["reason"] == "alias_missing"
    assert world.journal.get_migration(world.migration_id).moved_at is None


@pytest.fixture
async def to_akkoma(tmp_path: Path) -> AsyncIterator[MoveWorld]:
    network = _network(("mold", "mastodon"), ("aknew", "akkoma"), seed=8)
    async for world in move_world(
        tmp_path, network, "kim@mold.practice", "kim@aknew.practice", "read write follow"
    ):
        yield world


async def test_move_to_akkoma_with_the_alias_through_its_api(
    to_akkoma: MoveWorld, tmp_path: Path
) -> None:
    world = to_akkoma
    tracker = world.tracker()
    assert await tracker.take_snapshot() == 18
    status = await set_alias(
        world.journal,
        world.migration_id,
        world.new,
        tracker.accounts,
        world.clock,
        open_url=no_browser,
    )
    assert (status.visible, status.tier) == (True, AliasTier.SERVER_API)
    aliases = await world.new.get_object("/api/pleroma/aliases")
    assert aliases == {"aliases": ["kim@mold.practice"]}
    await world.final_read_and_backup(tmp_path)
    world.clock.advance(16 * 60)
    report = await run_checks(world.checks(no_recent_move=True))
    assert report.blocking_failures == []
    consent = confirm_move(report, "kim@aknew.practice", world.clock.now())
    ctx = MoveContext(world.journal, world.migration_id, world.old, world.clock, world.play)
    await perform_move(consent, ctx)
    assert [s.url for s in world.steps] == [f"{world.old.origin}/settings/migration"]

    await track_until_settled(world, tracker)
    assert follower_ends(world) == expected_ends("mold")


@pytest.fixture
async def gotosocial_to_akkoma(tmp_path: Path) -> AsyncIterator[MoveWorld]:
    network = _network(("gold", "gotosocial"), ("aknew", "akkoma"), seed=9)
    new_kim = network.instance("aknew.practice").state.find("kim", "aknew.practice")
    assert new_kim is not None
    new_kim.locked = True
    async for world in move_world(
        tmp_path, network, "kim@gold.practice", "kim@aknew.practice", "read write"
    ):
        yield world


async def test_move_from_gotosocial_to_a_locked_akkoma_account(
    gotosocial_to_akkoma: MoveWorld, tmp_path: Path
) -> None:
    """Both sides by API; every migrated follower reaches the locked Akkoma account as a
    request, and Fedimove approves them."""
    world = gotosocial_to_akkoma
    tracker = world.tracker(approve_migrated=True)
    assert await tracker.take_snapshot() == 18
    _, report = await alias_and_check(world, tmp_path, tracker, locked_choice="approve")
    assert report.blocking_failures == []
    consent = confirm_move(report, "kim@aknew.practice", world.clock.now())

    async def password() -> str:
        return PASSWORD

    ctx = MoveContext(
        world.journal, world.migration_id, world.old, world.clock, no_browser, password
    )
    await perform_move(consent, ctx)
    await track_until_settled(world, tracker)
    # A locked account: every migrated follower came as a request, approved by Fedimove.
    assert follower_ends(world) == expected_ends("gold", moved="approved")
