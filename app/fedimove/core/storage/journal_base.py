"""Connections and transactions shared by the journal's parts (`journal.py` assembles them).

Threads: each thread gets its own SQLite connection, opened on first use, so callers may run
big batches through `asyncio.to_thread` while the event loop reads counts (WAL lets readers
and the single writer proceed together). A connection is never shared between threads.
Every change runs in one `BEGIN IMMEDIATE` transaction: the write lock is taken up front, so
two writers queue (up to the busy timeout) instead of failing half-way.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fedimove.core.errors import JournalError
from fedimove.core.storage.journal_schema import (
    connect,
    errors_translated,
    rollback,
    timestamp,
)

if TYPE_CHECKING:  # kept out of the import chain: a worker process starts faster
    from fedimove.core.clock import Clock


_SECRET_WORDS = ("token", "secret", "password", "passphrase", "authorization", "cookie")


class JournalBase:
    def __init__(self, path: Path, clock: Clock) -> None:
        self.path = path
        self.clock = clock
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._guard = threading.Lock()
        self._closed = False
        #: Identifies this journal object as a lease holder, so a reused pid is never "us".
        self.lease_owner = os.urandom(16).hex()

    # --- connections ----------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._closed:
            raise JournalError("the journal is closed")
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            with self._guard:
                if self._closed:
                    raise JournalError("the journal is closed")
                connection = connect(self.path)
                self._connections.append(connection)
            self._local.connection = connection
        return connection

    def close(self) -> None:
        """Close every thread's connection. Call once no other thread uses the journal."""
        with self._guard:
            self._closed = True
            connections, self._connections = self._connections, []
        for connection in connections:
            connection.close()

    def __enter__(self) -> JournalBase:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- transactions ---------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction holding the write lock; commits on success, rolls back otherwise."""
        connection = self._connection()
        with errors_translated(self.path):
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
                connection.execute("COMMIT")
            except BaseException:
                rollback(connection)
                raise

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """A consistent snapshot for several statements (WAL: does not block the writer)."""
        connection = self._connection()
        with errors_translated(self.path):
            connection.execute("BEGIN")
            try:
                yield connection
            finally:
                rollback(connection)

    def _now(self) -> str:
        return timestamp(self.clock.now())

    def integrity_problems(self) -> list[str]:
        """SQLite's own check; empty when the file is sound."""
        with self._read() as connection:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
        return [str(row[0]) for row in rows if row[0] != "ok"]


def dump_json(value: Mapping[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def load_json(text: str) -> dict[str, Any]:
    value = json.loads(text)
    if not isinstance(value, dict):
        raise JournalError("journal holds a malformed record")
    return value


def refuse_secrets(value: object, where: str) -> None:
    """Options are stored in clear: refuse any key that looks like it holds a secret."""
    if isinstance(value, Mapping):
        for key, inner in value.items():
            lowered = str(key).lower()
            if any(word in lowered for word in _SECRET_WORDS):
                raise JournalError("secrets never go into the journal", field=where)
            refuse_secrets(inner, where)
    elif isinstance(value, list | tuple):
        for inner in value:
            refuse_secrets(inner, where)
