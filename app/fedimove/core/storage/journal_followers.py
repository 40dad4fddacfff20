"""Followers of a migration: the pre-Move snapshot and where each follower is now (DESIGN §0.6).

Followers are keyed by actor URI, never by `acct` (an acct can be renamed or reused). Every
state says whether it was observed or inferred. `arrived_at` is set the first time a follower
is seen arriving and never moves afterwards.
"""

# Only constant column lists and "?" placeholders are formatted into SQL; values are bound.
# ruff: noqa: S608

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from fedimove.core.errors import JournalError
from fedimove.core.models import AccountRef
from fedimove.core.storage.journal_base import JournalBase
from fedimove.core.storage.journal_records import (
    Evidence,
    Follower,
    FollowerState,
    FollowerUpdate,
)
from fedimove.core.storage.journal_schema import parse_timestamp
from fedimove.core.storage.journal_steps import require_migration

_COLUMNS = (
    "migration_id, actor_uri, acct, domain, in_snapshot, state, evidence, reason,"
    " first_seen_at, arrived_at, updated_at"
)


def domain_of(acct: str) -> str:
    return acct.rpartition("@")[2].lower()


def _follower(row: Sequence[Any]) -> Follower:
    first_seen, updated = parse_timestamp(row[8]), parse_timestamp(row[10])
    assert first_seen is not None
    assert updated is not None
    return Follower(
        migration_id=row[0],
        actor_uri=row[1],
        acct=row[2],
        domain=row[3],
        in_snapshot=bool(row[4]),
        state=FollowerState(row[5]),
        evidence=Evidence(row[6]),
        reason=row[7],
        first_seen_at=first_seen,
        arrived_at=parse_timestamp(row[9]),
        updated_at=updated,
    )


class FollowersMixin(JournalBase):
    def snapshot_followers(self, migration_id: int, accounts: Iterable[AccountRef]) -> int:
        """Record the old account's followers before the Move; return how many were new.

        Re-running it (a fresher read) adds newcomers as `still_on_old` and refreshes accts, but
        keeps every known follower's state.
        """
        now = self._now()
        rows = (
            (migration_id, account.key, account.acct, domain_of(account.acct), now, now)
            for account in accounts
        )
        with self._write() as db:
            require_migration(db, migration_id)
            before = self._follower_total(db, migration_id)
            db.executemany(
                "INSERT INTO followers (migration_id, actor_uri, acct, domain, in_snapshot,"
                " state, evidence, first_seen_at, updated_at)"
                " VALUES (?, ?, ?, ?, 1, 'still_on_old', 'observed', ?, ?)"
                " ON CONFLICT (migration_id, actor_uri) DO UPDATE SET acct = excluded.acct,"
                " domain = excluded.domain, in_snapshot = 1",
                rows,
            )
            return self._follower_total(db, migration_id) - before

    @staticmethod
    def _follower_total(db: sqlite3.Connection, migration_id: int) -> int:
        row = db.execute(
            "SELECT COUNT(*) FROM followers WHERE migration_id = ?", (migration_id,)
        ).fetchone()
        return int(row[0])

    def update_followers(self, migration_id: int, updates: Iterable[FollowerUpdate]) -> int:
        """Apply new states in one transaction; unknown followers (who were not in the
        snapshot, e.g. new followers of the new account) are added when `acct` is given."""
        now = self._now()
        changed = 0
        with self._write() as db:
            require_migration(db, migration_id)
            for update in updates:
                changed += self._apply_update(db, migration_id, update, now)
        return changed

    def set_follower_state(self, migration_id: int, update: FollowerUpdate) -> Follower:
        self.update_followers(migration_id, [update])
        follower = self.get_follower(migration_id, update.actor_uri)
        assert follower is not None
        return follower

    @staticmethod
    def _apply_update(
        db: sqlite3.Connection, migration_id: int, update: FollowerUpdate, now: str
    ) -> int:
        arrived = now if update.state is FollowerState.MOVED else None
        cursor = db.execute(
            "UPDATE followers SET state = ?, evidence = ?, reason = ?, updated_at = ?,"
            " arrived_at = COALESCE(arrived_at, ?) WHERE migration_id = ? AND actor_uri = ?",
            (
                update.state.value,
                update.evidence.value,
                update.reason,
                now,
                arrived,
                migration_id,
                update.actor_uri,
            ),
        )
        if cursor.rowcount:
            return 1
        if not update.acct:
            raise JournalError("a follower not yet known needs an acct", migration=migration_id)
        db.execute(
            "INSERT INTO followers (migration_id, actor_uri, acct, domain, in_snapshot, state,"
            " evidence, reason, first_seen_at, arrived_at, updated_at)"
            " VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)",
            (
                migration_id,
                update.actor_uri,
                update.acct,
                domain_of(update.acct),
                update.state.value,
                update.evidence.value,
                update.reason,
                now,
                arrived,
                now,
            ),
        )
        return 1

    def get_follower(self, migration_id: int, actor_uri: str) -> Follower | None:
        with self._read() as db:
            row = db.execute(
                f"SELECT {_COLUMNS} FROM followers WHERE migration_id = ? AND actor_uri = ?",
                (migration_id, actor_uri),
            ).fetchone()
        return _follower(row) if row else None

    def list_followers(
        self,
        migration_id: int,
        *,
        state: FollowerState | None = None,
        after_uri: str = "",
        limit: int | None = 1000,
    ) -> list[Follower]:
        """Followers ordered by actor URI; page with `after_uri` = the last URI seen."""
        with self._read() as db:
            rows = db.execute(
                f"SELECT {_COLUMNS} FROM followers WHERE migration_id = ? AND actor_uri > ?"
                f" AND (? IS NULL OR state = ?) ORDER BY actor_uri LIMIT ?",
                (
                    migration_id,
                    after_uri,
                    state and state.value,
                    state and state.value,
                    -1 if limit is None else limit,
                ),
            ).fetchall()
        return [_follower(row) for row in rows]

    def in_snapshot(self, migration_id: int, actor_uris: Iterable[str]) -> set[str]:
        """Which of these actors followed the old account before the Move (DESIGN §0.3:
        only they are approved as "migrated followers")."""
        wanted = list(dict.fromkeys(actor_uris))
        found: set[str] = set()
        with self._read() as db:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ", ".join("?" for _ in chunk)
                rows = db.execute(
                    f"SELECT actor_uri FROM followers WHERE migration_id = ? AND in_snapshot = 1"
                    f" AND actor_uri IN ({marks})",
                    (migration_id, *chunk),
                ).fetchall()
                found.update(row[0] for row in rows)
        return found

    def follower_counts(
        self, migration_id: int, *, snapshot_only: bool = True
    ) -> dict[FollowerState, int]:
        with self._read() as db:
            rows = db.execute(
                "SELECT state, COUNT(*) FROM followers WHERE migration_id = ?"
                " AND (in_snapshot = 1 OR ?) GROUP BY state",
                (migration_id, not snapshot_only),
            ).fetchall()
        return {FollowerState(state): count for state, count in rows}

    def follower_counts_by_domain(self, migration_id: int) -> dict[str, dict[FollowerState, int]]:
        """Per follower server: how many in each state (the tracker's "by server" view)."""
        with self._read() as db:
            rows = db.execute(
                "SELECT domain, state, COUNT(*) FROM followers WHERE migration_id = ?"
                " AND in_snapshot = 1 GROUP BY domain, state",
                (migration_id,),
            ).fetchall()
        result: dict[str, dict[FollowerState, int]] = {}
        for domain, state, count in rows:
            result.setdefault(domain, {})[FollowerState(state)] = count
        return result
