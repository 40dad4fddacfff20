"""Injected time.

Everything that waits or reads the time takes a `Clock`, so daily limits, cooldowns and ETAs can
be tested in seconds. Three clocks:

- `SystemClock`: the real one.
- `SimulatedClock`: virtual time that moves only when told to (`advance`) or, with
  `autojump=True`, jumps straight to the end of any `sleep` so that "wait until 00:00 UTC"
  costs nothing in a test.
- `ScaledClock`: real time sped up by a factor, for the practice Fediverse ("a day in seconds").

All clocks return timezone-aware UTC datetimes.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol, runtime_checkable


@runtime_checkable
class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware UTC."""
        ...

    def monotonic(self) -> float:
        """Seconds on a clock that never goes backwards (for durations)."""
        ...

    async def sleep(self, seconds: float) -> None:
        """Wait `seconds` of this clock's time."""
        ...


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A convenience for tests and scenarios."""
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def next_utc_midnight(moment: datetime) -> datetime:
    """The next 00:00 UTC strictly after `moment` (Mastodon's daily buckets reset then)."""
    day = moment.astimezone(UTC).date() + timedelta(days=1)
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        # Long waits wake at least every 60 s and re-read the wall clock: a sleeping laptop
        # stops monotonic timers, so a single long sleep could overshoot by hours.
        deadline = self.now() + timedelta(seconds=max(0.0, seconds))
        while True:
            remaining = (deadline - self.now()).total_seconds()
            if remaining <= 0:
                return
            await asyncio.sleep(min(remaining, 60.0))


@dataclass
class _Sleeper:
    wake_at: float
    event: asyncio.Event = field(default_factory=asyncio.Event)


class SimulatedClock:
    """Virtual time for tests.

    `advance(seconds)` moves time forward and wakes the sleepers that are due. With
    `autojump=True`, `sleep()` moves time to its own deadline at once (after letting other tasks
    run), which suits single-flow tests such as "copy 2,000 follows at 400 per day".
    """

    def __init__(self, start: datetime | None = None, *, autojump: bool = False) -> None:
        self._start = (start or utc(2026, 1, 1)).astimezone(UTC)
        self._elapsed = 0.0
        self.autojump = autojump
        self._sleepers: list[_Sleeper] = []

    def now(self) -> datetime:
        return self._start + timedelta(seconds=self._elapsed)

    def monotonic(self) -> float:
        return self._elapsed

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("time does not go backwards")
        self._elapsed += seconds
        self._wake_due()

    def set(self, moment: datetime) -> None:
        self.advance((moment - self.now()).total_seconds())

    async def sleep(self, seconds: float) -> None:
        wake_at = self._elapsed + max(0.0, seconds)
        if self.autojump:
            await asyncio.sleep(0)
            if wake_at > self._elapsed:
                self.advance(wake_at - self._elapsed)
            return
        if wake_at <= self._elapsed:
            await asyncio.sleep(0)
            return
        sleeper = _Sleeper(wake_at)
        self._sleepers.append(sleeper)
        try:
            await sleeper.event.wait()
        finally:
            if sleeper in self._sleepers:
                self._sleepers.remove(sleeper)

    @property
    def sleepers(self) -> int:
        """How many tasks wait on this clock (tests wait for this before advancing)."""
        return len(self._sleepers)

    def _wake_due(self) -> None:
        for sleeper in list(self._sleepers):
            if sleeper.wake_at <= self._elapsed:
                sleeper.event.set()
                self._sleepers.remove(sleeper)


class ScaledClock:
    """Real time multiplied by `speed` from `start` (speed 1440 turns a day into a minute)."""

    def __init__(self, speed: float = 1.0, start: datetime | None = None) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self.speed = speed
        self._start = (start or datetime.now(UTC)).astimezone(UTC)
        self._real_start = time.monotonic()
        self._offset = 0.0

    def now(self) -> datetime:
        return self._start + timedelta(seconds=self.monotonic())

    def monotonic(self) -> float:
        return (time.monotonic() - self._real_start) * self.speed + self._offset

    def advance(self, seconds: float) -> None:
        """Jump forward (the practice servers' "skip a day" button)."""
        if seconds < 0:
            raise ValueError("time does not go backwards")
        self._offset += seconds

    async def sleep(self, seconds: float) -> None:
        target = self.monotonic() + max(0.0, seconds)
        while (remaining := target - self.monotonic()) > 0:
            await asyncio.sleep(min(remaining / self.speed, 1.0))
