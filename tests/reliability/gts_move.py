"""A GoToSocial API Move on the practice Fediverse, up to the Move itself (shared by the secret
scan and the tracking-under-faults tests)."""

from __future__ import annotations

from pathlib import Path

from fedimove.core.engine.alias import GuidedStep, set_alias
from fedimove.core.engine.checks import confirm_move, run_checks
from fedimove.core.engine.followers import FollowerTracker
from fedimove.core.engine.move import MoveContext, perform_move
from tests.e2e.test_move_gotosocial import PASSWORD
from tests.e2e.test_move_mastodon import MoveWorld


async def _no_browser(step: GuidedStep) -> None:
    raise AssertionError(f"GoToSocial needs no browser step ({step.code})")


async def move_by_api(world: MoveWorld, tmp_path: Path, asked: list[str]) -> FollowerTracker:
    """Snapshot, alias, final read and backup, checks, Move; each password request is noted
    in `asked`. The tracker that took the pre-Move snapshot."""
    tracker = world.tracker(approve_migrated=True)
    await tracker.take_snapshot()
    await set_alias(
        world.journal,
        world.migration_id,
        world.new,
        tracker.accounts,
        world.clock,
        open_url=_no_browser,
    )
    await world.final_read_and_backup(tmp_path)
    world.clock.advance(16 * 60)
    report = await run_checks(world.checks(locked_choice="approve"))
    consent = confirm_move(report, "zoe@gnew.practice", world.clock.now())

    async def ask_password() -> str:
        asked.append("asked")
        return PASSWORD

    ctx = MoveContext(
        world.journal, world.migration_id, world.old, world.clock, _no_browser, ask_password
    )
    await perform_move(consent, ctx)
    return tracker
