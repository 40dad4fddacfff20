"""The one place where the core's plain callbacks and coroutines become Qt signals.

The core reports progress by calling a `ProgressSink` (and follower rows by a `FollowerSink`),
possibly thousands of times a second. Emitting a Qt signal per call would flood the models and
the event loop, so the bridge keeps only the latest event per (phase, category) and the latest
row per follower, and emits what is pending every `interval_ms` (100 ms by default). An event
without a category is news about the whole phase ("waiting", "paused", the CSV instruction):
it is kept per status, so one kind of news never hides another.

It also runs the core's coroutines on the qasync loop: it keeps a reference to each task (an
unreferenced asyncio task may be garbage-collected mid-flight), gives each its own
`CancelToken`, and routes the outcome: a result to the caller's callback, a `FedimoveError` to
`failed`, a cancellation to `task_cancelled`, and anything else (a bug) to the crash handler.
"""

from __future__ import annotations

import asyncio
import sys
import threading
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from fedimove.core.errors import CancelledError, FedimoveError
from fedimove.core.progress import CancelToken, ProgressEvent, ProgressSink
from fedimove.core.service_api import FollowerRow

T = TypeVar("T")

#: Receives an unexpected exception the way `sys.excepthook` does.
CrashHandler = Callable[[type[BaseException], BaseException, TracebackType | None], None]
#: The work to run: given the bridge's sink and a fresh token, returns the awaitable.
Work = Callable[[ProgressSink, CancelToken], Awaitable[T]]


def _default_crash_handler(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> None:
    # Looked up at call time: the crash dialog installs itself as sys.excepthook.
    sys.excepthook(kind, error, tb)


@dataclass(slots=True)
class RunningTask:
    name: str
    task: asyncio.Task[Any]
    cancel: CancelToken


class _LatestByKey:
    """Pending values keyed so that a later value replaces an earlier one; thread-safe because
    a core step may report from `asyncio.to_thread`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: dict[object, object] = {}

    def put(self, key: object, value: object) -> None:
        with self._lock:
            # Re-inserting moves the key to the end, so emission order follows recency.
            self._pending.pop(key, None)
            self._pending[key] = value

    def take(self) -> list[object]:
        with self._lock:
            values = list(self._pending.values())
            self._pending.clear()
        return values


class TaskBridge(QObject):
    """Runs core work on the qasync loop and turns its progress into coalesced signals."""

    #: tuple[ProgressEvent, ...]: the latest event per (phase, category) since the last emit.
    progress_changed = Signal(object)
    #: tuple[FollowerRow, ...]: the latest row per actor since the last emit.
    rows_changed = Signal(object)
    #: (task name, result)
    task_finished = Signal(str, object)
    task_cancelled = Signal(str)
    #: (task name, FedimoveError)
    failed = Signal(str, object)
    busy_changed = Signal(bool)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        interval_ms: int = 100,
        crash_handler: CrashHandler | None = None,
    ) -> None:
        super().__init__(parent)
        self._crash_handler = crash_handler or _default_crash_handler
        self._progress = _LatestByKey()
        self._rows = _LatestByKey()
        self._tasks: dict[str, RunningTask] = {}
        self._gui_thread = threading.get_ident()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.flush)

    # --- sinks handed to the core ------------------------------------------------------------

    def report(self, event: ProgressEvent) -> None:
        """A `ProgressSink`: cheap enough to be called for every item."""
        status = "" if event.category else event.status
        self._progress.put((event.phase, event.category, status), event)
        self._wake()

    def report_rows(self, rows: Sequence[FollowerRow]) -> None:
        """A `FollowerSink`."""
        for row in rows:
            self._rows.put(row.actor_uri, row)
        self._wake()

    def _wake(self) -> None:
        # A QTimer may only be started from its own thread; off-thread reports wait for the
        # timer that runs anyway while a task is active.
        if threading.get_ident() == self._gui_thread and not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Emit whatever is pending now (also called by the timer and when a task ends)."""
        events = self._progress.take()
        rows = self._rows.take()
        if events:
            self.progress_changed.emit(tuple(events))
        if rows:
            self.rows_changed.emit(tuple(rows))
        if not events and not rows and not self._tasks:
            self._timer.stop()

    # --- tasks -------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def is_running(self, name: str) -> bool:
        return name in self._tasks

    def start(
        self, name: str, work: Work[T], on_result: Callable[[T], None] | None = None
    ) -> asyncio.Task[Any]:
        """Run `work(sink, token)` as task `name`; a second start of a running name is ignored
        (a double click must not start the same step twice) and returns the running task."""
        existing = self._tasks.get(name)
        if existing is not None:
            return existing.task
        token = CancelToken()
        task = asyncio.ensure_future(self._run(name, work, token, on_result))
        task.add_done_callback(lambda ended: self._ended_unstarted(name, ended))
        was_busy = self.busy
        self._tasks[name] = RunningTask(name, task, token)
        self._timer.start()
        if not was_busy:
            self.busy_changed.emit(True)
        return task

    def cancel(self, name: str | None = None, reason: str = "user") -> None:
        """Ask task `name` (or every task) to stop at its next safe point."""
        for running in list(self._tasks.values()):
            if name is None or running.name == name:
                running.cancel.cancel(reason)

    def shutdown(self) -> None:
        """At exit: cancel tokens first (safe stop), then the asyncio tasks themselves."""
        self.cancel(reason="shutdown")
        for running in list(self._tasks.values()):
            running.task.cancel()

    async def _run(
        self,
        name: str,
        work: Work[T],
        token: CancelToken,
        on_result: Callable[[T], None] | None,
    ) -> None:
        try:
            result = await work(self.report, token)
        except (CancelledError, asyncio.CancelledError):
            self._finish(name)
            self.task_cancelled.emit(name)
        except FedimoveError as error:
            self._finish(name)
            self.failed.emit(name, error)
        except Exception as error:
            self._finish(name)
            self._crash_handler(type(error), error, error.__traceback__)
        else:
            self._finish(name)
            self._deliver(name, result, on_result)

    def _ended_unstarted(self, name: str, task: asyncio.Task[Any]) -> None:
        """A task cancelled before its first step never enters `_run`'s handlers; without
        this it stayed listed and the bridge said "busy" for ever."""
        running = self._tasks.get(name)
        if running is not None and running.task is task:
            self._finish(name)
            self.task_cancelled.emit(name)

    def _deliver(self, name: str, result: T, on_result: Callable[[T], None] | None) -> None:
        try:
            if on_result is not None:
                on_result(result)
            self.task_finished.emit(name, result)
        except Exception as error:
            self._crash_handler(type(error), error, error.__traceback__)

    def _finish(self, name: str) -> None:
        self._tasks.pop(name, None)
        # The last progress of a step must arrive before the news that it ended.
        self.flush()
        if not self._tasks:
            self.busy_changed.emit(False)
