"""Running totals over the follower rows: per state, per server, and arrival times.

Kept up to date row by row as the table model changes, so the counters and charts never scan
100,000 rows to redraw. Qt-free, so it is easy to test on its own.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sortedcontainers import SortedList  # type: ignore[import-untyped]

from fedimove.core.service_api import FollowerRow, FollowerState


class FollowerStats:
    def __init__(self) -> None:
        self.state_counts: Counter[FollowerState] = Counter()
        self.server_counts: dict[str, Counter[FollowerState]] = {}
        #: POSIX timestamps of every known arrival, sorted (for charts: counts up to a time).
        self.arrivals: Any = SortedList()

    @property
    def total(self) -> int:
        return sum(self.state_counts.values())

    def apply(self, old: FollowerRow | None, new: FollowerRow | None) -> None:
        """Account for one row changing from `old` to `new` (None: absent)."""
        if old is not None:
            self._count(old, -1)
        if new is not None:
            self._count(new, +1)

    def _count(self, row: FollowerRow, delta: int) -> None:
        self.state_counts[row.state] += delta
        by_state = self.server_counts.setdefault(row.server, Counter())
        by_state[row.state] += delta
        if by_state[row.state] == 0:
            del by_state[row.state]
            if not by_state:
                del self.server_counts[row.server]
        if self.state_counts[row.state] == 0:
            del self.state_counts[row.state]
        if row.arrived_at is not None:
            stamp = row.arrived_at.timestamp()
            if delta > 0:
                self.arrivals.add(stamp)
            else:
                self.arrivals.remove(stamp)

    def arrived_by(self, stamp: float) -> int:
        """How many arrivals happened at or before `stamp`."""
        count: int = self.arrivals.bisect_right(stamp)
        return count

    def top_servers(self, limit: int) -> list[tuple[str, Counter[FollowerState]]]:
        """The `limit` servers with the most followers, largest first (ties by name)."""
        ranked = sorted(self.server_counts.items(), key=lambda item: (-item[1].total(), item[0]))
        return ranked[:limit]
