"""The request scheduler on a SimulatedClock: budgets kept, waits as the server asks, retries
bounded, cancellation during a wait. The "server" here is a tiny fixed-window counter written
for these tests; the practice Fediverse checks the same behaviour end to end in test_snapshot.
"""

from __future__ import annotations

import asyncio
import itertools
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fedimove.core.clock import SimulatedClock, utc
from fedimove.core.engine.scheduler import (
    RequestScheduler,
    RetryPolicy,
    SchedulerPool,
    Slot,
    WaitNotice,
)
from fedimove.core.engine.scheduler_windows import parse_rate_headers, parse_retry_after
from fedimove.core.errors import CancelledError, NetworkTimeoutError, ServerUnreachableError
from fedimove.core.progress import CancelToken
from fedimove.core.servers.base import RateBudget

TOKEN_BUDGET = RateBudget("per_token_api", 300, timedelta(minutes=5), "token")
PAGING_BUDGET = RateBudget("authenticated_paging", 300, timedelta(minutes=15), "user")


@dataclass
class Reply:
    status_code: int
    headers: dict[str, str] = field(default_factory=dict)


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class WindowServer:
    """A fixed, period-aligned window like rack-attack's, counting every request it sees."""

    def __init__(self, clock: SimulatedClock, limit: int, period: int, *, headers: bool) -> None:
        self.clock, self.limit, self.period, self.headers = clock, limit, period, headers
        self.counts: dict[int, int] = {}
        self.refused = 0
        self.served = 0

    async def __call__(self) -> Reply:
        now = self.clock.now().timestamp()
        index = int(now // self.period)
        self.counts[index] = self.counts.get(index, 0) + 1
        reset = datetime.fromtimestamp((index + 1) * self.period, tz=UTC)
        remaining = self.limit - self.counts[index]
        headers = {}
        if self.headers:
            headers = {
                "X-RateLimit-Limit": str(self.limit),
                "X-RateLimit-Remaining": str(max(0, remaining)),
                "X-RateLimit-Reset": iso(reset),
            }
        if remaining < 0:
            self.refused += 1
            return Reply(429, headers)
        self.served += 1
        return Reply(200, headers)


def scheduler(clock: SimulatedClock, *budgets: RateBudget, **kwargs: object) -> RequestScheduler:
    return RequestScheduler(
        "old.practice", budgets or (TOKEN_BUDGET,), clock=clock, rng=random.Random(7), **kwargs
    )


@pytest.mark.parametrize("headers", [True, False])
async def test_declared_budget_is_kept_without_a_single_429(headers: bool) -> None:
    clock = SimulatedClock(utc(2026, 1, 1, 0, 2), autojump=True)
    server = WindowServer(clock, limit=300, period=300, headers=headers)
    sched = scheduler(clock)
    waits: list[WaitNotice] = []
    sched.subscribe(waits.append)
    for _ in range(1000):
        await sched.run(server, Slot(token="t"))
    assert server.refused == 0
    assert server.served == 1000
    assert max(server.counts.values()) <= 300
    assert waits
    assert all(w.reason == "rate_limit" for w in waits)
    # 1000 requests at 300 per 5 minutes need at least three full windows of waiting.
    assert clock.monotonic() >= 3 * 300 - 120


async def test_headers_override_a_too_generous_declared_budget() -> None:
    clock = SimulatedClock(utc(2026, 1, 1), autojump=True)
    server = WindowServer(clock, limit=50, period=300, headers=True)
    sched = scheduler(clock)  # declares 300, the server says 50
    for _ in range(200):
        await sched.run(server, Slot(token="t"))
    assert server.refused == 0
    assert max(server.counts.values()) <= 50


async def test_paged_requests_also_count_against_the_paging_budget() -> None:
    clock = SimulatedClock(utc(2026, 1, 1), autojump=True)
    sched = scheduler(clock, TOKEN_BUDGET, PAGING_BUDGET)
    paging = WindowServer(clock, limit=300, period=900, headers=False)
    for _ in range(400):
        await sched.run(paging, Slot(token="t", user="1", paged=True))
    assert paging.refused == 0
    assert max(paging.counts.values()) <= 300
    assert clock.monotonic() >= 800  # a second 15-minute window was needed


async def test_unpaged_requests_do_not_wait_for_the_paging_budget() -> None:
    clock = SimulatedClock(utc(2026, 1, 1), autojump=True)
    sched = scheduler(clock, TOKEN_BUDGET, PAGING_BUDGET)
    server = WindowServer(clock, limit=10_000, period=900, headers=False)
    for _ in range(250):
        await sched.run(server, Slot(token="t", user="1", paged=True))
    started = clock.monotonic()
    for _ in range(40):
        await sched.run(server, Slot(token="t", user="1", paged=False))
    assert clock.monotonic() == started


async def test_a_429_waits_until_the_announced_reset_then_succeeds() -> None:
    clock = SimulatedClock(utc(2026, 1, 1, 0, 0), autojump=True)
    reset = utc(2026, 1, 1, 0, 5)
    answers = [
        Reply(
            429,
            {
                "X-RateLimit-Limit": "300",
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset": iso(reset),
            },
        ),
        Reply(200),
    ]
    seen: list[datetime] = []

    async def send() -> Reply:
        seen.append(clock.now())
        return answers.pop(0)

    sched = scheduler(clock)
    reply = await sched.run(send, Slot(token="t"))
    assert reply.status_code == 200
    assert seen[1] >= reset
    assert seen[1] <= reset + timedelta(seconds=2)
    assert sched.stats.rate_limited == 1


async def test_503_with_retry_after_backs_off_that_long() -> None:
    clock = SimulatedClock(utc(2026, 1, 1), autojump=True)
    answers = [Reply(503, {"Retry-After": "30"}), Reply(200)]
    seen: list[float] = []

    async def send() -> Reply:
        seen.append(clock.monotonic())
        return answers.pop(0)

    reply = await scheduler(clock).run(send, Slot(token="t"))
    assert reply.status_code == 200
    assert 30 <= seen[1] - seen[0] <= 32


async def test_transient_errors_are_retried_with_bounded_jittered_backoff() -> None:
    clock = SimulatedClock(utc(2026, 1, 1), autojump=True)
    times: list[float] = []

    async def send() -> Reply:
        times.append(clock.monotonic())
        raise httpx.ReadTimeout("slow")

    policy = RetryPolicy(attempts=5, base_delay=1.0, max_delay=8.0)
    with pytest.raises(NetworkTimeoutError):
        await scheduler(clock, retry=policy).run(send, Slot(token="t"))
    assert len(times) == 5
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert all(0.5 <= gap <= 8.0 for gap in gaps)
    assert len(set(gaps)) > 1  # jittered, not a fixed rhythm


async def test_5xx_is_retried_then_returned_when_retries_are_spent() -> None:
    clock = SimulatedClock(utc(2026, 1, 1), autojump=True)
    calls = 0

    async def send() -> Reply:
        nonlocal calls
        calls += 1
        return Reply(502)

    reply = await scheduler(clock, retry=RetryPolicy(attempts=3)).run(send, Slot(token="t"))
    assert reply.status_code == 502
    assert calls == 3


async def test_non_idempotent_requests_are_not_resent_after_a_read_timeout() -> None:
    clock = SimulatedClock(utc(2026, 1, 1), autojump=True)
    calls = 0

    async def send() -> Reply:
        nonlocal calls
        calls += 1
        raise httpx.ReadTimeout("maybe done")

    with pytest.raises(NetworkTimeoutError):
        await scheduler(clock).run(send, Slot(token="t", idempotent=False))
    assert calls == 1


async def test_connect_failures_are_retried_even_for_non_idempotent_requests() -> None:
    clock = SimulatedClock(utc(2026, 1, 1), autojump=True)
    calls = 0

    async def send() -> Reply:
        nonlocal calls
        calls += 1
        raise httpx.ConnectError("down")

    with pytest.raises(ServerUnreachableError):
        await scheduler(clock, retry=RetryPolicy(attempts=4)).run(
            send, Slot(token="t", idempotent=False)
        )
    assert calls == 4


async def test_cancel_during_a_limit_wait_stops_at_once() -> None:
    clock = SimulatedClock(utc(2026, 1, 1))  # no autojump: the wait really blocks
    server = WindowServer(clock, limit=2, period=300, headers=True)
    sched = scheduler(clock)
    cancel = CancelToken()
    await sched.run(server, Slot(token="t"), cancel=cancel)
    await sched.run(server, Slot(token="t"), cancel=cancel)
    task = asyncio.ensure_future(sched.run(server, Slot(token="t"), cancel=cancel))
    while clock.sleepers == 0:
        await asyncio.sleep(0)
    cancel.cancel()
    with pytest.raises(CancelledError):
        await task
    assert server.served == 2


async def test_eta_accounts_for_the_windows_still_needed() -> None:
    clock = SimulatedClock(utc(2026, 1, 1), autojump=True)
    server = WindowServer(clock, limit=300, period=300, headers=True)
    sched = scheduler(clock)
    for _ in range(100):
        await sched.run(server, Slot(token="t"))
    assert sched.eta(150, slot=Slot(token="t")) == clock.now()
    later = sched.eta(700, slot=Slot(token="t"))
    # 200 left in this window, then 300 per window: two more resets.
    assert later >= utc(2026, 1, 1, 0, 10)
    assert later < utc(2026, 1, 1, 0, 16)


async def test_hostile_rate_headers_never_stall_for_days() -> None:
    clock = SimulatedClock(utc(2026, 1, 1), autojump=True)
    answers = [
        Reply(
            429,
            {
                "X-RateLimit-Limit": "1",
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset": "9999-01-01T00:00:00Z",
            },
        ),
        Reply(200),
    ]

    async def send() -> Reply:
        return answers.pop(0)

    await scheduler(clock).run(send, Slot(token="t"))
    assert clock.monotonic() <= 25 * 3600 + 5


_header_text = st.one_of(
    st.text(max_size=40),
    st.integers(-(10**12), 10**13).map(str),
    st.datetimes(timezones=st.just(UTC)).map(iso),
    st.sampled_from(
        [
            "",
            " ",
            "NaN",
            "-0",
            "Wed, 21 Oct 2015 07:28:00 GMT",
            "9" * 80,
            "0001-01-01T00:00:00+14:00",
            "9999-12-31T23:59:59-14:00",
            "Mon, 01 Jan 0001 00:00:00 -1400",
        ]
    ),
)


@settings(max_examples=300, deadline=None)
@given(_header_text, _header_text, _header_text, _header_text)
def test_hostile_rate_headers_never_crash(
    limit: str, remaining: str, reset: str, after: str
) -> None:
    now = utc(2026, 1, 1)
    headers = {
        "X-RateLimit-Limit": limit,
        "X-RateLimit-Remaining": remaining,
        "X-RateLimit-Reset": reset,
        "Retry-After": after,
    }
    parsed = parse_rate_headers(headers, now)
    if parsed is not None:
        assert parsed.limit > 0
        assert 0 <= parsed.remaining <= parsed.limit
        assert now <= parsed.reset <= now + timedelta(hours=25)
    moment = parse_retry_after(headers, now)
    assert moment is None or now <= moment <= now + timedelta(hours=25)


def test_pool_shares_one_scheduler_per_host() -> None:
    pool = SchedulerPool(SimulatedClock())
    first = pool.for_host("Old.Practice", [TOKEN_BUDGET])
    assert pool.for_host("old.practice", [TOKEN_BUDGET]) is first
    assert pool.for_host("new.practice", [TOKEN_BUDGET]) is not first


async def test_follow_family_headers_do_not_stand_in_for_the_api_window() -> None:
    """Mastodon answers follows with the 400-per-day family's headers (§5.2): they must limit
    follows only, never hold every other request until midnight."""
    clock = SimulatedClock(utc(2026, 1, 1, 9, 0), autojump=True)
    api = WindowServer(clock, limit=300, period=300, headers=True)
    follows_left = 25  # late in the UTC day: fewer follows left than API requests
    midnight = iso(utc(2026, 1, 2))

    async def follow() -> Reply:
        nonlocal follows_left
        await api()  # a follow also counts against the API window
        follows_left -= 1
        return Reply(
            200,
            {
                "X-RateLimit-Limit": "400",
                "X-RateLimit-Remaining": str(follows_left),
                "X-RateLimit-Reset": midnight,
            },
        )

    sched = scheduler(clock)
    for index in range(500):
        if index % 25 == 0:
            await sched.run(follow, Slot(token="t", user="1", family="follows"))
        else:
            await sched.run(api, Slot(token="t", user="1"))
    assert api.refused == 0
    assert clock.monotonic() < 30 * 60  # API windows only, not until 00:00 UTC


async def test_follow_family_limit_waits_for_its_reset() -> None:
    clock = SimulatedClock(utc(2026, 1, 1, 23, 0), autojump=True)
    midnight = utc(2026, 1, 2)
    left = 2

    async def follow() -> Reply:
        nonlocal left
        left -= 1
        return Reply(
            200,
            {
                "X-RateLimit-Limit": "400",
                "X-RateLimit-Remaining": str(max(0, left)),
                "X-RateLimit-Reset": iso(midnight),
            },
        )

    sched = scheduler(clock)
    for _ in range(3):
        await sched.run(follow, Slot(token="t", user="1", family="follows"))
    assert clock.now() >= midnight  # the third follow waited for the daily reset
    assert left == -1


@pytest.mark.parametrize("headers", [True, False])
async def test_concurrent_senders_share_the_budget_without_429(headers: bool) -> None:
    clock = SimulatedClock(utc(2026, 1, 1, 0, 1), autojump=True)
    server = WindowServer(clock, limit=60, period=300, headers=headers)

    async def slow_server() -> Reply:
        await asyncio.sleep(0)  # let other senders interleave while this one is in flight
        await asyncio.sleep(0)
        return await server()

    sched = scheduler(clock, RateBudget("per_token_api", 60, timedelta(minutes=5), "token"))

    async def sender() -> None:
        for _ in range(15):
            await sched.run(slow_server, Slot(token="t"))

    await asyncio.gather(*(sender() for _ in range(12)))
    assert server.served == 180
    assert server.refused == 0
    assert max(server.counts.values()) <= 60
