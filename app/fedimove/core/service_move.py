"""The service's second half: alias, pre-flight checks, the Move, and following every follower.

Each method wraps one engine (`engine.alias`, `checks`, `move`, `followers`, `report`); the
guided browser steps are reported to the page (status `guided_step`) and opened for the person.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from fedimove.core.engine import report as report_engine
from fedimove.core.engine.alias import Accounts, record_accounts, set_alias
from fedimove.core.engine.checks import CheckInputs, confirm_move, mark_final_read, run_checks
from fedimove.core.engine.migration import MigrationEngine
from fedimove.core.engine.move import MoveContext, perform_move, resend_move
from fedimove.core.engine.snapshot import read_snapshot
from fedimove.core.errors import ConsentMissingError
from fedimove.core.progress import CancelToken, Phase, ProgressEvent, ProgressSink
from fedimove.core.service_api import (
    AccountRole,
    CheckResult,
    ReportFiles,
    StepOutcome,
)
from fedimove.core.service_context import ServiceState
from fedimove.core.service_followers import FollowerActions

T = TypeVar("T")


class MoveService(FollowerActions):
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

    async def write_report(
        self, destination: Path, *, progress: ProgressSink, cancel: CancelToken
    ) -> ReportFiles:
        state = self.state
        return report_engine.write_report(
            state.journal, state.require_migration(), destination, state.clock.now()
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
