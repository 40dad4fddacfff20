"""The followers table: every follower of the old account and where they stand.

Rows arrive in batches from the bridge (the latest row per actor URI) and are applied by key:
changed cells get batched `dataChanged`, rows whose sort position changes move within one
layout change, rows that enter or leave the filter are inserted or removed one by one. The
model is never reset for an update, only for a bulk load or when the user changes the filter.
Sorting and filtering live here rather than in a QSortFilterProxyModel, whose per-row Python
calls are too slow at 100,000 rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from fedimove.core.service_api import FollowerRow, FollowerState
from fedimove.ui.labels import dot_icon, state_color
from fedimove.ui.models.follower_cells import CellTexts
from fedimove.ui.models.follower_rows import FollowerColumn, FollowerFilter, sanitized, sort_value
from fedimove.ui.models.follower_stats import FollowerStats
from fedimove.ui.models.sorted_ids import SortedIds, SortKey, consecutive_runs, packed_key
from fedimove.ui.text import tooltip_text

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex
# Columns whose text may be elided; the others are short words of ours.
_TIPPED = frozenset(
    {FollowerColumn.HANDLE, FollowerColumn.NAME, FollowerColumn.SERVER, FollowerColumn.REASON}
)
# Plain ints: views pass roles as ints, about seven per painted cell.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ROLES = frozenset({_DISPLAY, _DECORATION, _TOOLTIP, int(ROW_ROLE)})
_COLUMNS = len(FollowerColumn)
_STATE_COLUMN = int(FollowerColumn.STATE)
_EVERYONE = FollowerFilter()
# Columns whose sort values are small non-negative ints (ranks), packed into one int key.
_RANKED = frozenset({FollowerColumn.STATE, FollowerColumn.EVIDENCE})
# Above these, per-row signals cost more than letting the view start over.
_BULK_ROWS = 2000
_MAX_RANGES = 64


class FollowerTableModel(QAbstractTableModel):
    #: Emitted after a batch changed any counter (see `stats`).
    counts_changed = Signal()

    def __init__(self, parent: Any = None, *, dark: bool = False) -> None:
        super().__init__(parent)
        self._rows: list[FollowerRow] = []
        self._ids: dict[str, int] = {}
        self._filter = FollowerFilter()
        self._sort_column = FollowerColumn.STATE
        self._view = SortedIds(self._key)
        self._dark = dark
        self._colors = {state: dot_icon(state_color(state, dark=dark)) for state in FollowerState}
        self.stats = FollowerStats()
        self.retranslate()

    # --- reading -----------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._view)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMNS

    def contains(self, actor_uri: str) -> bool:
        return actor_uri in self._ids

    def row_at(self, position: int) -> FollowerRow:
        return self._rows[self._view.at(position)]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every visible cell and many roles; the cheap rejections come first.
        if role not in _ROLES or not index.isValid():
            return None
        row = self._rows[self._view.at(index.row())]
        column = index.column()
        if role == _DISPLAY:
            return self._texts.display(row, column)
        if role == _DECORATION:
            return self._colors[row.state] if column == _STATE_COLUMN else None
        if role == _TOOLTIP:
            return tooltip_text(self._texts.display(row, column)) if column in _TIPPED else None
        return row

    def retranslate(self) -> None:
        """Rebuild the cached words (on start and when the language changes)."""
        self._texts = CellTexts()
        if len(self._view):
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._view) - 1, len(FollowerColumn) - 1)
            )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(FollowerColumn) - 1)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        # Asked for every header section on every repaint: the titles are translated once.
        if orientation != Qt.Orientation.Horizontal or role != _DISPLAY:
            return None
        return self._texts.titles[section] if 0 <= section < _COLUMNS else None

    def set_dark(self, dark: bool) -> None:
        """Follow the system palette (state colours differ on dark backgrounds)."""
        self._colors = {state: dot_icon(state_color(state, dark=dark)) for state in FollowerState}
        if dark != self._dark and len(self._view):
            self._dark = dark
            column = FollowerColumn.STATE
            self.dataChanged.emit(
                self.index(0, column),
                self.index(len(self._view) - 1, column),
                [Qt.ItemDataRole.DecorationRole],
            )
        self._dark = dark

    # --- sorting and filtering ---------------------------------------------------------------

    def _key(self, row_id: int) -> SortKey:
        value = sort_value(self._rows[row_id], self._sort_column)
        return packed_key(value, row_id) if self._sort_column in _RANKED else (value, row_id)

    @property
    def current_filter(self) -> FollowerFilter:
        return self._filter

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        persistent = self._persistent_ids()
        self._sort_column = FollowerColumn(column)
        descending = order == Qt.SortOrder.DescendingOrder
        self._view = SortedIds(self._key, self._view.ids(), descending=descending)
        self._restore_persistent(persistent)
        self.layoutChanged.emit()

    def set_filter(self, new_filter: FollowerFilter) -> None:
        if new_filter == self._filter:
            return
        self.beginResetModel()
        self._filter = new_filter
        self._rebuild_view()
        self.endResetModel()

    def _rebuild_view(self) -> None:
        accepted = (i for i, row in enumerate(self._rows) if self._filter.accepts(row))
        self._view = SortedIds(self._key, accepted, descending=self._view.descending)

    def _persistent_ids(self) -> list[tuple[QModelIndex, int]]:
        return [(index, self._view.at(index.row())) for index in self.persistentIndexList()]

    def _restore_persistent(self, saved: list[tuple[QModelIndex, int]]) -> None:
        for old, row_id in saved:
            if row_id in self._view:
                new = self.index(self._view.position(row_id), old.column())
            else:
                new = QModelIndex()
            self.changePersistentIndex(old, new)

    # --- updating ----------------------------------------------------------------------------

    def upsert(self, rows: Sequence[FollowerRow]) -> None:
        """Apply a batch of new or changed rows (keyed by actor URI; the last one wins)."""
        added, changed = self._sort_out(rows)
        if not added and not changed:
            return
        for row_id, row in changed:
            self.stats.apply(self._rows[row_id], row)
        for row in added:
            self.stats.apply(None, row)
        if len(added) > _BULK_ROWS or len(changed) > max(_BULK_ROWS, len(self._view) // 2):
            self._bulk_apply(added, changed)
        else:
            self._apply_changes(changed)
            self._insert_rows(added)
        self.counts_changed.emit()

    def _sort_out(
        self, rows: Sequence[FollowerRow]
    ) -> tuple[list[FollowerRow], list[tuple[int, FollowerRow]]]:
        """The batch's new rows and its changed ones (with their ids), cleaned; rows equal to
        what the table holds are dropped."""
        latest = {row.actor_uri: row for row in rows}
        ids, stored = self._ids, self._rows
        added: list[FollowerRow] = []
        changed: list[tuple[int, FollowerRow]] = []
        for uri, row in latest.items():
            row_id = ids.get(uri)
            if row_id is None:
                added.append(sanitized(row))
                continue
            old = stored[row_id]
            clean = sanitized(row, old)
            if clean != old:
                changed.append((row_id, clean))
        return added, changed

    def _bulk_apply(self, added: list[FollowerRow], changed: list[tuple[int, FollowerRow]]) -> None:
        self.beginResetModel()
        for row_id, row in changed:
            self._rows[row_id] = row
        for row in added:
            self._ids[row.actor_uri] = len(self._rows)
            self._rows.append(row)
        self._rebuild_view()
        self.endResetModel()

    def _apply_changes(self, changed: list[tuple[int, FollowerRow]]) -> None:
        in_place: list[int] = []
        moving: list[tuple[int, FollowerRow]] = []
        entering: list[tuple[int, FollowerRow]] = []
        rows, column, accepts = self._rows, self._sort_column, self._filter.accepts
        everyone = self._filter == _EVERYONE  # the common case: no filter calls per row
        for row_id, row in changed:
            old = rows[row_id]
            was_shown = everyone or accepts(old)
            shown = everyone or accepts(row)
            if was_shown and not shown:
                self._remove_row(row_id)
                rows[row_id] = row
            elif shown and not was_shown:
                entering.append((row_id, row))
            elif shown and sort_value(old, column) != sort_value(row, column):
                moving.append((row_id, row))
            else:
                rows[row_id] = row
                if shown:
                    in_place.append(row_id)
        self._move_rows(moving)
        for row_id, row in entering:
            self._rows[row_id] = row
            self._show_row(row_id)
        # Moved rows need no dataChanged: the layout change already repaints the view.
        self._emit_data_changed(in_place)

    def _insert_rows(self, added: list[FollowerRow]) -> None:
        for row in added:
            row_id = len(self._rows)
            self._ids[row.actor_uri] = row_id
            self._rows.append(row)
            if self._filter.accepts(row):
                self._show_row(row_id)

    def _show_row(self, row_id: int) -> None:
        position = self._view.insertion_position(row_id)
        self.beginInsertRows(QModelIndex(), position, position)
        self._view.add(row_id)
        self.endInsertRows()

    def _remove_row(self, row_id: int) -> None:
        position = self._view.position(row_id)
        self.beginRemoveRows(QModelIndex(), position, position)
        self._view.remove(row_id)
        self.endRemoveRows()

    def _move_rows(self, moving: list[tuple[int, FollowerRow]]) -> None:
        """Rows whose sort value changed: re-placed inside one layout change."""
        if not moving:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self._persistent_ids()
        for row_id, row in moving:
            self._view.remove(row_id)
            self._rows[row_id] = row
            self._view.add(row_id)
        self._restore_persistent(persistent)
        self.layoutChanged.emit()

    def _emit_data_changed(self, row_ids: list[int]) -> None:
        if not row_ids:
            return
        positions = sorted(self._view.position(row_id) for row_id in row_ids)
        last_column = len(FollowerColumn) - 1
        ranges = consecutive_runs(positions)
        if len(ranges) > _MAX_RANGES:
            ranges = [(positions[0], positions[-1])]
        for first, last in ranges:
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))
