"""The follower table's columns, filter and sort values, Qt-free so they are cheap to test."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import IntEnum
from operator import attrgetter
from typing import Any

from fedimove.core.service_api import FollowerRow, FollowerState
from fedimove.ui.text import plain_line

_STATE_RANK = {state: rank for rank, state in enumerate(FollowerState)}
_INFINITY = float("inf")


class FollowerColumn(IntEnum):
    """In order of what a worried user looks at first."""

    HANDLE = 0
    NAME = 1
    STATE = 2
    REASON = 3
    SERVER = 4
    ARRIVED = 5
    EVIDENCE = 6
    SOFTWARE = 7


@dataclass(frozen=True, slots=True)
class FollowerFilter:
    """Which rows to show: empty `states` means every state, empty `server` every server."""

    states: frozenset[FollowerState] = frozenset()
    server: str = ""
    search: str = ""  # matched against handle and display name, case-insensitively

    def accepts(self, row: FollowerRow) -> bool:
        if self.states and row.state not in self.states:
            return False
        if self.server and row.server != self.server:
            return False
        if self.search:
            needle = self.search.casefold()
            return needle in row.handle.casefold() or needle in row.display_name.casefold()
        return True


def sanitized(row: FollowerRow, stored: FollowerRow | None = None) -> FollowerRow:
    """`row` with its remote texts made safe. A row whose texts equal the `stored` (already
    clean) ones needs no work: the common case while tracking, where only the state changes."""
    if stored is not None and (
        row.handle == stored.handle
        and row.display_name == stored.display_name
        and row.server == stored.server
        and row.software == stored.software
        and row.reason == stored.reason
    ):
        return row
    handle = plain_line(row.handle)
    display_name = plain_line(row.display_name)
    server = plain_line(row.server)
    software = plain_line(row.software, 60)
    reason = plain_line(row.reason, 80)
    if (handle, display_name, server, software, reason) == (
        row.handle,
        row.display_name,
        row.server,
        row.software,
        row.reason,
    ):
        return row  # the common case: nothing to clean, no copy
    return replace(
        row,
        handle=handle,
        display_name=display_name,
        server=server,
        software=software,
        reason=reason,
    )


_TEXT_FIELDS: dict[FollowerColumn, attrgetter[Any]] = {
    FollowerColumn.HANDLE: attrgetter("handle"),
    FollowerColumn.NAME: attrgetter("display_name"),
    FollowerColumn.SERVER: attrgetter("server"),
    FollowerColumn.SOFTWARE: attrgetter("software"),
    FollowerColumn.REASON: attrgetter("reason"),
}


def sort_value(row: FollowerRow, column: FollowerColumn) -> Any:
    if column is FollowerColumn.STATE:
        return _STATE_RANK[row.state]
    if column is FollowerColumn.EVIDENCE:
        return int(row.observed)
    if column is FollowerColumn.ARRIVED:
        return row.arrived_at.timestamp() if row.arrived_at else _INFINITY
    text: str = _TEXT_FIELDS[column](row)
    return text.casefold()
