"""Feed follower rows to the table in slices, so one big batch never freezes the window.

The bridge already coalesces rows every 100 ms, but during a busy Move one batch can hold
thousands of changed followers; applying them at once would block the event loop for longer
than a user tolerates. The feed keeps the latest row per actor and applies chunks of
`chunk_rows` until `budget_ms` is spent, then lets Qt paint and handle input before the next
turn; so a slow machine applies fewer rows per turn instead of freezing.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Sequence
from itertools import islice

from PySide6.QtCore import QObject, QTimer, Signal

from fedimove.core.service_api import FollowerRow
from fedimove.ui.models.follower_table import FollowerTableModel

DEFAULT_CHUNK_ROWS = 50
DEFAULT_BUDGET_MS = 15.0
BULK_ROWS = 20_000
FREEZE_AFTER_ROWS = 10_000


class PacedRowFeed(QObject):
    #: Emitted when every pushed row has reached the model.
    drained = Signal()

    def __init__(
        self,
        model: FollowerTableModel,
        *,
        chunk_rows: int = DEFAULT_CHUNK_ROWS,
        budget_ms: float = DEFAULT_BUDGET_MS,
    ) -> None:
        super().__init__(model)
        self._model = model
        self._chunk_rows = chunk_rows
        self._budget = budget_ms / 1000
        self._frozen_rows = 0
        self._pending: dict[str, FollowerRow] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._apply_slice)

    @property
    def pending(self) -> int:
        return len(self._pending)

    def push(self, rows: Sequence[FollowerRow]) -> None:
        for row in rows:
            # Re-inserting keeps the newest row per actor and moves it to the back.
            self._pending.pop(row.actor_uri, None)
            self._pending[row.actor_uri] = row
        if self._pending and not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Apply everything now (tests, shutdown)."""
        while self._pending:
            self._apply_chunk()
        self._finish()

    def _apply_slice(self) -> None:
        deadline = time.perf_counter() + self._budget
        while self._pending:
            self._apply_chunk()  # at least one per turn, however small the budget
            if time.perf_counter() >= deadline:
                break
        if not self._pending:
            self._finish()

    def _apply_chunk(self) -> None:
        # A snapshot arrives as many rows the table has never seen: load those in bulk.
        bulk = not self._model.contains(next(iter(self._pending)))
        size = BULK_ROWS if bulk else self._chunk_rows
        batch = [self._pending.pop(uri) for uri in list(islice(self._pending, size))]
        self._model.upsert(batch)
        rows = self._model.rowCount()
        if (
            bulk
            and rows >= FREEZE_AFTER_ROWS
            and rows - self._frozen_rows >= FREEZE_AFTER_ROWS // 2
        ):
            self._frozen_rows = rows
            # The rows now live as long as the page. A full garbage collection would walk
            # every one of them (a pause of 100+ ms at 100,000 followers) to find nothing:
            # move what exists now out of the collector's sight.
            gc.freeze()

    def _finish(self) -> None:
        self._timer.stop()
        self.drained.emit()
