"""The followers page and its painted widgets: they render, summarise and filter."""

from __future__ import annotations

import asyncio
import dataclasses
import itertools

import pytest
from PySide6.QtCore import QDateTime, QLocale, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fedimove.core.service_api import FollowerState
from fedimove.ui.controller import MigrationController
from fedimove.ui.models.follower_stats import FollowerStats
from fedimove.ui.models.follower_table import FollowerTableModel
from fedimove.ui.models.paced_feed import PacedRowFeed
from fedimove.ui.pages.followers import FollowersPage
from fedimove.ui.widgets.arrivals_chart import ArrivalsChartWidget, nice_ceiling
from fedimove.ui.widgets.server_breakdown import ServerBreakdownWidget
from tests.ui.conftest import MOVE_TIME, follower, followers
from tests.ui.fake_service import FakeMigrationService


def stats_with_arrivals(count: int) -> FollowerStats:
    stats = FollowerStats()
    for number in range(count):
        stats.apply(None, follower(number, FollowerState.MOVED, arrived_minutes=number))
    for number in range(count, 2 * count):
        stats.apply(None, follower(number))
    return stats


def count_pixels_like(widget: ArrivalsChartWidget, color: QColor) -> int:
    image = widget.grab().toImage()
    return sum(
        1
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
        if image.pixelColor(x, y) == color
    )


def test_nice_ceiling_rounds_up_to_1_2_5() -> None:
    assert [nice_ceiling(n) for n in (1, 3, 7, 11, 180, 1801)] == [1, 5, 10, 20, 200, 2000]


def test_arrivals_chart_draws_the_series(qtbot: QtBot) -> None:
    stats = stats_with_arrivals(120)
    end = MOVE_TIME.timestamp() + 180 * 60
    chart = ArrivalsChartWidget(stats, now=lambda: end)
    qtbot.addWidget(chart)
    chart.resize(400, 220)
    chart.set_start(MOVE_TIME)
    line = chart.palette().color(QPalette.ColorRole.Highlight)
    assert count_pixels_like(chart, line) > 10
    assert "120" in chart.accessibleDescription()
    assert "240" in chart.accessibleDescription()


def test_arrivals_chart_without_arrivals_says_so(qtbot: QtBot) -> None:
    chart = ArrivalsChartWidget(stats_with_arrivals(0))
    qtbot.addWidget(chart)
    chart.resize(300, 200)
    line = chart.palette().color(QPalette.ColorRole.Highlight)
    assert count_pixels_like(chart, line) == 0
    assert not chart.grab().isNull()


def test_breakdown_folds_small_servers_and_filters_on_click(qtbot: QtBot) -> None:
    stats = FollowerStats()
    for number in range(200):
        stats.apply(None, follower(number, server=f"s{number % 20}.example"))
    widget = ServerBreakdownWidget(stats)
    qtbot.addWidget(widget)
    widget.resize(400, 5 * 22 + 8)
    widget.refresh()
    assert widget.accessibleDescription().count(";") == 4  # 5 rows: 4 servers + the rest
    with qtbot.waitSignal(widget.server_clicked, timeout=1000) as clicked:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(200, 4 + 11))
    assert clicked.args[0].endswith(".example")
    assert not widget.grab().isNull()


def test_page_shows_rows_from_the_controller_and_filters_by_state(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    service = FakeMigrationService()
    service.follower_batches = [
        followers(300),
        [follower(n, FollowerState.MOVED, arrived_minutes=n) for n in range(0, 300, 3)],
    ]
    controller = MigrationController(service, interval_ms=10)
    page = FollowersPage(controller)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    with qtbot.waitSignal(controller.step_finished, timeout=3000):
        controller.track_followers()
    qtbot.waitUntil(lambda: page.feed.pending == 0 and page.model.rowCount() == 300, timeout=3000)
    page.refresh_summaries()  # normally on its timer
    assert "100" in page.counters.buttons[FollowerState.MOVED].text()
    assert not page.empty_label.isVisible()

    page.counters.buttons[FollowerState.MOVED].click()
    assert page.model.rowCount() == 100

    page.search.setText("user3@")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    page.search.setText("nobody-like-this")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=2000)
    assert page.empty_label.isVisible()

    page.clear_filters()
    assert page.model.rowCount() == 300


def test_page_is_usable_by_keyboard(qtbot: QtBot) -> None:
    page = FollowersPage()
    qtbot.addWidget(page)
    page.show()
    for widget in (page.search, page.servers, page.table, *page.counters.buttons.values()):
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert widget.accessibleName()


def test_paced_feed_applies_big_batches_in_slices(qtbot: QtBot) -> None:
    model = FollowerTableModel()
    feed = PacedRowFeed(model, chunk_rows=100, budget_ms=0)
    feed.push(followers(1000))
    feed.flush()  # rows the model has never seen go in one big chunk
    assert model.rowCount() == 1000
    upserts: list[int] = []
    model.counts_changed.connect(
        lambda: upserts.append(model.stats.state_counts[FollowerState.MOVED])
    )
    changes = [follower(n, FollowerState.MOVED) for n in range(1000)]
    feed.push(changes[:600])
    feed.push(changes[500:])  # overlapping rows are applied once, latest wins
    with qtbot.waitSignal(feed.drained, timeout=3000):
        pass
    assert upserts == [100 * k for k in range(1, 11)]
    assert model.stats.state_counts[FollowerState.MOVED] == 1000


def test_the_chart_counts_arrivals_of_moved_followers_only() -> None:
    """A row that still carries an arrival time but is no longer moved (a correction) must not
    make the chart say more than the "Moved" counter."""
    stats = FollowerStats()
    moved = follower(1, FollowerState.MOVED, arrived_minutes=3)
    stats.apply(None, moved)
    assert len(stats.arrivals) == 1
    corrected = dataclasses.replace(moved, state=FollowerState.UNKNOWN)
    stats.apply(moved, corrected)
    assert len(stats.arrivals) == stats.state_counts[FollowerState.MOVED] == 0
    stats.apply(corrected, moved)
    assert len(stats.arrivals) == stats.state_counts[FollowerState.MOVED] == 1


def test_the_move_time_does_not_move_the_charts_numbers_ahead(qtbot: QtBot) -> None:
    page = FollowersPage()
    qtbot.addWidget(page)
    page.apply_rows(tuple(followers(10)))
    page.feed.flush()
    page.refresh_summaries()
    page.apply_rows(tuple(follower(n, FollowerState.MOVED, arrived_minutes=n) for n in range(4)))
    page.feed.flush()  # arrived, but the counters have not been refreshed yet
    page.chart.set_start(MOVE_TIME)
    assert page.chart.headline() == "Arrived: 0 of 10"
    page.refresh_summaries()
    assert page.chart.headline() == "Arrived: 4 of 10"


def test_resizing_the_bars_keeps_them_at_the_counters_moment(qtbot: QtBot) -> None:
    page = FollowersPage()
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    page.apply_rows(tuple(followers(10)))
    page.feed.flush()  # not refreshed yet: counters and bars still show nobody
    page.breakdown.resize(page.breakdown.width() + 10, page.breakdown.height())
    shown = sum(counts.total() for _, counts in page.breakdown._rows)
    counted = sum(button.text().endswith(": 10") for button in page.counters.buttons.values())
    assert (shown, counted) in ((0, 0), (10, 1))


@pytest.mark.parametrize("days", [1 / 24, 1.5, 7, 60])
@pytest.mark.parametrize("width", [160, 240, 400, 900])
def test_time_labels_never_overlap_and_keep_the_latest(
    qapp: QApplication, days: float, width: int
) -> None:
    """Long dates on a narrow chart once ran into each other ("20 11 202622 11 2026")."""
    image = QImage(width + 60, 200, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        plot = QRectF(50, 10, width, 150)
        end = MOVE_TIME.timestamp() + days * 86400
        labels = ArrivalsChartWidget._time_labels(painter, plot, (MOVE_TIME.timestamp(), end))
    finally:
        painter.end()
    assert labels
    boxes = [box for box, _text in labels]
    for before, after in itertools.pairwise(boxes):
        assert before.right() <= after.left(), [text for _box, text in labels]
    assert all(plot.left() <= box.left() and box.right() <= plot.right() for box in boxes)
    latest = QDateTime.fromSecsSinceEpoch(int(end)).toLocalTime()
    assert labels[-1][1] in (
        QLocale().toString(latest.time(), QLocale.FormatType.ShortFormat),
        QLocale().toString(latest.date(), "d MMM"),
    )
