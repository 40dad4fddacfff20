"""What every copy step shares: the context it runs in, its outcome, and the item protocol.

Every step has the house shape `async def run(ctx, *, progress, cancel) -> StepOutcome`
(DESIGN §3). `ItemStep` implements it once for steps made of journal items:

1. reconcile: items left `in_flight` by a crash are checked against the new server (`present`)
   before anything is re-sent: there → done, not there → pending again; items done earlier
   and gone from the new account since end as "removed by you" (DESIGN §0.13);
2. claim (intent, committed) → `apply` (the remote change) → outcome, item by item;
3. `Wait` from `apply` releases the item and ends the run as WAITING until a moment (the
   00:00 UTC follow reset, a follow request still unanswered); the runner comes back then.

Permanent refusals end the item as skipped with a reason code; answers that leave it unclear
whether the server acted (network failures, 5xx after retries) leave the item in flight and
stop the step, so the next run reconciles it first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar

from fedimove.core.clock import Clock
from fedimove.core.engine.steps.follow_gate import FollowGate
from fedimove.core.errors import (
    AccountNotFoundError,
    CancelledError,
    MalformedResponseError,
    NotPermittedError,
    ServerError,
)
from fedimove.core.models import AccountRef, Category
from fedimove.core.progress import CancelToken, Phase, ProgressEvent, ProgressSink
from fedimove.core.servers.base import Capabilities
from fedimove.core.servers.rest import RestClient
from fedimove.core.servers.rest_parse import Relationship
from fedimove.core.storage.journal import Journal
from fedimove.core.storage.journal_records import Item, ItemState, StepState

#: Items claimed per journal transaction (the intent of a few at once; all reconciled on resume).
CLAIM_BATCH = 8


@dataclass(frozen=True, slots=True)
class CopyOptions:
    api_only: bool = False
    #: How long list members and endorsements wait for a follow request to be accepted.
    accept_timeout: timedelta = timedelta(days=2)
    #: How often a waiting dependency is looked at again.
    recheck_every: timedelta = timedelta(minutes=30)


class Wait(Exception):
    """Raised by `apply`: stop this step until `until` (the item goes back to pending)."""

    def __init__(self, until: datetime, reason: str) -> None:
        super().__init__(reason)
        self.until = until
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Applied:
    remote_id: str | None = None
    skipped: str | None = None  # a reason code: the item cannot be re-created
    #: Journal the outcome at once, not with its batch: later items depend on it (a list).
    commit_now: bool = False


@dataclass(frozen=True, slots=True)
class StepOutcome:
    state: StepState
    next_attempt_at: datetime | None = None
    reason: str | None = None  # why it waits or failed (a code)
    done: int = 0
    skipped: int = 0
    failed: int = 0


@dataclass
class StepContext:
    """Everything a step needs; built by `migration.py`, shared by the steps of one run."""

    journal: Journal
    migration_id: int
    new: RestClient
    new_account_id: str
    capabilities: Capabilities
    clock: Clock
    options: CopyOptions = field(default_factory=CopyOptions)
    #: Follows go through this client (its scheduler keeps the daily follow family apart).
    follow_client: RestClient | None = None
    follow_gate: FollowGate | None = None
    #: Domains the new server suspends (published domain blocks): nothing there can be had.
    suspended_domains: frozenset[str] = frozenset()
    exports_dir: Path | None = None
    resolved: dict[str, AccountRef | None] = field(default_factory=dict)
    checked_removed: set[str] = field(default_factory=set)
    pause: Any = None  # runner.PauseToken, checked between items

    async def resolve(self, acct: str) -> AccountRef | None:
        key = acct.lower()
        if key not in self.resolved:
            from fedimove.core.engine.steps.resolve import resolve_account

            try:
                self.resolved[key] = await resolve_account(self.new, acct)
            except (AccountNotFoundError, NotPermittedError):
                self.resolved[key] = None
        return self.resolved[key]

    async def relationship(self, account_id: str) -> Relationship:
        """The new account's relationship with one account; a garbled answer raises (it must
        not read as "not followed")."""
        rel = (await self.new.relationships([account_id])).get(account_id)
        if rel is None:
            raise MalformedResponseError("no relationship in the answer", host=self.new.host)
        return rel

    def domain_blocked(self, acct: str) -> bool:
        return acct.rsplit("@", 1)[-1].lower() in self.suspended_domains


def refusal_reason(error: ServerError) -> str | None:
    """A server's definite "no" for one item, as a skip reason; None if it is not one."""
    if isinstance(error, AccountNotFoundError):
        return "not_found"
    if isinstance(error, NotPermittedError):
        return "not_permitted"
    if error.status == 422:
        return "refused"
    return None


class ItemStep:
    """A step made of journal items (see the module docstring)."""

    name: ClassVar[str]
    category: ClassVar[Category]

    def __init__(self, name: str | None = None) -> None:
        self.step_name = name or self.name

    # --- what a category provides -------------------------------------------------------

    async def present(self, ctx: StepContext, items: Sequence[Item]) -> set[str] | None:
        """Keys of `items` that exist on the new account; None: cannot tell, re-sending is
        harmless (e.g. the profile)."""
        raise NotImplementedError

    async def apply(self, ctx: StepContext, item: Item) -> Applied:
        raise NotImplementedError

    # --- the protocol ---------------------------------------------------------------------

    async def run(
        self, ctx: StepContext, *, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        await self.reconcile(ctx)
        counts = {"done": 0, "skipped": 0, "failed": 0}
        before = ctx.journal.step_counts(ctx.migration_id, self.step_name)
        finished = before.total - before.open
        while True:
            cancel.raise_if_cancelled()
            if ctx.pause is not None:
                await ctx.pause.wait_running(cancel)
            batch = ctx.journal.claim_items(ctx.migration_id, self.step_name, limit=CLAIM_BATCH)
            if not batch:
                break
            done: list[tuple[int, str | None]] = []
            try:
                for index, item in enumerate(batch):
                    try:
                        outcome, remote_id = await self._one(ctx, item, cancel)
                    except Wait as wait:
                        self._release(ctx, batch[index:])
                        return StepOutcome(StepState.WAITING, wait.until, wait.reason, **counts)
                    except CancelledError:
                        self._release(ctx, batch[index:])  # the scheduler stops before sending
                        raise
                    except BaseException:
                        self._release(ctx, batch[index + 1 :])  # this one stays in flight
                        raise
                    if outcome == "done":
                        done.append((item.id, remote_id))
                    outcome = "done" if outcome == "committed" else outcome
                    counts[outcome] += 1
                    finished += 1
                    self._report(ctx, progress, finished, before.total, outcome)
            finally:
                # Outcomes of a batch are committed together; a crash before this leaves them
                # in flight, and the next run finds them on the server.
                ctx.journal.mark_done_many(done)
        state = StepState.FAILED if counts["failed"] else StepState.DONE
        return StepOutcome(state, None, None, **counts)

    async def _one(
        self, ctx: StepContext, item: Item, cancel: CancelToken
    ) -> tuple[str, str | None]:
        ctx.new.cancel = cancel
        try:
            applied = await self.apply(ctx, item)
        except ServerError as error:
            reason = refusal_reason(error)
            if reason is None and _definite_refusal(error):
                ctx.journal.mark_failed(item.id, error.code)
                return "failed", None
            if reason is None:
                raise  # maybe it happened: stays in flight, reconciled by the next run
            applied = Applied(skipped=reason)
        if applied.skipped is not None:
            ctx.journal.mark_skipped(item.id, applied.skipped)
            return "skipped", None
        if applied.commit_now:
            ctx.journal.mark_done(item.id, applied.remote_id)
            return "committed", applied.remote_id
        return "done", applied.remote_id

    @staticmethod
    def _release(ctx: StepContext, items: Sequence[Item]) -> None:
        for item in items:
            ctx.journal.release(item.id)

    def eta(self, ctx: StepContext, remaining: int) -> datetime | None:
        """When the step should be done (None: soon, as the request budgets allow)."""
        return None

    def _report(
        self, ctx: StepContext, progress: ProgressSink, done: int, total: int, outcome: str
    ) -> None:
        status = {"done": "item_done", "skipped": "item_skipped", "failed": "item_failed"}
        progress(
            ProgressEvent(
                Phase.COPY,
                category=self.step_name,
                done=done,
                total=total,
                status=status[outcome],
                eta=self.eta(ctx, total - done),
            )
        )

    async def reconcile(self, ctx: StepContext) -> None:
        """Settle in-flight items with server truth; on a step's first run in this process,
        also notice what the user removed on the new account since it was copied."""
        journal, mid = ctx.journal, ctx.migration_id
        in_flight = journal.items_in_flight(mid, self.step_name)
        check_removed = self.step_name not in ctx.checked_removed
        ctx.checked_removed.add(self.step_name)
        done = (
            journal.list_items(mid, self.step_name, states=(ItemState.DONE,), limit=None)
            if check_removed
            else []
        )
        if not in_flight and not done:
            return
        present = await self.present(ctx, [*in_flight, *done])
        for item in in_flight:
            if present is not None and item.key in present:
                journal.mark_done(item.id, item.remote_id)
            else:
                journal.release(item.id, "not_on_server")
        if present is None:
            return
        missing = [item for item in done if item.key not in present]
        if missing:
            # Confirmed by a second read: one garbled page must not undo what was copied.
            again = await self.present(ctx, missing) or set()
            for item in missing:
                if item.key not in again:
                    journal.mark_removed_by_user(item.id)


def _definite_refusal(error: ServerError) -> bool:
    """A 4xx other than 429: the server surely did not act."""
    status = error.status or 0
    return 400 <= status < 500 and status != 429
