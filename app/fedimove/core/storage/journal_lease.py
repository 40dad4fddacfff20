"""One writer per migration (DESIGN §0.13): a lease row with pid, host and a heartbeat.

Every command that writes takes the lease first; the journal does not check it on each write
(it is a promise between Fedimove processes, not a lock SQLite enforces). A lease is free when
released, when its heartbeat is older than `STALE_AFTER`, or at once when its holder was a
process on this machine that no longer exists (a crash should not cost two minutes on resume).
"""

# Only constant column lists and "?" placeholders are formatted into SQL; values are bound.
# ruff: noqa: S608

from __future__ import annotations

import os
import socket
import sqlite3
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from fedimove.core.errors import JournalBusyError, JournalLeaseLostError
from fedimove.core.storage.journal_base import JournalBase
from fedimove.core.storage.journal_records import Lease
from fedimove.core.storage.journal_schema import parse_timestamp, timestamp
from fedimove.core.storage.journal_steps import require_migration

STALE_AFTER = timedelta(minutes=2)
HEARTBEAT_EVERY = timedelta(seconds=30)

_COLUMNS = "migration_id, owner, pid, host, acquired_at, heartbeat_at"


def _lease(row: Sequence[Any]) -> Lease:
    acquired, heartbeat = parse_timestamp(row[4]), parse_timestamp(row[5])
    assert acquired is not None
    assert heartbeat is not None
    return Lease(row[0], row[1], row[2], row[3], acquired, heartbeat)


def process_exists(pid: int) -> bool:
    """Whether a process with this id runs on this machine (True when it cannot be told)."""
    if os.name != "posix":
        return True  # os.kill on Windows would terminate it; rely on the heartbeat there
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class LeaseMixin(JournalBase):
    def acquire_lease(self, migration_id: int) -> Lease:
        """Take (or renew) the writer lease; `JournalBusyError` while another holds it."""
        owner, now = self.lease_owner, self.clock.now()
        with self._write() as db:
            require_migration(db, migration_id)
            held = self._holder(db, migration_id)
            if held is not None and held.owner != owner and not self._is_free(held, now):
                raise JournalBusyError(
                    "another Fedimove process is working on this migration",
                    migration=migration_id,
                    pid=held.pid,
                    host=held.host,
                )
            acquired = held.acquired_at if held is not None and held.owner == owner else now
            row = db.execute(
                f"INSERT OR REPLACE INTO leases ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)"
                f" RETURNING {_COLUMNS}",
                (
                    migration_id,
                    owner,
                    os.getpid(),
                    socket.gethostname(),
                    timestamp(acquired),
                    timestamp(now),
                ),
            ).fetchone()
        return _lease(row)

    def heartbeat(self, migration_id: int) -> Lease:
        """Show we are alive; `JournalLeaseLostError` if another process has taken over."""
        with self._write() as db:
            row = db.execute(
                f"UPDATE leases SET heartbeat_at = ? WHERE migration_id = ? AND owner = ?"
                f" RETURNING {_COLUMNS}",
                (self._now(), migration_id, self.lease_owner),
            ).fetchone()
        if row is None:
            raise JournalLeaseLostError("the writer lease was lost", migration=migration_id)
        return _lease(row)

    def release_lease(self, migration_id: int) -> None:
        with self._write() as db:
            db.execute(
                "DELETE FROM leases WHERE migration_id = ? AND owner = ?",
                (migration_id, self.lease_owner),
            )

    def lease_holder(self, migration_id: int) -> Lease | None:
        """The current lease, if any holder is still live (stale leases read as None)."""
        with self._read() as db:
            held = self._holder(db, migration_id)
        if held is None or self._is_free(held, self.clock.now()):
            return None
        return held

    @staticmethod
    def _holder(db: sqlite3.Connection, migration_id: int) -> Lease | None:
        row = db.execute(
            f"SELECT {_COLUMNS} FROM leases WHERE migration_id = ?", (migration_id,)
        ).fetchone()
        return _lease(row) if row else None

    @staticmethod
    def _is_free(held: Lease, now: datetime) -> bool:
        if now - held.heartbeat_at > STALE_AFTER:
            return True
        same_machine = held.host == socket.gethostname()
        return same_machine and held.pid != os.getpid() and not process_exists(held.pid)

    async def keep_lease(self, migration_id: int, every: timedelta = HEARTBEAT_EVERY) -> None:
        """Heartbeat until cancelled (run it as a task beside the work it protects)."""
        while True:
            await self.clock.sleep(every.total_seconds())
            self.heartbeat(migration_id)
