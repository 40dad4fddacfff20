"""The journal's database file: opening it safely, its schema, and forward migrations.

The schema only moves forward. Each `SchemaMigration` lifts the database by one version inside
one transaction, after a copy of the database was taken (Vorta's pattern), so a failed upgrade
leaves both the untouched database and a backup. A database written by a newer Fedimove is never
touched (`JournalVersionError`).

SQLite errors are translated here into the error tree (`errors_translated`), so callers see
`DiskFullError`, `ReadOnlyStorageError`, `JournalBusyError` or `JournalCorruptError`, each with
its code, and never a raw `sqlite3` exception.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from fedimove.core.errors import (
    DiskFullError,
    JournalBusyError,
    JournalCorruptError,
    JournalError,
    JournalVersionError,
    ReadOnlyStorageError,
    StorageError,
)

BUSY_TIMEOUT_MS = 10_000
FILE_MODE = 0o600


@dataclass(frozen=True, slots=True)
class SchemaMigration:
    """Lifts the schema from `version - 1` to `version`; runs inside a transaction."""

    version: int
    description: str
    apply: Callable[[sqlite3.Connection], None]


_SCHEMA_V1 = """
CREATE TABLE migrations (
    id INTEGER PRIMARY KEY,
    old_handle TEXT NOT NULL,
    old_server TEXT NOT NULL,
    new_handle TEXT NOT NULL,
    new_server TEXT NOT NULL,
    categories TEXT NOT NULL,            -- JSON list of Category values
    phase TEXT NOT NULL,                 -- MigrationPhase
    state TEXT NOT NULL,                 -- MigrationState
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    moved_at TEXT,                       -- when the Move was triggered (journaled first)
    new_locked_original INTEGER,         -- the new account's `locked` before we touched it
    options TEXT NOT NULL DEFAULT '{}'   -- JSON, never secrets
);
CREATE INDEX migrations_by_state ON migrations (state, updated_at);

CREATE TABLE steps (
    migration_id INTEGER NOT NULL REFERENCES migrations (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    position INTEGER NOT NULL,           -- order in the plan
    state TEXT NOT NULL,                 -- StepState
    last_error TEXT,                     -- an error code, never prose
    next_attempt_at TEXT,                -- e.g. the next 00:00 UTC when a daily limit is spent
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (migration_id, name)
);

CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    migration_id INTEGER NOT NULL,
    step TEXT NOT NULL,
    key TEXT NOT NULL,                   -- stable identity: actor URI, status URI, list + member
    payload TEXT NOT NULL,               -- JSON: what is needed to re-create the item
    state TEXT NOT NULL,                 -- ItemState
    reason TEXT,                         -- reason code for skipped / failed / removed_by_user
    attempts INTEGER NOT NULL DEFAULT 0,
    remote_id TEXT,                      -- the item's id on the new server
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (migration_id, step, key),
    FOREIGN KEY (migration_id, step) REFERENCES steps (migration_id, name) ON DELETE CASCADE
);
CREATE INDEX items_by_state ON items (migration_id, step, state, id);

CREATE TABLE followers (
    migration_id INTEGER NOT NULL REFERENCES migrations (id) ON DELETE CASCADE,
    actor_uri TEXT NOT NULL,
    acct TEXT NOT NULL,
    domain TEXT NOT NULL,
    in_snapshot INTEGER NOT NULL,        -- 1: followed the old account before the Move
    state TEXT NOT NULL,                 -- FollowerState
    evidence TEXT NOT NULL,              -- observed | inferred
    reason TEXT,
    first_seen_at TEXT NOT NULL,
    arrived_at TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (migration_id, actor_uri)
);
CREATE INDEX followers_by_state ON followers (migration_id, state);
CREATE INDEX followers_by_domain ON followers (migration_id, domain);

CREATE TABLE leases (
    migration_id INTEGER PRIMARY KEY REFERENCES migrations (id) ON DELETE CASCADE,
    owner TEXT NOT NULL,                 -- random per process, so a reused pid is not us
    pid INTEGER NOT NULL,
    host TEXT NOT NULL,
    acquired_at TEXT NOT NULL,
    heartbeat_at TEXT NOT NULL
);
"""


def _create_v1(connection: sqlite3.Connection) -> None:
    for statement in _SCHEMA_V1.split(";"):
        if statement.strip():
            connection.execute(statement)


MIGRATIONS: tuple[SchemaMigration, ...] = (
    SchemaMigration(1, "migrations, steps, items, followers, leases", _create_v1),
)


def latest_version(migrations: Sequence[SchemaMigration]) -> int:
    return migrations[-1].version if migrations else 0


def timestamp(moment: datetime) -> str:
    """One sortable text form for every stored time (UTC, microseconds)."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def parse_timestamp(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


# --- errors -------------------------------------------------------------------------------------

# SQLite primary result codes (extended codes carry them in their low byte).
_SQLITE_ERRORS: dict[int, tuple[type[StorageError], str]] = {
    5: (JournalBusyError, "the journal is locked by another process"),  # SQLITE_BUSY
    6: (JournalBusyError, "the journal is locked by another process"),  # SQLITE_LOCKED
    8: (ReadOnlyStorageError, "the journal cannot be written"),  # SQLITE_READONLY
    11: (JournalCorruptError, "the journal is damaged"),  # SQLITE_CORRUPT
    13: (DiskFullError, "no space left for the journal"),  # SQLITE_FULL
    26: (JournalCorruptError, "the journal is not a database"),  # SQLITE_NOTADB
}
_SQLITE_CANTOPEN = 14
_OS_ERRORS: dict[int, tuple[type[StorageError], str]] = {
    errno.ENOSPC: (DiskFullError, "no space left for the journal"),
    errno.EACCES: (ReadOnlyStorageError, "the journal's folder is read-only"),
    errno.EPERM: (ReadOnlyStorageError, "the journal's folder is read-only"),
    errno.EROFS: (ReadOnlyStorageError, "the journal's folder is read-only"),
}


def translate(error: BaseException, path: Path) -> StorageError:
    """The error-tree equivalent of a sqlite3 or OS error about the journal at `path`."""
    if isinstance(error, OSError):
        kind, message = _OS_ERRORS.get(error.errno or 0, (StorageError, "journal file error"))
        return kind(message, file=path.name)
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    if code == _SQLITE_CANTOPEN and not os.access(path.parent, os.W_OK):
        code = 8  # SQLite cannot create the -wal/-shm files next to the database
    kind, message = _SQLITE_ERRORS.get(code, (JournalError, "journal error"))
    return kind(message, file=path.name, sqlite=getattr(error, "sqlite_errorname", ""))


@contextmanager
def errors_translated(path: Path) -> Iterator[None]:
    try:
        yield
    except (sqlite3.Error, OSError) as error:
        raise translate(error, path) from error


# --- opening ------------------------------------------------------------------------------------


def _create_private_file(path: Path) -> None:
    """Create the file 0600 before SQLite does (SQLite would honour the umask instead); the
    -wal and -shm files inherit the database file's permissions."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
    os.close(descriptor)
    if os.name == "posix":
        os.chmod(path, FILE_MODE)


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the database with the journal's settings, no schema work."""
    with errors_translated(path):
        _create_private_file(path)
        # isolation_level=None: transactions are explicit (`BEGIN IMMEDIATE`), never implicit.
        # check_same_thread=False only so that `Journal.close()` can close every thread's
        # connection; each connection is otherwise used by its own thread alone.
        connection = sqlite3.connect(
            path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
        )
        try:
            connection.execute("PRAGMA journal_mode = WAL").fetchone()
            # FULL: an "in flight" mark must survive a power cut, not only a crash, or a
            # resumed run could repeat a remote change without reconciling it first.
            connection.execute("PRAGMA synchronous = FULL")
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        except BaseException:
            connection.close()
            raise
    return connection


def current_version(connection: sqlite3.Connection) -> int:
    exists = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not exists:
        return 0
    row = connection.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def backup_path(path: Path, version: int, moment: datetime) -> Path:
    stamp = moment.astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return path.with_name(f"{path.name}.v{version}.{stamp}.bak")


def _write_backup(connection: sqlite3.Connection, target: Path) -> None:
    # The online-backup API copies committed pages including those still in the -wal file,
    # which a plain file copy would miss.
    _create_private_file(target)
    destination = sqlite3.connect(target)
    try:
        connection.backup(destination)
    finally:
        destination.close()


def upgrade(
    connection: sqlite3.Connection,
    path: Path,
    migrations: Sequence[SchemaMigration],
    now: Callable[[], datetime],
) -> list[Path]:
    """Bring the schema to the latest version; return the backups written on the way."""
    target = latest_version(migrations)
    backups: list[Path] = []
    with errors_translated(path):
        version = current_version(connection)
        if version > target:
            raise JournalVersionError(
                "the journal comes from a newer Fedimove", found=version, supported=target
            )
        for migration in migrations:
            if migration.version <= version:
                continue
            if version > 0:
                backup = backup_path(path, version, now())
                _write_backup(connection, backup)
                backups.append(backup)
            _apply(connection, migration, now())
            version = migration.version
    return backups


def _apply(connection: sqlite3.Connection, migration: SchemaMigration, moment: datetime) -> None:
    connection.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have upgraded while we waited for the write lock.
        if current_version(connection) < migration.version:
            connection.execute(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                " description TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            migration.apply(connection)
            connection.execute(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.description, timestamp(moment)),
            )
        connection.execute("COMMIT")
    except BaseException:
        rollback(connection)
        raise


def rollback(connection: sqlite3.Connection) -> None:
    """Roll back if a transaction is still open (SQLite ends some on its own, e.g. when full)."""
    if connection.in_transaction:
        connection.execute("ROLLBACK")
