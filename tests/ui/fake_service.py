"""A scripted `MigrationService` for GUI tests: each call can be held, failed or cancelled."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path

from fedimove.core.errors import FedimoveError
from fedimove.core.models import Category
from fedimove.core.progress import CancelToken, Phase, ProgressEvent, ProgressSink
from fedimove.core.service_api import (
    AccountRole,
    AccountSummary,
    CheckResult,
    FollowerRow,
    FollowerSink,
    Preview,
    ReportFiles,
    ResumePoint,
    StepOutcome,
)


class FakeMigrationService:
    """Satisfies `MigrationService`; `fail_with` makes the next call raise, `gate` holds `copy`
    until set (so a test can cancel it mid-way)."""

    def __init__(self) -> None:
        self.fail_with: BaseException | None = None
        self.gate = asyncio.Event()
        self.gate.set()
        self.follower_batches: list[list[FollowerRow]] = []
        self.calls: list[str] = []
        self.files_given: tuple[tuple[Path, ...], str, str] | None = None
        #: The old account's capability codes a resume reports.
        self.resume_codes: frozenset[str] = frozenset()
        #: What `finish_options` reports, and what each `finish` was asked (restore, sign out).
        self.finish_choices = {
            "tracking_finished": True,
            "old_gone": False,
            "restore_locked_applies": True,
            "signed_in": True,
        }
        self.finish_asked: list[tuple[bool, bool]] = []
        self.finish_gate: asyncio.Event | None = None

    def _maybe_fail(self, name: str) -> None:
        self.calls.append(name)
        if self.fail_with is not None:
            error, self.fail_with = self.fail_with, None
            raise error

    async def find_unfinished(self) -> ResumePoint | None:
        self._maybe_fail("find_unfinished")
        return ResumePoint("m1", "@a@old.example", "@b@new.example", Phase.COPY)

    async def resume(
        self, migration_id: str, *, progress: ProgressSink, cancel: CancelToken
    ) -> ResumePoint:
        self._maybe_fail("resume")
        return ResumePoint(
            migration_id,
            "@a@old.example",
            "@b@new.example",
            Phase.COPY,
            old_capabilities=self.resume_codes,
        )

    async def sign_in(
        self, role: AccountRole, handle: str, *, progress: ProgressSink, cancel: CancelToken
    ) -> AccountSummary:
        self._maybe_fail("sign_in")
        progress(ProgressEvent(Phase.SIGN_IN, status="waiting_browser"))
        return AccountSummary(role=role, handle=handle, software="mastodon", version="4.3.0")

    async def use_old_files(
        self,
        paths: Sequence[Path],
        passphrase: str,
        old_handle: str,
        *,
        progress: ProgressSink,
        cancel: CancelToken,
    ) -> AccountSummary:
        self._maybe_fail("use_old_files")
        self.files_given = (tuple(paths), passphrase, old_handle)
        return AccountSummary(
            role=AccountRole.OLD,
            handle=old_handle or "@a@old.example",
            followers_count=120,
            following_count=50,
            capabilities=frozenset({"old_server_gone"}),
        )

    async def preview(self, *, progress: ProgressSink, cancel: CancelToken) -> Preview:
        self._maybe_fail("preview")
        return Preview(categories=())

    async def backup(
        self, destination: Path, passphrase: str, *, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        self._maybe_fail("backup")
        return StepOutcome("backup", done=1)

    async def copy(
        self, categories: Sequence[Category], *, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        self._maybe_fail("copy")
        total = 10_000
        for done in range(1, total + 1):
            progress(ProgressEvent(Phase.COPY, Category.FOLLOWING.value, done, total))
            if done == total // 2:
                await self._wait_gate(cancel)
        return StepOutcome("copy", done=total)

    async def _wait_gate(self, cancel: CancelToken) -> None:
        gate = asyncio.ensure_future(self.gate.wait())
        stop = asyncio.ensure_future(cancel.wait())
        await asyncio.wait({gate, stop}, return_when=asyncio.FIRST_COMPLETED)
        gate.cancel()
        stop.cancel()
        cancel.raise_if_cancelled()

    async def set_alias(self, *, progress: ProgressSink, cancel: CancelToken) -> StepOutcome:
        self._maybe_fail("alias")
        return StepOutcome("alias")

    async def run_checks(
        self, *, progress: ProgressSink, cancel: CancelToken
    ) -> Sequence[CheckResult]:
        self._maybe_fail("checks")
        return [CheckResult("alias_visible", passed=True)]

    async def move(
        self, confirmation: str, *, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        self._maybe_fail("move")
        return StepOutcome("move")

    async def track_followers(
        self, *, on_rows: FollowerSink, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        self._maybe_fail("track")
        for batch in self.follower_batches:
            on_rows(batch)
            await asyncio.sleep(0)
        return StepOutcome("track", done=sum(len(b) for b in self.follower_batches))

    async def approve_migrated_followers(
        self, *, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        self._maybe_fail("approve")
        return StepOutcome("approve_migrated", done=3)

    async def resend_move(self, *, progress: ProgressSink, cancel: CancelToken) -> StepOutcome:
        self._maybe_fail("resend")
        return StepOutcome("resend_move")

    async def export_missing_followers(
        self, destination: Path, *, progress: ProgressSink, cancel: CancelToken
    ) -> Path:
        self._maybe_fail("export_missing")
        return destination

    async def write_report(
        self, destination: Path, *, progress: ProgressSink, cancel: CancelToken
    ) -> ReportFiles:
        self._maybe_fail("report")
        return ReportFiles(destination / "report.html", destination / "report.csv")

    async def finish_tracking(
        self, *, on_rows: FollowerSink, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        self._maybe_fail("finish_tracking")
        for batch in self.follower_batches:
            on_rows(batch)
        return StepOutcome("finish_tracking", "finished")

    async def finish_options(self, *, progress: ProgressSink, cancel: CancelToken) -> StepOutcome:
        self._maybe_fail("finish_options")
        return StepOutcome("finish_options", params=dict(self.finish_choices))

    async def finish(
        self, *, restore_locked: bool, sign_out: bool, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        self._maybe_fail("finish")
        self.finish_asked.append((restore_locked, sign_out))
        if self.finish_gate is not None:
            await self.finish_gate.wait()
        if sign_out:  # as the real service: nothing left to sign out of, or to lock again
            self.finish_choices["signed_in"] = False
        if restore_locked:
            self.finish_choices["restore_locked_applies"] = False
        access = "not_confirmed" if sign_out else "kept"
        return StepOutcome(
            "finish",
            "unconfirmed" if sign_out else "finished",
            params={
                "locked": "restored" if restore_locked else "kept",
                "old_access": "revoked" if sign_out else "kept",
                "new_access": access,
                "old_server": "old.example",
                "new_server": "new.example",
                "old_apps_url": "https://old.example/oauth/authorized_applications",
                "new_apps_url": "",
                "old_gone": False,
            },
        )


def _conforms() -> None:
    """mypy checks that the fake satisfies the protocol (never called)."""
    from fedimove.core.service_api import MigrationService

    _service: MigrationService = FakeMigrationService()


__all__ = ["FakeMigrationService", "FedimoveError"]
