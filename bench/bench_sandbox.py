"""Benchmark of the practice Fediverse: start-up time of a scenario (built in-process, and
served on loopback as `fedimove sandbox` does), follower pages served per second in-process,
and peak memory. Prints the machine, the load and a Markdown table for
docs/benchmarks-sandbox.md, with each figure's ratio to its target (issue 3).

    .venv/bin/python bench/bench_sandbox.py [--scenario large] [--pages 2000]

Times are given per wall-clock second and per CPU second of this process: on a shared
machine wall time also measures the neighbours, CPU time does not.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import resource
import sys
import time
from datetime import UTC, datetime

import httpx

from bench_sandbox_follows import follows as loopback_follows
from bench_sandbox_follows import summary
from fedimove.core.clock import SimulatedClock, utc
from fedimove.sandbox.federation import layer_of
from fedimove.sandbox.federation_move import start_move
from fedimove.sandbox.limits import RateLimiter, Throttle, Usage
from fedimove.sandbox.network import PracticeNetwork


class _NeverRefuse(RateLimiter):
    """The limiter stays in the request path (its cost is measured) but never says no: public
    pages from one IP would otherwise stop at the paging throttle (300 / 15 min)."""

    def hit_all(self, matched: list[tuple[Throttle, str]]) -> Usage | None:
        usage = super().hit_all(matched)
        return None if usage is not None and usage.exceeded else usage


async def pages_per_second(net: PracticeNetwork, pages: int, limit: int) -> tuple[float, float]:
    """Walk anna@old's followers (public route, no token), round and round."""
    old = net.instance("old.practice")
    anna = old.state.find("anna", old.name)
    assert anna is not None
    first = f"{old.origin}/api/v1/accounts/{anna.id}/followers?limit={limit}"
    served = 0
    async with httpx.AsyncClient(transport=net.transport) as client:
        url = first
        started, cpu_started = time.perf_counter(), time.process_time()
        while served < pages:
            response = await client.get(url)
            assert response.status_code == 200, response.text
            served += 1
            link = response.headers.get("link", "")
            url = link.split(">", 1)[0][1:] if 'rel="next"' in link else first
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    return served / elapsed, served / cpu


async def server_pages_per_second(net: PracticeNetwork, pages: int, limit: int) -> float:
    """The same walk without an HTTP client: requests go straight to the network's transport,
    so only the practice servers' own work is timed (per CPU second)."""
    old = net.instance("old.practice")
    anna = old.state.find("anna", old.name)
    assert anna is not None
    first = f"{old.origin}/api/v1/accounts/{anna.id}/followers?limit={limit}"
    url, served = first, 0
    cpu_started = time.process_time()
    while served < pages:
        response = await net.transport.handle_async_request(httpx.Request("GET", url))
        await response.aread()
        served += 1
        link = response.headers.get("link", "")
        url = link.split(">", 1)[0][1:] if 'rel="next"' in link else first
    return served / (time.process_time() - cpu_started)


STARTUP_TARGET_S, PAGES_TARGET, MEMORY_TARGET_MB = 10.0, 500.0, 300.0


async def served_startup(net: PracticeNetwork) -> tuple[float, float]:
    """Seconds (wall, CPU) until every instance answers on its loopback port."""
    started, cpu_started = time.perf_counter(), time.process_time()
    async with net.serve_http():
        return time.perf_counter() - started, time.process_time() - cpu_started


async def loopback_move() -> tuple[float, float, int]:
    """(wall s, CPU s, followers arrived) of a whole Move of the `small` scenario with the
    instances served on loopback (every delivery over real HTTP), on a simulated clock."""
    net = PracticeNetwork.from_scenario("small", clock=SimulatedClock(utc(2026, 3, 2, 9)))
    layer = layer_of(net)
    old, new = net.instance("old.practice"), net.instance("new.practice")
    anna_old, anna_new = old.state.find("anna", old.name), new.state.find("anna", new.name)
    assert anna_old is not None
    assert anna_new is not None
    async with net.serve_http():
        started, cpu_started = time.perf_counter(), time.process_time()
        anna_new.also_known_as = [old.actor_uri(anna_old)]
        start_move(old, anna_old, new.actor_uri(anna_new))
        while layer.jobs.running:
            await layer.advance(60, step=5)
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    return wall, cpu, new.state.followers_count(anna_new.id)


def machine() -> str:
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC; {platform.platform()}; "
        f"{os.cpu_count()} CPUs; Python {platform.python_version()}; load average {load}"
    )


Row = tuple[str, tuple[float | None, float | None], str, float, bool]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenario", default="large")
    parser.add_argument("--pages", type=int, default=2000)
    args = parser.parse_args()
    print(machine())
    clock = SimulatedClock(utc(2026, 3, 2, 9))
    started, cpu_started = time.perf_counter(), time.process_time()
    net = PracticeNetwork.from_scenario(args.scenario, clock=clock, seed=1)
    build = time.perf_counter() - started, time.process_time() - cpu_started
    serve = asyncio.run(served_startup(net))
    served = build[0] + serve[0], build[1] + serve[1]
    for instance in net.instances:
        instance.limiter = _NeverRefuse(clock)
    # Cold first: the server-only walk renders every follower for the first time.
    cold = asyncio.run(server_pages_per_second(net, min(args.pages, followers_of(net) // 40), 40))
    warm = asyncio.run(server_pages_per_second(net, args.pages, 40))
    rates = {limit: asyncio.run(pages_per_second(net, args.pages, limit)) for limit in (40, 80)}
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    pages = "follower pages/s"
    rows: list[Row] = [
        ("start-up (s), built in-process", build, "s", STARTUP_TARGET_S, False),
        ("start-up (s), built and served on loopback", served, "s", STARTUP_TARGET_S, False),
        (f"{pages}, server only, limit 40, cold", (None, cold), "/s", PAGES_TARGET, True),
        (f"{pages}, server only, limit 40, warm", (None, warm), "/s", PAGES_TARGET, True),
        (f"{pages} with httpx client, limit 40", rates[40], "/s", PAGES_TARGET, True),
        (f"{pages} with httpx client, limit 80", rates[80], "/s", PAGES_TARGET, True),
        ("peak RSS (MB; in the wall column)", (peak_mb, None), "MB", MEMORY_TARGET_MB, False),
    ]
    followers = len(net.ground_truth.followers)
    print(f"scenario {args.scenario}: {len(net.instances)} instances, {followers:,} followers")
    print_table(rows)
    wall, cpu, arrived = asyncio.run(loopback_move())
    print(
        f"\nMove of `small` over loopback: {wall:.2f} s wall, {cpu:.2f} s CPU ({arrived} arrived)"
    )
    walls, cpus = asyncio.run(loopback_follows(60))
    print(f"Federated follows over loopback ({len(walls)}): wall {summary(walls)}")
    print(f"  CPU per follow: {summary(cpus)}")
    return 0


def print_table(rows: list[Row]) -> None:
    print("| figure | wall-clock | CPU time | target | ratio to target (wall / CPU) |")
    print("|---|---|---|---|---|")
    for label, (wall, cpu), unit, target, higher_is_better in rows:
        sign = "≥" if higher_is_better else "<"
        ratios = (
            f"{_ratio(wall, target, higher_is_better)} / {_ratio(cpu, target, higher_is_better)}"
        )
        print(f"| {label} | {_fig(wall)} | {_fig(cpu)} | {sign} {target:,.0f} {unit} | {ratios} |")


def _fig(value: float | None) -> str:
    return "–" if value is None else f"{value:,.2f}" if value < 100 else f"{value:,.0f}"


def _ratio(value: float | None, target: float, higher_is_better: bool) -> str:
    """How many times better than the target (above 1 meets it)."""
    if value is None or value == 0:
        return "–"
    return f"{(value / target if higher_is_better else target / value):,.1f}×"


def followers_of(net: PracticeNetwork) -> int:
    old = net.instance("old.practice")
    anna = old.state.find("anna", old.name)
    assert anna is not None
    return old.state.followers_count(anna.id)


if __name__ == "__main__":
    sys.exit(main())
