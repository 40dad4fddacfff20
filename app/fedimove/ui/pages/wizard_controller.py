"""The controller the wizard's pages use: `MigrationController` plus the few synchronous choices
the real service takes between steps (answers before the Move, the Move password, Pause).

These are plain setters on the service (no I/O); a service without them (a scripted one in
tests and screenshots) simply ignores them.
"""

from __future__ import annotations

import asyncio
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QObject, Signal, Slot

from fedimove.core.progress import CancelToken, ProgressSink
from fedimove.core.service_api import MigrationService, StepOutcome
from fedimove.ui.bridge import CrashHandler
from fedimove.ui.controller import TRACK, MigrationController

#: The person ends follower tracking (the final scan, then the finish phase).
FINISH_TRACKING = "finish_tracking"
#: What the finish can offer, and the finish itself (DESIGN §0.16: `locked`, sign-outs).
FINISH_OPTIONS = "finish_options"
FINISH = "finish"


@runtime_checkable
class WizardChoices(Protocol):
    def set_move_answers(
        self, *, no_recent_move: bool, accept_uncopied: bool, locked_choice: str = ""
    ) -> None: ...

    def set_move_password(self, password: str) -> None: ...

    def pause_copy(self) -> None: ...

    def resume_copy(self) -> None: ...

    async def open(self, url: str) -> None: ...


class WizardController(MigrationController):
    copy_paused_changed = Signal(bool)
    finish_options_ready = Signal(object)  # StepOutcome of `finish_options`
    migration_finished = Signal(object)  # StepOutcome of `finish`

    def __init__(
        self,
        service: MigrationService,
        parent: QObject | None = None,
        *,
        interval_ms: int = 100,
        crash_handler: CrashHandler | None = None,
    ) -> None:
        super().__init__(service, parent, interval_ms=interval_ms, crash_handler=crash_handler)
        self._choices = service if isinstance(service, WizardChoices) else None
        self._tracked = service

    @Slot()
    def finish_tracking(self) -> asyncio.Task[Any]:
        """Stop watching the followers: the polling stops, the final scan says who stayed
        and why, the rows arrive once more, then `step_finished(FINISH_TRACKING, ...)`."""
        self.cancel(TRACK)
        service = self._tracked

        async def work(progress: ProgressSink, cancel: CancelToken) -> StepOutcome:
            return await service.finish_tracking(
                on_rows=self.bridge.report_rows, progress=progress, cancel=cancel
            )

        return self._start_step(FINISH_TRACKING, work)

    @Slot(bool, bool, str)
    def set_move_answers(self, no_recent_move: bool, accept_uncopied: bool, locked: str) -> None:
        if self._choices is not None:
            self._choices.set_move_answers(
                no_recent_move=no_recent_move, accept_uncopied=accept_uncopied, locked_choice=locked
            )

    @Slot(str)
    def set_move_password(self, password: str) -> None:
        if self._choices is not None:
            self._choices.set_move_password(password)

    @Slot(bool)
    def set_copy_paused(self, paused: bool) -> None:
        if self._choices is not None:
            if paused:
                self._choices.pause_copy()
            else:
                self._choices.resume_copy()
        self.copy_paused_changed.emit(paused)

    @Slot(str)
    def open_url(self, url: str) -> None:
        """Open a page for the person (the service decides how: the system browser)."""
        choices = self._choices
        if choices is None:
            return

        async def work(_progress: object, _cancel: object) -> None:
            await choices.open(url)

        self.bridge.start(f"open:{url}", work)

    @Slot()
    def finish_options(self) -> asyncio.Task[Any]:
        """Ask what the finish can offer; `finish_options_ready(outcome)`."""
        service = self._tracked

        async def work(progress: ProgressSink, cancel: CancelToken) -> StepOutcome:
            return await service.finish_options(progress=progress, cancel=cancel)

        return self.bridge.start(FINISH_OPTIONS, work, self.finish_options_ready.emit)

    @Slot(bool, bool)
    def finish(self, restore_locked: bool, sign_out: bool) -> asyncio.Task[Any]:
        """The finish: `locked` back, Fedimove signed out; `migration_finished(outcome)`."""
        service = self._tracked

        async def work(progress: ProgressSink, cancel: CancelToken) -> StepOutcome:
            return await service.finish(
                restore_locked=restore_locked, sign_out=sign_out, progress=progress, cancel=cancel
            )

        return self.bridge.start(FINISH, work, self.migration_finished.emit)
