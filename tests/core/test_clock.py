from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from fedimove.core.clock import ScaledClock, SimulatedClock, next_utc_midnight, utc


def test_simulated_clock_advances_only_when_told() -> None:
    clock = SimulatedClock(utc(2026, 3, 1, 12))
    assert clock.now() == utc(2026, 3, 1, 12)
    clock.advance(90)
    assert clock.now() == utc(2026, 3, 1, 12, 1) + timedelta(seconds=30)
    assert clock.monotonic() == 90
    with pytest.raises(ValueError, match="backwards"):
        clock.advance(-1)


async def test_sleepers_wake_when_time_reaches_them() -> None:
    clock = SimulatedClock(utc(2026, 3, 1))
    woke: list[str] = []

    async def sleeper(name: str, seconds: float) -> None:
        await clock.sleep(seconds)
        woke.append(name)

    tasks = [asyncio.create_task(sleeper("short", 10)), asyncio.create_task(sleeper("long", 100))]
    while clock.sleepers < 2:
        await asyncio.sleep(0)
    clock.advance(50)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    assert woke == ["short"]
    clock.advance(50)
    await asyncio.gather(*tasks)
    assert woke == ["short", "long"]


async def test_autojump_clock_skips_a_whole_day_instantly() -> None:
    clock = SimulatedClock(utc(2026, 3, 1, 23, 59), autojump=True)
    await clock.sleep(24 * 3600)
    assert clock.now() == utc(2026, 3, 2, 23, 59)


def test_next_utc_midnight() -> None:
    assert next_utc_midnight(utc(2026, 3, 1, 23, 59)) == utc(2026, 3, 2)
    assert next_utc_midnight(utc(2026, 3, 2)) == utc(2026, 3, 3)


async def test_scaled_clock_runs_fast() -> None:
    clock = ScaledClock(speed=3600.0, start=utc(2026, 1, 1))
    await clock.sleep(60)  # a virtual minute: a sixtieth of a real second
    assert clock.monotonic() >= 60
    clock.advance(86400)
    assert clock.now() >= utc(2026, 1, 2)
