"""A separate process that writes to a journal, for the crash and lease tests.

    python journal_worker.py crash DB MIGRATION SEED SELF_KILL
        Reconcile what is in flight, then add, claim and finish items in a seed-determined
        order, printing a line after each commit. With SELF_KILL=1 it SIGKILLs itself in the
        middle of one `add_items` transaction (after a seed-determined number of rows).
    python journal_worker.py lease DB MIGRATION
        Read commands from stdin (`acquire ISO`, `heartbeat ISO`, `release ISO`) and answer
        `ok` or the error code on stdout.

Batch keys are a pure function of (seed, op), so the test can recompute every batch.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from random import Random
from typing import Any

from fedimove.core.errors import FedimoveError
from fedimove.core.storage.journal import Journal

START = datetime(2026, 3, 1, tzinfo=UTC)
STEP = "following"
OPS_BEFORE_KILL = 12
MAX_OPS = 400


class SetClock:
    """The `Clock` protocol without asyncio (its import would dominate this process's start)."""

    def __init__(self) -> None:
        self.moment = START

    def now(self) -> datetime:
        return self.moment

    def monotonic(self) -> float:
        return (self.moment - START).total_seconds()

    async def sleep(self, seconds: float) -> None:
        raise NotImplementedError


def batch_size(seed: int, op: int) -> int:
    return Random(f"size:{seed}:{op}").randint(50, 400)


def own_keys(seed: int, op: int) -> list[str]:
    """Keys that only this batch adds."""
    return [f"s{seed}o{op}k{index}" for index in range(batch_size(seed, op))]


def batch_keys(seed: int, op: int) -> list[str]:
    """This batch's own keys, then a few keys of the previous op's batch (re-added)."""
    keys = own_keys(seed, op)
    if op > 0:
        previous = own_keys(seed, op - 1)
        rng = Random(f"overlap:{seed}:{op}")
        keys += rng.sample(previous, min(len(previous), 30))
    return keys


def _rows(seed: int, op: int, kill_after: int | None) -> Iterator[tuple[str, dict[str, Any]]]:
    for index, key in enumerate(batch_keys(seed, op)):
        if kill_after is not None and index == kill_after:
            os.kill(os.getpid(), signal.SIGKILL)  # mid-transaction: rows written, no COMMIT
        yield key, {"acct": f"{key}@example.net", "op": op, "show_reblogs": index % 2 == 0}


def say(*words: object) -> None:
    # One write per line: print() writes word by word when PYTHONUNBUFFERED is set.
    sys.stdout.write(" ".join(str(word) for word in words) + "\n")
    sys.stdout.flush()


def reconcile(journal: Journal, migration: int, rng: Random) -> None:
    """Stand-in for asking the server: each in-flight item either happened or did not."""
    for item in journal.items_in_flight(migration, STEP):
        if rng.random() < 0.5:
            journal.mark_done(item.id, f"remote-{item.id}")
            say("done", item.id)
        else:
            journal.release(item.id)
            say("released", item.id)


def run_crash(db: Path, migration: int, seed: int, self_kill: bool) -> None:
    rng = Random(seed)
    journal = Journal.open(db, SetClock())
    reconcile(journal, migration, rng)
    kill_op = rng.randrange(OPS_BEFORE_KILL) if self_kill else None
    for op in range(MAX_OPS):
        kind = "add" if op == kill_op or op == 0 else rng.choice(("add", "claim", "finish"))
        if kind == "add":
            kill_after = rng.randrange(batch_size(seed, op)) if op == kill_op else None
            say("adding", op)
            journal.add_items(migration, STEP, _rows(seed, op, kill_after))
            say("added", op)
        elif kind == "claim":
            claimed = journal.claim_items(migration, STEP, limit=rng.randint(1, 50))
            say("claimed", *(item.id for item in claimed))
        else:
            for item in journal.items_in_flight(migration, STEP)[: rng.randint(1, 20)]:
                journal.mark_done(item.id, f"remote-{item.id}")
                say("done", item.id)
    say("finished")


def run_lease(db: Path, migration: int) -> None:
    clock = SetClock()
    journal = Journal.open(db, clock)
    actions = {
        "acquire": journal.acquire_lease,
        "heartbeat": journal.heartbeat,
        "release": journal.release_lease,
    }
    say("ready", os.getpid())
    for line in sys.stdin:
        command, moment = line.split()
        clock.moment = datetime.fromisoformat(moment)
        try:
            actions[command](migration)
        except FedimoveError as error:
            say(error.code)
        else:
            say("ok")


def main(argv: list[str]) -> None:
    mode, db, migration = argv[0], Path(argv[1]), int(argv[2])
    if mode == "crash":
        run_crash(db, migration, int(argv[3]), argv[4] == "1")
    else:
        run_lease(db, migration)


if __name__ == "__main__":
    main(sys.argv[1:])
