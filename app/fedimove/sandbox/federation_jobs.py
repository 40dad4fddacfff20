"""Background work of a practice network (Move distribution, follower migrations, imports),
on the injected clock, so tests can wait for it and move time on without fixed sleeps."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

from fedimove.core.clock import Clock, SimulatedClock

#: Turns in a row without work before the jobs count as settled.
QUIET_TURNS = 3


class Jobs:
    """Background work of the whole network (Move distribution, migrations, imports).

    Jobs wait only on the injected clock (`pause`), so a test can tell when everything left is
    waiting for time to pass (`settle`) and then move the clock on (`advance`)."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._tasks: set[asyncio.Task[None]] = set()
        self._pausing = 0
        self.failures: list[BaseException] = []

    def spawn(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            self.failures.append(task.exception())  # type: ignore[arg-type]

    async def pause(self, seconds: float) -> None:
        if seconds <= 0:
            await asyncio.sleep(0)  # a turn for others; still working
            return
        self._pausing += 1
        try:
            await self._clock.sleep(seconds)
        finally:
            self._pausing -= 1

    @property
    def running(self) -> int:
        return len(self._tasks)

    @property
    def busy(self) -> bool:
        """Some job is doing work (not merely waiting for the clock)."""
        return len(self._tasks) > self._pausing

    async def settle(self, max_rounds: int = 100_000) -> None:
        """Let the jobs run until each one is done or waiting on the clock."""
        rounds = quiet = 0
        # Quiet for a few turns in a row: a job the clock just woke is still counted as
        # pausing until it gets its first turn.
        while quiet < QUIET_TURNS:
            rounds += 1
            if rounds > max_rounds:
                raise TimeoutError("practice federation jobs did not settle")
            # Loopback serving needs real I/O turns; in-process work needs only loop turns.
            await asyncio.sleep(0 if rounds < 1000 else 0.001)
            quiet = 0 if self.busy else quiet + 1
        self.raise_failures()

    def raise_failures(self) -> None:
        if self.failures:
            failure, self.failures = self.failures[0], []
            raise RuntimeError("a practice federation job failed") from failure

    async def advance(self, seconds: float, step: float = 1.0) -> None:
        """Move a SimulatedClock forward in steps, letting the jobs work between steps."""
        clock = self._clock
        if not isinstance(clock, SimulatedClock):
            raise TypeError("advance() needs a SimulatedClock")
        remaining = seconds
        await self.settle()
        while remaining > 0:
            moved = min(step, remaining)
            clock.advance(moved)
            remaining -= moved
            await self.settle()

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
