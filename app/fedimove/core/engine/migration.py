"""Start, resume and inspect a migration: the one entry point the CLI and the GUI's core service
call for the copy (issue 6).

`MigrationEngine.start(...)` reads the old account, builds the plan, journals every item, then
runs the copy; `resume(id)` goes on from the journal alone (the read is redone only if a crash
came before the items were journaled); `status(id)` says, per step, what is done, pending,
skipped (with reasons) or failed, and when waiting steps go on. A dry run plans without writing.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from pathlib import Path

from fedimove.core.clock import Clock
from fedimove.core.engine.migration_status import MigrationStatus, migration_status
from fedimove.core.engine.plan import DEFAULT_COPY, Plan, build_plan, follow_room, plan_items
from fedimove.core.engine.runner import PauseToken, Runner, RunResult, until_paused
from fedimove.core.engine.snapshot import AccountSnapshot, read_snapshot
from fedimove.core.engine.steps.base import CopyOptions, StepContext
from fedimove.core.engine.steps.follow_gate import FollowGate, FollowScheduler
from fedimove.core.errors import ConfigError
from fedimove.core.models import Category
from fedimove.core.progress import (
    CancelToken,
    Phase,
    ProgressEvent,
    ProgressSink,
    discard_progress,
)
from fedimove.core.servers.base import Capabilities
from fedimove.core.servers.rest import RestClient
from fedimove.core.storage.journal import Journal
from fedimove.core.storage.journal_records import (
    Migration,
    MigrationPhase,
)

_PHASES = list(MigrationPhase)


def read_categories(chosen: Collection[Category]) -> set[Category]:
    """What to read for the chosen copy: private notes come with the relationships of follows,
    blocks and mutes, so notes need the follows read too."""
    wanted = set(chosen)
    if Category.NOTES in wanted:
        wanted.add(Category.FOLLOWING)
    return wanted


class MigrationEngine:
    def __init__(
        self,
        journal: Journal,
        clock: Clock,
        *,
        exports_dir: Path | None = None,
        options: CopyOptions | None = None,
    ) -> None:
        self.journal = journal
        self.clock = clock
        self.exports_dir = exports_dir
        self.options = options or CopyOptions()

    # --- planning ----------------------------------------------------------------------------

    async def plan(
        self,
        old: RestClient,
        new: RestClient,
        categories: Collection[Category] = DEFAULT_COPY,
        *,
        api_only: bool = False,
        progress: ProgressSink = discard_progress,
        cancel: CancelToken | None = None,
    ) -> tuple[Plan, dict[str, int], AccountSnapshot]:
        """Read and plan without writing anything (the dry run)."""
        cancel = cancel or CancelToken()
        snapshot = await read_snapshot(
            old, progress=progress, cancel=cancel, categories=read_categories(categories)
        )
        plan, items, _ = await self._plan(snapshot, new, categories, api_only)
        return plan, {name: len(specs) for name, specs in items.items()}, snapshot

    async def _plan(
        self,
        snapshot: AccountSnapshot,
        new: RestClient,
        categories: Collection[Category],
        api_only: bool,
    ) -> tuple[Plan, dict[str, list[tuple[str, dict[str, object]]]], int | None]:
        own = await new.verify_credentials()
        caps = _caps(new)
        room = follow_room(caps, following=own.following_count, followers=own.followers_count)
        plan = build_plan(
            categories, caps, follows=len(snapshot.following), room=room, api_only=api_only
        )
        items = plan_items(snapshot, plan, room=room)
        return plan, {k: [(key, dict(p)) for key, p in v] for k, v in items.items()}, room

    # --- running -----------------------------------------------------------------------------

    async def start(
        self,
        old: RestClient,
        new: RestClient,
        categories: Collection[Category] = DEFAULT_COPY,
        *,
        api_only: bool = False,
        progress: ProgressSink = discard_progress,
        cancel: CancelToken | None = None,
        pause: PauseToken | None = None,
        keep_waiting: bool = True,
    ) -> tuple[Migration, RunResult]:
        old_own = await old.verify_credentials()
        new_own = await new.verify_credentials()
        migration = self.journal.create_migration(
            old_handle=old_own.ref.acct,
            old_server=old.origin,
            new_handle=new_own.ref.acct,
            new_server=new.origin,
            categories=[c for c in Category if c in set(categories)],
            options={"api_only": api_only},
        )
        self.journal.record_new_locked(migration.id, new_own.profile.locked)
        result = await self.resume(
            migration.id,
            old,
            new,
            progress=progress,
            cancel=cancel,
            pause=pause,
            keep_waiting=keep_waiting,
        )
        return self.journal.get_migration(migration.id), result

    async def resume(
        self,
        migration_id: int,
        old: RestClient | None,
        new: RestClient,
        *,
        progress: ProgressSink = discard_progress,
        cancel: CancelToken | None = None,
        pause: PauseToken | None = None,
        keep_waiting: bool = True,
    ) -> RunResult:
        cancel = cancel or CancelToken()
        for client in (old, new):
            if client is not None:
                client.cancel = cancel  # this run's token, not a stopped run's
        migration = self.journal.get_migration(migration_id)
        self.journal.acquire_lease(migration_id)
        try:
            if "plan" not in migration.options:
                if old is None:
                    raise ConfigError("the old account must be signed in to read it")
                await self._prepare_pausable(migration, old, new, progress, cancel, pause=pause)
                migration = self.journal.get_migration(migration_id)
            plan = Plan.load(migration.options["plan"])
            ctx = await self._context(migration, new)
        except BaseException:
            # Stopped before the runner took over (which releases it itself): a kept lease
            # would make the next start see this migration as busy in another process.
            self.journal.release_lease(migration_id)
            raise
        phases = [MigrationPhase.COPY_BEFORE]
        if _PHASES.index(migration.phase) >= _PHASES.index(MigrationPhase.MOVE):
            phases.append(MigrationPhase.COPY_AFTER)
        runner = Runner(ctx, plan)
        return await runner.run(
            phases, progress=progress, cancel=cancel, pause=pause, keep_waiting=keep_waiting
        )

    async def _prepare_pausable(
        self,
        migration: Migration,
        old: RestClient,
        new: RestClient,
        progress: ProgressSink,
        cancel: CancelToken,
        *,
        pause: PauseToken | None,
    ) -> None:
        """The read and plan, stopped by Pause as well (a large account's read takes minutes):
        nothing is journaled until the plan is whole, so after a pause it starts over."""
        if pause is None:
            await self._prepare(migration, old, new, progress, cancel)
            return

        async def prepare(token: CancelToken) -> bool:
            await self._prepare(migration, old, new, progress, token)
            return True

        while True:
            try:
                if await until_paused(prepare, cancel, pause):
                    return
            finally:
                for client in (old, new):
                    client.cancel = cancel  # the read's token is done with
            progress(ProgressEvent(Phase.COPY, status="paused"))
            await pause.wait_running(cancel)
            cancel.raise_if_cancelled()
            progress(ProgressEvent(Phase.COPY, status="resumed"))

    async def _prepare(
        self,
        migration: Migration,
        old: RestClient,
        new: RestClient,
        progress: ProgressSink,
        cancel: CancelToken,
    ) -> None:
        """Read, plan and journal every item; the plan is recorded last, so a crash before it
        means "read again" (adding items is idempotent)."""
        categories = migration.categories
        snapshot = await read_snapshot(
            old, progress=progress, cancel=cancel, categories=read_categories(categories)
        )
        api_only = bool(migration.options.get("api_only"))
        plan, items, room = await self._plan(snapshot, new, categories, api_only)
        self.journal.ensure_steps(migration.id, plan.names)
        for name, specs in items.items():
            self.journal.add_items(migration.id, name, specs)
        self.journal.update_options(migration.id, {"plan": plan.dump(), "room": room})
        if migration.phase is MigrationPhase.READ:
            self.journal.set_phase(migration.id, MigrationPhase.COPY_BEFORE)

    async def _context(self, migration: Migration, new: RestClient) -> StepContext:
        caps = _caps(new)
        own = await new.verify_credentials()
        blocks = await new.instance_domain_blocks() or []
        ctx = StepContext(
            journal=self.journal,
            migration_id=migration.id,
            new=new,
            new_account_id=own.ref.local_id,
            capabilities=caps,
            clock=self.clock,
            options=replace(self.options, api_only=bool(migration.options.get("api_only"))),
            suspended_domains=frozenset(d for d, severity in blocks if severity == "suspend"),
            exports_dir=(self.exports_dir / f"migration-{migration.id}")
            if self.exports_dir
            else None,
        )
        per_day = caps.follow_pacing.per_day
        if per_day:
            if migration.options.get("follow_per_day") != per_day:
                self.journal.update_options(migration.id, {"follow_per_day": per_day})
            gate = FollowGate(per_day, self.clock)
            gate.load(migration.options.get("follow_gate"))
            ctx.follow_gate = gate
            ctx.follow_client = _follow_client(new, gate)
        return ctx

    # --- status ------------------------------------------------------------------------------

    def status(self, migration_id: int) -> MigrationStatus:
        return migration_status(self.journal, self.clock, migration_id)


def _caps(client: RestClient) -> Capabilities:
    if client.capabilities is None:
        raise ConfigError("the new server's capabilities are unknown", host=client.host)
    return client.capabilities


def _follow_client(new: RestClient, gate: FollowGate) -> RestClient:
    client = RestClient(
        new.origin,
        new._token,  # the same sign-in, through the follow family's scheduler
        FollowScheduler(new.scheduler, gate),
        http=new.http,
        local_domain=new.local_domain,
        cancel=new.cancel,
    )
    client.user_key = new.user_key
    if new.capabilities is not None:
        client.use_capabilities(new.capabilities)
    return client
