"""The plain values the request scheduler works with: who sends (`Slot`), how it retries,
what it tells listeners, and what it counted. Re-exported by `scheduler.py`."""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol, TypeVar


class ReplyLike(Protocol):
    @property
    def status_code(self) -> int: ...

    @property
    def headers(self) -> Mapping[str, str]: ...


R = TypeVar("R", bound=ReplyLike)


@dataclass(frozen=True, slots=True)
class Slot:
    """Who sends a request and what kind it is: what the budgets are keyed and counted by.

    `token` is a fingerprint of the access token (never the token itself)."""

    token: str = ""
    user: str = ""
    paged: bool = False
    #: Safe to send twice (reads, follow, block...). Creating a list is not: only retried when
    #: the server surely did not act on it (connect failure, 429, 503).
    idempotent: bool = True
    #: An action family with its own server-side limit whose headers answer for it alone
    #: (Mastodon's follows: 400 per UTC day, `override_rate_limit_headers`, §5.2).
    family: str = ""

    def subject(self, key: str) -> str:
        if key == "token":
            return f"token:{self.token}"
        if key == "user":
            return f"user:{self.user or self.token}"
        return "ip"


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    attempts: int = 6  # tries for one request, transient failures included
    base_delay: float = 1.0
    max_delay: float = 60.0
    max_limit_waits: int = 8  # 429/503 answers in a row before giving up

    def backoff(self, attempt: int, rng: random.Random) -> float:
        """Full jitter: uniform in [base/2, min(cap, base × 2^attempt)] (never a burst of 0s)."""
        ceiling = min(self.max_delay, self.base_delay * (2**attempt))
        return rng.uniform(min(self.base_delay / 2, ceiling), ceiling)


@dataclass(frozen=True, slots=True)
class WaitNotice:
    """The scheduler is waiting: `reason` is "rate_limit", "server_busy" or "retry"."""

    host: str
    reason: str
    until: datetime


@dataclass(slots=True)
class SchedulerStats:
    requests: int = 0  # requests sent (retries included)
    rate_limited: int = 0  # 429 answers received
    retries: int = 0
    waited_seconds: float = 0.0
    by_scope: dict[str, int] = field(default_factory=dict)
