"""The service the wizard gets before the real one is open, so the window can show at once.

Importing and opening the core service costs most of a second; the window comes first and
`LateService` stands in for it. A call made before the service arrives waits for it (nothing a
page starts is lost); once `arrive` hands it over, every call goes straight to it. When the
service cannot be opened, `fail` makes the waiting calls (and later ones) raise that error.
The few synchronous choices (`WizardChoices`) made before the service arrives are kept and
handed over in order.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from pathlib import Path

from fedimove.core.models import Category
from fedimove.core.progress import CancelToken, ProgressSink
from fedimove.core.service_api import (
    AccountRole,
    AccountSummary,
    CheckResult,
    FollowerSink,
    MigrationService,
    Preview,
    ReportFiles,
    ResumePoint,
    StepOutcome,
)
from fedimove.ui.pages.wizard_controller import WizardChoices

Choice = Callable[[WizardChoices], None]


class LateService:
    """A `MigrationService` (and `WizardChoices`) whose calls wait for the real service."""

    def __init__(self) -> None:
        self._settled = asyncio.Event()
        self._service: MigrationService | None = None
        self._error: BaseException | None = None
        self._choices: list[Choice] = []

    @property
    def service(self) -> MigrationService | None:
        """The real service, once it has arrived."""
        return self._service

    def arrive(self, service: MigrationService) -> None:
        if self._settled.is_set():
            raise RuntimeError("the service was already settled")
        self._service = service
        self._settled.set()
        for choice in self._choices:
            self._choose(choice)
        self._choices.clear()

    def fail(self, error: BaseException) -> None:
        """The service could not be opened: every waiting and later call raises `error`
        (no effect once the service has arrived)."""
        if self._settled.is_set():
            return
        self._error = error
        self._choices.clear()
        self._settled.set()

    async def _real(self) -> MigrationService:
        await self._settled.wait()
        if self._error is not None:
            raise self._error
        assert self._service is not None
        return self._service

    def _choose(self, choice: Choice) -> None:
        if self._service is None:
            if self._error is None:
                self._choices.append(choice)
        elif isinstance(self._service, WizardChoices):
            choice(self._service)

    # --- WizardChoices -----------------------------------------------------------------------

    def set_move_answers(
        self, *, no_recent_move: bool, accept_uncopied: bool, locked_choice: str = ""
    ) -> None:
        self._choose(
            lambda real: real.set_move_answers(
                no_recent_move=no_recent_move,
                accept_uncopied=accept_uncopied,
                locked_choice=locked_choice,
            )
        )

    def set_move_password(self, password: str) -> None:
        self._choose(lambda real: real.set_move_password(password))

    def pause_copy(self) -> None:
        self._choose(lambda real: real.pause_copy())

    def resume_copy(self) -> None:
        self._choose(lambda real: real.resume_copy())

    async def open(self, url: str) -> None:
        real = await self._real()
        if isinstance(real, WizardChoices):
            await real.open(url)

    # --- MigrationService --------------------------------------------------------------------

    async def find_unfinished(self) -> ResumePoint | None:
        return await (await self._real()).find_unfinished()

    async def resume(
        self, migration_id: str, *, progress: ProgressSink, cancel: CancelToken
    ) -> ResumePoint:
        real = await self._real()
        return await real.resume(migration_id, progress=progress, cancel=cancel)

    async def sign_in(
        self, role: AccountRole, handle: str, *, progress: ProgressSink, cancel: CancelToken
    ) -> AccountSummary:
        real = await self._real()
        return await real.sign_in(role, handle, progress=progress, cancel=cancel)

    async def use_old_files(
        self,
        paths: Sequence[Path],
        passphrase: str,
        old_handle: str,
        *,
        progress: ProgressSink,
        cancel: CancelToken,
    ) -> AccountSummary:
        real = await self._real()
        return await real.use_old_files(
            paths, passphrase, old_handle, progress=progress, cancel=cancel
        )

    async def preview(self, *, progress: ProgressSink, cancel: CancelToken) -> Preview:
        return await (await self._real()).preview(progress=progress, cancel=cancel)

    async def backup(
        self, destination: Path, passphrase: str, *, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        real = await self._real()
        return await real.backup(destination, passphrase, progress=progress, cancel=cancel)

    async def copy(
        self, categories: Sequence[Category], *, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        return await (await self._real()).copy(categories, progress=progress, cancel=cancel)

    async def set_alias(self, *, progress: ProgressSink, cancel: CancelToken) -> StepOutcome:
        return await (await self._real()).set_alias(progress=progress, cancel=cancel)

    async def run_checks(
        self, *, progress: ProgressSink, cancel: CancelToken
    ) -> Sequence[CheckResult]:
        return await (await self._real()).run_checks(progress=progress, cancel=cancel)

    async def move(
        self, confirmation: str, *, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        return await (await self._real()).move(confirmation, progress=progress, cancel=cancel)

    async def track_followers(
        self, *, on_rows: FollowerSink, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        real = await self._real()
        return await real.track_followers(on_rows=on_rows, progress=progress, cancel=cancel)

    async def approve_migrated_followers(
        self, *, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        real = await self._real()
        return await real.approve_migrated_followers(progress=progress, cancel=cancel)

    async def resend_move(self, *, progress: ProgressSink, cancel: CancelToken) -> StepOutcome:
        return await (await self._real()).resend_move(progress=progress, cancel=cancel)

    async def export_missing_followers(
        self, destination: Path, *, progress: ProgressSink, cancel: CancelToken
    ) -> Path:
        real = await self._real()
        return await real.export_missing_followers(destination, progress=progress, cancel=cancel)

    async def write_report(
        self, destination: Path, *, progress: ProgressSink, cancel: CancelToken
    ) -> ReportFiles:
        real = await self._real()
        return await real.write_report(destination, progress=progress, cancel=cancel)

    async def finish_tracking(
        self, *, on_rows: FollowerSink, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        real = await self._real()
        return await real.finish_tracking(on_rows=on_rows, progress=progress, cancel=cancel)

    async def finish_options(self, *, progress: ProgressSink, cancel: CancelToken) -> StepOutcome:
        return await (await self._real()).finish_options(progress=progress, cancel=cancel)

    async def finish(
        self, *, restore_locked: bool, sign_out: bool, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        real = await self._real()
        return await real.finish(
            restore_locked=restore_locked, sign_out=sign_out, progress=progress, cancel=cancel
        )


def _typed(late: LateService) -> tuple[MigrationService, WizardChoices]:
    """mypy checks here that `LateService` keeps up with both protocols."""
    return late, late
