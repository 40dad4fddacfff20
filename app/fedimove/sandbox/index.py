"""Ordered row indexes: the sandbox's only data structure for paged collections.

Mastodon pages every collection by the row id of the relation (the Follow, Block, Bookmark…
row), newest first, with `max_id` / `since_id` / `min_id` [fediverse-apis.md §2]. `Rows` keeps
ids sorted so a page is two bisects and a slice, never a scan; `PairIndex` adds the
owner/target lookups every relation needs (who follows whom, is X blocked...).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator
from typing import Generic, Protocol, TypeVar


class Edge(Protocol):
    """A relation row: `owner` did something to `target` (both local ids)."""

    id: int
    owner: int
    target: int


R = TypeVar("R")
E = TypeVar("E", bound=Edge)


class Rows(Generic[R]):
    """Rows keyed by an increasing integer id; pages come out newest first."""

    __slots__ = ("_ids", "_rows")

    def __init__(self) -> None:
        self._ids: list[int] = []
        self._rows: dict[int, R] = {}

    def add(self, row_id: int, row: R) -> None:
        if row_id in self._rows:
            self._rows[row_id] = row
            return
        if not self._ids or row_id > self._ids[-1]:
            self._ids.append(row_id)  # the usual case: ids only grow
        else:
            insort(self._ids, row_id)
        self._rows[row_id] = row

    def remove(self, row_id: int) -> R | None:
        row = self._rows.pop(row_id, None)
        if row is not None:
            del self._ids[bisect_left(self._ids, row_id)]
        return row

    def get(self, row_id: int) -> R | None:
        return self._rows.get(row_id)

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, row_id: object) -> bool:
        return row_id in self._rows

    def newest(self) -> R | None:
        return self._rows[self._ids[-1]] if self._ids else None

    def newest_first(self) -> Iterator[R]:
        for row_id in reversed(self._ids):
            yield self._rows[row_id]

    def oldest_first(self) -> Iterator[R]:
        for row_id in self._ids:
            yield self._rows[row_id]

    def page(
        self,
        *,
        limit: int,
        max_id: int | None = None,
        since_id: int | None = None,
        min_id: int | None = None,
    ) -> list[tuple[int, R]]:
        """Mastodon's `paginate_by_id`: ids < max_id and > since_id, newest first; with
        `min_id`, the rows just above it (oldest of the newer ones), still shown newest first
        [M: app/models/concerns/paginable.rb]."""
        ids = self._ids
        hi = bisect_left(ids, max_id) if max_id is not None else len(ids)
        lower = min_id if min_id is not None else since_id
        lo = bisect_right(ids, lower) if lower is not None else 0
        if hi <= lo or limit <= 0:
            return []
        chosen = (
            ids[lo : min(hi, lo + limit)] if min_id is not None else ids[max(lo, hi - limit) : hi]
        )
        return [(row_id, self._rows[row_id]) for row_id in reversed(chosen)]


class PairIndex(Generic[E]):
    """A relation seen from both sides, plus a direct (owner, target) lookup."""

    __slots__ = ("by_owner", "by_pair", "by_target")

    def __init__(self) -> None:
        self.by_owner: dict[int, Rows[E]] = {}
        self.by_target: dict[int, Rows[E]] = {}
        self.by_pair: dict[tuple[int, int], E] = {}

    def add(self, edge: E) -> E:
        old = self.by_pair.get((edge.owner, edge.target))
        if old is not None:
            self.remove(edge.owner, edge.target)
        self.by_pair[(edge.owner, edge.target)] = edge
        self.by_owner.setdefault(edge.owner, Rows()).add(edge.id, edge)
        self.by_target.setdefault(edge.target, Rows()).add(edge.id, edge)
        return edge

    def get(self, owner: int, target: int) -> E | None:
        return self.by_pair.get((owner, target))

    def remove(self, owner: int, target: int) -> E | None:
        edge = self.by_pair.pop((owner, target), None)
        if edge is not None:
            self.by_owner[owner].remove(edge.id)
            self.by_target[target].remove(edge.id)
        return edge

    def owned(self, owner: int) -> Rows[E]:
        rows = self.by_owner.get(owner)
        return _EMPTY if rows is None else rows  # type: ignore[return-value]

    def targeting(self, target: int) -> Rows[E]:
        rows = self.by_target.get(target)
        return _EMPTY if rows is None else rows  # type: ignore[return-value]

    def __len__(self) -> int:
        return len(self.by_pair)


_EMPTY: Rows[object] = Rows()
