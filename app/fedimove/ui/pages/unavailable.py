"""The service behind a window opened without one (start-up benchmark, smoke tests): it finds
no unfinished move and says plainly that anything else is not available here."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from fedimove.core.errors import FeatureUnavailableError
from fedimove.core.models import Category
from fedimove.core.progress import CancelToken, ProgressSink
from fedimove.core.service_api import (
    AccountRole,
    AccountSummary,
    CheckResult,
    FollowerSink,
    Preview,
    ReportFiles,
    ResumePoint,
    StepOutcome,
)


def _unavailable() -> FeatureUnavailableError:
    return FeatureUnavailableError("this window has no core service")


class UnavailableService:
    async def find_unfinished(self) -> ResumePoint | None:
        return None

    async def resume(
        self, migration_id: str, *, progress: ProgressSink, cancel: CancelToken
    ) -> ResumePoint:
        raise _unavailable()

    async def sign_in(
        self, role: AccountRole, handle: str, *, progress: ProgressSink, cancel: CancelToken
    ) -> AccountSummary:
        raise _unavailable()

    async def use_old_files(
        self,
        paths: Sequence[Path],
        passphrase: str,
        old_handle: str,
        *,
        progress: ProgressSink,
        cancel: CancelToken,
    ) -> AccountSummary:
        raise _unavailable()

    async def preview(self, *, progress: ProgressSink, cancel: CancelToken) -> Preview:
        raise _unavailable()

    async def backup(
        self, destination: Path, passphrase: str, *, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        raise _unavailable()

    async def copy(
        self, categories: Sequence[Category], *, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        raise _unavailable()

    async def set_alias(self, *, progress: ProgressSink, cancel: CancelToken) -> StepOutcome:
        raise _unavailable()

    async def run_checks(
        self, *, progress: ProgressSink, cancel: CancelToken
    ) -> Sequence[CheckResult]:
        raise _unavailable()

    async def move(
        self, confirmation: str, *, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        raise _unavailable()

    async def track_followers(
        self, *, on_rows: FollowerSink, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        raise _unavailable()

    async def approve_migrated_followers(
        self, *, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        raise _unavailable()

    async def resend_move(self, *, progress: ProgressSink, cancel: CancelToken) -> StepOutcome:
        raise _unavailable()

    async def export_missing_followers(
        self, destination: Path, *, progress: ProgressSink, cancel: CancelToken
    ) -> Path:
        raise _unavailable()

    async def write_report(
        self, destination: Path, *, progress: ProgressSink, cancel: CancelToken
    ) -> ReportFiles:
        raise _unavailable()

    async def finish_tracking(
        self, *, on_rows: FollowerSink, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        raise _unavailable()

    async def finish_options(self, *, progress: ProgressSink, cancel: CancelToken) -> StepOutcome:
        raise _unavailable()

    async def finish(
        self, *, restore_locked: bool, sign_out: bool, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        raise _unavailable()
