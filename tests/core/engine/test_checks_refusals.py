"""The Move is impossible without passing the blocking checks and the typed consent: each check
is skipped in turn on a practice world that is otherwise ready, and the consent is forged,
re-used for another migration, used late, or typed wrong."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from fedimove.core.clock import SimulatedClock
from fedimove.core.engine.alias import GuidedStep, set_alias
from fedimove.core.engine.checks import (
    CONSENT_VALID_FOR,
    CheckReport,
    MoveConsent,
    confirm_move,
    run_checks,
)
from fedimove.core.engine.move import MoveContext, perform_move
from fedimove.core.errors import ConsentMissingError, PreflightFailedError
from fedimove.sandbox.network import PracticeNetwork
from tests.e2e.test_move_mastodon import START, MoveWorld, move_world

NEW = "@anna@new.practice"


@pytest.fixture
async def ready(tmp_path: Path) -> AsyncIterator[MoveWorld]:
    """A Mastodon world where every check passes: snapshot, alias seen 15 minutes ago, a fresh
    read and a backup."""
    network = PracticeNetwork.from_scenario("small", clock=SimulatedClock(START), seed=1)
    async for world in move_world(tmp_path, network, "anna@old.practice", "anna@new.practice"):
        tracker = world.tracker()
        await tracker.take_snapshot()
        await set_alias(
            world.journal,
            world.migration_id,
            world.new,
            tracker.accounts,
            world.clock,
            open_url=world.play,
        )
        world.clock.advance(15 * 60)
        await world.final_read_and_backup(tmp_path)
        yield world


async def checks(world: MoveWorld, **answers: object) -> CheckReport:
    return await run_checks(world.checks(**{"no_recent_move": True, **answers}))


def refused_codes(report: CheckReport, world: MoveWorld) -> set[str]:
    with pytest.raises(PreflightFailedError) as refused:
        confirm_move(report, NEW, world.clock.now())
    return set(str(refused.value.params["checks"]).split(","))


async def test_each_blocking_check_refuses_the_consent(ready: MoveWorld) -> None:
    world, journal, mid = ready, ready.journal, ready.migration_id
    assert (await checks(world)).blocking_failures == []

    for option, code in (
        ("final_read_at", "final_read_fresh"),
        ("backup_at", "backup_written"),
        ("follower_snapshot_at", "follower_snapshot"),
    ):
        kept = journal.get_migration(mid).options[option]
        journal.update_options(mid, {option: None})
        assert refused_codes(await checks(world), world) == {code}
        journal.update_options(mid, {option: kept})

    assert refused_codes(await checks(world, no_recent_move=False), world) == {"no_cooldown"}

    # Another migration of the same account moved 10 days ago: Mastodon's 30-day cooldown.
    other = journal.create_migration(
        old_handle="anna@new.practice",
        old_server=world.new.origin,
        new_handle="anna@elsewhere.practice",
        new_server="https://elsewhere.practice",
        categories=[],
    )
    journal.record_move(other.id, world.clock.now() - timedelta(days=10))
    report = await checks(world)
    assert refused_codes(report, world) == {"no_cooldown"}
    assert report.result("no_cooldown").params["fix"] == "wait_until"


async def test_uncopied_categories_block_until_accepted(ready: MoveWorld) -> None:
    world, journal, mid = ready, ready.journal, ready.migration_id
    plan = [{"name": "following", "phase": "copy_before", "category": "following"}]
    journal.update_options(mid, {"plan": plan})
    journal.ensure_steps(mid, ["following"])
    journal.add_items(mid, "following", [("bob@gts.practice", {"acct": "bob@gts.practice"})])
    assert refused_codes(await checks(world), world) == {"categories_copied"}
    accepted = await checks(world, accept_uncopied=True)
    assert accepted.blocking_failures == []
    assert accepted.result("categories_copied").params["accepted"] is True


async def test_a_stale_read_and_a_fresh_alias_refuse(ready: MoveWorld) -> None:
    world, journal, mid = ready, ready.journal, ready.migration_id
    world.clock.advance(31 * 60)
    assert refused_codes(await checks(world), world) == {"final_read_fresh"}
    journal.update_options(mid, {"alias_visible_at": None})
    await world.final_read_and_backup(Path(journal.path).parent)
    report = await checks(world)
    assert refused_codes(report, world) == {"alias_wait"}
    assert report.result("alias_wait").params["ready_at"]


async def test_consent_cannot_be_forged_reused_late_or_mistyped(ready: MoveWorld) -> None:
    world = ready
    report = await checks(world)
    now = world.clock.now()
    for typed in ("", "anna@new.practice.evil", "@anna@old.practice", "anna"):
        with pytest.raises(ConsentMissingError):
            confirm_move(report, typed, now)
    with pytest.raises(ConsentMissingError):
        MoveConsent(object(), world.migration_id, NEW, now + timedelta(hours=1))

    async def no_browser(step: GuidedStep) -> None:
        raise AssertionError("the Move must not start")

    ctx = MoveContext(world.journal, world.migration_id, world.old, world.clock, no_browser)
    with pytest.raises(ConsentMissingError):
        await perform_move(object(), ctx)  # type: ignore[arg-type]

    consent = confirm_move(report, NEW, now)
    elsewhere = MoveContext(
        world.journal, world.migration_id + 1, world.old, world.clock, no_browser
    )
    with pytest.raises(ConsentMissingError):
        await perform_move(consent, elsewhere)
    world.clock.advance(CONSENT_VALID_FOR.total_seconds() + 1)
    with pytest.raises(ConsentMissingError):
        await perform_move(consent, ctx)
    with pytest.raises(ConsentMissingError):
        confirm_move(report, NEW, world.clock.now())
    assert world.journal.get_migration(world.migration_id).moved_at is None
