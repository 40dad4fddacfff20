"""The bridge: bursts of progress become a few signals, tasks end in the right signal."""

from __future__ import annotations

import asyncio
import threading
from types import TracebackType

import pytest
from pytestqt.qtbot import QtBot

from fedimove.core.errors import NetworkTimeoutError
from fedimove.core.progress import CancelToken, Phase, ProgressEvent, ProgressSink
from fedimove.ui.bridge import TaskBridge
from tests.ui.conftest import follower


def test_ten_thousand_events_arrive_as_a_few_signals_latest_wins(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    bridge = TaskBridge(interval_ms=50)
    emitted: list[tuple[ProgressEvent, ...]] = []
    bridge.progress_changed.connect(emitted.append)

    for done in range(1, 10_001):
        bridge.report(ProgressEvent(Phase.COPY, "following", done, 10_000))
        bridge.report(ProgressEvent(Phase.COPY, "lists", done // 2, 5_000))

    qtbot.waitUntil(lambda: bool(emitted), timeout=2000)
    assert len(emitted) <= 3
    latest = {event.category: event for batch in emitted for event in batch}
    assert latest["following"].done == 10_000
    assert latest["lists"].done == 5_000


def test_news_about_the_whole_phase_is_kept_per_kind_in_order(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    bridge = TaskBridge(interval_ms=50)
    emitted: list[tuple[ProgressEvent, ...]] = []
    bridge.progress_changed.connect(emitted.append)
    bridge.report(ProgressEvent(Phase.COPY, status="csv_upload_needed", params={"url": "u"}))
    bridge.report(ProgressEvent(Phase.COPY, status="waiting"))
    bridge.report(ProgressEvent(Phase.COPY, status="paused"))
    bridge.report(ProgressEvent(Phase.COPY, status="resumed"))
    bridge.report(ProgressEvent(Phase.COPY, status="paused"))  # the latest of each kind

    qtbot.waitUntil(lambda: bool(emitted), timeout=2000)
    statuses = [event.status for batch in emitted for event in batch]
    # None hides another (the CSV instruction survives a wait), and the last word comes last.
    assert statuses == ["csv_upload_needed", "waiting", "resumed", "paused"]


def test_follower_rows_are_coalesced_by_actor(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    bridge = TaskBridge(interval_ms=50)
    batches: list[tuple[object, ...]] = []
    bridge.rows_changed.connect(batches.append)
    for _ in range(100):
        bridge.report_rows([follower(n) for n in range(50)])
    qtbot.waitUntil(lambda: bool(batches), timeout=2000)
    assert sum(len(batch) for batch in batches) == 50


def test_result_arrives_after_its_last_progress(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    bridge = TaskBridge(interval_ms=10_000)  # only the end-of-task flush can deliver progress
    order: list[str] = []
    bridge.progress_changed.connect(lambda events: order.append(f"progress {events[-1].done}"))
    bridge.task_finished.connect(lambda name, result: order.append(f"{name} {result}"))

    async def work(progress: ProgressSink, cancel: CancelToken) -> int:
        for done in range(1000):
            progress(ProgressEvent(Phase.READ, "followers", done + 1))
        await asyncio.sleep(0)
        return 42

    with qtbot.waitSignal(bridge.task_finished, timeout=2000):
        bridge.start("read", work)
    assert order == ["progress 1000", "read 42"]
    assert not bridge.busy


def test_cancel_reaches_the_work_through_its_token(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    bridge = TaskBridge()
    started = asyncio.Event()

    async def work(progress: ProgressSink, cancel: CancelToken) -> None:
        started.set()
        await cancel.wait()
        cancel.raise_if_cancelled()

    failures: list[object] = []
    bridge.failed.connect(lambda name, error: failures.append(error))
    bridge.start("copy", work)
    qtbot.waitUntil(started.is_set, timeout=2000)
    with qtbot.waitSignal(bridge.task_cancelled, timeout=2000) as blocker:
        bridge.cancel("copy")
    assert blocker.args == ["copy"]
    assert failures == []
    assert not bridge.is_running("copy")


def test_a_second_start_of_a_running_task_is_ignored(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    bridge = TaskBridge()
    runs: list[int] = []

    async def work(progress: ProgressSink, cancel: CancelToken) -> None:
        runs.append(1)
        await cancel.wait()

    first = bridge.start("move", work)
    second = bridge.start("move", work)
    assert first is second
    qtbot.waitUntil(lambda: runs == [1], timeout=2000)
    with qtbot.waitSignal(bridge.task_cancelled, timeout=2000):
        bridge.shutdown()
    assert runs == [1]


def test_fedimove_errors_go_to_failed_and_bugs_to_the_crash_handler(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    crashes: list[BaseException] = []

    def crash_handler(
        kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        crashes.append(error)

    bridge = TaskBridge(crash_handler=crash_handler)

    async def times_out(progress: ProgressSink, cancel: CancelToken) -> None:
        raise NetworkTimeoutError("slow", host="old.example")

    async def has_a_bug(progress: ProgressSink, cancel: CancelToken) -> None:
        raise ZeroDivisionError

    with qtbot.waitSignal(bridge.failed, timeout=2000) as blocker:
        bridge.start("preview", times_out)
    assert blocker.args[0] == "preview"
    assert blocker.args[1].code == "network.timeout"

    bridge.start("report", has_a_bug)
    qtbot.waitUntil(lambda: bool(crashes), timeout=2000)
    assert isinstance(crashes[0], ZeroDivisionError)


@pytest.mark.parametrize("interval", [1, 100])
def test_busy_changes_once_per_burst_of_work(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, interval: int
) -> None:
    bridge = TaskBridge(interval_ms=interval)
    busy: list[bool] = []
    bridge.busy_changed.connect(busy.append)

    async def quick(progress: ProgressSink, cancel: CancelToken) -> None:
        await asyncio.sleep(0)

    bridge.start("a", quick)
    bridge.start("b", quick)
    qtbot.waitUntil(lambda: busy == [True, False], timeout=2000)


def test_progress_reported_from_a_worker_thread_arrives(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    bridge = TaskBridge(interval_ms=20)
    emitted: list[tuple[ProgressEvent, ...]] = []
    bridge.progress_changed.connect(emitted.append)

    def blocking_work(progress: ProgressSink) -> None:
        for done in range(1, 2001):
            progress(ProgressEvent(Phase.BACKUP, "media", done, 2000))

    async def work(progress: ProgressSink, cancel: CancelToken) -> None:
        # A plain thread, as asyncio.to_thread would use (qasync's own executor is avoided:
        # its QThreads outlive the per-test loop).
        loop = asyncio.get_running_loop()
        done = asyncio.Event()

        def run() -> None:
            blocking_work(progress)
            loop.call_soon_threadsafe(done.set)

        worker = threading.Thread(target=run)
        worker.start()
        await done.wait()
        worker.join()

    with qtbot.waitSignal(bridge.task_finished, timeout=5000):
        bridge.start("backup", work)
    assert emitted[-1][-1].done == 2000


def test_a_task_cancelled_before_it_starts_still_ends(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    bridge = TaskBridge(interval_ms=10)
    started: list[str] = []
    cancelled: list[str] = []
    bridge.task_cancelled.connect(cancelled.append)

    async def work(_progress: ProgressSink, _cancel: CancelToken) -> None:
        started.append("work")

    bridge.start("early", work)
    bridge.shutdown()  # before the loop ever ran the task: at exit, or a page left at once
    qtbot.waitUntil(lambda: not bridge.busy, timeout=2000)
    assert started == []
    assert cancelled == ["early"]
    assert not bridge.is_running("early")
