"""One row per item per step: what to re-create, and how far each re-creation got.

The protocol that makes copying exactly-once (DESIGN §3): `claim_items` marks items
`in_flight` and commits *before* the remote change; `mark_done` / `mark_skipped` /
`mark_failed` / `release` record the outcome after it. After a crash, `items_in_flight` lists
exactly the items whose remote change may or may not have happened, to reconcile with the server.
"""

# Only constant column lists and "?" placeholders are formatted into SQL; values are bound.
# ruff: noqa: S608

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NoReturn

from fedimove.core.errors import JournalNotFoundError, JournalStateError
from fedimove.core.storage.journal_base import JournalBase, dump_json, load_json
from fedimove.core.storage.journal_records import ITEM_TRANSITIONS, Item, ItemCounts, ItemState
from fedimove.core.storage.journal_schema import parse_timestamp
from fedimove.core.storage.journal_steps import ensure_step_row, require_migration

ItemSpec = tuple[str, Mapping[str, Any]]

_COLUMNS = (
    "id, migration_id, step, key, payload, state, reason, attempts, remote_id, created_at,"
    " updated_at"
)


def _item(row: Sequence[Any]) -> Item:
    created, updated = parse_timestamp(row[9]), parse_timestamp(row[10])
    assert created is not None
    assert updated is not None
    return Item(
        id=row[0],
        migration_id=row[1],
        step=row[2],
        key=row[3],
        payload=load_json(row[4]),
        state=ItemState(row[5]),
        reason=row[6],
        attempts=row[7],
        remote_id=row[8],
        created_at=created,
        updated_at=updated,
    )


def _sources(target: ItemState) -> tuple[str, ...]:
    return tuple(state.value for state, allowed in ITEM_TRANSITIONS.items() if target in allowed)


class ItemsMixin(JournalBase):
    def add_items(self, migration_id: int, step: str, items: Iterable[ItemSpec]) -> int:
        """Add `(key, payload)` items as pending, in one transaction; return how many were new.

        Idempotent: a key already present keeps its state. Its payload is refreshed only while
        it is still pending (a later read knows better; an item in flight or finished keeps
        the data it was, or is being, re-created from).
        """
        now = self._now()
        rows = ((migration_id, step, key, dump_json(payload), now, now) for key, payload in items)
        with self._write() as db:
            require_migration(db, migration_id)
            ensure_step_row(db, migration_id, step, now)
            before = self._count(db, migration_id, step)
            db.executemany(
                "INSERT INTO items (migration_id, step, key, payload, state, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, 'pending', ?, ?)"
                " ON CONFLICT (migration_id, step, key) DO UPDATE"
                " SET payload = excluded.payload, updated_at = excluded.updated_at"
                " WHERE items.state = 'pending' AND items.payload != excluded.payload",
                rows,
            )
            return self._count(db, migration_id, step) - before

    @staticmethod
    def _count(db: sqlite3.Connection, migration_id: int, step: str) -> int:
        row = db.execute(
            "SELECT COUNT(*) FROM items WHERE migration_id = ? AND step = ?", (migration_id, step)
        ).fetchone()
        return int(row[0])

    def claim_items(self, migration_id: int, step: str, limit: int = 1) -> list[Item]:
        """Mark up to `limit` pending items in flight (oldest first) and return them.

        This is the intent record: it is committed before the caller touches the server.
        """
        with self._write() as db:
            rows = db.execute(
                f"UPDATE items SET state = 'in_flight', attempts = attempts + 1, updated_at = ?"
                f" WHERE id IN (SELECT id FROM items WHERE migration_id = ? AND step = ?"
                f" AND state = 'pending' ORDER BY id LIMIT ?) RETURNING {_COLUMNS}",
                (self._now(), migration_id, step, limit),
            ).fetchall()
        return sorted((_item(row) for row in rows), key=lambda item: item.id)

    def claim_item(self, item_id: int) -> Item:
        """Claim one given pending item (for steps whose items depend on each other, e.g. a
        list member once its list exists); `JournalStateError` if it is not pending."""
        with self._write() as db:
            row = db.execute(
                f"UPDATE items SET state = 'in_flight', attempts = attempts + 1, updated_at = ?"
                f" WHERE id = ? AND state = 'pending' RETURNING {_COLUMNS}",
                (self._now(), item_id),
            ).fetchone()
            if row is None:
                self._refuse(db, item_id, ItemState.IN_FLIGHT)
        return _item(row)

    def mark_done(self, item_id: int, remote_id: str | None = None) -> Item:
        return self._transition(item_id, ItemState.DONE, reason=None, remote_id=remote_id)

    def mark_done_many(self, outcomes: Iterable[tuple[int, str | None]]) -> int:
        """`mark_done` for many `(item_id, remote_id)` in one transaction (bulk verification)."""
        done = 0
        with self._write() as db:
            for item_id, remote_id in outcomes:
                self._apply(db, item_id, ItemState.DONE, remote_id=remote_id)
                done += 1
        return done

    def mark_skipped(self, item_id: int, reason: str) -> Item:
        return self._transition(item_id, ItemState.SKIPPED, reason=reason)

    def mark_failed(self, item_id: int, reason: str, attempts: int | None = None) -> Item:
        """Failed for now, with an error code; `attempts` overrides the count of claims."""
        return self._transition(item_id, ItemState.FAILED, reason=reason, attempts=attempts)

    def release(self, item_id: int, reason: str | None = None) -> Item:
        """Back to pending: the server shows the change did not happen, or it may be retried."""
        return self._transition(item_id, ItemState.PENDING, reason=reason)

    def mark_removed_by_user(self, item_id: int, reason: str = "removed_by_user") -> Item:
        """Done earlier, since undone by the user on the new account: never re-created."""
        return self._transition(item_id, ItemState.REMOVED_BY_USER, reason=reason)

    def retry_failed(self, migration_id: int, step: str | None = None) -> int:
        """Put failed items back to pending; returns how many."""
        with self._write() as db:
            cursor = db.execute(
                "UPDATE items SET state = 'pending', updated_at = ? WHERE migration_id = ?"
                " AND state = 'failed' AND (? IS NULL OR step = ?)",
                (self._now(), migration_id, step, step),
            )
            return cursor.rowcount

    def _transition(
        self,
        item_id: int,
        target: ItemState,
        *,
        reason: str | None = None,
        remote_id: str | None = None,
        attempts: int | None = None,
    ) -> Item:
        with self._write() as db:
            return self._apply(
                db, item_id, target, reason=reason, remote_id=remote_id, attempts=attempts
            )

    def _apply(
        self,
        db: sqlite3.Connection,
        item_id: int,
        target: ItemState,
        *,
        reason: str | None = None,
        remote_id: str | None = None,
        attempts: int | None = None,
    ) -> Item:
        sources = _sources(target)
        marks = ", ".join("?" for _ in sources)
        row = db.execute(
            f"UPDATE items SET state = ?, reason = ?, remote_id = COALESCE(?, remote_id),"
            f" attempts = COALESCE(?, attempts), updated_at = ?"
            f" WHERE id = ? AND state IN ({marks}) RETURNING {_COLUMNS}",
            (target.value, reason, remote_id, attempts, self._now(), item_id, *sources),
        ).fetchone()
        if row is None:
            self._refuse(db, item_id, target)
        return _item(row)

    @staticmethod
    def _refuse(db: sqlite3.Connection, item_id: int, target: ItemState) -> NoReturn:
        current = db.execute("SELECT state FROM items WHERE id = ?", (item_id,)).fetchone()
        if current is None:
            raise JournalNotFoundError("no such item", item=item_id)
        raise JournalStateError(
            "item state change not allowed", item=item_id, state=current[0], to=target.value
        )

    # --- reading --------------------------------------------------------------------------

    def get_item(self, migration_id: int, step: str, key: str) -> Item | None:
        with self._read() as db:
            row = db.execute(
                f"SELECT {_COLUMNS} FROM items WHERE migration_id = ? AND step = ? AND key = ?",
                (migration_id, step, key),
            ).fetchone()
        return _item(row) if row else None

    def items_in_flight(self, migration_id: int, step: str | None = None) -> list[Item]:
        """Items whose remote change may have happened: reconcile these before going on."""
        return self.list_items(migration_id, step, states=(ItemState.IN_FLIGHT,), limit=None)

    def list_items(
        self,
        migration_id: int,
        step: str | None = None,
        *,
        states: Iterable[ItemState] | None = None,
        after_id: int = 0,
        limit: int | None = 1000,
    ) -> list[Item]:
        """Items in insertion order; page with `after_id` = the last id seen."""
        wanted = [state.value for state in states] if states is not None else None
        where = "migration_id = ? AND id > ? AND (? IS NULL OR step = ?)"
        params: list[Any] = [migration_id, after_id, step, step]
        if wanted is not None:
            where += f" AND state IN ({', '.join('?' for _ in wanted)})"
            params += wanted
        with self._read() as db:
            rows = db.execute(
                f"SELECT {_COLUMNS} FROM items WHERE {where} ORDER BY id LIMIT ?",
                (*params, -1 if limit is None else limit),
            ).fetchall()
        return [_item(row) for row in rows]

    def item_counts(self, migration_id: int) -> dict[str, ItemCounts]:
        """Per step: how many items are in each state (counted, so always true to the rows)."""
        with self._read() as db:
            rows = db.execute(
                "SELECT step, state, COUNT(*) FROM items WHERE migration_id = ?"
                " GROUP BY step, state",
                (migration_id,),
            ).fetchall()
        per_step: dict[str, dict[str, int]] = defaultdict(dict)
        for step, state, count in rows:
            per_step[step][state] = count
        return {step: ItemCounts(**counts) for step, counts in per_step.items()}

    def step_counts(self, migration_id: int, step: str) -> ItemCounts:
        return self.item_counts(migration_id).get(step, ItemCounts())

    def reason_counts(
        self, migration_id: int, step: str | None = None, state: ItemState = ItemState.SKIPPED
    ) -> dict[str, int]:
        """How many items ended in `state` for each reason code (for the status and report)."""
        with self._read() as db:
            rows = db.execute(
                "SELECT COALESCE(reason, ''), COUNT(*) FROM items WHERE migration_id = ?"
                " AND state = ? AND (? IS NULL OR step = ?) GROUP BY 1",
                (migration_id, state.value, step, step),
            ).fetchall()
        return {reason: count for reason, count in rows}
