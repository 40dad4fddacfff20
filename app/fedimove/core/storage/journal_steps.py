"""Steps of a migration: one per category (or part of one), in plan order, with their state.

Item counts are not stored on the step: they are counted from the items
(`ItemsMixin.item_counts`), so they can never disagree with the rows after a crash.
"""

# Only constant column lists and "?" placeholders are formatted into SQL; values are bound.
# ruff: noqa: S608

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from fedimove.core.errors import JournalNotFoundError
from fedimove.core.storage.journal_base import JournalBase
from fedimove.core.storage.journal_records import Step, StepState
from fedimove.core.storage.journal_schema import parse_timestamp, timestamp

_COLUMNS = "migration_id, name, position, state, last_error, next_attempt_at, updated_at"


def require_migration(db: sqlite3.Connection, migration_id: int) -> None:
    if db.execute("SELECT 1 FROM migrations WHERE id = ?", (migration_id,)).fetchone() is None:
        raise JournalNotFoundError("no such migration", migration=migration_id)


def ensure_step_row(db: sqlite3.Connection, migration_id: int, name: str, now: str) -> None:
    """Add the step at the end of the plan unless it exists."""
    db.execute(
        "INSERT INTO steps (migration_id, name, position, state, created_at, updated_at)"
        " SELECT ?, ?, COALESCE(MAX(position), -1) + 1, 'pending', ?, ?"
        " FROM steps WHERE migration_id = ? ON CONFLICT DO NOTHING",
        (migration_id, name, now, now, migration_id),
    )


def _step(row: Sequence[Any]) -> Step:
    updated = parse_timestamp(row[6])
    assert updated is not None
    return Step(
        migration_id=row[0],
        name=row[1],
        position=row[2],
        state=StepState(row[3]),
        last_error=row[4],
        next_attempt_at=parse_timestamp(row[5]),
        updated_at=updated,
    )


class StepsMixin(JournalBase):
    def ensure_steps(self, migration_id: int, names: Sequence[str]) -> list[Step]:
        """Declare the plan's steps in order (existing ones keep their place and state)."""
        now = self._now()
        with self._write() as db:
            require_migration(db, migration_id)
            for name in names:
                ensure_step_row(db, migration_id, name, now)
        return self.list_steps(migration_id)

    def list_steps(self, migration_id: int) -> list[Step]:
        with self._read() as db:
            rows = db.execute(
                f"SELECT {_COLUMNS} FROM steps WHERE migration_id = ? ORDER BY position",
                (migration_id,),
            ).fetchall()
        return [_step(row) for row in rows]

    def get_step(self, migration_id: int, name: str) -> Step:
        with self._read() as db:
            row = db.execute(
                f"SELECT {_COLUMNS} FROM steps WHERE migration_id = ? AND name = ?",
                (migration_id, name),
            ).fetchone()
        if row is None:
            raise JournalNotFoundError("no such step", migration=migration_id, step=name)
        return _step(row)

    def set_step_state(
        self,
        migration_id: int,
        name: str,
        state: StepState,
        *,
        last_error: str | None = None,
        next_attempt_at: datetime | None = None,
    ) -> Step:
        """Record a step's state; `last_error` is an error code, `next_attempt_at` says when a
        waiting step may go on (e.g. the next 00:00 UTC). Both are cleared when not given."""
        with self._write() as db:
            row = db.execute(
                f"UPDATE steps SET state = ?, last_error = ?, next_attempt_at = ?, updated_at = ?"
                f" WHERE migration_id = ? AND name = ? RETURNING {_COLUMNS}",
                (
                    state.value,
                    last_error,
                    timestamp(next_attempt_at) if next_attempt_at else None,
                    self._now(),
                    migration_id,
                    name,
                ),
            ).fetchone()
        if row is None:
            raise JournalNotFoundError("no such step", migration=migration_id, step=name)
        return _step(row)
