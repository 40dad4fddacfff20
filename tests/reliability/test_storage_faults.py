"""A full disk, or a data directory that turns read-only, in the middle of a `small`
migration (issue 10). The journal's own tests show
one transaction undone (tests/core/storage/test_journal_schema.py); here the whole migration
meets it: the run stops with `storage.disk_full` (never a crash, never a half-written item),
and once space is back a resume ends exactly where an undisturbed run ends."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from fedimove.core.errors import DiskFullError, ReadOnlyStorageError
from tests.core.engine.steps.practice_copy import copy_world, holdings
from tests.reliability.test_network_faults import (  # noqa: F401 - the fixture
    CATEGORIES,
    NEW,
    OLD,
    _assert_same,
    _comparable,
    reference,
)

#: Pages the journal may still grow by when the disk fills. A `small` migration grows it by
#: about ten, so each room fills the disk at a different point, from the read to the copy.
ROOM = [1, 2, 3, 4, 5, 6, 7, 8, 9]


@pytest.mark.parametrize("room", ROOM)
async def test_disk_fills_mid_migration_then_resumes(
    reference: dict[str, Any],  # noqa: F811
    tmp_path: Path,
    room: int,
) -> None:
    async for world in copy_world(tmp_path):
        old = await world.client(f"anna@{OLD}")
        new = await world.client(f"anna@{NEW}")
        db = world.journal._connection()
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        # SQLite answers SQLITE_FULL once the file may not grow: what a full disk does.
        db.execute(f"PRAGMA max_page_count = {pages + room}")
        engine = world.engine()
        with pytest.raises(DiskFullError) as raised:
            await engine.start(old, new, CATEGORIES)
        assert raised.value.code == "storage.disk_full"
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        db.execute("PRAGMA max_page_count = 1073741823")  # space is back
        migrations = world.journal.list_migrations()
        if migrations:
            result = await engine.resume(migrations[0].id, old, new)
        else:
            _, result = await engine.start(old, new, CATEGORIES)
        assert result.finished, result
        print(f"disk full with {room} pages of room: {raised.value.code}, resumed to the end")
        _assert_same(_comparable(holdings(world.network.instance(NEW), "anna")), reference)


class _ReadOnlyAfter:
    """Sits where the fault knobs sit on the new server: before serving each request, once
    `finished` items are done, the journal turns read-only (SQLITE_READONLY, as when the
    data folder turns read-only)."""

    def __init__(self, world: Any, finished: int) -> None:
        self.world, self.finished, self.flipped = world, finished, False

    def check(self) -> None:
        journal = self.world.journal
        migrations = journal.list_migrations()
        counts = journal.item_counts(migrations[0].id) if migrations else {}
        done = sum(c.done + c.skipped for c in counts.values())
        if not self.flipped and done >= self.finished:
            journal._connection().execute("PRAGMA query_only = ON")
            self.flipped = True

    async def handle(self, scope: Any, receive: Any, send: Any, app: Any) -> None:
        self.check()
        await app(scope, receive, send)


@pytest.mark.parametrize("finished", [0, 15, 60])
async def test_data_directory_turns_read_only_mid_migration(
    reference: dict[str, Any],  # noqa: F811
    tmp_path: Path,
    finished: int,
) -> None:
    async for world in copy_world(tmp_path):
        old = await world.client(f"anna@{OLD}")
        new = await world.client(f"anna@{NEW}")
        engine = world.engine()
        trigger = _ReadOnlyAfter(world, finished)
        trigger.check()  # with 0: read-only before the migration starts
        world.network.instance(NEW).faults = trigger  # type: ignore[assignment]
        with pytest.raises(ReadOnlyStorageError) as raised:
            await engine.start(old, new, CATEGORIES)
        world.network.instance(NEW).faults = None
        assert raised.value.code == "storage.read_only"
        db = world.journal._connection()
        db.execute("PRAGMA query_only = OFF")  # writable again
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        migrations = world.journal.list_migrations()
        if migrations:
            result = await engine.resume(migrations[0].id, old, new)
        else:
            _, result = await engine.start(old, new, CATEGORIES)
        assert result.finished, result
        print(f"read-only after {finished} items: {raised.value.code}, resumed to the end")
        _assert_same(_comparable(holdings(world.network.instance(NEW), "anna")), reference)
