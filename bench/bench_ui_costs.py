"""What the followers table costs this process per update and per repaint, in CPU time.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_ui_costs.py [--rows 100000]

`bench_ui.py` measures the event-loop lag a user would feel, which on a shared machine also
measures the neighbours. This script measures the parts of it that are this process's own
work, with `time.process_time()`, each as the best of several blocks (other processes can
only make a block slower, never faster):

- upsert: CPU per changed row when rows change state in batches of 50 (the paced feed's
  slice) while the table is shown and sorted by state, so almost every row moves;
- frame: CPU for one repaint of the visible rows after such a batch (Qt's painting plus every
  `data()` call the view makes);
- a floor for the frame: the same table over a model with constant text, to tell the cost of
  the model's Python from Qt's own painting.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView

from fedimove.core.service_api import FollowerState
from fedimove.ui.models.follower_rows import FollowerColumn
from fedimove.ui.models.follower_table import FollowerTableModel
from ui_demo_data import demo_followers

BATCH = 50
#: Many short blocks: on a shared machine some of them run without a neighbour on the core.
BLOCKS = 30
BATCHES_PER_BLOCK = 10
FRAMES_PER_BLOCK = 3


def table_for(model: QAbstractTableModel) -> QTableView:
    """A table set up as the followers page sets up its own (pages/followers.py)."""
    table = QTableView()
    table.setModel(model)
    table.setSortingEnabled(True)
    table.sortByColumn(FollowerColumn.STATE, Qt.SortOrder.AscendingOrder)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setStretchLastSection(True)
    table.resize(1100, 700)
    table.show()
    return table


def best_per_unit(blocks: list[Callable[[], int]]) -> float:
    """Seconds of CPU per unit of work: the best block (each returns its unit count)."""
    best = float("inf")
    for block in blocks:
        began = time.process_time()
        units = block()
        best = min(best, (time.process_time() - began) / units)
    return best


class ConstantModel(QAbstractTableModel):
    """As many rows and columns as the real one, the same text everywhere."""

    def __init__(self, rows: int) -> None:
        super().__init__()
        self._rows = rows

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(FollowerColumn)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        return "someone@server.example" if role == Qt.ItemDataRole.DisplayRole else None


def measure(app: QApplication, rows: int) -> dict[str, float]:
    moved_at = datetime.now(UTC) - timedelta(hours=2)
    data = [
        dataclasses.replace(row, state=FollowerState.STILL_ON_OLD, arrived_at=None)
        for row in demo_followers(rows, moved_at=moved_at)
    ]
    model = FollowerTableModel()
    table = table_for(model)
    model.upsert(data)
    app.processEvents()
    rng = random.Random(3)
    states = list(FollowerState)
    order = list(range(rows))
    rng.shuffle(order)
    batches = iter(
        [
            [dataclasses.replace(data[i], state=rng.choice(states)) for i in order[k : k + BATCH]]
            for k in range(0, rows - BATCH, BATCH)
        ]
    )

    def upserts() -> int:
        for _ in range(BATCHES_PER_BLOCK):
            model.upsert(next(batches))
        return BATCHES_PER_BLOCK * BATCH

    def frames(target: QAbstractTableModel) -> Callable[[], int]:
        def block() -> int:
            for _ in range(FRAMES_PER_BLOCK):
                target.layoutAboutToBeChanged.emit()
                target.layoutChanged.emit()
                app.processEvents()
            return FRAMES_PER_BLOCK

        return block

    upsert = best_per_unit([upserts] * BLOCKS)
    app.processEvents()
    frame = best_per_unit([frames(model)] * BLOCKS)
    constant = ConstantModel(rows)
    table.setModel(constant)
    app.processEvents()
    floor = best_per_unit([frames(constant)] * BLOCKS)
    return {"upsert_us_per_row": upsert * 1e6, "frame_ms": frame * 1e3, "floor_ms": floor * 1e3}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    figures = measure(app, args.rows)
    print(f"load average before: {load}; after: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"upsert: {figures['upsert_us_per_row']:.1f} us CPU per changed row "
        f"(batches of {BATCH}, {args.rows:,} rows sorted by state)"
    )
    print(
        f"frame: {figures['frame_ms']:.1f} ms CPU per repaint of the visible rows "
        f"(floor with a constant model: {figures['floor_ms']:.1f} ms)"
    )
    rate = 5000
    per_second = rate * figures["upsert_us_per_row"] / 1e6 + 10 * figures["frame_ms"] / 1e3
    print(
        f"at {rate:,} changes/s with 10 repaints/s: about {per_second * 1000:.0f} ms CPU per "
        "second for the table"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
