"""Feed follower rows to the table in slices, so one big batch never freezes the window.

The bridge already coalesces rows every 100 ms, but during a busy Move one batch can hold
thousands of changed followers; applying them at once would block the event loop for longer
than a user tolerates. The feed keeps the latest row per actor and applies at most `slice_rows`
per event-loop turn, letting Qt paint and handle input in between.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice

from PySide6.QtCore import QObject, QTimer, Signal

from fedimove.core.service_api import FollowerRow
from fedimove.ui.models.follower_table import FollowerTableModel

DEFAULT_SLICE_ROWS = 250
BULK_SLICE_ROWS = 20_000  # while the table is still empty, big slices load faster


class PacedRowFeed(QObject):
    #: Emitted when every pushed row has reached the model.
    drained = Signal()

    def __init__(self, model: FollowerTableModel, *, slice_rows: int = DEFAULT_SLICE_ROWS) -> None:
        super().__init__(model)
        self._model = model
        self._slice_rows = slice_rows
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
            self._apply_slice()

    def _apply_slice(self) -> None:
        size = BULK_SLICE_ROWS if self._model.rowCount() == 0 else self._slice_rows
        batch = [self._pending.pop(uri) for uri in list(islice(self._pending, size))]
        if batch:
            self._model.upsert(batch)
        if not self._pending:
            self._timer.stop()
            self.drained.emit()
