"""Benchmark of the practice Fediverse: start-up time of a scenario, follower pages served per
second in-process, and peak memory. Prints a Markdown row for docs/benchmarks.md.

    .venv/bin/python bench/bench_sandbox.py [--scenario large] [--pages 2000]

Pages/s are given per wall-clock second and per CPU second of this process: on a shared
machine wall time also measures the neighbours, CPU time does not.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import sys
import time

import httpx

from fedimove.core.clock import SimulatedClock, utc
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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenario", default="large")
    parser.add_argument("--pages", type=int, default=2000)
    args = parser.parse_args()
    clock = SimulatedClock(utc(2026, 3, 2, 9))
    started, cpu_started = time.perf_counter(), time.process_time()
    net = PracticeNetwork.from_scenario(args.scenario, clock=clock, seed=1)
    startup, startup_cpu = time.perf_counter() - started, time.process_time() - cpu_started
    for instance in net.instances:
        instance.limiter = _NeverRefuse(clock)
    # Cold first: the server-only walk renders every follower for the first time.
    cold = asyncio.run(server_pages_per_second(net, min(args.pages, followers_of(net) // 40), 40))
    warm = asyncio.run(server_pages_per_second(net, args.pages, 40))
    rates = {limit: asyncio.run(pages_per_second(net, args.pages, limit)) for limit in (40, 80)}
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    followers = len(net.ground_truth.followers)
    print(
        "| scenario | instances | followers | start-up (wall / CPU) | server-only pages/s "
        "per CPU-s, limit 40, cold / warm | with httpx client, limit 40 (wall / per CPU-s) "
        "| limit 80 | peak RSS |"
    )
    print("|---|---|---|---|---|---|---|---|")
    print(
        f"| {args.scenario} | {len(net.instances)} | {followers:,} | {startup:.2f} s / "
        f"{startup_cpu:.2f} s | {cold:,.0f} / {warm:,.0f} | {rates[40][0]:,.0f} / "
        f"{rates[40][1]:,.0f} | {rates[80][0]:,.0f} / {rates[80][1]:,.0f} | {peak_mb:.0f} MB |"
    )
    return 0


def followers_of(net: PracticeNetwork) -> int:
    old = net.instance("old.practice")
    anna = old.state.find("anna", old.name)
    assert anna is not None
    return old.state.followers_count(anna.id)


if __name__ == "__main__":
    sys.exit(main())
