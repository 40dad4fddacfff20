"""Crash torture, long variants (issue 10; CI runs tests/reliability/test_crash_torture.py).

Runs a practice migration uninterrupted once, then again with KILLS SIGKILLs at seeded points
(the copy engine's crash harness, tests/e2e/crash), resuming each time, and compares: end state,
journal integrity, item states, secrets in the journal/exports/arguments.

    .venv/bin/python bench/torture.py --kills 500 --scenario large [--seed N] [--write FILE]

Exit 0 when everything held; the figures are printed as JSON (and written to FILE).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "app")]

from tests.e2e.crash.harness import PracticeServer  # noqa: E402
from tests.reliability.test_crash_torture import comparable, torture  # noqa: E402


def run(scenario: str, kills: int, seed: int, world: int = 1) -> dict[str, object]:
    """`seed` places the kills; `world` seeds the practice scenario."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="fedimove-torture-") as folder:
        server = PracticeServer(scenario, world, rate_scale=10)
        try:
            reference = torture(server, Path(folder) / "reference", 0, seed)
        finally:
            server.close()
        total = sum(reference["states"].values())
        server = PracticeServer(scenario, world, rate_scale=10)
        try:
            crashed = torture(server, Path(folder) / "crashed", kills, seed, total)
        finally:
            server.close()
    got, want = comparable(crashed["holdings"]), comparable(reference["holdings"])
    differing = sorted(k for k in want.keys() | got.keys() if got.get(k) != want.get(k))
    record = crashed["record"]
    return {
        "scenario": scenario,
        "seed": seed,
        "world": world,
        "kills_planned": kills,
        "kills_survived": len(record.kills),
        "runs": record.runs,
        "items": total,
        "final_exit_code": record.exit_codes[-1],
        "journal_intact": crashed["intact"],
        "item_states": crashed["states"],
        "differing_categories": differing,
        "twins": crashed["holdings"]["bookmarks"] != crashed["holdings"]["old_bookmarks"],
        "secrets_found": len(crashed["leaks"]) + len(reference["leaks"]),
        "seconds": round(time.monotonic() - started, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=500)
    parser.add_argument("--scenario", default="small")
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--world", type=int, default=1, help="the practice scenario's seed")
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()
    figures = run(args.scenario, args.kills, args.seed, args.world)
    text = json.dumps(figures, indent=2)
    print(text)
    if args.write:
        args.write.write_text(text + "\n")
    held = (
        figures["final_exit_code"] == 0
        and figures["journal_intact"]
        and not figures["differing_categories"]
        and not figures["twins"]
        and figures["secrets_found"] == 0
    )
    return 0 if held else 1


if __name__ == "__main__":
    sys.exit(main())
