"""A GoToSocial API Move on the practice Fediverse, step by step up to the Move itself: shared
by the e2e GoToSocial tests and the reliability tests (secret scan, tracking under faults)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path

from tests.e2e.test_move_mastodon import MoveWorld

from fedimove.core.engine.alias import AliasStatus, GuidedStep, set_alias
from fedimove.core.engine.checks import CheckReport, confirm_move, run_checks
from fedimove.core.engine.followers import FollowerTracker
from fedimove.core.engine.move import MoveContext, perform_move

PASSWORD = "practice-zoe"


async def no_browser(step: GuidedStep) -> None:
    raise AssertionError(f"an alias and Move by API need no browser step ({step.code})")


async def alias_and_check(
    world: MoveWorld, tmp_path: Path, tracker: FollowerTracker, **answers: object
) -> tuple[AliasStatus, CheckReport]:
    """Alias through the API, final read and backup, the alias's 15 minutes, the checks."""
    status = await set_alias(
        world.journal,
        world.migration_id,
        world.new,
        tracker.accounts,
        world.clock,
        open_url=no_browser,
    )
    await world.final_read_and_backup(tmp_path)
    world.clock.advance(16 * 60)
    return status, await run_checks(world.checks(**answers))


def move_context(
    world: MoveWorld, password: Callable[[], Awaitable[str]] | None = None
) -> MoveContext:
    return MoveContext(
        world.journal, world.migration_id, world.old, world.clock, no_browser, password
    )


async def move_by_api(
    world: MoveWorld, tmp_path: Path, asked: list[str], **answers: object
) -> tuple[FollowerTracker, datetime]:
    """Snapshot, alias, final read and backup, checks (the locked new account approves its
    migrated followers unless `answers` say otherwise), Move; each password request is noted
    in `asked`. The tracker that took the pre-Move snapshot, and the moment of the Move."""
    tracker = world.tracker(approve_migrated=True)
    await tracker.take_snapshot()
    _, report = await alias_and_check(
        world, tmp_path, tracker, **{"locked_choice": "approve", **answers}
    )
    consent = confirm_move(report, "zoe@gnew.practice", world.clock.now())

    async def ask_password() -> str:
        asked.append("asked")
        return PASSWORD

    return tracker, await perform_move(consent, move_context(world, ask_password))
