"""Row ids kept in display order, with O(log n) insert, remove and position lookups.

The follower table must stay responsive at 100,000 rows while rows change state (and so move
within the sort order) many times a second; re-sorting a Python list per update would cost
more than the event loop can spare. `sortedcontainers.SortedKeyList` keeps the ids sorted by
a composite key (value, id), so every id has a unique place; descending order is presented by
reading the ascending list backwards.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sortedcontainers import SortedKeyList  # type: ignore[import-untyped]

SortKey = tuple[Any, int]


class SortedIds:
    def __init__(
        self, key: Callable[[int], SortKey], ids: Iterable[int] = (), *, descending: bool = False
    ) -> None:
        self._key = key
        self.descending = descending
        self._list: Any = SortedKeyList(ids, key=key)

    def __len__(self) -> int:
        return len(self._list)

    def __contains__(self, row_id: int) -> bool:
        position: int = self._list.bisect_key_left(self._key(row_id))
        return position < len(self._list) and self._list[position] == row_id

    def at(self, position: int) -> int:
        """The id shown at `position`."""
        if self.descending:
            position = len(self._list) - 1 - position
        row_id: int = self._list[position]
        return row_id

    def position(self, row_id: int) -> int:
        """Where `row_id` (present, with its current key) is shown."""
        ascending: int = self._list.index(row_id)
        return len(self._list) - 1 - ascending if self.descending else ascending

    def insertion_position(self, row_id: int) -> int:
        """Where `row_id` (absent) would be shown once added."""
        ascending: int = self._list.bisect_key_left(self._key(row_id))
        return len(self._list) - ascending if self.descending else ascending

    def add(self, row_id: int) -> None:
        self._list.add(row_id)

    def remove(self, row_id: int) -> None:
        """Remove `row_id`; its key must not have changed since it was added."""
        self._list.remove(row_id)

    def ids(self) -> list[int]:
        """All ids in display order."""
        ordered = list(self._list)
        if self.descending:
            ordered.reverse()
        return ordered


def consecutive_runs(positions: list[int]) -> list[tuple[int, int]]:
    """Sorted positions as (first, last) runs of consecutive numbers."""
    runs: list[tuple[int, int]] = []
    for position in positions:
        if runs and runs[-1][1] + 1 == position:
            runs[-1] = (runs[-1][0], position)
        else:
            runs.append((position, position))
    return runs
