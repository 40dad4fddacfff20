"""The journal: what makes every migration resumable exactly where it stopped (DESIGN §3, §6).

One SQLite file in the data dir (`AppPaths.journal`, mode 0600, WAL, synchronous FULL) holding
migrations, their steps, one row per item to re-create, the follower snapshot and the writer
lease. The parts live in sibling modules and are assembled into `Journal` here:

- `journal_schema`: opening, schema versions and forward migrations (backup first), errors;
- `journal_steps`, `journal_items`, `journal_followers`, `journal_lease`: the API per table;
- `journal_records`: the values and states it returns.

Usage::

    journal = Journal.open(paths.journal, clock)
    migration = journal.create_migration(old_handle=..., ..., categories=[Category.FOLLOWING])
    journal.acquire_lease(migration.id)
    journal.add_items(migration.id, "following", [(account.key, payload), ...])
    for item in journal.claim_items(migration.id, "following", limit=10):  # intent first
        ...remote change...
        journal.mark_done(item.id, remote_id)                              # outcome after

The API is synchronous; async callers run big batches through `asyncio.to_thread` (each
thread gets its own connection, see `journal_base`). Nothing here ever holds a secret.
"""

# Only constant column lists and "?" placeholders are formatted into SQL; values are bound.
# ruff: noqa: S608

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fedimove.core.errors import JournalNotFoundError, JournalStateError
from fedimove.core.models import Category
from fedimove.core.storage.journal_base import dump_json, load_json, refuse_secrets
from fedimove.core.storage.journal_followers import FollowersMixin
from fedimove.core.storage.journal_items import ItemsMixin
from fedimove.core.storage.journal_lease import LeaseMixin
from fedimove.core.storage.journal_records import (
    UNFINISHED_STATES,
    Migration,
    MigrationPhase,
    MigrationState,
)
from fedimove.core.storage.journal_schema import (
    MIGRATIONS,
    SchemaMigration,
    connect,
    parse_timestamp,
    timestamp,
    upgrade,
)
from fedimove.core.storage.journal_steps import StepsMixin

if TYPE_CHECKING:  # kept out of the import chain: a worker process starts faster
    from fedimove.core.clock import Clock
    from fedimove.core.storage.paths import AppPaths


_COLUMNS = (
    "id, old_handle, old_server, new_handle, new_server, categories, phase, state, created_at,"
    " updated_at, moved_at, new_locked_original, options"
)
_PHASES = tuple(MigrationPhase)
_TERMINAL = (MigrationState.FINISHED, MigrationState.ABANDONED)


def _migration(row: Sequence[Any]) -> Migration:
    created, updated = parse_timestamp(row[8]), parse_timestamp(row[9])
    assert created is not None
    assert updated is not None
    return Migration(
        id=row[0],
        old_handle=row[1],
        old_server=row[2],
        new_handle=row[3],
        new_server=row[4],
        categories=tuple(Category(value) for value in json.loads(row[5])),
        phase=MigrationPhase(row[6]),
        state=MigrationState(row[7]),
        created_at=created,
        updated_at=updated,
        moved_at=parse_timestamp(row[10]),
        new_locked_original=None if row[11] is None else bool(row[11]),
        options=load_json(row[12]),
    )


class Journal(StepsMixin, ItemsMixin, FollowersMixin, LeaseMixin):
    """The journal of every migration on this machine. Open it with `Journal.open`."""

    #: Copies taken before the schema migrations run by `open` (empty when none ran).
    backups: tuple[Path, ...] = ()

    @classmethod
    def open(
        cls, path: Path, clock: Clock, *, migrations: Sequence[SchemaMigration] = MIGRATIONS
    ) -> Journal:
        """Open or create the journal at `path`, upgrading its schema (backup first)."""
        connection = connect(path)
        try:
            backups = upgrade(connection, path, migrations, clock.now)
        finally:
            connection.close()
        journal = cls(path, clock)
        journal.backups = tuple(backups)
        return journal

    @classmethod
    def open_default(cls, paths: AppPaths, clock: Clock) -> Journal:
        return cls.open(paths.ensure().journal, clock)

    def __enter__(self) -> Journal:
        return self

    # --- migrations -----------------------------------------------------------------------

    def create_migration(
        self,
        *,
        old_handle: str,
        old_server: str,
        new_handle: str,
        new_server: str,
        categories: Iterable[Category],
        options: Mapping[str, Any] | None = None,
    ) -> Migration:
        """Start a migration record (phase `read`, state `active`). `*_server` is the API base
        (it may differ from the handle's domain); `options` must hold no secrets."""
        chosen = [Category(value).value for value in dict.fromkeys(categories)]
        stored = dict(options or {})
        refuse_secrets(stored, "options")
        now = self._now()
        with self._write() as db:
            row = db.execute(
                "INSERT INTO migrations (old_handle, old_server, new_handle, new_server,"
                " categories, phase, state, created_at, updated_at, options)"
                f" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING {_COLUMNS}",
                (
                    old_handle,
                    old_server,
                    new_handle,
                    new_server,
                    json.dumps(chosen),
                    MigrationPhase.READ.value,
                    MigrationState.ACTIVE.value,
                    now,
                    now,
                    dump_json(stored),
                ),
            ).fetchone()
        return _migration(row)

    def get_migration(self, migration_id: int) -> Migration:
        with self._read() as db:
            row = db.execute(
                f"SELECT {_COLUMNS} FROM migrations WHERE id = ?", (migration_id,)
            ).fetchone()
        if row is None:
            raise JournalNotFoundError("no such migration", migration=migration_id)
        return _migration(row)

    def list_migrations(self, states: Iterable[MigrationState] | None = None) -> list[Migration]:
        """Migrations, most recently updated first."""
        wanted = [state.value for state in (states if states is not None else MigrationState)]
        marks = ", ".join("?" for _ in wanted)
        with self._read() as db:
            rows = db.execute(
                f"SELECT {_COLUMNS} FROM migrations WHERE state IN ({marks})"
                " ORDER BY updated_at DESC, id DESC",
                wanted,
            ).fetchall()
        return [_migration(row) for row in rows]

    def find_unfinished(self) -> list[Migration]:
        """Active or paused migrations, most recent first (the welcome page offers to resume)."""
        return self.list_migrations(UNFINISHED_STATES)

    def set_phase(self, migration_id: int, phase: MigrationPhase) -> Migration:
        """Move to `phase`. Phases only go forward (DESIGN §0.1): nothing after the Move can
        pretend it has not happened."""

        def forward(current: Migration) -> str:
            if _PHASES.index(phase) < _PHASES.index(current.phase):
                raise JournalStateError(
                    "phases only go forward",
                    migration=migration_id,
                    phase=current.phase.value,
                    to=phase.value,
                )
            return phase.value

        return self._update(migration_id, "phase = ?", forward)

    def set_state(self, migration_id: int, state: MigrationState) -> Migration:
        """Pause, resume, finish or abandon; finished and abandoned are final."""

        def allowed(current: Migration) -> str:
            if current.state in _TERMINAL and state is not current.state:
                raise JournalStateError(
                    "the migration has ended",
                    migration=migration_id,
                    state=current.state.value,
                    to=state.value,
                )
            return state.value

        return self._update(migration_id, "state = ?", allowed)

    def record_move(self, migration_id: int, moved_at: datetime | None = None) -> Migration:
        """Journal the moment the Move went through (kept if already recorded). Phase `move`
        without `moved_at` means intent only: check the old account's `moved` on resume."""
        moment = timestamp(moved_at or self.clock.now())
        return self._update(migration_id, "moved_at = COALESCE(moved_at, ?)", lambda _: moment)

    def record_new_locked(self, migration_id: int, locked: bool) -> Migration:
        """Remember the new account's original `locked` (DESIGN §0.3). Only the first call
        counts: after Fedimove unlocked the account, a resumed run must not record `False`."""
        return self._update(
            migration_id,
            "new_locked_original = COALESCE(new_locked_original, ?)",
            lambda _: int(locked),
        )

    def update_options(self, migration_id: int, changes: Mapping[str, Any]) -> Migration:
        """Merge `changes` into the migration's options (no secrets; a None value removes)."""
        refuse_secrets(changes, "options")

        def merged(current: Migration) -> str:
            options = {**current.options, **changes}
            return dump_json({key: value for key, value in options.items() if value is not None})

        return self._update(migration_id, "options = ?", merged)

    def _update(
        self, migration_id: int, assignment: str, value_of: Callable[[Migration], object]
    ) -> Migration:
        """Set one column from the current record, read and written in one transaction."""
        with self._write() as db:
            value = value_of(self._get(db, migration_id))
            row = db.execute(
                f"UPDATE migrations SET {assignment}, updated_at = ? WHERE id = ?"
                f" RETURNING {_COLUMNS}",
                (value, self._now(), migration_id),
            ).fetchone()
        return _migration(row)

    @staticmethod
    def _get(db: sqlite3.Connection, migration_id: int) -> Migration:
        row = db.execute(
            f"SELECT {_COLUMNS} FROM migrations WHERE id = ?", (migration_id,)
        ).fetchone()
        if row is None:
            raise JournalNotFoundError("no such migration", migration=migration_id)
        return _migration(row)
