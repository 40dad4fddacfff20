"""The wizard's single door to the core: pages call these slots and listen to these signals.

Pages never touch the `MigrationService`, the network or the journal. Each slot starts one core
operation through the `TaskBridge` (which keeps the task, its cancel token and the progress
coalescing) and returns at once; the outcome arrives as a past-tense signal. A slot called again
while its operation still runs is ignored (a double click starts nothing twice).
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from fedimove.core.models import Category
from fedimove.core.progress import CancelToken, ProgressSink
from fedimove.core.service_api import (
    AccountRole,
    AccountSummary,
    CheckResult,
    MigrationService,
    Preview,
    ReportFiles,
    ResumePoint,
    StepOutcome,
)
from fedimove.ui.bridge import CrashHandler, TaskBridge, Work

# Operation names: task names in the bridge and the first argument of `failed`/`cancelled`.
FIND_UNFINISHED = "find_unfinished"
RESUME = "resume"
OLD_FILES = "use_old_files"
PREVIEW = "preview"
BACKUP = "backup"
COPY = "copy"
ALIAS = "alias"
CHECKS = "checks"
MOVE = "move"
TRACK = "track"
REPORT = "report"
APPROVE = "approve_migrated"
RESEND = "resend_move"
EXPORT_MISSING = "export_missing"


def sign_in_operation(role: AccountRole) -> str:
    return f"sign_in_{role.value}"


class MigrationController(QObject):
    unfinished_found = Signal(object)  # ResumePoint | None
    resumed = Signal(object)  # ResumePoint
    signed_in = Signal(str, object)  # AccountRole value, AccountSummary
    old_files_read = Signal(object)  # AccountSummary of the old account's files
    preview_ready = Signal(object)  # Preview
    step_finished = Signal(str, object)  # operation name, StepOutcome
    checks_finished = Signal(object)  # tuple[CheckResult, ...]
    report_written = Signal(object)  # ReportFiles
    missing_exported = Signal(object)  # Path of the CSV written
    progress_changed = Signal(object)  # tuple[ProgressEvent, ...], coalesced
    followers_changed = Signal(object)  # tuple[FollowerRow, ...], coalesced
    failed = Signal(str, object)  # operation name, FedimoveError
    cancelled = Signal(str)  # operation name
    busy_changed = Signal(bool)

    def __init__(
        self,
        service: MigrationService,
        parent: QObject | None = None,
        *,
        interval_ms: int = 100,
        crash_handler: CrashHandler | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self.bridge = TaskBridge(self, interval_ms=interval_ms, crash_handler=crash_handler)
        self.bridge.progress_changed.connect(self.progress_changed)
        self.bridge.rows_changed.connect(self.followers_changed)
        self.bridge.failed.connect(self.failed)
        self.bridge.task_cancelled.connect(self.cancelled)
        self.bridge.busy_changed.connect(self.busy_changed)

    @property
    def busy(self) -> bool:
        return self.bridge.busy

    def is_running(self, operation: str) -> bool:
        return self.bridge.is_running(operation)

    # --- start and resume --------------------------------------------------------------------

    @Slot()
    def find_unfinished(self) -> asyncio.Task[Any]:
        async def work(_progress: ProgressSink, _cancel: CancelToken) -> ResumePoint | None:
            return await self._service.find_unfinished()

        return self.bridge.start(FIND_UNFINISHED, work, self.unfinished_found.emit)

    @Slot(str)
    def resume(self, migration_id: str) -> asyncio.Task[Any]:
        async def work(progress: ProgressSink, cancel: CancelToken) -> ResumePoint:
            return await self._service.resume(migration_id, progress=progress, cancel=cancel)

        return self.bridge.start(RESUME, work, self.resumed.emit)

    @Slot(str, str)
    def sign_in(self, role: str, handle: str) -> asyncio.Task[Any]:
        account_role = AccountRole(role)

        async def work(progress: ProgressSink, cancel: CancelToken) -> AccountSummary:
            return await self._service.sign_in(
                account_role, handle, progress=progress, cancel=cancel
            )

        def deliver(summary: AccountSummary) -> None:
            self.signed_in.emit(account_role.value, summary)

        return self.bridge.start(sign_in_operation(account_role), work, deliver)

    @Slot(list, str, str)
    def use_old_files(
        self, paths: Sequence[str], passphrase: str, old_handle: str
    ) -> asyncio.Task[Any]:
        """The old server is gone: the old account comes from these files; `old_files_read`
        carries its `AccountSummary` (capabilities hold "old_server_gone")."""
        chosen = tuple(Path(path) for path in paths)

        async def work(progress: ProgressSink, cancel: CancelToken) -> AccountSummary:
            return await self._service.use_old_files(
                chosen, passphrase, old_handle, progress=progress, cancel=cancel
            )

        return self.bridge.start(OLD_FILES, work, self.old_files_read.emit)

    # --- the steps, in wizard order ----------------------------------------------------------

    @Slot()
    def load_preview(self) -> asyncio.Task[Any]:
        async def work(progress: ProgressSink, cancel: CancelToken) -> Preview:
            return await self._service.preview(progress=progress, cancel=cancel)

        return self.bridge.start(PREVIEW, work, self.preview_ready.emit)

    @Slot(str, str)
    def backup(self, destination: str, passphrase: str) -> asyncio.Task[Any]:
        async def work(progress: ProgressSink, cancel: CancelToken) -> StepOutcome:
            return await self._service.backup(
                Path(destination), passphrase, progress=progress, cancel=cancel
            )

        return self._start_step(BACKUP, work)

    @Slot(list)
    def copy(self, categories: Sequence[str]) -> asyncio.Task[Any]:
        chosen = tuple(Category(name) for name in categories)

        async def work(progress: ProgressSink, cancel: CancelToken) -> StepOutcome:
            return await self._service.copy(chosen, progress=progress, cancel=cancel)

        return self._start_step(COPY, work)

    @Slot()
    def set_alias(self) -> asyncio.Task[Any]:
        async def work(progress: ProgressSink, cancel: CancelToken) -> StepOutcome:
            return await self._service.set_alias(progress=progress, cancel=cancel)

        return self._start_step(ALIAS, work)

    @Slot()
    def run_checks(self) -> asyncio.Task[Any]:
        async def work(progress: ProgressSink, cancel: CancelToken) -> tuple[CheckResult, ...]:
            return tuple(await self._service.run_checks(progress=progress, cancel=cancel))

        return self.bridge.start(CHECKS, work, self.checks_finished.emit)

    @Slot(str)
    def move(self, confirmation: str) -> asyncio.Task[Any]:
        async def work(progress: ProgressSink, cancel: CancelToken) -> StepOutcome:
            return await self._service.move(confirmation, progress=progress, cancel=cancel)

        return self._start_step(MOVE, work)

    @Slot()
    def track_followers(self) -> asyncio.Task[Any]:
        async def work(progress: ProgressSink, cancel: CancelToken) -> StepOutcome:
            return await self._service.track_followers(
                on_rows=self.bridge.report_rows, progress=progress, cancel=cancel
            )

        return self._start_step(TRACK, work)

    @Slot()
    def approve_migrated(self) -> asyncio.Task[Any]:
        async def work(progress: ProgressSink, cancel: CancelToken) -> StepOutcome:
            return await self._service.approve_migrated_followers(progress=progress, cancel=cancel)

        return self._start_step(APPROVE, work)

    @Slot()
    def resend_move(self) -> asyncio.Task[Any]:
        async def work(progress: ProgressSink, cancel: CancelToken) -> StepOutcome:
            return await self._service.resend_move(progress=progress, cancel=cancel)

        return self._start_step(RESEND, work)

    @Slot(str)
    def export_missing(self, destination: str) -> asyncio.Task[Any]:
        async def work(progress: ProgressSink, cancel: CancelToken) -> Path:
            return await self._service.export_missing_followers(
                Path(destination), progress=progress, cancel=cancel
            )

        return self.bridge.start(EXPORT_MISSING, work, self.missing_exported.emit)

    @Slot(str)
    def write_report(self, destination: str) -> asyncio.Task[Any]:
        async def work(progress: ProgressSink, cancel: CancelToken) -> ReportFiles:
            return await self._service.write_report(
                Path(destination), progress=progress, cancel=cancel
            )

        return self.bridge.start(REPORT, work, self.report_written.emit)

    # --- stopping ----------------------------------------------------------------------------

    @Slot()
    @Slot(str)
    def cancel(self, operation: str = "") -> None:
        """Ask one operation (or all, with "") to stop at its next safe point."""
        self.bridge.cancel(operation or None)

    @Slot()
    def shutdown(self) -> None:
        self.bridge.shutdown()

    def _start_step(self, name: str, work: Work[StepOutcome]) -> asyncio.Task[Any]:
        def deliver(outcome: StepOutcome) -> None:
            self.step_finished.emit(name, outcome)

        return self.bridge.start(name, work, deliver)
