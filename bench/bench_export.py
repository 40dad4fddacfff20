"""Export benchmark: read the whole old account of a practice scenario and count.

Measures, on the in-process practice Fediverse (simulated clock, so limit waits cost no real
time): requests used / minimum possible (DESIGN §9: Σ ceil(items / largest page size) per
collection + Σ ceil(ids / batch) for relationships + fixed calls), 429 answers (target 0), the
peak memory the read allocates (tracemalloc), simulated (limit-bound) and wall-clock time.

    .venv/bin/python bench/bench_export.py [--scenario large] [--write docs/benchmarks-export.md]
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import platform
import resource
import sys
import time
import tracemalloc
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "app"), str(ROOT)]

from tests.core.engine.conftest import Practice  # noqa: E402

from fedimove.core.clock import SimulatedClock, utc  # noqa: E402
from fedimove.core.engine.snapshot import AccountSnapshot, read_snapshot  # noqa: E402
from fedimove.core.http import make_client  # noqa: E402
from fedimove.core.progress import CancelToken, ProgressRecorder  # noqa: E402
from fedimove.core.servers.rest_reads import RELATIONSHIP_BATCH  # noqa: E402
from fedimove.sandbox.network import PracticeNetwork  # noqa: E402

PAGE = {
    "following": 80,
    "followers": 80,
    "bookmarks": 40,
    "favourites": 40,
    "blocks": 80,
    "mutes": 80,
    "domain_blocks": 200,
    "followed_tags": 200,
    "endorsements": 80,
}


@dataclass
class Result:
    scenario: str
    items: dict[str, int]
    used: int
    minimum: int
    rate_limited: int
    retries: int
    waits: int
    simulated_s: float
    wall_s: float
    cpu_s: float
    load: float
    eta_error_min: list[tuple[str, float]]
    peak_alloc_mb: float
    max_rss_mb: float


def _eta_errors(recorder: ProgressRecorder, end: datetime) -> list[tuple[str, float]]:
    """How far the ETA shown when each category finished was from the real end (minutes)."""
    errors = []
    for event in recorder.events:
        if event.status == "read" and event.eta is not None:
            errors.append((event.category, (event.eta - end).total_seconds() / 60))
    return errors


def minimum_requests(snap: AccountSnapshot) -> int:
    paged = sum(max(1, math.ceil(len(getattr(snap, name)) / size)) for name, size in PAGE.items())
    ids = {
        ref.local_id
        for ref in [
            *(f.account for f in snap.following),
            *snap.blocks,
            *(m.account for m in snap.mutes),
        ]
    }
    fixed = 1 + 1 + len(snap.lists) + 1 + 1  # credentials, lists (+ members each), filters, tags
    return paged + math.ceil(len(ids) / RELATIONSHIP_BATCH) + fixed


async def run(scenario: str, *, trace: bool = True) -> Result:
    clock = SimulatedClock(utc(2026, 3, 2, 9, 0), autojump=True)
    network = PracticeNetwork.from_scenario(scenario, clock=clock, seed=1)
    async with make_client(transport=network.transport) as http:
        practice = Practice(network, clock, http)
        client = await practice.client("anna@old.practice")
        stats = client.scheduler.stats
        before, sim_start = stats.requests, clock.monotonic()
        recorder = ProgressRecorder()
        if trace:
            tracemalloc.start()
        wall, cpu = time.perf_counter(), time.process_time()
        snap = await read_snapshot(client, progress=recorder, cancel=CancelToken())
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        end = clock.now()
        peak = tracemalloc.get_traced_memory()[1] if trace else 0
        tracemalloc.stop()
    items = {
        name: len(getattr(snap, name)) for name in [*PAGE, "lists", "filters", "featured_tags"]
    }
    return Result(
        scenario=scenario,
        items=items,
        used=stats.requests - before,
        minimum=minimum_requests(snap),
        rate_limited=stats.rate_limited,
        retries=stats.retries,
        waits=sum(1 for e in recorder.events if e.status == "waiting_rate_limit"),
        simulated_s=clock.monotonic() - sim_start,
        eta_error_min=_eta_errors(recorder, end),
        wall_s=wall,
        cpu_s=cpu,
        load=os.getloadavg()[0],
        peak_alloc_mb=peak / 2**20,
        max_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    )


def report(result: Result) -> str:
    ratio = result.used / result.minimum
    items = ", ".join(f"{k} {v}" for k, v in result.items.items())
    return "\n".join(
        [
            "# Export benchmark (`bench/bench_export.py`)",
            "",
            f"Machine: {platform.machine()}, {platform.processor() or platform.system()}, "
            f"Python {platform.python_version()}; date {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.",
            f"Scenario: practice `{result.scenario}` (old account: {items}).",
            "",
            "| Measure | Value | Target |",
            "|---|---|---|",
            f"| Requests used / minimum possible | {result.used} / {result.minimum} = "
            f"{ratio:.3f} | ≤ 1.05 |",
            f"| 429 answers | {result.rate_limited} | 0 |",
            f"| Retries | {result.retries} | — |",
            f"| Waits for a rate limit (announced ahead, not after a 429) | {result.waits} | — |",
            f"| Simulated time (limit-bound) | {result.simulated_s / 60:.1f} min | — |",
            f"| Wall-clock time (in-process servers; load average {result.load:.1f} on "
            f"{os.cpu_count()} CPUs) | {result.wall_s:.1f} s | — |",
            f"| CPU time of the read (client and in-process servers together) | "
            f"{result.cpu_s:.1f} s | — |",
            "| ETA error when a category finished (minutes; negative = too early) | "
            + ", ".join(f"{c} {e:+.0f}" for c, e in result.eta_error_min)
            + " | — |",
            f"| Peak memory allocated during the read (tracemalloc, servers included) | "
            f"{result.peak_alloc_mb:.0f} MB | < 300 MB |",
            f"| Max RSS of the whole process (servers and scenario included) | "
            f"{result.max_rss_mb:.0f} MB | — |",
            "",
            "The minimum counts one request per page at the largest page size "
            "(a collection whose size is an exact multiple of the page needs one more, empty "
            "answer: Mastodon only omits `next` on a short page), one `relationships` call per "
            f"{RELATIONSHIP_BATCH} ids (follows, blocks and mutes together), and the fixed calls. "
            "Paged requests are bound by Mastodon's 300 per 15 minutes; the simulated time is "
            "that wait, which a real export also pays.",
            "",
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenario", default="large")
    parser.add_argument("--write", type=Path)
    parser.add_argument("--no-trace", action="store_true", help="skip tracemalloc (faster)")
    args = parser.parse_args()
    result = asyncio.run(run(args.scenario, trace=not args.no_trace))
    text = report(result)
    print(text)
    if args.write:
        args.write.write_text(text, encoding="utf-8")
    ok = result.used <= 1.05 * result.minimum and result.rate_limited == 0
    return 0 if ok and result.peak_alloc_mb < 300 else 1


if __name__ == "__main__":
    sys.exit(main())
