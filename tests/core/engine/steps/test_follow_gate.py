"""The daily follow allowance: counted per UTC day, corrected by the follow family's headers
(which never reach the shared request budgets), and a 429 turned into a wait until the reset."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

from fedimove.core.clock import SimulatedClock, utc
from fedimove.core.engine.scheduler import RequestScheduler, Slot
from fedimove.core.engine.steps.follow_gate import DailyLimitReached, FollowGate, FollowScheduler
from fedimove.core.servers.rest_session import RestReply


def test_gate_counts_per_utc_day_and_resets_at_midnight() -> None:
    clock = SimulatedClock(utc(2026, 3, 2, 22, 0))
    gate = FollowGate(2, clock)
    gate.taken()
    gate.taken()
    assert gate.next_free() == utc(2026, 3, 3)
    clock.advance(2 * 3600)
    assert gate.next_free() is None
    assert gate.remaining == 2


def test_gate_state_survives_a_restart_only_until_its_reset() -> None:
    clock = SimulatedClock(utc(2026, 3, 2, 9, 0))
    gate = FollowGate(400, clock)
    gate.observe(0, utc(2026, 3, 3))
    fresh = FollowGate(400, clock)
    fresh.load(gate.dump())
    assert fresh.next_free() == utc(2026, 3, 3)
    clock.advance(timedelta(days=1).total_seconds())
    later = FollowGate(400, clock)
    later.load(gate.dump())
    assert later.next_free() is None


def _reply(status: int, remaining: int) -> RestReply:
    headers = httpx.Headers(
        {
            "X-RateLimit-Limit": "400",
            "X-RateLimit-Remaining": str(remaining),
            "X-RateLimit-Reset": "2026-03-03T00:00:00.000000Z",
            "Content-Type": "application/json",
        }
    )
    return RestReply(status, headers, {})


async def test_family_headers_go_to_the_gate_not_to_the_shared_budgets() -> None:
    clock = SimulatedClock(utc(2026, 3, 2, 9, 0), autojump=True)
    inner = RequestScheduler("new.example", (), clock=clock)
    gate = FollowGate(400, clock)
    scheduler = FollowScheduler(inner, gate)

    async def send() -> RestReply:
        return _reply(200, 17)

    reply = await scheduler.run(send, Slot("t", "u", family="follows"))
    assert gate.remaining == 17
    assert "x-ratelimit-remaining" not in reply.headers
    assert inner.announced_remaining(Slot("t", "u")) is None  # the API window knows nothing

    async def refused() -> RestReply:
        return _reply(429, 0)

    with pytest.raises(DailyLimitReached) as raised:
        await scheduler.run(refused, Slot("t", "u", family="follows"))
    assert raised.value.until == utc(2026, 3, 3)
    assert gate.next_free() == utc(2026, 3, 3)
    assert inner.stats.rate_limited == 0  # no retry loop inside the shared scheduler
