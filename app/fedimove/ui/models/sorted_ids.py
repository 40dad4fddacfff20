"""Row ids kept in display order, with O(log n) insert, remove and position lookups.

The follower table must stay responsive at 100,000 rows while rows change state (and so move
within the sort order) many times a second; re-sorting a Python list per update would cost
more than the event loop can spare. A `sortedcontainers.SortedList` keeps each row's sort key,
which holds the row id as a tie-breaker, so every id has a unique place; descending order is
presented by reading the ascending list backwards.

Keys are `(value, id)` tuples, or for small non-negative integer values (a state's rank) one
int `value << 32 | id` (`packed_key`): ints compare faster than tuples, and a state change
moves a row on every update while tracking.

A view paints a row cell by cell and asks several roles per cell, so `at()` is called about a
dozen times in a row for the same position: the last answer is kept until the ids change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sortedcontainers import SortedList  # type: ignore[import-untyped]

#: `(value, id)`, or an int from `packed_key`.
SortKey = tuple[Any, int] | int
_ID_BITS = 32
_ID_MASK = (1 << _ID_BITS) - 1


def packed_key(value: int, row_id: int) -> int:
    """One int that sorts like `(value, row_id)`, for 0 <= value and 0 <= row_id < 2**32."""
    return value << _ID_BITS | row_id


def _id_of(key: SortKey) -> int:
    return key & _ID_MASK if isinstance(key, int) else key[1]


class SortedIds:
    def __init__(
        self, key: Callable[[int], SortKey], ids: Iterable[int] = (), *, descending: bool = False
    ) -> None:
        self._key = key
        self.descending = descending
        self._list: Any = SortedList(map(key, ids))
        self._last: tuple[int, int] = (-1, -1)  # (position, id) of the latest `at()`

    def __len__(self) -> int:
        return len(self._list)

    def __contains__(self, row_id: int) -> bool:
        key = self._key(row_id)
        position: int = self._list.bisect_left(key)
        return position < len(self._list) and self._list[position] == key

    def at(self, position: int) -> int:
        """The id shown at `position`."""
        last_position, last_id = self._last
        if position == last_position:
            return last_id
        index = len(self._list) - 1 - position if self.descending else position
        row_id = _id_of(self._list[index])
        self._last = (position, row_id)
        return row_id

    def position(self, row_id: int) -> int:
        """Where `row_id` (present, with its current key) is shown."""
        ascending: int = self._list.index(self._key(row_id))
        return len(self._list) - 1 - ascending if self.descending else ascending

    def insertion_position(self, row_id: int) -> int:
        """Where `row_id` (absent) would be shown once added."""
        ascending: int = self._list.bisect_left(self._key(row_id))
        return len(self._list) - ascending if self.descending else ascending

    def add(self, row_id: int) -> None:
        self._last = (-1, -1)
        self._list.add(self._key(row_id))

    def remove(self, row_id: int) -> None:
        """Remove `row_id`; its key must not have changed since it was added."""
        self._last = (-1, -1)
        self._list.remove(self._key(row_id))

    def ids(self) -> list[int]:
        """All ids in display order."""
        ordered = [_id_of(key) for key in self._list]
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
