"""A per-server request scheduler: everything that talks to one server goes through one of these.

It keeps every request inside the budgets the server enforces (fediverse-apis §5, DESIGN §0.12):
- budgets are declared up front (`Capabilities.rate_budgets`) and keyed by (host, token | user |
  IP); requests carrying `max_id`/`min_id`/`since_id`/`page` also count against the paging
  budget (Mastodon's 300 per 15 min per user);
- `X-RateLimit-Limit/Remaining/Reset` answers override the declared numbers: once a server has
  announced its state, we never send a request it would refuse (so no 429 where headers exist);
- an action family may be paced by a declared window of its own (`paced`: Akkoma's
  `relations_actions`, 10 follows per 10 s, answered by a 429 without headers, §5.4);
- a 429 waits until `Reset` (a bare one on a paced family: one window); a 503 with
  `Retry-After` waits that long; transient failures (5xx, timeouts, connection resets) are
  retried with jittered exponential backoff, up to a cap;
- every wait goes through the injected `Clock` and can be cut short by a `CancelToken`;
- listeners hear "waiting for the limit until …", and `eta()` estimates when N requests finish.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta

import httpx

from fedimove.core.clock import Clock
from fedimove.core.engine.scheduler_types import (
    R,
    ReplyLike,
    RetryPolicy,
    SchedulerStats,
    Slot,
    WaitNotice,
)
from fedimove.core.engine.scheduler_windows import (
    AnnouncedWindow,
    BudgetScope,
    DeclaredWindow,
    PacedFamilies,
    parse_rate_headers,
    parse_retry_after,
    scope_of,
)
from fedimove.core.http import translate_transport_error
from fedimove.core.progress import CancelToken
from fedimove.core.servers.base import RateBudget

__all__ = [
    "ReplyLike",
    "RequestScheduler",
    "RetryPolicy",
    "SchedulerPool",
    "SchedulerStats",
    "Slot",
    "WaitNotice",
]

#: Server clocks and ours differ a little; waking a second after the announced reset is cheap.
RESET_MARGIN = timedelta(seconds=1)
#: When a 429 or 503 names no time to wait.
DEFAULT_LIMIT_WAIT = 60.0
#: Mastodon's and GoToSocial's API windows, for servers that declared no budget.
DEFAULT_PERIOD = timedelta(minutes=5)
#: Action families (follows) count per UTC day on Mastodon.
FAMILY_PERIOD = timedelta(days=1)


WaitListener = Callable[[WaitNotice], None]


class RequestScheduler:
    def __init__(
        self,
        host: str,
        budgets: Sequence[RateBudget],
        *,
        clock: Clock,
        retry: RetryPolicy | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.host = host
        self.clock = clock
        self.retry = retry or RetryPolicy()
        self.stats = SchedulerStats()
        self._rng = rng or random.Random()  # noqa: S311 (jitter, not security)
        self._budgets = [b for b in budgets if scope_of(b) is not None]
        self._declared: dict[tuple[str, str], DeclaredWindow] = {}
        self._announced: dict[tuple[str, str], AnnouncedWindow] = {}
        #: Action families the server paces by a short window of its own (Akkoma's follows).
        self.paced = PacedFamilies()
        self._listeners: list[WaitListener] = []
        self._latency = 0.0

    # --- listeners -------------------------------------------------------------------------

    def subscribe(self, listener: WaitListener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _notify(self, reason: str, until: datetime) -> None:
        for listener in list(self._listeners):
            listener(WaitNotice(self.host, reason, until))

    # --- the one entry point ---------------------------------------------------------------

    async def run(
        self,
        send: Callable[[], Awaitable[R]],
        slot: Slot,
        *,
        cancel: CancelToken | None = None,
    ) -> R:
        """Send through `send` when the budgets allow; wait and retry as the answers ask.

        Returns the last answer (possibly still 429/5xx once retries are spent); transport
        errors that outlive the retries are raised as coded `NetworkError`s."""
        failures = 0
        limit_waits = 0
        while True:
            # Every request passes here: give the loop a turn (the GUI, a Pause click) even when
            # the transport answers without waiting, as the in-process practice servers do.
            await asyncio.sleep(0)
            await self._acquire(slot, cancel)
            started = self.clock.monotonic()
            try:
                reply = await send()
            except httpx.HTTPError as error:
                self._release(slot)
                failures += 1
                if not self._may_retry_error(error, slot, failures):
                    raise translate_transport_error(error, self.host) from None
                await self._backoff(failures, cancel)
                continue
            except BaseException:
                self._release(slot)
                raise
            self._latency = 0.8 * self._latency + 0.2 * (self.clock.monotonic() - started)
            self._observe(slot, reply)
            wait = self._wait_for_answer(reply, slot, failures)
            if wait is None:
                return reply
            limit_waits += reply.status_code in (429, 503)
            failures += reply.status_code not in (429, 503)
            if limit_waits > self.retry.max_limit_waits or failures >= self.retry.attempts:
                return reply
            self.stats.retries += 1
            await self._wait(wait[0], wait[1], cancel)

    # --- budgets ---------------------------------------------------------------------------

    def _windows(self, slot: Slot) -> list[DeclaredWindow | AnnouncedWindow]:
        """Every window the request counts against: announced where the server spoke, else
        declared."""
        windows: list[DeclaredWindow | AnnouncedWindow] = []
        for scope in self._scopes(slot):
            announced = self._announced.get((self._announce_subject(slot, scope), str(scope)))
            if announced is not None:
                windows.append(announced)
                continue
            for budget in self._budgets:
                if scope_of(budget) is scope:
                    key = (budget.name, slot.subject(budget.key))
                    windows.append(self._declared.setdefault(key, DeclaredWindow(budget)))
        if slot.family:
            family = self._announced.get(self._family_key(slot))
            paced = self.paced.window(slot.family)
            windows.extend(w for w in (family, paced) if w is not None)
        return windows

    @staticmethod
    def _family_key(slot: Slot) -> tuple[str, str]:
        return slot.subject("user"), f"family:{slot.family}"

    def _scopes(self, slot: Slot) -> list[BudgetScope]:
        scopes = [BudgetScope.ALL]
        if slot.paged and self._has_scope(BudgetScope.PAGED):
            scopes.append(BudgetScope.PAGED)
        return scopes

    def _has_scope(self, scope: BudgetScope) -> bool:
        return any(scope_of(b) is scope for b in self._budgets)

    def _announce_subject(self, slot: Slot, scope: BudgetScope) -> str:
        """Headers describe the throttle closest to exhaustion; keep them under the narrowest
        declared key of that scope (the token for Mastodon's API, the user for paging)."""
        budgets = [b for b in self._budgets if scope_of(b) is scope]
        if not budgets:
            return slot.subject("token")
        return slot.subject(min(budgets, key=lambda b: b.requests).key)

    async def _acquire(self, slot: Slot, cancel: CancelToken | None) -> None:
        while True:
            if cancel is not None:
                cancel.raise_if_cancelled()
            now = self.clock.now()
            windows = self._windows(slot)
            free_at = max((w.free_at(now) for w in windows), default=now)
            if free_at <= now:
                for window in windows:
                    window.take(now)
                self.stats.requests += 1
                scope = "paged" if slot.paged else "all"
                self.stats.by_scope[scope] = self.stats.by_scope.get(scope, 0) + 1
                return
            await self._wait("rate_limit", free_at, cancel)

    def _release(self, slot: Slot) -> None:
        for window in self._windows(slot):
            window.done()

    def _observe(self, slot: Slot, reply: ReplyLike) -> None:
        self._release(slot)
        headers = parse_rate_headers(reply.headers, self.clock.now())
        if reply.status_code == 429:
            self.stats.rate_limited += 1
        if headers is None:
            return
        scope = BudgetScope.PAGED if BudgetScope.PAGED in self._scopes(slot) else BudgetScope.ALL
        key = (self._announce_subject(slot, scope), str(scope))
        period = self._period(scope)
        if slot.family:
            # These headers describe the family's own limit, not the API window.
            key, period = self._family_key(slot), FAMILY_PERIOD
        window = self._announced.get(key)
        if window is None:
            in_flight = sum(w.in_flight for w in self._windows(slot))
            self._announced[key] = AnnouncedWindow.from_headers(headers, in_flight, period)
        else:
            window.update(headers, self.clock.now())

    def _period(self, scope: BudgetScope) -> timedelta:
        windows = [b.window for b in self._budgets if scope_of(b) is scope]
        return min(windows, default=DEFAULT_PERIOD)

    # --- answers that ask for a wait -------------------------------------------------------

    def _wait_for_answer(
        self, reply: ReplyLike, slot: Slot, failures: int
    ) -> tuple[str, datetime] | None:
        now = self.clock.now()
        status = reply.status_code
        if status == 429:
            headers = parse_rate_headers(reply.headers, now)
            after = parse_retry_after(reply.headers, now)
            until = headers.reset if headers is not None else after
            paced = self.paced.window(slot.family) if slot.family else None
            if until is None and paced is not None:
                until = paced.refused(now)  # a bare 429 on a paced family: one window
            return "rate_limit", (until or now + timedelta(seconds=DEFAULT_LIMIT_WAIT))
        if status == 503 and (after := parse_retry_after(reply.headers, now)) is not None:
            return "server_busy", after
        if status >= 500 and slot.idempotent:
            delay = self.retry.backoff(failures, self._rng)
            return "retry", now + timedelta(seconds=delay)
        return None

    def _may_retry_error(self, error: httpx.HTTPError, slot: Slot, failures: int) -> bool:
        if failures >= self.retry.attempts:
            return False
        if isinstance(error, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout):
            return True  # the request never reached the server
        transient = isinstance(error, httpx.TimeoutException | httpx.NetworkError)
        transient = transient or isinstance(error, httpx.RemoteProtocolError)
        return transient and slot.idempotent

    async def _backoff(self, failures: int, cancel: CancelToken | None) -> None:
        self.stats.retries += 1
        delay = self.retry.backoff(failures - 1, self._rng)
        await self._wait("retry", self.clock.now() + timedelta(seconds=delay), cancel)

    async def _wait(self, reason: str, until: datetime, cancel: CancelToken | None) -> None:
        if reason != "retry":
            until = until + RESET_MARGIN
        seconds = (until - self.clock.now()).total_seconds()
        if seconds <= 0:
            return
        self._notify(reason, until)
        self.stats.waited_seconds += seconds
        if cancel is not None:
            await cancel.sleep(self.clock, seconds)
        else:
            await self.clock.sleep(seconds)

    # --- estimates -------------------------------------------------------------------------

    def eta(self, requests: int, *, paged: int = 0, slot: Slot | None = None) -> datetime:
        """When `requests` more requests (of which `paged` carry paging ids) should be done."""
        slot = slot or Slot()
        now = self.clock.now()
        finish = now + timedelta(seconds=requests * self._latency)
        plan = [(Slot(slot.token, slot.user, False), requests)]
        if paged:
            plan.append((Slot(slot.token, slot.user, True), paged))
        for probe, count in plan:
            for window in self._windows(probe):
                finish = max(finish, window.finish_estimate(now, count))
        return finish

    def announced_remaining(self, slot: Slot) -> int | None:
        values = [w.remaining for w in self._windows(slot) if isinstance(w, AnnouncedWindow)]
        return min(values) if values else None


class SchedulerPool:
    """One scheduler per server for the whole process: everything that talks to a host shares
    its budgets (two accounts on one GoToSocial server share its per-IP limit)."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self._by_host: dict[str, RequestScheduler] = {}

    def for_host(self, host: str, budgets: Sequence[RateBudget]) -> RequestScheduler:
        key = host.lower()
        if key not in self._by_host:
            self._by_host[key] = RequestScheduler(key, budgets, clock=self.clock)
        return self._by_host[key]
