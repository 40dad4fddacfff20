"""Copy benchmark: re-create a practice scenario's whole account on the new server and compare
the simulated time with the lower bound the server's limits allow (DESIGN §9: within 10 %),
counting 429 answers (target 0).

The copy starts once the read is done (its own bench is bench_export.py). Lower bound, for the
requests this copy sends to the new server (R of them, per-token budget B per window W) and
its follows (F, at most P per UTC day from the start's day on):

    follow days  = time from the start to the 00:00 UTC that opens the day of the last follow
                   (0 when everything fits into the start's day), plus the time the requests of
                   that last day need under B per W;
    requests     = max(0, R − B) / B × W   (the first window is free);
    lower bound  = max(follow days, requests).

    .venv/bin/python bench/bench_copy.py [--scenario large] [--api-only] [--write FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "app"), str(ROOT)]

from tests.core.engine.steps.practice_copy import (  # noqa: E402
    copy_world,
    upload_import,
)

from fedimove.core.clock import next_utc_midnight  # noqa: E402
from fedimove.core.engine.plan import DEFAULT_COPY  # noqa: E402
from fedimove.core.progress import ProgressEvent  # noqa: E402

PER_TOKEN, WINDOW, PER_DAY = 300, timedelta(minutes=5), 400


def lower_bound(start: datetime, requests: int, follows: int, follows_today: int) -> timedelta:
    by_requests = WINDOW * (max(0, requests - PER_TOKEN) / PER_TOKEN)
    if follows <= follows_today:
        return by_requests
    days = math.ceil((follows - follows_today) / PER_DAY)
    last_day = next_utc_midnight(start) + timedelta(days=days - 1)
    last = follows - follows_today - (days - 1) * PER_DAY
    # the last day's follows each need a resolve and a follow request
    tail = WINDOW * (max(0, 2 * last - PER_TOKEN) / PER_TOKEN)
    return max(by_requests, last_day - start + tail)


async def run(scenario: str, api_only: bool) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="fedimove-bench-") as folder:
        async for world in copy_world(Path(folder), scenario):
            old = await world.client("anna@old.practice")
            new = await world.client("anna@new.practice")
            engine = world.engine()
            asked: list[ProgressEvent] = []
            wall = time.perf_counter()
            plan, counts, _ = await engine.plan(old, new, DEFAULT_COPY, api_only=api_only)
            scheduler = world.schedulers["new.practice"]
            sent_before = scheduler.stats.requests
            start = world.clock.now()
            migration, result = await engine.start(
                old,
                new,
                DEFAULT_COPY,
                api_only=api_only,
                progress=asked.append,
                keep_waiting=api_only,
            )
            if not api_only:  # play the user: upload the CSV when asked, then go on
                files = [str(e.params["files"]) for e in asked if e.status == "csv_upload_needed"]
                await upload_import(world, "anna@new.practice", "\n".join(files).splitlines())
                result = await engine.resume(migration.id, None, new)
            assert result.finished, result
            elapsed = world.clock.now() - start
            requests = scheduler.stats.requests - sent_before
            status = engine.status(migration.id)
            follows_api = sum(
                1 for e in asked if e.category == "following" and e.status == "item_done"
            )
            bound = lower_bound(start, requests, follows_api if api_only else 0, PER_DAY)
            return {
                "scenario": scenario,
                "strategy": plan.get("following").strategy.value if plan.get("following") else "",
                "items": sum(counts.values()),
                "per_step": {s.name: s.counts.done for s in status.steps},
                "skipped": sum(s.counts.skipped for s in status.steps),
                "requests": requests,
                "follows_by_api": follows_api,
                "simulated": elapsed,
                "bound": bound,
                "ratio": elapsed / bound if bound > timedelta(0) else 1.0,
                "rate_limited": scheduler.stats.rate_limited,
                "wall_s": time.perf_counter() - wall,
            }
    raise RuntimeError("no world")


def report(results: list[dict[str, object]]) -> str:
    lines = [
        "# Copy benchmark",
        "",
        f"Machine: {platform.platform()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs. Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.",
        "Command: `.venv/bin/python bench/bench_copy.py --scenario large --both "
        "--write docs/benchmarks-copy.md`.",
        "",
        "| scenario | follows by | items | requests | follows by API | simulated | lower bound "
        "| ratio | 429s | wall |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r['scenario']} | {r['strategy']} | {r['items']} | {r['requests']} "
            f"| {r['follows_by_api']} | {r['simulated']} | {r['bound']} "
            f"| {float(r['ratio']):.3f} | {r['rate_limited']} | {float(r['wall_s']):.0f} s |"  # type: ignore[arg-type]
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenario", default="large")
    parser.add_argument("--api-only", action="store_true")
    parser.add_argument("--both", action="store_true", help="API-only and CSV-assisted")
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()
    modes = [True, False] if args.both else [args.api_only]
    results = [asyncio.run(run(args.scenario, mode)) for mode in modes]
    text = report(results)
    print(text)
    for r in results:
        print(r["per_step"], "skipped:", r["skipped"])
    if args.write:
        args.write.write_text(text)


if __name__ == "__main__":
    main()
