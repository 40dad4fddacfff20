"""Running totals over the follower rows: per state, per server, and arrival times.

Kept up to date row by row as the table model changes, so the counters and charts never scan
100,000 rows to redraw. Qt-free, so it is easy to test on its own.
"""

from __future__ import annotations

import heapq
from collections import Counter
from operator import itemgetter
from typing import Any

from sortedcontainers import SortedList  # type: ignore[import-untyped]

from fedimove.core.service_api import FollowerRow, FollowerState


class FollowerStats:
    def __init__(self) -> None:
        self.state_counts: Counter[FollowerState] = Counter()
        self.server_counts: dict[str, Counter[FollowerState]] = {}
        self.server_totals: dict[str, int] = {}
        # Servers by size, recomputed only when a server's total changes: state changes (the
        # bulk of updates while tracking) leave it valid.
        self._ranking: list[str] | None = None
        #: POSIX timestamps of the arrival of every moved follower, sorted (for the chart:
        #: counts up to a time).
        self.arrivals: Any = SortedList()

    @property
    def total(self) -> int:
        return sum(self.state_counts.values())

    def apply(self, old: FollowerRow | None, new: FollowerRow | None) -> None:
        """Account for one row changing from `old` to `new` (None: absent)."""
        ranking = self._ranking
        if old is not None:
            self._count(old, -1)
        if new is not None:
            self._count(new, +1)
        if old is not None and new is not None and old.server == new.server:
            self._ranking = ranking  # the same server lost one and gained one

    def _count(self, row: FollowerRow, delta: int) -> None:
        self.state_counts[row.state] += delta
        by_state = self.server_counts.get(row.server)
        if by_state is None:
            by_state = self.server_counts[row.server] = Counter()
        by_state[row.state] += delta
        self.server_totals[row.server] = self.server_totals.get(row.server, 0) + delta
        self._ranking = None
        if by_state[row.state] == 0:
            del by_state[row.state]
            if not by_state:
                del self.server_counts[row.server]
                del self.server_totals[row.server]
        if self.state_counts[row.state] == 0:
            del self.state_counts[row.state]
        # Only followers who are on the new account now: the chart's "arrived" is the
        # counters' "moved", whatever an older row once said.
        if row.arrived_at is not None and row.state is FollowerState.MOVED:
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
        """The `limit` servers with the most followers, largest first (ties by name).

        Tens of thousands of servers are common: a partial selection on plain totals keeps
        this cheap enough to run after every batch."""
        if self._ranking is None or len(self._ranking) < min(limit, len(self.server_totals)):
            wanted = max(limit, 256)
            largest = heapq.nlargest(wanted, self.server_totals.items(), key=itemgetter(1))
            largest.sort(key=lambda item: (-item[1], item[0]))
            self._ranking = [server for server, _ in largest]
        return [(server, self.server_counts[server]) for server in self._ranking[:limit]]

    def counts_outside(self, servers: list[str]) -> Counter[FollowerState]:
        """Per-state counts of every server not in `servers` (the "other servers" bar)."""
        rest = Counter(self.state_counts)
        for server in servers:
            rest.subtract(self.server_counts.get(server, Counter()))
        return +rest
