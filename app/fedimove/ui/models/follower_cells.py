"""The words a follower table cell shows, cached: a view asks for every visible cell on every
repaint, so the labels, the header titles and the formatted arrival times are worked out once
per language rather than once per cell."""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from fedimove.core.service_api import FollowerRow, FollowerState
from fedimove.ui.labels import evidence_label, follower_reason_label, follower_state_label
from fedimove.ui.models.follower_rows import FollowerColumn

_PLAIN_COLUMNS: dict[int, attrgetter[Any]] = {
    FollowerColumn.HANDLE: attrgetter("handle"),
    FollowerColumn.NAME: attrgetter("display_name"),
    FollowerColumn.SERVER: attrgetter("server"),
    FollowerColumn.SOFTWARE: attrgetter("software"),
}
# A frame shows a few dozen arrival times; the cache is emptied when it grows past this.
_MAX_CACHED_TIMES = 4096


class CellTexts:
    """The cached words of one language (make a new one when the language changes)."""

    def __init__(self) -> None:
        self._states = {state: follower_state_label(state) for state in FollowerState}
        self._reasons: dict[str, str] = {}
        self._evidence = {True: evidence_label(True), False: evidence_label(False)}
        self._locale = QLocale()
        self._arrivals: dict[int, str] = {}
        self.titles = _column_titles()

    def display(self, row: FollowerRow, column: int) -> str:
        plain = _PLAIN_COLUMNS.get(column)
        if plain is not None:
            return str(plain(row))
        if column == FollowerColumn.STATE:
            return self._states[row.state]
        if column == FollowerColumn.REASON:
            label = self._reasons.get(row.reason)
            if label is None:
                label = self._reasons[row.reason] = follower_reason_label(row.reason)
            return label
        if column == FollowerColumn.EVIDENCE:
            return self._evidence[row.observed]
        if row.arrived_at is None:
            return ""
        return self._arrival(int(row.arrived_at.timestamp()))

    def _arrival(self, seconds: int) -> str:
        text = self._arrivals.get(seconds)
        if text is None:
            if len(self._arrivals) >= _MAX_CACHED_TIMES:
                self._arrivals.clear()
            stamp = QDateTime.fromSecsSinceEpoch(seconds).toLocalTime()
            text = self._locale.toString(stamp, QLocale.FormatType.ShortFormat)
            self._arrivals[seconds] = text
        return text


def _column_titles() -> list[str]:
    """The header titles in column order."""
    translate = QCoreApplication.translate
    titles = {
        FollowerColumn.HANDLE: translate("FollowerTableModel", "Follower"),
        FollowerColumn.NAME: translate("FollowerTableModel", "Name"),
        FollowerColumn.STATE: translate("FollowerTableModel", "State"),
        FollowerColumn.REASON: translate("FollowerTableModel", "Reason"),
        FollowerColumn.SERVER: translate("FollowerTableModel", "Server"),
        FollowerColumn.ARRIVED: translate("FollowerTableModel", "Arrived"),
        FollowerColumn.EVIDENCE: translate("FollowerTableModel", "Evidence"),
        FollowerColumn.SOFTWARE: translate("FollowerTableModel", "Software"),
    }
    return [titles[column] for column in FollowerColumn]
