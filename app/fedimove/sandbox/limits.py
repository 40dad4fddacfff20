"""Rate limits as the real servers apply them, on the injected clock.

Mastodon: rack-attack fixed windows aligned on the period (per token, per user, per IP, paging)
and the per-account action family "follows: 400 per UTC day" [fediverse-apis.md §5.1, §5.2;
M: config/initializers/rack_attack.rb, app/lib/rate_limiter.rb]. GoToSocial: one per-IP limiter
for the client API and OAuth [fediverse-apis.md §5.3; GTS: internal/middleware/ratelimit.go].
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from fedimove.core.clock import Clock


@dataclass(frozen=True, slots=True)
class Throttle:
    name: str
    limit: int
    period: int  # seconds; windows are aligned on multiples of it (epoch-based)


PER_TOKEN = Throttle("throttle_per_token_api", 300, 5 * 60)
AUTHENTICATED_API = Throttle("throttle_authenticated_api", 1500, 5 * 60)
UNAUTHENTICATED_API = Throttle("throttle_unauthenticated_api", 300, 5 * 60)
AUTHENTICATED_PAGING = Throttle("throttle_authenticated_paging", 300, 15 * 60)
UNAUTHENTICATED_PAGING = Throttle("throttle_unauthenticated_paging", 300, 15 * 60)
GTS_PER_IP = Throttle("gotosocial_per_ip", 300, 5 * 60)
APP_REGISTRATIONS = Throttle("throttle_oauth_application_registrations/ip", 5, 10 * 60)
#: RateLimiter::FAMILIES[:follows]; bucket key floor(now / 24 h) resets at 00:00 UTC.
FOLLOWS_PER_DAY = Throttle("follows", 400, 24 * 60 * 60)
#: FollowLimitValidator: MAX_FOLLOWS_THRESHOLD and MAX_FOLLOWS_RATIO.
FOLLOW_CAP = 7_500
FOLLOW_CAP_RATIO = 1.1
#: GoToSocial's throttling answer when its queue is full [GTS: docs/api/throttling.md].
GTS_RETRY_AFTER_SECONDS = 30


@dataclass(frozen=True, slots=True)
class Usage:
    limit: int
    remaining: int
    reset: datetime
    exceeded: bool

    def headers(self) -> dict[str, str]:
        # Mastodon writes the reset as ISO 8601 with microseconds
        # [M: app/controllers/concerns/rate_limit_headers.rb].
        return {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(max(0, self.remaining)),
            "X-RateLimit-Reset": self.reset.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        }


class RateLimiter:
    """Fixed-window counters; one live window per (throttle, subject)."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._windows: dict[tuple[str, str], tuple[int, int]] = {}

    def _window(self, throttle: Throttle) -> tuple[int, datetime]:
        epoch = self._clock.now().timestamp()
        index = int(epoch // throttle.period)
        reset = datetime.fromtimestamp((index + 1) * throttle.period, tz=UTC)
        return index, reset

    def peek(self, throttle: Throttle, subject: str) -> Usage:
        index, reset = self._window(throttle)
        stored = self._windows.get((throttle.name, subject))
        count = stored[1] if stored is not None and stored[0] == index else 0
        return Usage(throttle.limit, throttle.limit - count, reset, count >= throttle.limit)

    def hit(self, throttle: Throttle, subject: str) -> Usage:
        """Count one request; `exceeded` when this one is over the limit (then it is refused)."""
        index, reset = self._window(throttle)
        key = (throttle.name, subject)
        stored = self._windows.get(key)
        count = (stored[1] if stored is not None and stored[0] == index else 0) + 1
        self._windows[key] = (index, count)
        return Usage(throttle.limit, throttle.limit - count, reset, count > throttle.limit)

    def hit_all(self, matched: list[tuple[Throttle, str]]) -> Usage | None:
        """Count a request against every matching throttle; report the one that refused it or,
        if none did, the one closest to exhaustion (what Mastodon's headers show)."""
        worst: Usage | None = None
        for throttle, subject in matched:
            usage = self.hit(throttle, subject)
            if usage.exceeded:
                return usage
            if worst is None or usage.remaining < worst.remaining:
                worst = usage
        return worst


def follow_cap(followers_count: int, following_count: int) -> int:
    """The most follows a local Mastodon account may have
    [M: app/validators/follow_limit_validator.rb]."""
    if following_count < FOLLOW_CAP:
        return FOLLOW_CAP
    return max(FOLLOW_CAP, int(followers_count * FOLLOW_CAP_RATIO))
