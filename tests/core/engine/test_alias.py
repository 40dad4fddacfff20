"""The alias on a Mastodon new account (guided page): verified in tiers (the actor document, or
"cannot verify from here" behind authorized fetch), not asked twice once visible, given up on
with a coded error when it never shows, and the Move's earliest moment journaled."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from fedimove.core.clock import SimulatedClock
from fedimove.core.engine.alias import (
    Accounts,
    AliasTier,
    GuidedStep,
    move_allowed_at,
    set_alias,
    verify_alias,
)
from fedimove.core.engine.checks import run_checks
from fedimove.core.errors import AliasNotVisibleError
from fedimove.core.storage.journal_records import MigrationPhase
from fedimove.sandbox.federation import layer_of
from fedimove.sandbox.network import PracticeNetwork
from tests.e2e.test_move_mastodon import START, MoveWorld, move_world


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[MoveWorld]:
    network = PracticeNetwork.from_scenario("small", clock=SimulatedClock(START), seed=2)
    async for value in move_world(tmp_path, network, "anna@old.practice", "anna@new.practice"):
        yield value


def accounts_of(world: MoveWorld) -> Accounts:
    return Accounts.from_options(world.journal.get_migration(world.migration_id).options)


async def test_guided_alias_is_verified_on_the_actor_and_journaled(world: MoveWorld) -> None:
    accounts = accounts_of(world)
    before = await verify_alias(world.new, accounts)
    assert (before.visible, before.tier) == (False, AliasTier.ACTOR_DOCUMENT)
    status = await set_alias(
        world.journal, world.migration_id, world.new, accounts, world.clock, open_url=world.play
    )
    assert status.visible
    assert status.visible_since == world.clock.now()
    (step,) = world.steps
    assert (step.account, step.paste, step.field) == (
        "anna@new.practice",
        "anna@old.practice",
        "account_alias[acct]",
    )
    migration = world.journal.get_migration(world.migration_id)
    assert migration.phase is MigrationPhase.ALIAS
    assert move_allowed_at(migration.options) == world.clock.now() + timedelta(minutes=15)

    async def no_second_time(step: GuidedStep) -> None:
        raise AssertionError("the alias is visible already")

    world.clock.advance(60)
    again = await set_alias(
        world.journal,
        world.migration_id,
        world.new,
        accounts,
        world.clock,
        open_url=no_second_time,
    )
    assert again.visible_since == status.visible_since, "the first sighting counts"


async def test_authorized_fetch_means_cannot_verify_from_here(world: MoveWorld) -> None:
    layer_of(world.world.network).node("new.practice").knobs.authorized_fetch = True
    status = await set_alias(
        world.journal,
        world.migration_id,
        world.new,
        accounts_of(world),
        world.clock,
        open_url=world.play,
    )
    assert (status.visible, status.tier) == (False, AliasTier.UNVERIFIABLE)
    report = await run_checks(world.checks(no_recent_move=True))
    alias = report.result("alias_visible")
    assert alias.passed
    assert alias.params["tier"] == "unverifiable"


async def test_an_alias_that_never_shows_is_given_up_on(world: MoveWorld) -> None:
    world.clock.autojump = True
    opened: list[str] = []

    async def person_does_nothing(step: GuidedStep) -> None:
        opened.append(step.url)

    with pytest.raises(AliasNotVisibleError):
        await set_alias(
            world.journal,
            world.migration_id,
            world.new,
            accounts_of(world),
            world.clock,
            open_url=person_does_nothing,
            poll_every=60,
            give_up_after=600,
        )
    assert opened == [f"{world.new.origin}/settings/aliases"]
    assert "alias_visible_at" not in world.journal.get_migration(world.migration_id).options
