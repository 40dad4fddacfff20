"""Arrivals over time: how many followers have arrived on the new account since the Move.

Drawn with QPainter from the running totals in `FollowerStats` (a sorted list of arrival times),
so a redraw costs one binary search per plotted point, whatever the number of followers. Colours
come from the widget's palette, so it follows the system's light or dark theme.

The numbers shown are taken at `refresh()`, together with the page's state counters: rows keep
arriving between two refreshes, and a repaint in between must not show newer numbers than the
counters beside it ("Arrived: 86" next to "Moved: 63").
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDateTime, QEvent, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from fedimove.core.service_api import FollowerState
from fedimove.ui.models.follower_stats import FollowerStats

_MARGIN_LEFT = 56
_MARGIN_RIGHT = 16
_MARGIN_TOP = 28
_MARGIN_BOTTOM = 28
_LABEL_GAP = 8  # pixels between two time labels
_X_TICKS = 4
_Y_TICKS = 4


def nice_ceiling(value: int) -> int:
    """The smallest of 1, 2, 5 × 10^k that is at least `value` (a round top for the axis)."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


class ArrivalsChartWidget(QWidget):
    def __init__(
        self,
        stats: FollowerStats,
        parent: QWidget | None = None,
        *,
        now: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(parent)
        self._stats = stats
        self._now = now
        self._start: float | None = None
        self._arrived = 0  # as of the last refresh
        self._total = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable, so screen readers read it
        self.setAccessibleName(self.tr("Arrivals over time"))
        self.refresh()

    def set_start(self, moved_at: datetime | None) -> None:
        """The moment of the Move: the chart's left edge (else the first arrival)."""
        self._start = moved_at.timestamp() if moved_at else None
        self.update()  # not refresh(): the numbers stay those of the counters' moment

    def refresh(self) -> None:
        """Take the current totals and redraw (the page calls it with the counters' refresh)."""
        self._arrived = self._stats.state_counts.get(FollowerState.MOVED, 0)
        self._total = self._stats.total
        self.setAccessibleDescription(
            self.tr("%1 of %2 followers have arrived on the new account.")
            .replace("%1", QLocale().toString(self._arrived))
            .replace("%2", QLocale().toString(self._total))
        )
        self.update()

    def headline(self) -> str:
        """The line above the plot, e.g. "Arrived: 86 of 120"."""
        return (
            self.tr("Arrived: %1 of %2")
            .replace("%1", QLocale().toString(self._arrived))
            .replace("%2", QLocale().toString(self._total))
        )

    def sizeHint(self) -> QSize:
        return QSize(420, 220)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 140)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.LanguageChange):
            self.setAccessibleName(self.tr("Arrivals over time"))
            self.refresh()
        super().changeEvent(event)

    def _time_range(self) -> tuple[float, float] | None:
        arrivals = self._stats.arrivals
        if not arrivals:
            return None
        start = self._start if self._start is not None else float(arrivals[0])
        end = max(self._now(), float(arrivals[-1]))
        if end - start < 60:
            end = start + 60
        return start, end

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        self._draw_title(painter, palette)
        span = self._time_range()
        plot = QRectF(self.rect()).adjusted(
            _MARGIN_LEFT, _MARGIN_TOP, -_MARGIN_RIGHT, -_MARGIN_BOTTOM
        )
        if span is None or not self._arrived or plot.width() < 20 or plot.height() < 20:
            self._draw_empty(painter, palette)
            return
        top = nice_ceiling(max(1, self._arrived))
        self._draw_axes(painter, palette, plot, span, top)
        self._draw_series(painter, palette, plot, span, top)

    def _draw_title(self, painter: QPainter, palette: QPalette) -> None:
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(
            QRectF(8, 4, self.width() - 16, _MARGIN_TOP - 6),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.headline(),
        )

    def _draw_empty(self, painter: QPainter, palette: QPalette) -> None:
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            QRectF(self.rect()).adjusted(8, _MARGIN_TOP, -8, -8),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            self.tr("No follower has arrived yet. Arrivals appear here as they happen."),
        )

    def _draw_axes(
        self,
        painter: QPainter,
        palette: QPalette,
        plot: QRectF,
        span: tuple[float, float],
        top: int,
    ) -> None:
        grid = QColor(palette.color(QPalette.ColorRole.Text))
        grid.setAlphaF(0.15)
        label_color = palette.color(QPalette.ColorRole.PlaceholderText)
        locale = QLocale()
        for tick in range(_Y_TICKS + 1):
            y = plot.bottom() - plot.height() * tick / _Y_TICKS
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(label_color)
            painter.drawText(
                QRectF(0, y - 9, _MARGIN_LEFT - 6, 18),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                locale.toString(round(top * tick / _Y_TICKS)),
            )
        painter.setPen(label_color)
        for box, text in self._time_labels(painter, plot, span):
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    @staticmethod
    def _time_labels(
        painter: QPainter, plot: QRectF, span: tuple[float, float]
    ) -> list[tuple[QRectF, str]]:
        """The time axis's labels, each as wide as its words, none overlapping another: a
        narrow chart or a long date drops labels in between (the latest moment always stays)."""
        start, end = span
        short_span = end - start < 2 * 86400
        locale, metrics = QLocale(), painter.fontMetrics()
        chosen: list[tuple[QRectF, str]] = []
        for tick in range(_X_TICKS + 1):
            moment = QDateTime.fromSecsSinceEpoch(
                int(start + (end - start) * tick / _X_TICKS)
            ).toLocalTime()
            if short_span:
                text = locale.toString(moment.time(), QLocale.FormatType.ShortFormat)
            else:  # day and month: the year says nothing within a few weeks
                text = locale.toString(moment.date(), "d MMM")
            if chosen and text == chosen[-1][1]:
                continue  # a short span: the same minute twice says nothing
            width = metrics.horizontalAdvance(text) + 4
            x = plot.left() + plot.width() * tick / _X_TICKS
            left = min(max(x - width / 2, plot.left()), plot.right() - width)
            box = QRectF(left, plot.bottom() + 4, width, _MARGIN_BOTTOM - 6)

            def crowded(box: QRectF = box) -> bool:
                return bool(chosen) and chosen[-1][0].right() + _LABEL_GAP > box.left()

            if tick == _X_TICKS:
                while crowded():
                    chosen.pop()  # "now" matters more than the moment before it
            elif crowded():
                continue
            chosen.append((box, text))
        return chosen

    def _draw_series(
        self,
        painter: QPainter,
        palette: QPalette,
        plot: QRectF,
        span: tuple[float, float],
        top: int,
    ) -> None:
        start, end = span
        points = max(2, int(plot.width() / 3))
        path = QPainterPath(QPointF(plot.left(), plot.bottom()))
        for step in range(points + 1):
            stamp = start + (end - start) * step / points
            count = min(self._stats.arrived_by(stamp), self._arrived)  # none after the refresh
            x = plot.left() + plot.width() * step / points
            path.lineTo(QPointF(x, plot.bottom() - plot.height() * count / top))
        line = palette.color(QPalette.ColorRole.Highlight)
        fill = QColor(line)
        fill.setAlphaF(0.25)
        area = QPainterPath(path)
        area.lineTo(QPointF(plot.right(), plot.bottom()))
        area.closeSubpath()
        painter.fillPath(area, fill)
        painter.setPen(QPen(line, 2))
        painter.drawPath(path)
