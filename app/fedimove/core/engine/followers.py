"""Every follower followed across the Move (DESIGN §0.3, §0.6; fediverse-apis §6.2).

`FollowerTracker` keeps its state in the journal (so `fedimove followers --watch` resumes):
- `take_snapshot`: every follower of the old account by actor URI, before the Move, plus the new
  account's followers at that moment (already there);
- `poll`: the new account's followers newest-first, stopping at the first one already seen
  (about one request per 80 arrivals; a full scan when both accounts share a server, where the
  Move rewrites follows in place), and the follow requests (approving migrated followers, only
  those in the snapshot, when the person chose so);
- `full_scan`: the old account's public follower list, within the paging budget; who left
  without arriving, and who stays, classified through the follower server's probe (the preview's
  `ServerProber`), the new server's published domain blocks and the follower's actor document.

Each follower ends in a state with a reason code and whether it was observed or inferred.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from fedimove.core.clock import Clock
from fedimove.core.engine.alias import Accounts, fetch_actor
from fedimove.core.engine.preview_servers import (
    ServerFacts,
    ServerForecast,
    ServerProber,
    blocked_severity,
    forecast,
    origin_of,
)
from fedimove.core.errors import FedimoveError
from fedimove.core.models import AccountRef
from fedimove.core.servers import rest_parse as parse
from fedimove.core.servers.rest import RestClient
from fedimove.core.service_api import Prediction
from fedimove.core.storage.journal import Journal
from fedimove.core.storage.journal_records import Evidence, Follower, FollowerState, FollowerUpdate

PAGE = 80
JOURNAL_PAGE = 500
ACTOR_FETCHES = 8
_SETTLED = (FollowerState.MOVED, FollowerState.AWAITING_APPROVAL)


@dataclass(frozen=True, slots=True)
class PollResult:
    requests: int  # HTTP requests this poll made
    arrivals: int  # followers seen on the new account for the first time
    pending: int  # migrated followers waiting as follow requests
    approved: int


async def _pages(
    client: RestClient, path: str, stop: set[str] | None = None
) -> tuple[list[AccountRef], int]:
    """Accounts of a collection, newest first; with `stop`, up to the first key in it."""
    found: list[AccountRef] = []
    requests = 0
    async for page in client.pages(path, limit=PAGE):
        requests += 1
        for ref in parse.accounts(page, client.local_domain):
            if stop is not None and ref.key in stop:
                return found, requests
            found.append(ref)
    return found, requests


@dataclass
class _Scan:
    """What one full scan knows while it classifies."""

    on_old: set[str]
    facts: dict[str, ServerFacts]
    blocks: list[tuple[str, str]]
    acting: set[str]  # follower servers where someone moved, asked or left
    final: bool


class FollowerTracker:
    def __init__(
        self,
        journal: Journal,
        migration_id: int,
        old: RestClient,
        new: RestClient,
        *,
        prober: ServerProber,
        clock: Clock,
        approve_migrated: bool = False,
    ) -> None:
        self.journal, self.migration_id = journal, migration_id
        self.old, self.new, self.prober, self.clock = old, new, prober, clock
        self.approve_migrated = approve_migrated
        self.accounts = Accounts.from_options(journal.get_migration(migration_id).options)
        self.same_server = old.origin == new.origin
        self._on_new: set[str] | None = None
        self._blocks: list[tuple[str, str]] | None = None
        self._fetches = asyncio.Semaphore(ACTOR_FETCHES)

    # --- before the Move ------------------------------------------------------------------

    async def take_snapshot(self) -> int:
        """The old account's followers (and who already follows the new one); returns the count."""
        followers, _ = await _pages(self.old, f"/api/v1/accounts/{self.accounts.old_id}/followers")
        self.journal.snapshot_followers(self.migration_id, followers)
        already, _ = await _pages(self.new, f"/api/v1/accounts/{self.accounts.new_id}/followers")
        self._record_arrivals(already, "already_following")
        self.journal.update_options(
            self.migration_id, {"follower_snapshot_at": self.clock.now().isoformat()}
        )
        return len(followers)

    # --- after the Move -------------------------------------------------------------------

    def _seen_on_new(self) -> set[str]:
        if self._on_new is None:
            rows = self.journal.list_followers(
                self.migration_id, state=FollowerState.MOVED, limit=None
            )
            self._on_new = {row.actor_uri for row in rows}
        return self._on_new

    def _record_arrivals(self, refs: Sequence[AccountRef], reason: str) -> None:
        snapshot = self.journal.in_snapshot(self.migration_id, (r.key for r in refs))
        updates = [
            FollowerUpdate(
                r.key,
                FollowerState.MOVED,
                Evidence.OBSERVED,
                reason if r.key in snapshot else "new_follower",
                r.acct,
            )
            for r in refs
        ]
        self.journal.update_followers(self.migration_id, updates)
        self._seen_on_new().update(r.key for r in refs)

    async def new_domain_blocks(self) -> list[tuple[str, str]]:
        if self._blocks is None:
            self._blocks = await self.new.instance_domain_blocks() or []
        return self._blocks

    async def poll(self) -> PollResult:
        """One round: arrivals on the new account, then its follow requests."""
        path = f"/api/v1/accounts/{self.accounts.new_id}/followers"
        seen = self._seen_on_new()
        fresh, requests = await _pages(self.new, path, None if self.same_server else seen)
        fresh = [ref for ref in fresh if ref.key not in seen]
        self._record_arrivals(fresh, "ok")
        pending, approved, more = await self._follow_requests()
        self._count_poll(requests + more)
        return PollResult(requests + more, len(fresh), pending, approved)

    async def _follow_requests(self) -> tuple[int, int, int]:
        """(pending migrated followers, approved now, requests made)."""
        requesters, requests = await _pages(self.new, "/api/v1/follow_requests")
        migrated = self.journal.in_snapshot(self.migration_id, (r.key for r in requesters))
        waiting = [r for r in requesters if r.key in migrated]
        if self.approve_migrated:
            for ref in waiting:
                await self.new.call("POST", f"/api/v1/follow_requests/{ref.local_id}/authorize")
            self._record_arrivals(waiting, "approved")
            return 0, len(waiting), requests + len(waiting)
        blocks = await self.new_domain_blocks()
        updates = [
            FollowerUpdate(
                r.key,
                FollowerState.AWAITING_APPROVAL,
                Evidence.OBSERVED,
                "limited" if blocked_severity(_domain(r.acct), blocks) == "silence" else "locked",
            )
            for r in waiting
        ]
        self.journal.update_followers(self.migration_id, updates)
        return len(waiting), 0, requests

    def _count_poll(self, requests: int) -> None:
        tracker = dict(self.journal.get_migration(self.migration_id).options.get("tracker") or {})
        tracker["polls"] = int(tracker.get("polls", 0)) + 1
        tracker["requests"] = int(tracker.get("requests", 0)) + requests
        tracker["last_poll_at"] = self.clock.now().isoformat()
        self.journal.update_options(self.migration_id, {"tracker": tracker})

    async def full_scan(self, *, final: bool = False) -> dict[FollowerState, int]:
        """Read the old account's follower list in full and classify everyone not yet settled.
        `final` also applies what needs time to be true (a server that ignored the Move) and
        reads the actor documents of those who stay (suspended or gone)."""
        await self.poll()  # arrivals first: who left the old list may already be on the new one
        staying, _ = await _pages(self.old, f"/api/v1/accounts/{self.accounts.old_id}/followers")
        snapshot = await snapshot_followers(self.journal, self.migration_id)
        open_rows = [f for f in snapshot if f.state not in _SETTLED]
        scan = _Scan(
            on_old={ref.key for ref in staying},
            facts=await self._server_facts(open_rows),
            blocks=await self.new_domain_blocks(),
            acting=set(),
            final=final,
        )
        scan.acting = _domains_with_departures(snapshot, scan.on_old)
        updates = await asyncio.gather(*(self._classify(f, scan) for f in open_rows))
        # Someone may have arrived (or asked) while this scan read and probed: that was seen
        # on the new account and stands; never put a guess over it.
        now = await snapshot_followers(self.journal, self.migration_id)
        settled = {f.actor_uri for f in now if f.state in _SETTLED}
        updates = [u for u in updates if u.actor_uri not in settled]
        self.journal.update_followers(self.migration_id, updates)
        tracker = dict(self.journal.get_migration(self.migration_id).options.get("tracker") or {})
        tracker["last_full_scan_at"] = self.clock.now().isoformat()
        self.journal.update_options(self.migration_id, {"tracker": tracker})
        return self.journal.follower_counts(self.migration_id)

    async def _server_facts(self, rows: Iterable[Follower]) -> dict[str, ServerFacts]:
        origins = {f.domain: origin_of(f.actor_uri, f.domain) for f in rows}
        return await self.prober.facts_for(origins) if origins else {}

    async def _classify(self, follower: Follower, scan: _Scan) -> FollowerUpdate:
        uri = follower.actor_uri
        if follower.actor_uri not in scan.on_old:  # left without arriving
            if blocked_severity(follower.domain, scan.blocks) == "suspend":
                return FollowerUpdate(uri, FollowerState.BLOCKED, Evidence.INFERRED, "blocked")
            return FollowerUpdate(uri, FollowerState.UNKNOWN, Evidence.INFERRED, "left")
        state, evidence, reason = await self._why_staying(follower, scan)
        return FollowerUpdate(uri, state, evidence, reason)

    async def _why_staying(
        self, follower: Follower, scan: _Scan
    ) -> tuple[FollowerState, Evidence, str]:
        facts = scan.facts[follower.domain]
        if not facts.reachable:
            return FollowerState.UNREACHABLE, Evidence.OBSERVED, "unreachable"
        verdict = forecast(follower.domain, 1, facts, scan.blocks)
        if verdict.prediction is Prediction.NO_MOVE_SUPPORT:
            return FollowerState.NO_MOVE_SUPPORT, Evidence.INFERRED, "no_move"
        if not scan.final:
            return FollowerState.STILL_ON_OLD, Evidence.OBSERVED, "not_yet"
        gone = await self._gone_reason(follower.actor_uri)
        if gone:
            return FollowerState.GONE, Evidence.OBSERVED, gone
        if follower.domain not in scan.acting:  # nobody there acted on the Move
            return FollowerState.NO_MOVE_SUPPORT, Evidence.INFERRED, "no_move"
        return FollowerState.STILL_ON_OLD, Evidence.OBSERVED, "unknown"

    async def _gone_reason(self, actor_uri: str) -> str:
        async with self._fetches:  # thousands may stay: a few actor reads at a time
            actor = await fetch_actor(self.new.http, actor_uri)
        if actor is None:
            return "gone"
        return "suspended" if actor.get("suspended") is True else ""

    async def watch(
        self, *, until: datetime, every: float = 60.0, full_scan_every: float = 3 * 3600.0
    ) -> None:
        """Poll until `until`, with a full scan every few hours and a final one at the end."""
        last_scan = self.clock.monotonic()
        while self.clock.now() < until:
            try:
                await self.poll()
                if self.clock.monotonic() - last_scan >= full_scan_every:
                    await self.full_scan()
                    last_scan = self.clock.monotonic()
            except FedimoveError as error:
                if not error.retryable:
                    raise
            await self.clock.sleep(every)
        await self.full_scan(final=True)


def _domains_with_departures(snapshot: Iterable[Follower], on_old: set[str]) -> set[str]:
    """Servers where at least one snapshot follower moved, asked, or left: they act on Moves."""
    return {f.domain for f in snapshot if f.state in _SETTLED or f.actor_uri not in on_old}


async def snapshot_pages(journal: Journal, migration_id: int) -> AsyncIterator[list[Follower]]:
    """The followers of the pre-Move snapshot, a page at a time, letting the event loop run
    between pages: at 100,000 followers one read takes seconds, and the window shares the
    loop."""
    after = ""
    while True:
        page = journal.list_followers(migration_id, after_uri=after, limit=JOURNAL_PAGE)
        yield [f for f in page if f.in_snapshot]
        if len(page) < JOURNAL_PAGE:
            return
        after = page[-1].actor_uri
        await asyncio.sleep(0)


async def snapshot_followers(journal: Journal, migration_id: int) -> list[Follower]:
    """Every follower of the pre-Move snapshot (read in pages, see `snapshot_pages`)."""
    return [f async for page in snapshot_pages(journal, migration_id) for f in page]


def _domain(acct: str) -> str:
    return acct.rpartition("@")[2].lower()


async def forecast_follower_servers(
    journal: Journal, migration_id: int, prober: ServerProber, blocks: Sequence[tuple[str, str]]
) -> list[ServerForecast]:
    """The preview's per-server forecast over the journaled follower snapshot."""
    counts: dict[str, int] = {}
    origins: dict[str, str] = {}
    for follower in journal.list_followers(migration_id, limit=None):
        if follower.in_snapshot:
            counts[follower.domain] = counts.get(follower.domain, 0) + 1
            origins.setdefault(follower.domain, origin_of(follower.actor_uri, follower.domain))
    facts = await prober.facts_for(origins) if origins else {}
    return [forecast(d, n, facts[d], blocks) for d, n in sorted(counts.items())]
