"""Follows copied to an Akkoma account (practice `akkoma` flavour): Akkoma's `relations_actions`
limiter allows 10 follows per 10 s and refuses the 11th with a 429 without headers
(fediverse-apis §5.4). Measures the follow requests sent against the minimum (one per follow),
the 429s, and the simulated time from the first follow to the last against the bound
(ceil(F / 10) − 1) × 10 s (the first window is free).

    .venv/bin/python bench/bench_copy_akkoma.py [--follows 50 500]
"""

from __future__ import annotations

import argparse
import asyncio
import math
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "app"), str(ROOT)]

from tests.core.engine.steps.practice_copy import add_follows, copy_world  # noqa: E402
from tests.sandbox.test_akkoma_copy import AK, _akkoma, _clients, _followed  # noqa: E402

from fedimove.core.models import Category  # noqa: E402

WINDOW, PER_WINDOW = timedelta(seconds=10), 10


async def run(follows: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="fedimove-bench-") as folder:
        async for world in copy_world(Path(folder)):
            ak = _akkoma(world)
            add_follows(world, follows, home=AK)
            old, new, log = await _clients(world)
            wall = time.perf_counter()
            start = world.clock.now()
            _, result = await world.engine().start(old, new, {Category.FOLLOWING})
            assert result.finished
            assert len(_followed(ak)) == follows
            bound = WINDOW * (math.ceil(follows / PER_WINDOW) - 1)
            return {
                "follows": follows,
                "requests": len(log.answers),
                "ratio_requests": len(log.answers) / follows,
                "429s": log.refused,
                "follow_span": log.span(),
                "bound": bound,
                "ratio_time": log.span() / bound,
                "copy": world.clock.now() - start,
                "wall": time.perf_counter() - wall,
            }
    raise AssertionError("no world")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--follows", type=int, nargs="+", default=[50, 500])
    args = parser.parse_args()
    print(
        "| follows | follow requests | requests / minimum | 429s | first→last follow "
        "| bound | ratio | whole copy (simulated) | wall |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for follows in args.follows:
        r = asyncio.run(run(follows))
        print(
            f"| {r['follows']} | {r['requests']} | {r['ratio_requests']:.2f} | {r['429s']} "
            f"| {r['follow_span']} | {r['bound']} | {r['ratio_time']:.3f} | {r['copy']} "
            f"| {r['wall']:.1f} s |"
        )


if __name__ == "__main__":
    main()
