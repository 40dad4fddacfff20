"""Answers that cannot be read, on the new server (finding 2, docs/reliability.md): after a
write the server may or may not have acted, and a garbled read must not pass for "not there".
Each test garbles the answers named, runs a `small` copy (every category but posts), resumes
on each coded stop, then once without faults, and expects what an undisturbed run gives:
nothing lost, nothing twice, no follow journaled done that is not on the new account."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from fedimove.core.errors import FedimoveError
from fedimove.core.storage.journal_records import ItemState
from fedimove.sandbox.faults import Fault, FaultInjector, FaultKind, Malformation
from tests.core.engine.steps.practice_copy import CopyWorld, copy_world, holdings
from tests.reliability.test_network_faults import CATEGORIES, _assert_same, _comparable

NEW = "new.practice"

MALFORMED = FaultKind.MALFORMED
#: The answers to six follows are unreadable (two of each kind): the follows happened.
FOLLOW_ANSWERS = [
    Fault(MALFORMED, path="/api/v1/accounts/*/follow", method="POST", limit=2, malformation=m)
    for m in Malformation
]
#: Every kind of malformed body on 8 % of all the app's requests to the new server, reads and
#: writes, seed 100: before the fix this schedule lost a list member (a garbled read of the
#: lists was taken as "no such list" and the member skipped as `list_not_created`).
EVERYWHERE = [Fault(MALFORMED, rate=0.08, malformation=m) for m in Malformation]
EVERYWHERE_SEED, EVERYWHERE_ATTEMPTS = 100, 60


async def _copy(world: CopyWorld, injector: FaultInjector | None, attempts: int) -> None:
    """Run, resume on each coded stop (faults still on), then once without faults."""
    engine, codes = world.engine(), []
    old = await world.client("anna@old.practice")
    new = await world.client(f"anna@{NEW}")
    if injector is not None:
        injector.instance.faults = injector
    for attempt in range(attempts + 1):
        if attempt == attempts and injector is not None:
            injector.clear()
        migrations = world.journal.list_migrations()
        try:
            if migrations:
                result = await engine.resume(migrations[0].id, old, new)
            else:
                _, result = await engine.start(old, new, CATEGORIES)
        except FedimoveError as error:
            codes.append(error.code)
            continue
        if result.finished:
            assert all("." in code for code in codes), codes  # coded stops only
            return
    raise AssertionError(f"the copy did not finish: {codes}")


async def _undisturbed(folder: Path) -> dict[str, Any]:
    async for world in copy_world(folder):
        await _copy(world, None, attempts=0)
        return _comparable(holdings(world.network.instance(NEW), "anna"))
    raise AssertionError("no practice world")


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return asyncio.run(_undisturbed(tmp_path_factory.mktemp("ref")))


async def test_unreadable_follow_answers_lose_no_follow(
    reference: dict[str, Any], tmp_path: Path
) -> None:
    async for world in copy_world(tmp_path):
        injector = FaultInjector(world.network.instance(NEW), seed=2)
        injector.faults.extend(replace(f, user_agent="Fedimove/*") for f in FOLLOW_ANSWERS)
        await _copy(world, injector, attempts=8)
        assert injector.injected["malformed"] == 6
        _assert_held(world, reference)


async def test_unreadable_answers_everywhere_lose_nothing(
    reference: dict[str, Any], tmp_path: Path
) -> None:
    async for world in copy_world(tmp_path):
        injector = FaultInjector(world.network.instance(NEW), seed=EVERYWHERE_SEED)
        injector.faults.extend(replace(f, user_agent="Fedimove/*") for f in EVERYWHERE)
        await _copy(world, injector, attempts=EVERYWHERE_ATTEMPTS)
        print(f"unreadable answers everywhere: injected={dict(injector.injected)}")
        assert injector.injected["malformed"] > 50
        _assert_held(world, reference)


def _assert_held(world: CopyWorld, reference: dict[str, Any]) -> None:
    """The new account holds what an undisturbed run gives, and every follow journaled done
    is there (nothing taken on an unreadable answer's word)."""
    found = holdings(world.network.instance(NEW), "anna")
    _assert_same(_comparable(found), reference)
    mid = world.journal.list_migrations()[0].id
    done = world.journal.list_items(mid, "following", states=(ItemState.DONE,), limit=None)
    assert {item.key for item in done} <= found["following"].keys() | found["requests"]
