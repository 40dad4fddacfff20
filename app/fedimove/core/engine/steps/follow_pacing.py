"""Follows paced by a short window the new server declares (`FollowPacing.per_window`: Akkoma's
`relations_actions`, 10 follows per 10 s, refused with a bare 429; fediverse-apis §5.4).

The window lives in the server's request scheduler (one per host for the whole process), so a
paused and resumed copy keeps counting; after a restart it starts from the follows the journal
shows sent within the last window, so the first requests do not burst into a refusal.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from fedimove.core.engine.steps.base import StepContext
from fedimove.core.storage.journal import Journal
from fedimove.core.storage.journal_records import ItemState

#: The scheduler family follows are sent under (`RestClient.follow`).
FOLLOW_FAMILY = "follows"
FOLLOW_STEPS = ("following", "following_after")
#: Only done: a crash's in-flight items are reconciled before any follow is sent (found on the
#: server → done, stamped then), and the in-flight ones at that moment are this run's claims.
_SENT_STATES = (ItemState.DONE,)
_PAGE = 1000


def pace_follows(ctx: StepContext) -> None:
    """Make the new server's scheduler hold follows to the declared window (once per process)."""
    pacing = ctx.capabilities.follow_pacing
    if not pacing.per_window or pacing.window is None:
        return
    paced = ctx.new.scheduler.paced
    if paced.paces(FOLLOW_FAMILY, pacing.per_window, pacing.window):
        return
    now = ctx.clock.now()
    recent = list(recent_follows(ctx.journal, ctx.migration_id, now - pacing.window))
    paced.pace(FOLLOW_FAMILY, pacing.per_window, pacing.window, now, recent)


def follow_eta(ctx: StepContext, remaining: int) -> datetime | None:
    """When `remaining` follows can all have been sent under the window (None: not paced)."""
    return ctx.new.scheduler.paced.finish_estimate(FOLLOW_FAMILY, ctx.clock.now(), remaining)


def recent_follows(journal: Journal, migration_id: int, since: datetime) -> Iterator[datetime]:
    """When this migration's follows were journaled as sent, for those after `since` (a batch
    is journaled when it ends, so the moments are at or after the sends: on the safe side)."""
    for step in FOLLOW_STEPS:
        after = 0
        while True:
            page = journal.list_items(
                migration_id, step, states=_SENT_STATES, after_id=after, limit=_PAGE
            )
            yield from (item.updated_at for item in page if item.updated_at > since)
            if len(page) < _PAGE:
                break
            after = page[-1].id
