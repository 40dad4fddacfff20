"""The scheduler against the practice servers' own rate limiter (tightened so a small account
crosses several windows): no 429 ever, whether or not the budgets were declared up front."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest

from fedimove.core.engine.scheduler import RequestScheduler, WaitNotice
from fedimove.core.engine.snapshot import read_snapshot
from fedimove.core.errors import ServerUnreachableError
from fedimove.core.progress import CancelToken, ProgressRecorder, discard_progress
from fedimove.core.servers.base import RateBudget
from fedimove.core.servers.mastodon import RATE_BUDGETS
from fedimove.sandbox import limits

from .conftest import Practice


@pytest.fixture
def tight_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "PER_TOKEN", limits.Throttle("throttle_per_token_api", 9, 300))
    monkeypatch.setattr(
        limits, "AUTHENTICATED_PAGING", limits.Throttle("throttle_authenticated_paging", 2, 900)
    )


@pytest.mark.parametrize("declared", [RATE_BUDGETS, ()], ids=["declared", "headers-only"])
async def test_snapshot_under_tight_limits_never_sees_a_429(
    practice: Practice, tight_limits: None, declared: tuple[RateBudget, ...]
) -> None:
    host = practice.network.instance("old.practice").domain
    scheduler = RequestScheduler(host, declared, clock=practice.clock, rng=random.Random(1))
    client = await practice.client("anna@old.practice", scheduler)
    recorder = ProgressRecorder()
    start = practice.clock.now()
    snap = await read_snapshot(client, progress=recorder, cancel=CancelToken())

    truth = practice.network.ground_truth
    assert len(snap.followers) == len(truth.followers)
    assert len(snap.following) == len(truth.following)
    assert scheduler.stats.rate_limited == 0
    waits = [e for e in recorder.events if e.status == "waiting_rate_limit"]
    assert waits, "a tight budget must make the read wait"
    assert all(e.params["host"] == host for e in waits)
    # ~18 requests at 9 per 5 minutes: at least one full window was waited out.
    assert (practice.clock.now() - start).total_seconds() >= 300
    if declared:
        # Once the server has spoken, the ETA knows the windows still needed: never before the
        # wait it announces, never hours late (only one request carries a paging cursor).
        first_wait = datetime.fromisoformat(str(waits[0].params["until"]))
        assert waits[0].eta is not None
        assert waits[0].eta >= first_wait - timedelta(seconds=2)
        assert all(
            e.eta is not None and e.eta <= start + timedelta(minutes=15) for e in recorder.events
        )


async def test_an_overloaded_server_is_waited_out(practice: Practice) -> None:
    """GoToSocial's full throttling queue answers 503 + Retry-After: 30 (§5.3)."""
    old = practice.network.instance("old.practice")
    client = await practice.client("anna@old.practice")
    busy_answers = []

    def recover_after_two(notice: WaitNotice) -> None:
        busy_answers.append(notice)
        if len(busy_answers) == 2:
            old.knobs.overloaded = False

    client.scheduler.subscribe(recover_after_two)
    old.knobs.overloaded = True
    snap = await read_snapshot(client, progress=discard_progress, cancel=CancelToken())
    assert len(snap.followers) == len(practice.network.ground_truth.followers)
    assert [n.reason for n in busy_answers] == ["server_busy", "server_busy"]
    assert client.scheduler.stats.retries == 2


async def test_a_dead_server_ends_in_a_coded_error_after_bounded_retries(
    practice: Practice,
) -> None:
    client = await practice.client("anna@old.practice")
    practice.network.instance("old.practice").knobs.reachable = False
    with pytest.raises(ServerUnreachableError):
        await read_snapshot(client, progress=discard_progress, cancel=CancelToken())
    assert client.scheduler.stats.retries == client.scheduler.retry.attempts - 1
