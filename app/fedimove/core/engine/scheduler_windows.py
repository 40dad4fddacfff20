"""The budget windows the scheduler counts in, and the rate-limit headers that correct them.

A `DeclaredWindow` counts our own requests in a sliding window: at most N in any span of the
window's length also means at most N in any of the server's fixed, period-aligned buckets
(fediverse-apis §5.1), so it is safe without knowing where those buckets start. An
`AnnouncedWindow` is what the server said (`X-RateLimit-*`, which describe the matching throttle
closest to exhaustion): once it exists it replaces the declared numbers for its scope.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from enum import StrEnum

from fedimove.core.servers.base import RateBudget

#: No limit we know of resets later than the next UTC day; anything further is not believed.
MAX_WAIT = timedelta(hours=25)
_EPOCH_THRESHOLD = 1_000_000_000


class BudgetScope(StrEnum):
    ALL = "all"  # every API request
    PAGED = "paged"  # requests carrying max_id / min_id / since_id / page


def scope_of(budget: RateBudget) -> BudgetScope | None:
    """Which requests a declared budget counts (None: not ones the scheduler sends, e.g. media
    uploads or deletes, which have their own small budgets)."""
    name = budget.name.lower()
    if "paging" in name:
        return BudgetScope.PAGED
    if any(word in name for word in ("media", "delete", "sign_up")):
        return None
    return BudgetScope.ALL


@dataclass(frozen=True, slots=True)
class RateHeaders:
    limit: int
    remaining: int
    reset: datetime


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    if value is None:
        value = headers.get(name.lower())
    return value.strip()[:64] if isinstance(value, str) else None


def _parse_moment(text: str, now: datetime) -> datetime | None:
    try:
        if text.isdigit():
            number = int(text[:12])
            if number >= _EPOCH_THRESHOLD:
                return datetime.fromtimestamp(number, tz=UTC)
            return now + timedelta(seconds=number)  # some servers send seconds until the reset
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)
    except (ValueError, OverflowError, OSError):
        return None  # not a time, or one outside what a datetime can hold


def _bounded(moment: datetime, now: datetime) -> datetime:
    return min(max(moment, now), now + MAX_WAIT)


def parse_rate_headers(headers: Mapping[str, str], now: datetime) -> RateHeaders | None:
    """`X-RateLimit-Limit/Remaining/Reset`, or None when absent or not believable."""
    raw = [_header(headers, f"X-RateLimit-{n}") for n in ("Limit", "Remaining", "Reset")]
    if any(value is None for value in raw):
        return None
    limit_text, remaining_text, reset_text = (str(value) for value in raw)
    if not (limit_text.isdigit() and remaining_text.lstrip("-").isdigit()):
        return None
    limit = int(limit_text[:9])
    remaining = max(0, int(remaining_text[:10]))
    reset = _parse_moment(reset_text, now)
    if limit <= 0 or reset is None:
        return None
    return RateHeaders(limit, min(remaining, limit), _bounded(reset, now))


def parse_retry_after(headers: Mapping[str, str], now: datetime) -> datetime | None:
    """`Retry-After` as seconds or an HTTP date (RFC 9110 §10.2.3)."""
    text = _header(headers, "Retry-After")
    if not text:
        return None
    if text.isdigit():
        return _bounded(now + timedelta(seconds=int(text[:9])), now)
    try:
        moment = parsedate_to_datetime(text)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        moment = moment.astimezone(UTC)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return _bounded(moment, now)


@dataclass(slots=True)
class DeclaredWindow:
    """Our own requests over the last `budget.window` (a sliding window)."""

    budget: RateBudget
    sent: deque[datetime] = field(default_factory=deque)
    in_flight: int = 0
    #: After a refusal that named no time (Akkoma's bare 429): nothing before this moment.
    blocked_until: datetime | None = None

    def _purge(self, now: datetime) -> None:
        horizon = now - self.budget.window
        while self.sent and self.sent[0] <= horizon:
            self.sent.popleft()

    def free_at(self, now: datetime) -> datetime:
        self._purge(now)
        if self.blocked_until is not None and now < self.blocked_until:
            return self.blocked_until
        if len(self.sent) < self.budget.requests:
            return now
        return self.sent[len(self.sent) - self.budget.requests] + self.budget.window

    def seed(self, moments: Iterable[datetime], now: datetime) -> None:
        """Count sends of an earlier run (from the journal) that are still inside the window."""
        horizon = now - self.budget.window
        self.sent.extend(sorted(m for m in moments if horizon < m <= now))

    def refused(self, now: datetime) -> datetime:
        """The server refused without saying until when: whatever bucket it counts in (fixed,
        or started by our first request) has ended one whole window from now."""
        self.blocked_until = now + self.budget.window
        return self.blocked_until

    def take(self, now: datetime) -> None:
        self.sent.append(now)
        self.in_flight += 1

    def done(self) -> None:
        self.in_flight = max(0, self.in_flight - 1)

    def finish_estimate(self, now: datetime, count: int) -> datetime:
        self._purge(now)
        extra = count - (self.budget.requests - len(self.sent))
        if extra <= 0:
            return now
        start = self.sent[0] if self.sent else now
        return start + self.budget.window * math.ceil(extra / self.budget.requests)


class PacedFamilies:
    """Action families held to a declared window of their own (Akkoma's `relations_actions`:
    10 follows per 10 s, §5.4), counted per server, not per account: two accounts on one
    server share it (slower, never refused)."""

    def __init__(self) -> None:
        self._windows: dict[str, DeclaredWindow] = {}

    def pace(
        self,
        family: str,
        requests: int,
        window: timedelta,
        now: datetime,
        recent: Iterable[datetime] = (),
    ) -> None:
        """At most `requests` of `family` per sliding `window` from now on; `recent`: sends of
        an earlier run still inside the window, so a resumed run does not burst."""
        if self.paces(family, requests, window):
            return
        paced = DeclaredWindow(RateBudget(f"family:{family}", requests, window, "user"))
        paced.seed(recent, now)
        self._windows[family] = paced

    def paces(self, family: str, requests: int, window: timedelta) -> bool:
        paced = self._windows.get(family)
        return (
            paced is not None
            and paced.budget.requests == requests
            and (paced.budget.window == window)
        )

    def window(self, family: str) -> DeclaredWindow | None:
        return self._windows.get(family)

    def finish_estimate(self, family: str, now: datetime, count: int) -> datetime | None:
        """When `count` more requests of `family` can all have been sent (None: not paced)."""
        paced = self._windows.get(family)
        return paced.finish_estimate(now, count) if paced is not None else None


@dataclass(slots=True)
class AnnouncedWindow:
    """The server's own count: `remaining` requests until `reset`, then `limit` again."""

    limit: int
    remaining: int
    reset: datetime
    period: timedelta
    in_flight: int = 0

    @classmethod
    def from_headers(
        cls, headers: RateHeaders, in_flight: int, period: timedelta
    ) -> AnnouncedWindow:
        # Requests still in flight were not counted by the server yet: count them here.
        remaining = max(0, headers.remaining - in_flight)
        return cls(headers.limit, remaining, headers.reset, period, in_flight)

    def _roll(self, now: datetime) -> None:
        if now < self.reset:
            return
        periods = math.floor((now - self.reset) / self.period) + 1
        self.reset += self.period * periods
        self.remaining = self.limit

    def free_at(self, now: datetime) -> datetime:
        self._roll(now)
        return now if self.remaining > 0 else self.reset

    def take(self, now: datetime) -> None:
        self._roll(now)
        self.remaining -= 1
        self.in_flight += 1

    def done(self) -> None:
        self.in_flight = max(0, self.in_flight - 1)

    def update(self, headers: RateHeaders, now: datetime) -> None:
        """Believe the server when it says less is left, or when our window has passed."""
        self._roll(now)
        remaining = max(0, headers.remaining - self.in_flight)
        if remaining <= self.remaining or headers.reset >= self.reset + self.period / 2:
            self.limit = headers.limit
            self.remaining = remaining
            self.reset = headers.reset

    def finish_estimate(self, now: datetime, count: int) -> datetime:
        self._roll(now)
        extra = count - self.remaining
        if extra <= 0:
            return now
        return self.reset + self.period * (math.ceil(extra / self.limit) - 1)
