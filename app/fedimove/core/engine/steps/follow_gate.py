"""The daily follow allowance of the new server (Mastodon: 400 per UTC day, reset at 00:00 UTC;
fediverse-apis §5.2), kept apart from the request budgets.

Mastodon answers a follow with the *follow family's* `X-RateLimit-*` headers
(`override_rate_limit_headers :follow`). Fed to the shared request scheduler they would pass for
the API's 5-minute window, so the follow client's scheduler (`FollowScheduler`) hands them to
the `FollowGate` instead and passes the reply on without them; the request itself still counts
against every shared budget. A 429 on a follow becomes a `DailyLimitReached` with the reset.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any, TypeVar

import httpx

from fedimove.core.clock import Clock, next_utc_midnight
from fedimove.core.engine.scheduler import ReplyLike, RequestScheduler, Slot
from fedimove.core.engine.scheduler_windows import parse_rate_headers
from fedimove.core.errors import RateLimitedError
from fedimove.core.progress import CancelToken
from fedimove.core.servers.rest_session import RestReply

R = TypeVar("R", bound=ReplyLike)
_RATE_HEADERS = ("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset")


class DailyLimitReached(RateLimitedError):
    """The follow allowance is used up until `until`."""

    def __init__(self, until: datetime) -> None:
        super().__init__("daily follow limit", status=429, until=until.isoformat())
        self.until = until


class FollowGate:
    """How many follows are left today, from the declared allowance and the server's answers."""

    def __init__(self, per_day: int, clock: Clock) -> None:
        self.per_day = per_day
        self.clock = clock
        self.reset = next_utc_midnight(clock.now())
        self.remaining = per_day
        self.limited = 0  # 429s met on follows (zero when the headers were believed)

    def _roll(self) -> None:
        now = self.clock.now()
        if now >= self.reset:
            self.reset = next_utc_midnight(now)
            self.remaining = self.per_day

    def next_free(self) -> datetime | None:
        """None when a follow may be sent now, else when the allowance comes back."""
        self._roll()
        return None if self.remaining > 0 else self.reset

    def taken(self) -> None:
        self._roll()
        self.remaining -= 1

    def observe(self, remaining: int, reset: datetime) -> None:
        self._roll()
        if reset > self.clock.now():
            self.remaining, self.reset = remaining, reset

    def exhausted_until(self, until: datetime) -> None:
        self.limited += 1
        self.remaining, self.reset = 0, max(until, self.clock.now())

    def finish_estimate(self, pending: int) -> datetime:
        """When `pending` more follows can all have been sent: today's rest, then `per_day`
        after each 00:00 UTC (the moment the ETA names)."""
        self._roll()
        now = self.clock.now()
        if pending <= self.remaining:
            return now
        days = -(-(pending - self.remaining) // self.per_day)
        return self.reset + timedelta(days=days - 1)

    # --- persisted in the migration's options, so a resumed run knows the day's state ------

    def dump(self) -> dict[str, Any]:
        return {"remaining": self.remaining, "reset": self.reset.isoformat()}

    def load(self, data: Any) -> None:
        if not isinstance(data, dict):
            return
        try:
            reset = datetime.fromisoformat(str(data["reset"]))
            remaining = int(data["remaining"])
        except (KeyError, ValueError, TypeError):
            return
        if reset > self.clock.now():
            self.remaining, self.reset = min(remaining, self.per_day), reset


class FollowScheduler(RequestScheduler):
    """The new server's scheduler, for follows only: family headers go to the gate."""

    def __init__(self, inner: RequestScheduler, gate: FollowGate) -> None:
        super().__init__(inner.host, (), clock=inner.clock)
        self.inner = inner
        self.gate = gate
        self.stats = inner.stats

    async def run(
        self,
        send: Callable[[], Awaitable[R]],
        slot: Slot,
        *,
        cancel: CancelToken | None = None,
    ) -> R:
        async def send_without_family_headers() -> R:
            reply = await send()
            if not isinstance(reply, RestReply):
                return reply
            headers = parse_rate_headers(reply.headers, self.clock.now())
            if reply.status_code == 429:
                reset = headers.reset if headers else next_utc_midnight(self.clock.now())
                self.gate.exhausted_until(reset)
                raise DailyLimitReached(self.gate.reset)
            if headers is not None:
                self.gate.observe(headers.remaining, headers.reset)
            kept = [(k, v) for k, v in reply.headers.items() if k.lower() not in _RATE_HEADERS]
            return RestReply(reply.status_code, httpx.Headers(kept), reply.body)  # type: ignore[return-value]

        return await self.inner.run(send_without_family_headers, slot, cancel=cancel)
