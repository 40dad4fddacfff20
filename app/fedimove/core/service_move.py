"""The service's second half: alias, pre-flight checks, the Move, and following every follower.

Each method wraps one engine (`engine.alias`, `checks`, `move`, `followers`, `report`); the
guided browser steps are reported to the page (status `guided_step`) and opened for the person.
"""

from __future__ import annotations

import asyncio
import csv
from collections.abc import Coroutine, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from fedimove.core.engine import report as report_engine
from fedimove.core.engine.alias import Accounts, record_accounts, set_alias
from fedimove.core.engine.checks import CheckInputs, confirm_move, mark_final_read, run_checks
from fedimove.core.engine.followers import FollowerTracker
from fedimove.core.engine.migration import MigrationEngine
from fedimove.core.engine.move import MoveContext, perform_move, resend_move
from fedimove.core.engine.snapshot import read_snapshot
from fedimove.core.errors import ConsentMissingError, FedimoveError
from fedimove.core.progress import CancelToken, Phase, ProgressEvent, ProgressSink
from fedimove.core.service_api import (
    AccountRole,
    CheckResult,
    FollowerRow,
    FollowerSink,
    FollowerState,
    ReportFiles,
    StepOutcome,
)
from fedimove.core.service_context import ServiceState
from fedimove.core.storage.journal_records import Evidence, Follower

#: How often the followers page polls the new account (the tracker's cost is per arrival).
T = TypeVar("T")

POLL_EVERY = 30.0
FULL_SCAN_EVERY = 3 * 3600.0


class MoveService:
    def __init__(self, state: ServiceState) -> None:
        self.state = state

    # --- small, synchronous choices the pages hand over (no I/O) -----------------------------

    def set_move_answers(
        self, *, no_recent_move: bool, accept_uncopied: bool, locked_choice: str = ""
    ) -> None:
        self.state.answers = replace(
            self.state.answers,
            no_recent_move=no_recent_move,
            accept_uncopied=accept_uncopied,
            locked_choice=locked_choice,
        )

    def set_move_password(self, password: str) -> None:
        """Held in memory for the one Move that needs it (GoToSocial), never stored."""
        self.state.move_password = password

    def pause_copy(self) -> None:
        self.state.pause.pause()

    def resume_copy(self) -> None:
        self.state.pause.resume()

    async def open(self, url: str) -> None:
        """Open a page for the person (an import page, the report)."""
        await self.state.open(url)

    @property
    def copy_paused(self) -> bool:
        return self.state.pause.paused

    def engine(self) -> MigrationEngine:
        return MigrationEngine(
            self.state.journal, self.state.clock, exports_dir=self.state.paths.data / "exports"
        )

    async def record_accounts(self) -> Accounts:
        state = self.state
        return await record_accounts(
            state.journal,
            state.require_migration(),
            state.client(AccountRole.OLD),
            state.client(AccountRole.NEW),
        )

    # --- alias -------------------------------------------------------------------------------

    async def set_alias(self, *, progress: ProgressSink, cancel: CancelToken) -> StepOutcome:
        state = self.state
        migration_id = state.require_migration()
        accounts = Accounts.from_options(state.journal.get_migration(migration_id).options)
        progress(ProgressEvent(Phase.ALIAS, status="setting"))
        state.guided_sink = progress
        try:
            status = await _cancellable(
                set_alias(
                    state.journal,
                    migration_id,
                    state.client(AccountRole.NEW),
                    accounts,
                    state.clock,
                    open_url=state.open_guided,
                ),
                cancel,
            )
        finally:
            state.guided_sink = None
        since = status.visible_since.isoformat() if status.visible_since else None
        return StepOutcome(
            "alias", "visible" if status.visible else status.tier.value, done=1,
            params={"tier": status.tier.value, "since": since},
        )  # fmt: skip

    # --- checks and the Move -----------------------------------------------------------------

    def _check_inputs(self) -> CheckInputs:
        state = self.state
        return CheckInputs(
            state.journal,
            state.require_migration(),
            state.client(AccountRole.OLD),
            state.client(AccountRole.NEW),
            state.clock,
            answers=state.answers,
            prober=state.prober,
        )

    async def run_checks(
        self, *, progress: ProgressSink, cancel: CancelToken
    ) -> Sequence[CheckResult]:
        """Refresh the read and the follower snapshot, then check; when only the alias wait
        stands between the person and the Move, wait it out here (it is a known time)."""
        state = self.state
        migration_id = state.require_migration()
        old = state.client(AccountRole.OLD)
        progress(ProgressEvent(Phase.CHECK, status="final_read"))
        state.snapshot = await read_snapshot(old, progress=progress, cancel=cancel)
        mark_final_read(state.journal, migration_id, state.clock.now())
        progress(ProgressEvent(Phase.CHECK, status="follower_snapshot"))
        await self._tracker().take_snapshot()
        while True:
            cancel.raise_if_cancelled()
            report = await run_checks(self._check_inputs())
            state.report = report
            failing = {r.code for r in report.blocking_failures}
            wait_until = report.result("alias_wait").params.get("ready_at")
            if failing != {"alias_wait"} or not isinstance(wait_until, str):
                return report.results
            progress(
                ProgressEvent(Phase.CHECK, status="waiting_alias", params={"until": wait_until})
            )
            await cancel.sleep(state.clock, 20.0)

    async def move(
        self, confirmation: str, *, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        state = self.state
        if state.report is None:
            raise ConsentMissingError("the checks have not run")
        consent = confirm_move(state.report, confirmation, state.clock.now())
        password = state.move_password

        async def ask_password() -> str:
            return password

        ctx = MoveContext(
            state.journal,
            state.require_migration(),
            state.client(AccountRole.OLD),
            state.clock,
            state.open_guided,
            ask_password=ask_password if password else None,
        )
        state.guided_sink = progress
        progress(ProgressEvent(Phase.MOVE, status="moving"))
        try:
            moved_at = await _cancellable(perform_move(consent, ctx), cancel)
        finally:
            state.guided_sink, state.move_password = None, ""
        return StepOutcome("move", "moved", done=1, params={"moved_at": moved_at.isoformat()})

    # --- followers ---------------------------------------------------------------------------

    def _tracker(self, *, approve: bool = False) -> FollowerTracker:
        state = self.state
        return FollowerTracker(
            state.journal,
            state.require_migration(),
            state.client(AccountRole.OLD),
            state.client(AccountRole.NEW),
            prober=state.prober,
            clock=state.clock,
            approve_migrated=approve,
        )

    def _send_rows(self, on_rows: FollowerSink) -> dict[FollowerState, int]:
        followers = self.state.journal.list_followers(self.state.require_migration(), limit=None)
        on_rows([follower_row(f) for f in followers if f.in_snapshot])
        counts: dict[FollowerState, int] = {}
        for follower in followers:
            counts[follower.state] = counts.get(follower.state, 0) + 1
        return counts

    async def track_followers(
        self, *, on_rows: FollowerSink, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        """Poll until cancelled (the page stays open for days if the person wants), with a full
        scan of the old list every few hours; every round sends the changed rows."""
        state = self.state
        tracker = self._tracker(approve=state.answers.locked_choice == "approve")
        self._send_rows(on_rows)
        last_scan = state.clock.monotonic()
        scans = 0
        while not cancel.cancelled:
            try:
                if scans == 0 or state.clock.monotonic() - last_scan >= FULL_SCAN_EVERY:
                    await tracker.full_scan()
                    last_scan, scans = state.clock.monotonic(), scans + 1
                else:
                    await tracker.poll()
            except FedimoveError as error:
                if not error.retryable:
                    raise
            counts = self._send_rows(on_rows)
            moved, total = counts.get(FollowerState.MOVED, 0), sum(counts.values())
            progress(ProgressEvent(Phase.TRACK, "followers", moved, total, "polled"))
            if await _stopped_within(cancel, state, POLL_EVERY):
                break
        return StepOutcome("track", "stopped", params={"scans": scans})

    async def approve_migrated_followers(
        self, *, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        self.state.answers = replace(self.state.answers, locked_choice="approve")
        result = await self._tracker(approve=True).poll()
        return StepOutcome("approve_migrated", done=result.approved)

    async def resend_move(self, *, progress: ProgressSink, cancel: CancelToken) -> StepOutcome:
        state = self.state
        ctx = MoveContext(
            state.journal,
            state.require_migration(),
            state.client(AccountRole.OLD),
            state.clock,
            state.open_guided,
        )
        sent_at = await resend_move(ctx)
        return StepOutcome("resend_move", "sent", done=1, params={"at": sent_at.isoformat()})

    async def export_missing_followers(
        self, destination: Path, *, progress: ProgressSink, cancel: CancelToken
    ) -> Path:
        """A CSV of who did not arrive, with the reason (to write to them, or to check later)."""
        followers = self.state.journal.list_followers(self.state.require_migration(), limit=None)
        missing = [f for f in followers if f.in_snapshot and f.state is not FollowerState.MOVED]
        destination.parent.mkdir(parents=True, exist_ok=True)
        with destination.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["handle", "actor_uri", "server", "state", "reason"])
            for follower in missing:
                writer.writerow(
                    [
                        follower.acct,
                        follower.actor_uri,
                        follower.domain,
                        follower.state.value,
                        follower.reason or "",
                    ]
                )
        return destination

    async def write_report(
        self, destination: Path, *, progress: ProgressSink, cancel: CancelToken
    ) -> ReportFiles:
        state = self.state
        return report_engine.write_report(
            state.journal, state.require_migration(), destination, state.clock.now()
        )


def follower_row(follower: Follower) -> FollowerRow:
    return FollowerRow(
        actor_uri=follower.actor_uri,
        handle=f"@{follower.acct}",
        state=follower.state,
        server=follower.domain,
        reason=follower.reason or "",
        observed=follower.evidence is Evidence.OBSERVED,
        arrived_at=follower.arrived_at,
    )


async def _cancellable(work: Coroutine[Any, Any, T], cancel: CancelToken) -> T:
    """Run `work` (a coroutine), stopping it when `cancel` fires (an engine wait that does not
    take a token itself, such as waiting for the alias to become visible)."""
    task: asyncio.Task[T] = asyncio.ensure_future(work)
    stopper = asyncio.ensure_future(cancel.wait())
    try:
        await asyncio.wait({task, stopper}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopper.cancel()
    if not task.done():
        task.cancel()
        cancel.raise_if_cancelled()
    return task.result()


async def _stopped_within(cancel: CancelToken, state: ServiceState, seconds: float) -> bool:
    try:
        await cancel.sleep(state.clock, seconds)
    except FedimoveError:
        return True
    return False
