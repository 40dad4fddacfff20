"""A `small` migration through the practice servers' fault knobs (5xx bursts, hangs, resets,
slow servers, 429 storms, 503 with Retry-After, malformed bodies, a server that disappears and
returns), on the old server (read) and the new one (copy). Each run ends finished, waiting with
a reason, or stopped with a coded error; resumed once the faults are gone it reaches exactly the
state of an undisturbed run: nothing lost, nothing twice (DESIGN §9)."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from fedimove.core.errors import FedimoveError
from fedimove.core.models import Category
from fedimove.sandbox.faults import Fault, FaultInjector, FaultKind, Malformation
from tests.core.engine.steps.practice_copy import CopyWorld, copy_world, holdings

OLD, NEW = "old.practice", "new.practice"
CATEGORIES = set(Category) - {Category.POSTS}
ATTEMPTS = 6

PROFILES: dict[str, list[Fault]] = {
    "5xx_bursts": [Fault(FaultKind.SERVER_ERROR, rate=0.2, status=s) for s in (500, 502, 504)],
    "timeouts": [Fault(FaultKind.TIMEOUT, rate=0.1, seconds=30)],
    "resets": [Fault(FaultKind.RESET, rate=0.15)],
    "slow": [Fault(FaultKind.LATENCY, rate=0.5, seconds=8)],
    "429_storm": [Fault(FaultKind.RATE_LIMITED, rate=0.4, seconds=120)],
    "503_retry_after": [Fault(FaultKind.UNAVAILABLE, rate=0.3, seconds=30)],
    "malformed": [
        Fault(FaultKind.MALFORMED, rate=0.05, malformation=m, method="GET") for m in Malformation
    ],
}
#: Figures for docs/reliability.md, printed at the end of each test (`-s` shows them).
INJECTED: dict[str, int] = {}
CODE = re.compile(r"^[a-z_]+\.[a-z_]+$")


def _comparable(found: dict[str, Any]) -> dict[str, Any]:
    found = {k: v for k, v in found.items() if k != "me"}
    found["mutes"] = {k: v[0] for k, v in found["mutes"].items()}  # timed mutes keep time left
    return found


async def _migrate_through(world: CopyWorld, injectors: Sequence[FaultInjector] = ()) -> list[str]:
    """Sign in, arm the faults (they meet the migration, not the test's sign-in), run; on a
    coded stop resume (faults still on) a few times, then without faults. The outcomes seen."""
    outcomes: list[str] = []
    engine = world.engine()
    old = await world.client(f"anna@{OLD}")
    new = await world.client(f"anna@{NEW}")
    for injector in injectors:
        injector.instance.faults = injector
    for attempt in range(ATTEMPTS + 1):
        if attempt == ATTEMPTS:
            for injector in injectors:
                injector.clear()
        try:
            migrations = world.journal.list_migrations()
            if migrations:
                result = await engine.resume(migrations[0].id, old, new)
            else:
                _, result = await engine.start(old, new, CATEGORIES)
        except FedimoveError as error:
            # Coded ("family.reason") and readable.
            outcomes.append(error.code if "." in error.code and str(error) else repr(error))
            continue
        assert not result.failed or all(result.failed), result
        outcomes.append("finished" if result.finished else f"waiting:{result.waiting}")
        if result.finished:
            break
    return outcomes


async def _undisturbed(folder: Path) -> dict[str, Any]:
    async for world in copy_world(folder):
        assert await _migrate_through(world) == ["finished"]
        return _comparable(holdings(world.network.instance(NEW), "anna"))
    raise AssertionError("no practice world")


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return asyncio.run(_undisturbed(tmp_path_factory.mktemp("ref")))


def _clear(outcome: str) -> bool:
    """Finished, waiting with a reason, or stopped with a code: never a bare crash."""
    return outcome == "finished" or outcome.startswith("waiting:") or bool(CODE.match(outcome))


def _assert_same(found: dict[str, Any], reference: dict[str, Any]) -> None:
    """Key by key, naming what is missing and what is extra."""
    for key in sorted(reference):
        got, want = found[key], reference[key]
        if isinstance(want, dict):
            missing = {k: v for k, v in want.items() if got.get(k) != v}
            extra = {k: v for k, v in got.items() if want.get(k) != v}
            assert got == want, f"{key}: missing or different {missing}, extra {extra}"
        else:
            assert got == want, f"{key}: {got!r} != {want!r}"


CASES = [pytest.param(p, s) for p in sorted(PROFILES) for s in (OLD, NEW)]


@pytest.mark.parametrize(("profile", "side"), CASES)
async def test_migration_survives_faults(
    reference: dict[str, Any], tmp_path: Path, profile: str, side: str
) -> None:
    async for world in copy_world(tmp_path):
        injector = FaultInjector(world.network.instance(side), seed=len(profile))
        # The app's requests meet the faults; the servers' fetches of each other do not.
        injector.faults.extend(replace(f, user_agent="Fedimove/*") for f in PROFILES[profile])
        outcomes = await _migrate_through(world, [injector])
        INJECTED[f"{profile}@{side}"] = sum(injector.injected.values())
        print(f"faults {profile} on {side}: injected={dict(injector.injected)} {outcomes=}")
        assert outcomes[-1] == "finished", outcomes
        assert all(_clear(o) for o in outcomes), outcomes
        assert sum(injector.injected.values()) > 0
        found = _comparable(holdings(world.network.instance(NEW), "anna"))
        # While the new server is gone it misses the old server's Accept (the practice
        # servers do not retry deliveries; real ones do), so a follow may stay a request:
        # not lost, and journaled done like any pending request.
        sent = found["following"].keys() | found["requests"]
        assert sent == reference["following"].keys() | reference["requests"]
        _assert_same(
            {k: v for k, v in found.items() if k not in ("following", "requests")},
            {k: v for k, v in reference.items() if k not in ("following", "requests")},
        )
        counts = world.journal.item_counts(world.journal.list_migrations()[0].id)
        assert all(c.pending == c.in_flight == 0 for c in counts.values()), counts


async def test_server_disappears_mid_run_and_returns(
    reference: dict[str, Any], tmp_path: Path
) -> None:
    async for world in copy_world(tmp_path):
        injector = FaultInjector(world.network.instance(NEW), seed=5).disappear(60, 900)
        outcomes = await _migrate_through(world, [injector])
        mid = world.journal.list_migrations()[0].id
        print(f"outage on {NEW}: injected={dict(injector.injected)} {outcomes=}")
        counts = world.journal.item_counts(mid)
        assert all(c.pending == c.in_flight == 0 for c in counts.values()), counts
        assert injector.injected["outage"] > 0
        assert outcomes[-1] == "finished", outcomes
        assert all(_clear(o) for o in outcomes), outcomes
        found = _comparable(holdings(world.network.instance(NEW), "anna"))
        # While the new server is gone it misses the old server's Accept (the practice
        # servers do not retry deliveries; real ones do), so a follow may stay a request:
        # not lost, and journaled done like any pending request.
        sent = found["following"].keys() | found["requests"]
        assert sent == reference["following"].keys() | reference["requests"]
        _assert_same(
            {k: v for k, v in found.items() if k not in ("following", "requests")},
            {k: v for k, v in reference.items() if k not in ("following", "requests")},
        )
