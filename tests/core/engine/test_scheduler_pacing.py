"""Action families paced by a window the server declares (Akkoma's `relations_actions`: 10
follows per 10 s, a 429 without headers when exceeded; fediverse-apis §5.4), on a simulated
clock. The "server" is a tiny bucket that starts with the first request and lasts one window,
as Akkoma's Cachex buckets do; the practice Akkoma checks the same end to end
(tests/sandbox/test_akkoma_copy.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from fedimove.core.clock import SimulatedClock, utc
from fedimove.core.engine.scheduler import RequestScheduler, Slot

START = utc(2026, 3, 2, 9, 0) + timedelta(
    seconds=3
)  # not on a 10 s boundary: buckets start with a request
WINDOW = timedelta(seconds=10)
FOLLOW = Slot("t", "u", family="follows")


@dataclass
class Reply:
    status_code: int
    headers: dict[str, str] = field(default_factory=dict)


class StartedBucket:
    """`limit` requests per bucket; a bucket starts with the first request after the last one
    expired and lasts `window`; refusals count too, and carry no headers."""

    def __init__(self, clock: SimulatedClock, limit: int = 10) -> None:
        self.clock, self.limit = clock, limit
        self.started: datetime | None = None
        self.count = 0
        self.answers: list[tuple[datetime, int]] = []

    async def __call__(self) -> Reply:
        now = self.clock.now()
        if self.started is None or now >= self.started + WINDOW:
            self.started, self.count = now, 0
        self.count += 1
        status = 429 if self.count > self.limit else 200
        self.answers.append((now, status))
        return Reply(status)

    @property
    def refused(self) -> int:
        return sum(status == 429 for _, status in self.answers)


def _scheduler(clock: SimulatedClock) -> RequestScheduler:
    return RequestScheduler("ak.example", (), clock=clock)


async def test_a_paced_family_never_meets_the_bucket() -> None:
    clock = SimulatedClock(START, autojump=True)
    server, scheduler = StartedBucket(clock), _scheduler(clock)
    scheduler.paced.pace("follows", 10, WINDOW, clock.now())
    for _ in range(50):
        assert (await scheduler.run(server, FOLLOW)).status_code == 200
    assert server.refused == 0
    span = server.answers[-1][0] - server.answers[0][0]
    # 4 windows after the first; the scheduler wakes one second late each time.
    assert 4 * WINDOW <= span <= 4 * (WINDOW + timedelta(seconds=1))


async def test_other_requests_are_not_held_by_the_family() -> None:
    clock = SimulatedClock(START, autojump=True)
    server, scheduler = StartedBucket(clock, limit=1000), _scheduler(clock)
    scheduler.paced.pace("follows", 10, WINDOW, clock.now())
    for _ in range(10):
        await scheduler.run(server, FOLLOW)
    for _ in range(30):
        await scheduler.run(server, Slot("t", "u"))  # reads: not follows
    assert clock.now() == START


async def test_a_bare_429_on_a_paced_family_waits_one_window() -> None:
    clock = SimulatedClock(START, autojump=True)
    server, scheduler = StartedBucket(clock), _scheduler(clock)
    for _ in range(10):
        await server()  # another app used the bucket up just now
    scheduler.paced.pace("follows", 10, WINDOW, clock.now())
    assert (await scheduler.run(server, FOLLOW)).status_code == 200
    assert server.refused == 1  # ours, once: the bucket was full
    assert clock.now() - START == WINDOW + timedelta(seconds=1)


async def test_a_bare_429_elsewhere_still_waits_the_default_minute() -> None:
    clock = SimulatedClock(START, autojump=True)
    server, scheduler = StartedBucket(clock), _scheduler(clock)
    for _ in range(10):
        await server()
    assert (await scheduler.run(server, FOLLOW)).status_code == 200  # family not paced
    assert clock.now() - START == timedelta(seconds=61)


async def test_recent_sends_of_an_earlier_run_count() -> None:
    clock = SimulatedClock(START, autojump=True)
    server, scheduler = StartedBucket(clock), _scheduler(clock)
    for _ in range(6):
        await server()  # sent by the run before a restart, 4 s ago in the journal's words
    clock.advance(4)
    earlier = [START] * 6 + [START - timedelta(seconds=30)]  # the last is long gone
    scheduler.paced.pace("follows", 10, WINDOW, clock.now(), earlier)
    # 4 more fit in the server's bucket now, the other 6 once it has ended.
    assert scheduler.paced.finish_estimate("follows", clock.now(), 10) == START + WINDOW
    for _ in range(10):
        await scheduler.run(server, FOLLOW)
    assert server.refused == 0
    assert clock.now() == START + WINDOW + timedelta(seconds=1)


async def test_pacing_again_with_the_same_numbers_keeps_the_count() -> None:
    clock = SimulatedClock(START, autojump=True)
    scheduler = _scheduler(clock)
    scheduler.paced.pace("follows", 10, WINDOW, clock.now())
    server = StartedBucket(clock)
    for _ in range(10):
        await scheduler.run(server, FOLLOW)
    assert scheduler.paced.paces("follows", 10, WINDOW)
    scheduler.paced.pace("follows", 10, WINDOW, clock.now())  # a second run in this process
    await scheduler.run(server, FOLLOW)
    assert server.refused == 0
    assert clock.now() - START == WINDOW + timedelta(seconds=1)
