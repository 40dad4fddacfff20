"""Crash torture (DESIGN §0.18, §9): the copy engine's crash harness (tests/e2e/crash) runs a
`small` practice migration in a subprocess and SIGKILLs it at seeded random moments, at least
50 times, resuming each time. The end state equals an uninterrupted run (nothing lost, nothing
twice), the journal passes SQLite's integrity check, every item reached an end state, and no
token is found in the journal, the exports or the client's arguments.

`FEDIMOVE_TORTURE_KILLS` / `FEDIMOVE_TORTURE_SEED` change the numbers; `bench/torture.py` runs
the long variants."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.crash.harness import CopyClient, PracticeServer, crash_and_resume
from tests.reliability.secret_scan import scan_arguments, scan_paths

#: Dozens of restarts in two minutes would spend an hour's request budget of a real run.
RATE_SCALE = 10
#: Planned kills; a run may end before its kill point, so 68 planned gives 50 or more landed.
KILLS = int(os.environ.get("FEDIMOVE_TORTURE_KILLS", "68"))
SEED = int(os.environ.get("FEDIMOVE_TORTURE_SEED", "10"))


def comparable(holdings: dict[str, Any]) -> dict[str, Any]:
    found = {k: v for k, v in holdings.items() if k not in ("bookmarks", "old_bookmarks")}
    found["mutes"] = {k: v[0] for k, v in found["mutes"].items()}  # timed mutes: time left
    return found


def journal_is_intact(journal: Path) -> tuple[bool, dict[str, int]]:
    """SQLite's own check, and how many items sit in each state."""
    with sqlite3.connect(journal) as db:
        ok = db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        states = dict(db.execute("SELECT state, COUNT(*) FROM items GROUP BY state").fetchall())
    return ok, states


def torture(
    server: PracticeServer, folder: Path, kills: int, seed: int, total: int = 1
) -> dict[str, Any]:
    """`total`: the items an uninterrupted run finishes (the harness spreads kills over them)."""
    tokens = server.ask("tokens")
    folder.mkdir(parents=True, exist_ok=True)
    journal = folder / "journal.sqlite"
    client = CopyClient(server, journal, tokens)
    record = crash_and_resume(client, seed, kills, total)
    holdings: dict[str, Any] = server.ask("holdings")
    ok, states = journal_is_intact(journal)
    leaks, files = scan_paths([folder], tokens.values())
    # The client gets its tokens in the environment; its arguments are these.
    arguments = [str(journal), *server.origins.values()]
    return {
        "record": record,
        "holdings": holdings,
        "intact": ok,
        "states": states,
        "leaks": leaks + scan_arguments(arguments, tokens.values()),
        "files_scanned": files,
    }


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    server = PracticeServer(rate_scale=RATE_SCALE)
    try:
        yield torture(server, tmp_path_factory.mktemp("reference"), 0, SEED)
    finally:
        server.close()


def test_killed_at_random_moments_and_resumed(
    uninterrupted: dict[str, Any], tmp_path: Path
) -> None:
    server = PracticeServer(rate_scale=RATE_SCALE)
    try:
        total = sum(uninterrupted["states"].values())
        crashed = torture(server, tmp_path, KILLS, SEED, total)
    finally:
        server.close()
    record = crashed["record"]
    print(
        f"crash torture: seed={record.seed} kills={len(record.kills)} runs={record.runs} "
        f"states={crashed['states']} files_scanned={crashed['files_scanned']}"
    )
    assert record.exit_codes[-1] == 0, record
    # A run may finish its last items before its kill point: most kills must still land.
    assert len(record.kills) >= KILLS * 3 // 4, record
    assert crashed["intact"]
    assert crashed["states"].keys() <= {"done", "skipped"}, crashed["states"]
    assert crashed["states"] == uninterrupted["states"]
    got, want = comparable(crashed["holdings"]), comparable(uninterrupted["holdings"])
    for key in sorted(want.keys() | got.keys()):
        assert got.get(key) == want.get(key), key
    bookmarks = crashed["holdings"]
    assert bookmarks["bookmarks"] == bookmarks["old_bookmarks"]  # each bookmark once, none lost
    assert got["list_count"] == len(got["lists"])
    assert got["filter_count"] == len(got["filters"])
    assert crashed["leaks"] == [] == uninterrupted["leaks"]
