"""Follower-tracking benchmark (issue 7): the cost of polling arrivals, and the memory of
tracking every follower of the practice `large` scenario (25,000 followers on 38 servers).

Followers are made to arrive on the new account in batches of random size (as a Move's gradual
processing would leave them: following the new account, no longer the old one), with a poll
after each batch. Per poll: requests / (ceil(arrivals / 80) + fixed calls), where the fixed calls
are the follow-requests read and the page that meets the first follower already seen
(target ≤ 1.1). Memory: tracemalloc peak over the whole tracking (snapshot, polls, full scan),
in-process servers included, so an upper bound (target < 300 MB).

    .venv/bin/python bench/bench_followers.py [--scenario large] \
        [--write docs/benchmarks-followers.md]
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import platform
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "app"), str(ROOT)]

from tests.core.engine.conftest import Practice  # noqa: E402

from fedimove.core.clock import SimulatedClock, utc  # noqa: E402
from fedimove.core.engine.alias import record_accounts  # noqa: E402
from fedimove.core.engine.followers import FollowerTracker  # noqa: E402
from fedimove.core.engine.preview_servers import ServerProber  # noqa: E402
from fedimove.core.http import make_client  # noqa: E402
from fedimove.core.storage.journal import Journal  # noqa: E402
from fedimove.sandbox.network import PracticeNetwork  # noqa: E402
from fedimove.sandbox.scenario_parts import Builder  # noqa: E402
from fedimove.sandbox.state import Account  # noqa: E402

PAGE = 80
FIXED = 2  # follow requests + the page that meets the first follower already seen


@dataclass
class Result:
    scenario: str
    followers: int
    polls: list[tuple[int, int]] = field(default_factory=list)  # (requests, arrivals)
    snapshot_requests: int = 0
    scan_requests: int = 0
    wall_s: float = 0.0
    peak_mb: float = 0.0
    rss_mb: float = 0.0

    def ratios(self) -> list[float]:
        return [r / (math.ceil(a / PAGE) + FIXED) for r, a in self.polls]


def followers_of(network: PracticeNetwork) -> list[tuple[str, Account]]:
    """(home instance name, the follower's own account) for every follower of anna@old."""
    old = network.instance("old.practice")
    anna = old.state.find("anna", "old.practice")
    assert anna is not None
    found = []
    for row in old.state.follows.targeting(anna.id).oldest_first():
        copy = old.state.accounts[row.owner]
        home = network.instance(copy.home)
        person = home.state.find(copy.username, home.name)
        if person is not None:
            found.append((home.name, person))
    return found


def arrive(network: PracticeNetwork, builder: Builder, batch: list[tuple[str, Account]]) -> None:
    """These followers now follow anna@new and no longer anna@old (what a Move leaves)."""
    old, new = network.instance("old.practice"), network.instance("new.practice")
    anna_old, anna_new = old.state.find("anna", old.name), new.state.find("anna", new.name)
    assert anna_old is not None
    assert anna_new is not None
    for home_name, person in batch:
        home = network.instance(home_name)
        builder.connect((home, person), (new, anna_new))
        for instance in (old, home):
            owner = instance.state.find(person.username, home_name)
            target = instance.state.find("anna", old.name)
            if owner is not None and target is not None:
                instance.state.follows.remove(owner.id, target.id)


async def run(scenario: str, seed: int = 1) -> Result:
    clock = SimulatedClock(utc(2026, 3, 2, 9, 0), autojump=True)
    network = PracticeNetwork.from_scenario(scenario, clock=clock, seed=seed)
    rng = random.Random(seed)
    builder = Builder(network, rng)
    with tempfile.TemporaryDirectory() as home:
        journal = Journal.open(Path(home) / "journal.sqlite", clock)
        async with make_client(transport=network.transport) as http:
            practice = Practice(network, clock, http)
            old = await practice.client("anna@old.practice")
            new = await practice.client("anna@new.practice")
            migration = journal.create_migration(
                old_handle="anna@old.practice",
                old_server=old.origin,
                new_handle="anna@new.practice",
                new_server=new.origin,
                categories=[],
            )
            await record_accounts(journal, migration.id, old, new)
            people = followers_of(network)
            result = Result(scenario, len(people))
            tracemalloc.start()
            wall = time.perf_counter()
            tracker = FollowerTracker(
                journal, migration.id, old, new, prober=ServerProber(http), clock=clock
            )
            counted = lambda: old.scheduler.stats.requests + new.scheduler.stats.requests  # noqa: E731
            before = counted()
            await tracker.take_snapshot()
            result.snapshot_requests = counted() - before
            rng.shuffle(people)
            while people:
                size = min(len(people), rng.choice([0, 1, 7, 79, 80, 81, 160, 333, 1000]))
                batch, people = people[:size], people[size:]
                arrive(network, builder, batch)
                polled = await tracker.poll()
                assert polled.arrivals == size, (polled.arrivals, size)
                result.polls.append((polled.requests, polled.arrivals))
            before = counted()
            await tracker.full_scan(final=True)
            result.scan_requests = counted() - before
            result.wall_s = time.perf_counter() - wall
            result.peak_mb = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
        journal.close()
    result.rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def report(result: Result) -> str:
    ratios = result.ratios()
    arrivals = sum(a for _, a in result.polls)
    requests = sum(r for r, _ in result.polls)
    return "\n".join(
        [
            "# Follower-tracking benchmark (`bench/bench_followers.py`)",
            "",
            f"Machine: {platform.machine()}, {platform.processor() or platform.system()}, "
            f"{os.cpu_count()} CPUs, Python {platform.python_version()}; "
            f"date {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.",
            f"Scenario: practice `{result.scenario}`, {result.followers} followers of the old "
            "account, made to arrive on the new account in random batches "
            "(0, 1, 7, 79, 80, 81, 160, 333 or 1,000), one poll after each.",
            "",
            "| Measure | Value | Target |",
            "|---|---|---|",
            f"| Polls | {len(result.polls)} ({arrivals} arrivals, {requests} requests) | — |",
            f"| Max requests per poll / (ceil(arrivals / 80) + {FIXED} fixed) | "
            f"{max(ratios):.3f} | ≤ 1.1 |",
            f"| Mean of that ratio | {sum(ratios) / len(ratios):.3f} | — |",
            f"| Snapshot (old followers + new followers) | {result.snapshot_requests} requests | "
            "— |",
            f"| Final full scan (a poll + the old list) | {result.scan_requests} requests | — |",
            f"| Peak memory of the tracking (tracemalloc, in-process servers included) | "
            f"{result.peak_mb:.0f} MB | < 300 MB |",
            f"| Max RSS of the process (scenario and servers included) | {result.rss_mb:.0f} MB"
            " | — |",
            f"| Wall-clock time of the tracking | {result.wall_s:.1f} s | — |",
            "",
            "Fixed calls per poll: one read of the follow requests (a page of up to 80) and the "
            "page that contains the first follower already seen, which ends the poll.",
            "",
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenario", default="large")
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()
    result = asyncio.run(run(args.scenario))
    text = report(result)
    print(text)
    if args.write:
        args.write.write_text(text, encoding="utf-8")
    return 0 if max(result.ratios()) <= 1.1 and result.peak_mb < 300 else 1


if __name__ == "__main__":
    sys.exit(main())
