"""Followers by server: one stacked bar per server (the largest first), split by state.

Drawn with QPainter from `FollowerStats.server_counts`; servers that do not fit are summed into
"Other servers". Server names are remote text: drawn as plain text, elided, and given in full in
the tooltip. Clicking a server's bar asks the page to filter the table by that server.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent, QLocale, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from fedimove.core.service_api import FollowerState
from fedimove.ui.labels import follower_state_label, palette_is_dark, state_color
from fedimove.ui.models.follower_stats import FollowerStats
from fedimove.ui.text import tooltip_text

_ROW_HEIGHT = 22
_NAME_WIDTH = 150
_COUNT_WIDTH = 64
_PADDING = 8


class ServerBreakdownWidget(QWidget):
    #: A server's bar was clicked (its name), to filter the table by it.
    server_clicked = Signal(str)
    #: The widget's size changed (a different number of bars fits).
    resized = Signal()

    def __init__(self, stats: FollowerStats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stats = stats
        self._rows: list[tuple[str, Counter[FollowerState]]] = []
        #: Off when a page refreshes this with its other summaries (on `resized`), so the
        #: bars never show a newer moment than the counters beside them.
        self.refresh_on_resize = True
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Followers by server"))
        self.refresh()

    def refresh(self) -> None:
        """Recompute which servers fit and redraw (call after each batch of rows)."""
        fitting = max(1, (self.height() - _PADDING) // _ROW_HEIGHT)
        ranked = self._stats.top_servers(fitting)
        if len(self._stats.server_counts) > fitting:
            ranked = ranked[: fitting - 1]
            rest = self._stats.counts_outside([server for server, _ in ranked])
            ranked.append(("", rest))
        # Copies: the live counters change with every row, and the bars must show the same
        # moment as the page's state counters (taken at the same refresh).
        self._rows = [(server, Counter(counts)) for server, counts in ranked]
        summary = "; ".join(
            f"{self._server_name(server)}: {QLocale().toString(counts.total())}"
            for server, counts in self._rows
        )
        self.setAccessibleDescription(summary)
        self.update()

    def _server_name(self, server: str) -> str:
        return server or self.tr("Other servers")

    def sizeHint(self) -> QSize:
        return QSize(420, 8 * _ROW_HEIGHT + _PADDING)

    def minimumSizeHint(self) -> QSize:
        return QSize(260, 3 * _ROW_HEIGHT + _PADDING)

    def resizeEvent(self, event: object) -> None:
        if self.refresh_on_resize:
            self.refresh()
        self.resized.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.LanguageChange):
            self.setAccessibleName(self.tr("Followers by server"))
            self.refresh()
        super().changeEvent(event)

    def _row_at(self, point: QPoint) -> int:
        row = (point.y() - _PADDING // 2) // _ROW_HEIGHT
        return row if 0 <= row < len(self._rows) else -1

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        if not self._rows:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No followers yet.")
            )
            return
        largest = max(counts.total() for _, counts in self._rows) or 1
        bar_width = max(10, self.width() - _NAME_WIDTH - _COUNT_WIDTH - 2 * _PADDING)
        dark = palette_is_dark(palette)
        metrics = painter.fontMetrics()
        for row, (server, counts) in enumerate(self._rows):
            top = _PADDING // 2 + row * _ROW_HEIGHT
            name = metrics.elidedText(
                self._server_name(server), Qt.TextElideMode.ElideMiddle, _NAME_WIDTH - 8
            )
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(
                QRectF(_PADDING, top, _NAME_WIDTH - 8, _ROW_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                name,
            )
            left = float(_PADDING + _NAME_WIDTH)
            for state in FollowerState:
                width = bar_width * counts.get(state, 0) / largest
                if width <= 0:
                    continue
                painter.fillRect(
                    QRectF(left, top + 4, width, _ROW_HEIGHT - 8), state_color(state, dark=dark)
                )
                left += width
            painter.drawText(
                QRectF(self.width() - _COUNT_WIDTH - _PADDING, top, _COUNT_WIDTH, _ROW_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                QLocale().toString(counts.total()),
            )

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            row = self._row_at(event.pos())
            if row < 0:
                QToolTip.hideText()
                return True
            server, counts = self._rows[row]
            lines = [self._server_name(server)] + [
                f"{follower_state_label(state)}: {QLocale().toString(count)}"
                for state in FollowerState
                if (count := counts.get(state, 0))
            ]
            QToolTip.showText(event.globalPos(), tooltip_text(*lines), self)
            return True
        return super().event(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        row = self._row_at(event.position().toPoint())
        if row >= 0 and self._rows[row][0]:
            self.server_clicked.emit(self._rows[row][0])
        super().mouseReleaseEvent(event)
