"""SIGKILL a journal writer many times, in and between big transactions, and check that the
journal is sound every time: nothing duplicated, nothing lost, nothing half-written, and every
item pending, in flight or done (the only states this writer uses)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from random import Random

import pytest

from fedimove.core.clock import SimulatedClock, utc
from fedimove.core.models import Category
from fedimove.core.storage.journal import Journal
from fedimove.core.storage.journal_records import ItemState

from . import journal_worker as worker

RUNS = 30
WORKER = Path(worker.__file__)


@dataclass
class Model:
    """What the test knows for sure: only what a worker printed after a commit."""

    added_ops: set[tuple[int, int]] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)  # every key of every committed batch
    done: set[int] = field(default_factory=set)
    in_flight: set[int] = field(default_factory=set)


def _worker_env(cache: Path) -> dict[str, str]:
    """Let the workers share compiled bytecode in a private folder (the test environment
    turns bytecode writing off, so each of the 30 workers would compile everything again)."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def _run_worker(db: Path, migration: int, seed: int) -> list[list[str]]:
    """Run one worker to its death; return the lines it managed to print."""
    self_kill = seed % 2 == 0
    with subprocess.Popen(
        [
            sys.executable,
            str(WORKER),
            "crash",
            str(db),
            str(migration),
            str(seed),
            str(int(self_kill)),
        ],
        stdout=subprocess.PIPE,
        text=True,
        env=_worker_env(db.parent / "pycache"),
    ) as process:
        assert process.stdout is not None
        lines: list[list[str]] = []
        kill_at_line = Random(f"kill:{seed}").randint(3, 30)
        for line in process.stdout:
            if not line.endswith("\n"):
                break  # cut short by the kill: it confirms nothing
            lines.append(line.split())
            if not self_kill and len(lines) == kill_at_line:
                process.send_signal(signal.SIGKILL)  # wherever the worker is now
        assert process.wait(timeout=60) == -signal.SIGKILL
    assert ["finished"] not in lines
    return lines


def _apply_lines(model: Model, seed: int, lines: list[list[str]]) -> int | None:
    """Update the model from the printed lines; return the op an `add` died in, if any."""
    adding: int | None = None
    for word, *rest in lines:
        if word == "adding":
            adding = int(rest[0])
        elif word == "added":
            model.added_ops.add((seed, int(rest[0])))
            model.keys.update(worker.batch_keys(seed, int(rest[0])))
            adding = None
        elif word == "claimed":
            model.in_flight.update(int(value) for value in rest)
        elif word == "done":
            model.in_flight.discard(int(rest[0]))
            model.done.add(int(rest[0]))
        elif word == "released":
            model.in_flight.discard(int(rest[0]))
    return adding


def _states(db: Path) -> dict[str, tuple[int, str]]:
    connection = sqlite3.connect(db)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        duplicates = connection.execute(
            "SELECT key FROM items GROUP BY migration_id, step, key HAVING COUNT(*) > 1"
        ).fetchall()
        assert duplicates == []
        rows = connection.execute("SELECT key, id, state FROM items").fetchall()
    finally:
        connection.close()
    return {key: (item_id, state) for key, item_id, state in rows}


def _check(db: Path, model: Model, seed: int, dying_op: int | None) -> None:
    items = _states(db)
    allowed = {ItemState.PENDING.value, ItemState.IN_FLIGHT.value, ItemState.DONE.value}
    assert {state for _, state in items.values()} <= allowed
    assert model.keys <= items.keys(), "a committed item was lost"
    if dying_op is not None and (seed, dying_op) not in model.added_ops:
        present = [key in items for key in worker.own_keys(seed, dying_op)]
        assert all(present) or not any(present), "a batch was half written"
        if seed % 2 == 0:  # killed inside the transaction: never committed
            assert not any(present)
    by_id = {item_id: state for item_id, state in items.values()}
    assert all(by_id[item_id] == "done" for item_id in model.done), "a done item was lost"
    # A kill between a commit and its printed line leaves one claimed item finished unseen.
    moved_on = {item_id for item_id in model.in_flight if by_id[item_id] != "in_flight"}
    assert len(moved_on) <= (0 if seed % 2 == 0 else 1)
    unconfirmed = {i for i, s in by_id.items() if s == "in_flight"} - model.in_flight
    assert len(unconfirmed) <= 50, "more in flight than one claim can explain"
    # From here on the journal's word is the truth (the last commit may not have printed).
    model.in_flight = {i for i, s in by_id.items() if s == "in_flight"}
    model.done = {i for i, s in by_id.items() if s == "done"}


@pytest.fixture
def fast_dir(tmp_path: Path) -> Iterator[Path]:
    """A memory-backed folder where there is one: SIGKILL semantics do not depend on fsync,
    and 30 runs of fsync-per-commit on a real disk would take most of the time."""
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield tmp_path
        return
    with tempfile.TemporaryDirectory(dir=shm) as folder:
        yield Path(folder)


def test_sigkill_in_and_between_transactions_loses_and_duplicates_nothing(
    fast_dir: Path,
) -> None:
    db = fast_dir / "journal.sqlite"
    with Journal.open(db, SimulatedClock(utc(2026, 3, 1))) as journal:
        migration = journal.create_migration(
            old_handle="ana@old.example",
            old_server="https://old.example",
            new_handle="ana@new.example",
            new_server="https://new.example",
            categories=[Category.FOLLOWING],
        ).id
    model = Model()
    kills_inside_add = 0
    for seed in range(RUNS):
        lines = _run_worker(db, migration, seed)
        dying_op = _apply_lines(model, seed, lines)
        kills_inside_add += dying_op is not None
        _check(db, model, seed, dying_op)
        with Journal.open(db, SimulatedClock(utc(2026, 3, 1))) as journal:
            assert journal.integrity_problems() == []
            assert {item.id for item in journal.items_in_flight(migration)} == model.in_flight
    assert kills_inside_add >= RUNS // 2  # every self-kill lands inside a transaction
    assert model.done, "the runs made progress"
