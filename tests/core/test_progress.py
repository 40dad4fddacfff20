from __future__ import annotations

import asyncio

import pytest

from fedimove.core.clock import SimulatedClock
from fedimove.core.errors import CancelledError
from fedimove.core.progress import CancelToken, Phase, ProgressEvent, ProgressRecorder


def test_fraction_is_unknown_without_total() -> None:
    assert ProgressEvent(Phase.COPY, "following", done=5).fraction is None
    assert ProgressEvent(Phase.COPY, "following", done=5, total=20).fraction == 0.25


def test_recorder_keeps_the_last_event_per_category() -> None:
    recorder = ProgressRecorder()
    recorder(ProgressEvent(Phase.COPY, "following", done=1))
    recorder(ProgressEvent(Phase.COPY, "lists", done=1))
    recorder(ProgressEvent(Phase.COPY, "following", done=2))
    last = recorder.last("following")
    assert last is not None
    assert last.done == 2


async def test_cancel_interrupts_a_long_sleep() -> None:
    clock = SimulatedClock()
    token = CancelToken()
    calls: list[str] = []
    token.on_cancel(lambda: calls.append("called"))
    sleeper = asyncio.create_task(token.sleep(clock, 3600))
    while clock.sleepers == 0:
        await asyncio.sleep(0)
    token.cancel("user")
    with pytest.raises(CancelledError) as raised:
        await sleeper
    assert raised.value.params == {"reason": "user"}
    assert calls == ["called"]
    assert clock.sleepers == 0


def test_raise_if_cancelled() -> None:
    token = CancelToken()
    token.raise_if_cancelled()
    token.cancel()
    with pytest.raises(CancelledError):
        token.raise_if_cancelled()
