"""The followers page: every follower, where they stand, and what can still be done.

Counters per state (which also filter), a search by handle or name, a server filter, the table,
arrivals over time and the by-server breakdown, and the tracker's actions. Everything comes from
the controller's coalesced `followers_changed` batches; the page itself does no I/O.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fedimove.core.progress import Phase, ProgressEvent
from fedimove.core.service_api import FollowerRow, FollowerState
from fedimove.ui.controller import MigrationController
from fedimove.ui.labels import palette_is_dark
from fedimove.ui.models.follower_rows import FollowerColumn, FollowerFilter
from fedimove.ui.models.follower_table import FollowerTableModel
from fedimove.ui.models.paced_feed import PacedRowFeed
from fedimove.ui.widgets.arrivals_chart import ArrivalsChartWidget
from fedimove.ui.widgets.follower_actions import FollowerActionsBar
from fedimove.ui.widgets.server_breakdown import ServerBreakdownWidget
from fedimove.ui.widgets.state_counters import StateCountersWidget

_COLUMN_WIDTHS = {
    FollowerColumn.HANDLE: 220,
    FollowerColumn.NAME: 140,
    FollowerColumn.SERVER: 130,
    FollowerColumn.SOFTWARE: 90,
    FollowerColumn.STATE: 170,
    FollowerColumn.REASON: 220,
    FollowerColumn.EVIDENCE: 95,
    FollowerColumn.ARRIVED: 130,
}
_SERVER_CHOICES = 200  # the largest servers; a click on a bar filters by any server
_SEARCH_DELAY_MS = 300
_SUMMARY_INTERVAL_MS = 250


class ServerComboBox(QComboBox):
    """Filled with the largest servers each time it opens, so it never lags behind."""

    def __init__(self, page: FollowersPage) -> None:
        super().__init__(page)
        self._page = page

    def showPopup(self) -> None:
        self._page.fill_server_choices()
        super().showPopup()


class FollowersPage(QWidget):
    def __init__(
        self, controller: MigrationController | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self.model = FollowerTableModel(self, dark=palette_is_dark(self.palette()))
        self.feed = PacedRowFeed(self.model)
        stats = self.model.stats
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        title_font = self.title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.counters = StateCountersWidget(stats, self)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.servers = ServerComboBox(self)
        self.clear_button = QPushButton(self)
        self.table = self._make_table()
        self._names_seen = False
        self.table.setColumnHidden(FollowerColumn.NAME, True)
        self.empty_label = QLabel(self.table.viewport())
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.table.viewport().installEventFilter(self)
        self.chart = ArrivalsChartWidget(stats, self)
        self.breakdown = ServerBreakdownWidget(stats, self)
        self.action_bar = FollowerActionsBar(self)
        # Charts and counters redraw at most a few times a second, however fast rows come.
        self._summary_timer = QTimer(self)
        self._summary_timer.setSingleShot(True)
        self._summary_timer.setInterval(_SUMMARY_INTERVAL_MS)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(_SEARCH_DELAY_MS)
        self._lay_out()
        self._connect()
        self.retranslate()
        self.fill_server_choices()
        self.refresh_summaries()

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setSortingEnabled(True)
        table.sortByColumn(FollowerColumn.STATE, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        for column, width in _COLUMN_WIDTHS.items():
            table.setColumnWidth(column, width)
        return table

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.servers, 1)
        filters.addWidget(self.clear_button)
        charts = QWidget(self)
        charts_layout = QHBoxLayout(charts)
        charts_layout.setContentsMargins(0, 0, 0, 0)
        charts_layout.addWidget(self.chart, 1)
        charts_layout.addWidget(self.breakdown, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(charts)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.counters)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.action_bar)

    def _connect(self) -> None:
        self.model.counts_changed.connect(self._schedule_summaries)
        self._summary_timer.timeout.connect(self.refresh_summaries)
        self.model.modelReset.connect(self._update_empty_state)
        self.model.rowsInserted.connect(self._update_empty_state)
        self.model.rowsRemoved.connect(self._update_empty_state)
        self.counters.states_changed.connect(self._apply_filter)
        self.search.textChanged.connect(self._search_timer.start)
        self._search_timer.timeout.connect(self._apply_filter)
        self.servers.activated.connect(self._apply_filter)
        self.breakdown.server_clicked.connect(self.show_server)
        self.breakdown.refresh_on_resize = False
        self.breakdown.resized.connect(self.refresh_summaries)
        self.clear_button.clicked.connect(self.clear_filters)
        controller = self._controller
        if controller is not None:
            controller.followers_changed.connect(self.apply_rows)
            controller.progress_changed.connect(self.apply_progress)
            controller.step_finished.connect(self.action_bar.show_step_result)
            controller.missing_exported.connect(self.action_bar.show_exported)
            self.action_bar.approve_requested.connect(controller.approve_migrated)
            self.action_bar.resend_requested.connect(controller.resend_move)
            self.action_bar.export_requested.connect(controller.export_missing)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Your followers"))
        self.intro.setText(
            self.tr(
                "Each follower's server moves them to your new account by itself. This table "
                "shows who has arrived, who is waiting for your approval, and who cannot move "
                "and why."
            )
        )
        self.search.setPlaceholderText(self.tr("Search by handle or name"))
        self.search.setAccessibleName(self.tr("Search followers"))
        self.servers.setAccessibleName(self.tr("Filter by server"))
        if self.servers.count():
            self.servers.setItemText(0, self.tr("All servers"))
        self.clear_button.setText(self.tr("Show &all"))
        self.table.setAccessibleName(self.tr("Followers"))
        self.model.retranslate()
        self._update_empty_state()

    # --- data in -------------------------------------------------------------------------------

    def apply_rows(self, rows: tuple[FollowerRow, ...]) -> None:
        """Queue rows for the table; they are applied in slices between repaints."""
        if not self._names_seen and any(row.display_name for row in rows):
            self._names_seen = True  # an empty column would look broken: shown once known
            self.table.setColumnHidden(FollowerColumn.NAME, False)
        self.feed.push(rows)

    def apply_progress(self, events: tuple[ProgressEvent, ...]) -> None:
        """The tracker's rounds: the Move's time (the chart's left edge), when a re-send is
        possible, and whether tracking has finished."""
        rounds = [e for e in events if e.phase is Phase.TRACK and e.category == "followers"]
        if not rounds:
            return
        params = rounds[-1].params
        moved_at = _moment(params.get("moved_at"))
        if moved_at is not None:
            self.chart.set_start(moved_at)
        self.action_bar.set_resend_from(
            _moment(params.get("resend_from")), ready=params.get("resend_ready") is True
        )
        if params.get("finished") is True:
            self.action_bar.set_finished(True)

    def _schedule_summaries(self) -> None:
        if not self._summary_timer.isActive():
            self._summary_timer.start()

    def refresh_summaries(self) -> None:
        self.counters.refresh()
        self.chart.refresh()
        self.breakdown.refresh()
        stats = self.model.stats
        waiting = stats.state_counts.get(FollowerState.AWAITING_APPROVAL, 0)
        self.action_bar.set_counts(waiting=waiting, total=stats.total)

    def _update_empty_state(self) -> None:
        empty = self.model.rowCount() == 0
        if empty:
            if self.model.stats.total:
                text = self.tr("No follower matches these filters.")
            else:
                text = self.tr("Your followers appear here once the move has been sent.")
            self.empty_label.setText(text)
            self.empty_label.resize(self.table.viewport().size())
        self.empty_label.setVisible(empty)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The empty-state text covers the table's viewport, whatever its size.
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.empty_label.resize(self.table.viewport().size())
        return super().eventFilter(watched, event)

    def fill_server_choices(self) -> None:
        current = self.servers.currentData() or ""
        self.servers.clear()
        self.servers.addItem(self.tr("All servers"), "")
        for server, counts in self.model.stats.top_servers(_SERVER_CHOICES):
            self.servers.addItem(f"{server} ({counts.total()})", server)
        self._select_server(current)

    def _select_server(self, server: str) -> None:
        index = self.servers.findData(server)
        if index < 0:
            self.servers.addItem(server, server)
            index = self.servers.count() - 1
        self.servers.setCurrentIndex(index)

    # --- filters -------------------------------------------------------------------------------

    def _apply_filter(self) -> None:
        self.model.set_filter(
            FollowerFilter(
                states=self.counters.selected_states(),
                server=self.servers.currentData() or "",
                search=self.search.text().strip(),
            )
        )

    def show_server(self, server: str) -> None:
        self._select_server(server)
        self._apply_filter()

    def clear_filters(self) -> None:
        for button in self.counters.buttons.values():
            button.blockSignals(True)
            button.setChecked(False)
            button.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.servers.setCurrentIndex(0)
        self._apply_filter()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self.model.set_dark(palette_is_dark(self.palette()))
        super().changeEvent(event)


def _moment(value: object) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None
