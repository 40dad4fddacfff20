"""Progress events, the sink they go to, and the cancel token.

Every long operation has one shape: `async def step(ctx, *, progress, cancel) -> Result`.
It reports plain `ProgressEvent` values to a `ProgressSink` (the CLI prints them, the GUI's
bridge turns them into Qt signals) and checks a `CancelToken` between units of work.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from fedimove.core.clock import Clock
from fedimove.core.errors import CancelledError, ParamValue


class Phase(StrEnum):
    SIGN_IN = "sign_in"
    DETECT = "detect"
    READ = "read"
    BACKUP = "backup"
    COPY = "copy"
    ALIAS = "alias"
    CHECK = "check"
    MOVE = "move"
    TRACK = "track"
    FINISH = "finish"


@dataclass(frozen=True, slots=True)
class ProgressEvent:
    """One step forward in a long operation.

    `done`/`total` count items of `category` (total None while unknown). `status` is a short
    stable code ("waiting_rate_limit", "item_skipped", ...) that the UI turns into words, with
    `params` as safe details. `eta` is when the step is expected to finish, if known.
    """

    phase: Phase
    category: str = ""
    done: int = 0
    total: int | None = None
    status: str = ""
    params: dict[str, ParamValue] = field(default_factory=dict)
    eta: datetime | None = None

    @property
    def fraction(self) -> float | None:
        if not self.total:
            return None
        return min(1.0, self.done / self.total)


class ProgressSink(Protocol):
    def __call__(self, event: ProgressEvent) -> None: ...


def discard_progress(event: ProgressEvent) -> None:
    """A sink for callers that do not show progress."""


class ProgressRecorder:
    """A sink that keeps every event (tests, reports)."""

    def __init__(self) -> None:
        self.events: list[ProgressEvent] = []

    def __call__(self, event: ProgressEvent) -> None:
        self.events.append(event)

    def last(self, category: str | None = None) -> ProgressEvent | None:
        for event in reversed(self.events):
            if category is None or event.category == category:
                return event
        return None


class CancelToken:
    """Cooperative cancellation: set by the user, checked by the work between remote calls.

    Cancelling is not a failure: work stops at a safe point (after an outcome is journaled) and
    raises `fedimove.core.errors.CancelledError`.
    """

    def __init__(self) -> None:
        self._event = asyncio.Event()
        self._callbacks: list[Callable[[], None]] = []
        self.reason = ""

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self, reason: str = "user") -> None:
        if self._event.is_set():
            return
        self.reason = reason
        self._event.set()
        for callback in self._callbacks:
            callback()

    def on_cancel(self, callback: Callable[[], None]) -> None:
        self._callbacks.append(callback)

    def raise_if_cancelled(self) -> None:
        if self.cancelled:
            raise CancelledError("cancelled", reason=self.reason)

    async def wait(self) -> None:
        await self._event.wait()

    async def sleep(self, clock: Clock, seconds: float) -> None:
        """Sleep on `clock`, returning early (and raising) when cancelled."""
        sleeper = asyncio.ensure_future(clock.sleep(seconds))
        waiter = asyncio.ensure_future(self._event.wait())
        try:
            await asyncio.wait({sleeper, waiter}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (sleeper, waiter):
                if not task.done():
                    task.cancel()
        self.raise_if_cancelled()
