"""One writer per migration: a second process is refused while the first heartbeats, and
may take over once the lease is stale or its holder is gone."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from fedimove.core.clock import SimulatedClock, utc
from fedimove.core.errors import JournalBusyError, JournalLeaseLostError
from fedimove.core.storage.journal import Journal

from . import journal_worker as worker
from .journal_helpers import make_migration

T0 = utc(2026, 3, 1)


class LeaseWorker:
    """Drives `journal_worker.py lease` in another process, one command at a time."""

    def __init__(self, db: Path, migration: int) -> None:
        self.process = subprocess.Popen(
            [sys.executable, worker.__file__, "lease", str(db), str(migration)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        word, pid = self._answer().split()
        assert word == "ready"
        self.pid = int(pid)

    def _answer(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def do(self, command: str, at: datetime) -> str:
        assert self.process.stdin is not None
        self.process.stdin.write(f"{command} {at.isoformat()}\n")
        self.process.stdin.flush()
        return self._answer()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()


@pytest.fixture
def clock() -> SimulatedClock:
    return SimulatedClock(T0)


@pytest.fixture
def journal(tmp_path: Path, clock: SimulatedClock) -> Iterator[Journal]:
    with Journal.open(tmp_path / "journal.sqlite", clock) as opened:
        yield opened


@pytest.fixture
def migration(journal: Journal) -> int:
    return make_migration(journal).id


@pytest.fixture
def other(journal: Journal, migration: int) -> Iterator[LeaseWorker]:
    started = LeaseWorker(journal.path, migration)
    yield started
    started.stop()


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_a_second_process_waits_for_a_stale_lease(
    journal: Journal, migration: int, clock: SimulatedClock, other: LeaseWorker
) -> None:
    assert other.do("acquire", at(0)) == "ok"

    clock.set(at(60))
    with pytest.raises(JournalBusyError) as raised:
        journal.acquire_lease(migration)
    assert raised.value.code == "journal.busy"
    assert raised.value.params["pid"] == other.pid

    assert other.do("heartbeat", at(100)) == "ok"
    clock.set(at(219))  # 119 s after the last heartbeat: still alive
    with pytest.raises(JournalBusyError):
        journal.acquire_lease(migration)
    assert journal.lease_holder(migration) is not None

    clock.set(at(221))  # more than two minutes without a heartbeat: stale
    assert journal.lease_holder(migration) is None
    lease = journal.acquire_lease(migration)
    assert (lease.acquired_at, lease.heartbeat_at) == (at(221), at(221))

    assert other.do("heartbeat", at(230)) == "journal.lease_lost"
    assert other.do("acquire", at(240)) == "journal.busy"


def test_a_released_lease_is_free_at_once(
    journal: Journal, migration: int, clock: SimulatedClock, other: LeaseWorker
) -> None:
    assert other.do("acquire", at(0)) == "ok"
    assert other.do("release", at(1)) == "ok"
    clock.set(at(2))
    assert journal.acquire_lease(migration).pid != other.pid


def test_a_lease_whose_process_died_on_this_machine_is_free_at_once(
    journal: Journal, migration: int, clock: SimulatedClock, other: LeaseWorker
) -> None:
    assert other.do("acquire", at(0)) == "ok"
    other.stop()  # SIGKILL, reaped
    clock.set(at(1))
    assert journal.acquire_lease(migration).heartbeat_at == at(1)


def test_two_journal_objects_in_one_process_are_two_writers(
    tmp_path: Path, journal: Journal, migration: int, clock: SimulatedClock
) -> None:
    first = journal.acquire_lease(migration)
    assert journal.acquire_lease(migration).owner == first.owner  # renewing our own
    with Journal.open(journal.path, clock) as second, pytest.raises(JournalBusyError):
        second.acquire_lease(migration)


def test_a_lost_lease_is_noticed_on_the_next_heartbeat(
    journal: Journal, migration: int, clock: SimulatedClock
) -> None:
    journal.acquire_lease(migration)
    clock.advance(121)
    with Journal.open(journal.path, clock) as taker:
        taker.acquire_lease(migration)
    with pytest.raises(JournalLeaseLostError) as raised:
        journal.heartbeat(migration)
    assert raised.value.code == "journal.lease_lost"


async def test_keep_lease_heartbeats_on_the_injected_clock(
    journal: Journal, migration: int, clock: SimulatedClock
) -> None:
    journal.acquire_lease(migration)
    keeper = asyncio.create_task(journal.keep_lease(migration))
    for _ in range(10):  # ten minutes, each heartbeat within the two-minute window
        while clock.sleepers == 0:
            await asyncio.sleep(0)
        clock.advance(60)
    keeper.cancel()
    with pytest.raises(asyncio.CancelledError):
        await keeper
    with Journal.open(journal.path, clock) as second, pytest.raises(JournalBusyError):
        second.acquire_lease(migration)
    held = journal.lease_holder(migration)
    assert held is not None
    assert held.heartbeat_at >= clock.now() - timedelta(seconds=60)
