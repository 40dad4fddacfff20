"""The journal's file: creation, permissions, WAL, forward migrations with a backup, and the
errors a damaged, full or read-only location gives."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from fedimove.core.clock import SimulatedClock, utc
from fedimove.core.errors import (
    DiskFullError,
    JournalCorruptError,
    JournalError,
    JournalVersionError,
)
from fedimove.core.storage.journal import Journal
from fedimove.core.storage.journal_records import ItemState
from fedimove.core.storage.journal_schema import MIGRATIONS, SchemaMigration
from fedimove.core.storage.paths import AppPaths

from .journal_helpers import make_migration


@pytest.fixture
def clock() -> SimulatedClock:
    return SimulatedClock(utc(2026, 5, 4, 10))


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _add_version_2(connection: sqlite3.Connection) -> None:
    connection.execute("ALTER TABLE items ADD COLUMN priority INTEGER NOT NULL DEFAULT 0")
    connection.execute("UPDATE items SET priority = 1 WHERE state = 'pending'")


VERSION_2 = (*MIGRATIONS, SchemaMigration(2, "item priority", _add_version_2))


def test_a_new_journal_is_private_in_wal_mode_at_the_latest_version(
    app_paths: AppPaths, clock: SimulatedClock
) -> None:
    with Journal.open_default(app_paths, clock) as journal:
        make_migration(journal)  # a write, so the -wal and -shm files exist
        connection = journal._connection()
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert connection.execute("PRAGMA synchronous").fetchone() == (2,)  # FULL
        assert connection.execute("PRAGMA foreign_keys").fetchone() == (1,)
        assert journal.backups == ()
        for suffix in ("", "-wal", "-shm"):
            assert _mode(Path(f"{app_paths.journal}{suffix}")) == 0o600
        version = connection.execute("SELECT MAX(version) FROM schema_version").fetchone()
        assert version == (MIGRATIONS[-1].version,)


def test_an_existing_file_with_loose_permissions_is_made_private(
    tmp_path: Path, clock: SimulatedClock
) -> None:
    path = tmp_path / "journal.sqlite"
    Journal.open(path, clock).close()
    path.chmod(0o644)
    Journal.open(path, clock).close()
    assert _mode(path) == 0o600


def test_forward_migration_backs_up_first_and_keeps_the_data(
    tmp_path: Path, clock: SimulatedClock
) -> None:
    path = tmp_path / "journal.sqlite"
    with Journal.open(path, clock) as journal:
        migration = make_migration(journal).id
        journal.add_items(migration, "following", [("a", {"n": 1}), ("b", {"n": 2})])
        journal.mark_done(journal.claim_items(migration, "following")[0].id, "7")

    clock.advance(60)
    with Journal.open(path, clock, migrations=VERSION_2) as journal:
        assert len(journal.backups) == 1
        items = journal.list_items(migration)
        assert [(item.key, item.state) for item in items] == [
            ("a", ItemState.DONE),
            ("b", ItemState.PENDING),
        ]
        priorities = journal._connection().execute("SELECT key, priority FROM items").fetchall()
        assert sorted(priorities) == [("a", 0), ("b", 1)]
    backup = journal.backups[0]
    assert backup.name == "journal.sqlite.v1.20260504T100100000000Z.bak"
    assert _mode(backup) == 0o600
    with sqlite3.connect(backup) as old:
        assert old.execute("SELECT MAX(version) FROM schema_version").fetchone() == (1,)
        assert old.execute("SELECT COUNT(*) FROM items").fetchone() == (2,)
    old.close()
    with Journal.open(path, clock, migrations=VERSION_2) as journal:
        assert journal.backups == ()  # already current: nothing to migrate, no copy


def test_a_failing_migration_leaves_the_journal_as_it_was(
    tmp_path: Path, clock: SimulatedClock
) -> None:
    path = tmp_path / "journal.sqlite"
    with Journal.open(path, clock) as journal:
        migration = make_migration(journal).id
        journal.add_items(migration, "following", [("a", {})])

    def broken(connection: sqlite3.Connection) -> None:
        connection.execute("ALTER TABLE items ADD COLUMN extra TEXT")
        connection.execute("THIS IS NOT SQL")

    with pytest.raises(JournalError):
        Journal.open(path, clock, migrations=(*MIGRATIONS, SchemaMigration(2, "x", broken)))
    with Journal.open(path, clock) as journal:  # still version 1, column not added
        assert [item.key for item in journal.list_items(migration)] == ["a"]
        columns = journal._connection().execute("PRAGMA table_info(items)").fetchall()
        assert "extra" not in {column[1] for column in columns}
    assert len(list(tmp_path.glob("journal.sqlite.v1.*.bak"))) == 1


def test_a_journal_from_a_newer_fedimove_is_left_untouched(
    tmp_path: Path, clock: SimulatedClock
) -> None:
    path = tmp_path / "journal.sqlite"
    Journal.open(path, clock, migrations=VERSION_2).close()
    with pytest.raises(JournalVersionError) as raised:
        Journal.open(path, clock)
    assert raised.value.code == "journal.too_new"
    assert raised.value.params == {"found": 2, "supported": 1}


def test_a_damaged_file_is_reported_as_such(tmp_path: Path, clock: SimulatedClock) -> None:
    path = tmp_path / "journal.sqlite"
    path.write_bytes(b"this is not a database, just text " * 200)
    with pytest.raises(JournalCorruptError) as raised:
        Journal.open(path, clock)
    assert raised.value.code == "journal.corrupt"


def test_a_full_disk_is_reported_and_the_transaction_undone(
    tmp_path: Path, clock: SimulatedClock
) -> None:
    with Journal.open(tmp_path / "journal.sqlite", clock) as journal:
        migration = make_migration(journal).id
        journal.add_items(migration, "following", [("first", {})])
        pages = journal._connection().execute("PRAGMA page_count").fetchone()[0]
        # SQLite answers SQLITE_FULL once the file may not grow: the same as a full disk.
        journal._connection().execute(f"PRAGMA max_page_count = {pages + 2}")
        big = [(f"key-{index}", {"padding": "x" * 200}) for index in range(2000)]
        with pytest.raises(DiskFullError) as raised:
            journal.add_items(migration, "following", big)
        assert raised.value.code == "storage.disk_full"
        assert journal.step_counts(migration, "following").total == 1


# --- read-only data directory ------------------------------------------------------------------

_OPEN_AND_WRITE = """
import sys
from pathlib import Path
from fedimove.core.clock import SimulatedClock
from fedimove.core.errors import FedimoveError
from fedimove.core.models import Category
from fedimove.core.storage.journal import Journal
try:
    journal = Journal.open(Path(sys.argv[1]), SimulatedClock())
    journal.create_migration(old_handle="a@b", old_server="https://b", new_handle="a@c",
                             new_server="https://c", categories=[Category.FOLLOWING])
except FedimoveError as error:
    print(error.code)
else:
    print("written")
"""


def _as_unprivileged(path: Path) -> str:
    """Open and write in a process that file permissions apply to (root ignores them, so as
    root the process runs without the capability to override them)."""
    command = [sys.executable, "-c", _OPEN_AND_WRITE, str(path)]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: permissions cannot be tested")
        command = [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner", *command]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture
def locked_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as root:
        folder = Path(root) / "data"
        folder.mkdir()
        yield folder
        folder.chmod(0o700)  # let the clean-up remove it


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_read_only_data_directory_is_reported(locked_dir: Path, clock: SimulatedClock) -> None:
    locked_dir.chmod(0o500)
    assert _as_unprivileged(locked_dir / "journal.sqlite") == "storage.read_only"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("file_mode", [0o400, 0o600])
def test_an_existing_journal_in_a_read_only_directory_is_reported(
    locked_dir: Path, clock: SimulatedClock, file_mode: int
) -> None:
    path = locked_dir / "journal.sqlite"
    Journal.open(path, clock).close()  # closed cleanly: no -wal file is left behind
    path.chmod(file_mode)
    locked_dir.chmod(0o500)
    assert _as_unprivileged(path) == "storage.read_only"
    path.chmod(0o600)
