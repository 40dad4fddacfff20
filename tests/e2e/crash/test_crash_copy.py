"""SIGKILL the copy at seeded random moments of a `small` migration and resume each time: the
end state equals an uninterrupted run, with no duplicate follows, list members, lists, filters
or bookmarks, and nothing lost (issue 6; DESIGN §0.18). Seeds and kill times are printed, so a
failure can be replayed."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.e2e.crash.harness import (
    CopyClient,
    PracticeServer,
    crash_and_resume,
    finished_items,
)

KILLS = int(os.environ.get("FEDIMOVE_CRASH_KILLS", "20"))
SEED = int(os.environ.get("FEDIMOVE_CRASH_SEED", "20261127"))


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """What an uninterrupted run leaves on the new account."""
    server = PracticeServer()
    try:
        yield _run(server, tmp_path_factory.mktemp("reference"), kills=0)
    finally:
        server.close()


def _run(server: PracticeServer, folder: Path, *, kills: int, total: int = 0) -> dict[str, Any]:
    tokens = server.ask("tokens")
    folder.mkdir(parents=True, exist_ok=True)
    journal = folder / "journal.sqlite"
    client = CopyClient(server, journal, tokens)
    record = crash_and_resume(client, SEED, kills, total)
    print(f"crash harness: seed={record.seed} kills={record.kills} runs={record.runs}")
    assert record.exit_codes[-1] == 0, record
    result: dict[str, Any] = server.ask("holdings")
    result["record"] = record
    result["total"] = finished_items(journal)
    return result


def test_killed_and_resumed_copy_equals_an_uninterrupted_one(
    reference: dict[str, Any], tmp_path: Path
) -> None:
    server = PracticeServer()
    try:
        crashed = _run(server, tmp_path, kills=KILLS, total=reference["total"])
    finally:
        server.close()
    record = crashed.pop("record")
    reference = {k: v for k, v in reference.items() if k != "record"}
    assert len(record.kills) >= KILLS * 3 // 4, record  # the copy really was interrupted
    # Timed mutes keep their remaining time, which differs with the moment of copying.
    for side in (crashed, reference):
        side["mutes"] = {k: v[0] for k, v in side["mutes"].items()}
    # Post ids come from each server's clock: bookmarks compare with that server's old account.
    bookmarks = crashed.pop("bookmarks")
    assert bookmarks == crashed.pop("old_bookmarks")
    assert crashed["bookmark_rows"] == len(bookmarks) == reference["bookmark_rows"]
    for key in ("bookmarks", "old_bookmarks"):
        reference.pop(key)
    for key in sorted(reference.keys() | crashed.keys()):
        assert crashed.get(key) == reference.get(key), key
    assert crashed["list_count"] == len(crashed["lists"])  # no twin lists
    assert crashed["filter_count"] == len(crashed["filters"])
    assert crashed["profile"]["locked"] is False
