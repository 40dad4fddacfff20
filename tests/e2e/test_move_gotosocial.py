"""The whole path for a GoToSocial old account: alias and Move through its API (the password
asked for at that moment), a locked new account whose migrated followers are approved
automatically, and the re-send that GoToSocial allows 7 days after the last Move."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from tests.e2e.gotosocial_move import (
    PASSWORD,
    alias_and_check,
    move_by_api,
    move_context,
    no_browser,
)
from tests.e2e.test_move_mastodon import (
    START,
    MoveWorld,
    ground_handle,
    move_world,
    track_until_settled,
)

from fedimove.core.clock import SimulatedClock
from fedimove.core.engine.alias import AliasTier, set_alias
from fedimove.core.engine.checks import confirm_move
from fedimove.core.engine.move import (
    perform_move,
    resend_available_at,
    resend_move,
    restore_locked,
    resume_move,
    unlock_for_move,
)
from fedimove.core.errors import MoveRefusedError, ResendNotAvailableError
from fedimove.core.storage.journal_records import FollowerState, MigrationPhase
from fedimove.sandbox.federation import install, layer_of
from fedimove.sandbox.network import PracticeNetwork
from fedimove.sandbox.scenario_parts import Builder
from fedimove.sandbox.scenarios import GroundTruth


def gotosocial_network(followers: int = 10) -> PracticeNetwork:
    """zoe moves from gold.practice to gnew.practice (both GoToSocial, the new one locked);
    her followers live on a Mastodon and a GoToSocial server."""
    clock = SimulatedClock(START)
    network = PracticeNetwork(clock=clock, seed=3)
    builder = Builder(network, random.Random(3))
    gold = network.add_instance("gold.practice", "gotosocial")
    gnew = network.add_instance("gnew.practice", "gotosocial")
    homes = [
        network.add_instance("f1.practice", "mastodon"),
        network.add_instance("f2.practice", "gotosocial"),
    ]
    for instance in (gold, gnew):
        builder.local(instance, "zoe", clock.now()).password = PASSWORD
    zoe = gold.state.find("zoe", "gold.practice")
    new_zoe = gnew.state.find("zoe", "gnew.practice")
    assert zoe is not None
    assert new_zoe is not None
    new_zoe.locked = True
    for index in range(followers):
        home = homes[index % 2]
        builder.connect((home, builder.local(home, f"fan{index}", clock.now())), (gold, zoe))
    passwords = {"zoe@gold.practice": PASSWORD, "zoe@gnew.practice": PASSWORD}
    network.ground_truth = GroundTruth("zoe@gold.practice", "zoe@gnew.practice", passwords)
    install(network)
    return network


@pytest.fixture
async def gotosocial(tmp_path: Path) -> AsyncIterator[MoveWorld]:
    network = gotosocial_network()
    async for world in move_world(
        tmp_path, network, "zoe@gold.practice", "zoe@gnew.practice", "read write"
    ):
        yield world


async def test_gotosocial_move_through_its_api(gotosocial: MoveWorld, tmp_path: Path) -> None:
    world = gotosocial
    tracker = world.tracker(approve_migrated=True)
    assert await tracker.take_snapshot() == 10
    status, report = await alias_and_check(world, tmp_path, tracker, locked_choice="approve")
    assert (status.visible, status.tier) == (True, AliasTier.SERVER_API)
    assert report.blocking_failures == []
    assert report.result("new_locked").passed
    consent = confirm_move(report, "zoe@gnew.practice", world.clock.now())

    asked: list[str] = []

    async def ask_password() -> str:
        asked.append("once")
        return PASSWORD

    ctx = move_context(world, ask_password)
    moved_at = await perform_move(consent, ctx)
    assert asked == ["once"]
    assert PASSWORD not in str(world.journal.get_migration(world.migration_id).options)

    await track_until_settled(world, tracker)
    counts = world.journal.follower_counts(world.migration_id)
    assert counts == {FollowerState.MOVED: 10}
    reasons = {f.reason for f in world.journal.list_followers(world.migration_id, limit=None)}
    assert reasons == {"approved"}, "a locked new account: every follower came as a request"

    # Re-send: GoToSocial allows it 7 days after the last Move, not before.
    migration = world.journal.get_migration(world.migration_id)
    assert resend_available_at(migration, world.old.capabilities) == moved_at + timedelta(days=7)
    with pytest.raises(ResendNotAvailableError):
        await resend_move(ctx)
    world.clock.advance(timedelta(days=7, minutes=1).total_seconds())
    again = await resend_move(ctx)
    assert asked == ["once", "once"]
    migration = world.journal.get_migration(world.migration_id)
    assert resend_available_at(migration, world.old.capabilities) == again + timedelta(days=7)


async def test_unlock_for_the_move_and_restore_at_finish(gotosocial: MoveWorld) -> None:
    world = gotosocial
    assert await unlock_for_move(world.journal, world.migration_id, world.new)
    assert not (await world.new.verify_credentials()).profile.locked
    assert not await unlock_for_move(world.journal, world.migration_id, world.new)
    assert world.journal.get_migration(world.migration_id).new_locked_original is True
    await restore_locked(world.journal, world.migration_id, world.new)
    assert (await world.new.verify_credentials()).profile.locked


async def test_a_wrong_password_is_refused_and_nothing_is_journaled(
    gotosocial: MoveWorld, tmp_path: Path
) -> None:
    world = gotosocial
    tracker = world.tracker()
    await tracker.take_snapshot()
    _, report = await alias_and_check(world, tmp_path, tracker, locked_choice="unlock")
    consent = confirm_move(report, "@zoe@gnew.practice", world.clock.now())

    async def wrong() -> str:
        return "not-the-password"

    ctx = move_context(world, wrong)
    with pytest.raises(MoveRefusedError) as refused:
        await perform_move(consent, ctx)
    assert refused.value.params["reason"] == "wrong_password"
    assert "not-the-password" not in repr(refused.value)
    assert world.journal.get_migration(world.migration_id).moved_at is None


async def test_watch_tracks_until_the_end_and_resumes(
    gotosocial: MoveWorld, tmp_path: Path
) -> None:
    """`fedimove followers --watch`: polls on its own clock until the tracking window ends, with
    full scans on the way; a new tracker (another process) picks up from the journal."""
    world = gotosocial
    tracker, moved_at = await move_by_api(world, tmp_path, [])
    world.clock.autojump = True  # the watch sleeps on the clock; so do the servers' jobs
    await tracker.watch(until=moved_at + timedelta(hours=2), every=60, full_scan_every=1800)
    assert world.clock.now() >= moved_at + timedelta(hours=2)
    assert world.journal.follower_counts(world.migration_id) == {FollowerState.MOVED: 10}
    options = world.journal.get_migration(world.migration_id).options["tracker"]
    assert options["polls"] >= 100
    assert "last_full_scan_at" in options

    resumed = world.tracker()
    await resumed.watch(until=moved_at, every=60)  # the window is over: one final scan
    assert world.journal.follower_counts(world.migration_id) == {FollowerState.MOVED: 10}


async def test_a_move_sent_before_a_crash_is_journaled_on_resume(gotosocial: MoveWorld) -> None:
    world = gotosocial
    accounts = world.tracker().accounts
    await set_alias(
        world.journal, world.migration_id, world.new, accounts, world.clock, open_url=no_browser
    )
    world.clock.advance(16 * 60)
    ctx = move_context(world)
    assert await resume_move(ctx) is None, "no Move intent: nothing to resume"
    # The intent was journaled and the Move accepted, then the process died.
    world.journal.set_phase(world.migration_id, MigrationPhase.MOVE)
    assert await resume_move(ctx) is None, "the Move did not go out"
    sent = await world.old.request(
        "POST",
        "/api/v1/accounts/move",
        data=[("password", PASSWORD), ("moved_to_uri", accounts.new_uri)],
    )
    assert sent.status_code == 202
    await layer_of(world.world.network).jobs.settle()  # the old server fetches the target
    moved_at = await resume_move(ctx)
    assert moved_at == world.clock.now()
    assert world.journal.get_migration(world.migration_id).moved_at == moved_at


def gotosocial_failures_network() -> PracticeNetwork:
    """zoe moves between two GoToSocial servers (the new one open); her followers live on a
    Mastodon server (one of them suspended there), a GoToSocial server, a server that ignores
    Moves and a dead one."""
    clock = SimulatedClock(START)
    network = PracticeNetwork(clock=clock, seed=4)
    builder = Builder(network, random.Random(4))
    gold = network.add_instance("gold.practice", "gotosocial")
    gnew = network.add_instance("gnew.practice", "gotosocial")
    for instance in (gold, gnew):
        builder.local(instance, "zoe", clock.now()).password = PASSWORD
    zoe = gold.state.find("zoe", "gold.practice")
    assert zoe is not None
    homes = {
        name: network.add_instance(f"{name}.practice", flavour)
        for name, flavour in (
            # Names of their own: the sandbox caches rendered accounts by instance name and id
            # across networks (render.account_fragment), so reused names could collide.
            ("m1", "mastodon"),
            ("g2", "gotosocial"),
            ("nomove", "no-move"),
            ("dead", "mastodon"),
        )
    }
    for name, home in homes.items():
        for index in range(3):
            builder.connect(
                (home, builder.local(home, f"{name}fan{index}", clock.now())), (gold, zoe)
            )
    suspended = homes["m1"].state.find("m1fan0", "m1.practice")
    assert suspended is not None
    suspended.suspended = True
    homes["dead"].knobs.reachable = False
    passwords = {"zoe@gold.practice": PASSWORD, "zoe@gnew.practice": PASSWORD}
    network.ground_truth = GroundTruth("zoe@gold.practice", "zoe@gnew.practice", passwords)
    install(network)
    return network


@pytest.fixture
async def gotosocial_failures(tmp_path: Path) -> AsyncIterator[MoveWorld]:
    network = gotosocial_failures_network()
    async for world in move_world(
        tmp_path, network, "zoe@gold.practice", "zoe@gnew.practice", "read write"
    ):
        yield world


async def test_gotosocial_followers_end_with_their_reasons(
    gotosocial_failures: MoveWorld, tmp_path: Path
) -> None:
    world = gotosocial_failures
    tracker = world.tracker()
    assert await tracker.take_snapshot() == 12
    _, report = await alias_and_check(world, tmp_path, tracker)
    assert report.blocking_failures == []
    consent = confirm_move(report, "zoe@gnew.practice", world.clock.now())

    async def password() -> str:
        return PASSWORD

    ctx = move_context(world, password)
    await perform_move(consent, ctx)
    await track_until_settled(world, tracker)
    ends = {
        ground_handle(f.actor_uri): (f.state, f.reason)
        for f in world.journal.list_followers(world.migration_id, limit=None)
    }
    expected = {
        f"{n}fan{i}@{n}.practice": (FollowerState.MOVED, "ok")
        for n in ("m1", "g2")
        for i in range(3)
    }
    expected["m1fan0@m1.practice"] = (FollowerState.GONE, "suspended")
    for i in range(3):
        expected[f"nomovefan{i}@nomove.practice"] = (FollowerState.NO_MOVE_SUPPORT, "no_move")
        expected[f"deadfan{i}@dead.practice"] = (FollowerState.UNREACHABLE, "unreachable")
    assert ends == expected
