"""Feed follower rows to the table in slices, so one big batch never freezes the window.

The bridge already coalesces rows every 100 ms, but during a busy Move one batch can hold
thousands of changed followers; applying them at once would block the event loop for longer
than a user tolerates. The feed keeps the latest row per actor and applies them until
`budget_ms` is spent, then lets Qt paint and handle input before the next turn; so a slow
machine applies fewer rows per turn instead of freezing.

Each `upsert` moves rows within one layout change, and each layout change makes the view map
its persistent indexes and lay out again; so a turn applies as many rows as its budget fits in
one call (at least `chunk_rows`), sized from what recent rows cost, not many small chunks.
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
#: A turn's work; the repaint that follows it costs about as much again at 100,000 rows.
DEFAULT_BUDGET_MS = 8.0
BULK_ROWS = 20_000
#: The largest single update of known rows (a turn's guess must stay bounded).
MAX_SLICE_ROWS = 5_000
#: Weight of the newest measurement in the running cost per row.
_COST_WEIGHT = 0.3
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
        #: Seconds one known row took to apply, recently (0: not measured yet).
        self._row_seconds = 0.0
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
            self._apply_chunk(self._budget)
        self._finish()

    def _apply_slice(self) -> None:
        began = time.perf_counter()
        deadline = began + self._budget
        now = began
        while self._pending:
            # At least one chunk per turn, however small the budget.
            self._apply_chunk(deadline - now)
            now = time.perf_counter()
            if now >= deadline:
                break
        if not self._pending:
            self._finish()

    def _rows_fitting(self, seconds: float) -> int:
        """How many known rows to apply in one call with `seconds` left in this turn."""
        if self._row_seconds <= 0 or seconds <= 0:
            return self._chunk_rows
        return max(self._chunk_rows, min(MAX_SLICE_ROWS, int(seconds / self._row_seconds)))

    def _apply_chunk(self, seconds: float) -> None:
        # A snapshot arrives as many rows the table has never seen: load those in bulk.
        bulk = not self._model.contains(next(iter(self._pending)))
        size = BULK_ROWS if bulk else self._rows_fitting(seconds)
        batch = [self._pending.pop(uri) for uri in list(islice(self._pending, size))]
        # Wall time, as the budget is: it is fine-grained everywhere (a thread's CPU clock ticks
        # in 15.6 ms steps on Windows), and on a busy machine it errs towards smaller slices.
        began = time.perf_counter()
        self._model.upsert(batch)
        elapsed = time.perf_counter() - began
        if not bulk and elapsed > 0:
            self._learn_cost(elapsed / len(batch))
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

    def _learn_cost(self, seconds_per_row: float) -> None:
        if self._row_seconds <= 0:
            self._row_seconds = seconds_per_row
        else:
            self._row_seconds += _COST_WEIGHT * (seconds_per_row - self._row_seconds)

    def _finish(self) -> None:
        self._timer.stop()
        self.drained.emit()
