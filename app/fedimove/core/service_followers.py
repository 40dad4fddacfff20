"""The service's follower side: the tracker after the Move until the tracking window closes or
the person finishes it (the final scan, then the *finish* phase), its actions (approve the
migrated followers' requests, export who did not arrive), and the rows the followers page
shows."""

from __future__ import annotations

import asyncio
import errno
from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from fedimove.core.engine.followers import (
    FollowerTracker,
    PollResult,
    snapshot_followers,
    snapshot_pages,
)
from fedimove.core.engine.followers_actions import export_missing
from fedimove.core.engine.move import resend_available_at
from fedimove.core.engine.preview_servers import origin_of
from fedimove.core.errors import (
    DiskFullError,
    FedimoveError,
    ParamValue,
    ReadOnlyStorageError,
    StorageError,
)
from fedimove.core.progress import CancelToken, Phase, ProgressEvent, ProgressSink
from fedimove.core.service_api import (
    AccountRole,
    FollowerRow,
    FollowerSink,
    FollowerState,
    StepOutcome,
)
from fedimove.core.service_context import ServiceState
from fedimove.core.storage.journal_records import Evidence, Follower, Migration, MigrationPhase
from fedimove.core.storage.paths import AppPaths
from fedimove.core.storage.settings import FULL_SCAN_HOURS, TRACKING_DAYS, Settings

#: How often the followers page polls the new account (the tracker's cost is per arrival).
POLL_EVERY = 30.0
#: A follower who arrived, or asks to, has settled; everyone else is still being watched.
_ARRIVING = (FollowerState.MOVED, FollowerState.AWAITING_APPROVAL)


class FollowerActions:
    state: ServiceState
    _rounds: asyncio.Lock | None = None
    #: Each follower server's software (from the probes the scans make), for the table.
    _software: dict[str, str] | None = None

    @property
    def _round(self) -> asyncio.Lock:
        """One tracker round at a time: a regular scan that ends after the final one would put
        its "not yet" back over the final verdicts."""
        if self._rounds is None:
            self._rounds = asyncio.Lock()
        return self._rounds

    def _tracker(self, *, approve: bool = False) -> FollowerTracker:
        state = self.state
        return FollowerTracker(
            state.journal,
            state.require_migration(),
            state.client(AccountRole.OLD),
            state.client(AccountRole.NEW),
            prober=state.prober,
            clock=state.clock,
            approve_migrated=approve,
        )

    async def _send_rows(
        self, on_rows: FollowerSink, sent: dict[str, FollowerRow] | None = None
    ) -> dict[FollowerState, int]:
        """The followers of the snapshot to the page, and their counts: the same set, so the
        page's numbers and the tracker's always agree (new followers of the new account who
        never followed the old one are not part of the move). With `sent` (what this sink
        already has), only the rows that changed: 100,000 unchanged rows every round would
        keep the page busy for nothing. Read a page at a time, sent as one batch."""
        software = self._software or {}
        counts: Counter[FollowerState] = Counter()
        batch: list[FollowerRow] = []
        async for page in snapshot_pages(self.state.journal, self.state.require_migration()):
            rows = [follower_row(f, software.get(f.domain, "")) for f in page]
            counts.update(row.state for row in rows)
            if sent is not None:
                rows = [row for row in rows if sent.get(row.actor_uri) != row]
                sent.update((row.actor_uri, row) for row in rows)
            batch.extend(rows)
        if batch or sent is None:
            on_rows(batch)
        return dict(counts)

    def _report(self, progress: ProgressSink, counts: dict[FollowerState, int]) -> None:
        """The round's counts, with what the page shows besides the rows (the Move's time,
        the end of the tracking window, when a re-send becomes possible)."""
        migration = self.state.journal.get_migration(self.state.require_migration())
        window = tracking_window(self.state.paths, migration)
        old = self.state.clients.get(AccountRole.OLD)
        resend = resend_available_at(migration, old.capabilities if old else None)
        params: dict[str, ParamValue] = {
            "moved_at": migration.moved_at.isoformat() if migration.moved_at else None,
            "tracking_until": window.isoformat() if window else None,
            "resend_from": resend.isoformat() if resend else None,
            "resend_ready": resend is not None and resend <= self.state.clock.now(),
            "finished": migration.phase is MigrationPhase.FINISH,
        }
        moved, total = counts.get(FollowerState.MOVED, 0), sum(counts.values())
        progress(ProgressEvent(Phase.TRACK, "followers", moved, total, "polled", params))

    async def track_followers(
        self, *, on_rows: FollowerSink, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        """Poll until cancelled or until the tracking window (`tracking_days` after the Move)
        closes, with a full scan of the old list every few hours; each round sends the rows
        that changed. When the window closes the final scan runs and the migration moves to
        *finish*."""
        state = self.state
        migration = self._start_tracking()
        sent: dict[str, FollowerRow] = {}
        counts = await self._send_rows(on_rows, sent)
        self._report(progress, counts)
        if migration.phase is MigrationPhase.FINISH:  # tracking has ended: show where it ended
            return StepOutcome("track", "finished", done=counts.get(FollowerState.MOVED, 0))
        tracker = self._tracker(approve=state.answers.locked_choice == "approve")
        scan_every = Settings.load_default(state.paths).get(FULL_SCAN_HOURS) * 3600.0
        until = tracking_window(state.paths, migration)
        last_scan, scans, pending = state.clock.monotonic(), 0, -1
        while not cancel.cancelled:
            final = until is not None and state.clock.now() >= until
            full = final or scans == 0 or state.clock.monotonic() - last_scan >= scan_every
            finished, polled = await self._one_round(tracker, full=full, final=final)
            if full:
                last_scan, scans = state.clock.monotonic(), scans + 1
            # A poll that saw nobody new changed nothing: no need to read every follower.
            if polled is None or polled.arrivals or polled.approved or polled.pending != pending:
                counts = await self._send_rows(on_rows, sent)
            pending = polled.pending if polled is not None else pending
            self._report(progress, counts)
            if finished:
                moved = counts.get(FollowerState.MOVED, 0)
                return StepOutcome("track", "finished", done=moved, params={"scans": scans})
            wait = POLL_EVERY
            if until is not None:
                wait = max(0.0, min(wait, (until - state.clock.now()).total_seconds()))
            if await _stopped_within(cancel, state, wait):
                break
        return StepOutcome("track", "stopped", params={"scans": scans})

    def _start_tracking(self) -> Migration:
        """The migration, moved on to its *track* phase once the Move is through."""
        journal, migration_id = self.state.journal, self.state.require_migration()
        migration = journal.get_migration(migration_id)
        if migration.moved_at is not None and migration.phase in (
            MigrationPhase.MOVE,
            MigrationPhase.COPY_AFTER,
        ):
            migration = journal.set_phase(migration_id, MigrationPhase.TRACK)
        return migration

    async def _one_round(
        self, tracker: FollowerTracker, *, full: bool, final: bool
    ) -> tuple[bool, PollResult | None]:
        """A poll, a regular full scan or the final one: whether tracking has finished (here,
        or by `finish_tracking` meanwhile), and the poll's result when it was a poll that
        went through. Retryable failures wait for the next round."""
        state = self.state
        migration_id = state.require_migration()
        async with self._round:
            if state.journal.get_migration(migration_id).phase is MigrationPhase.FINISH:
                return True, None
            try:
                if not full:
                    return False, await tracker.poll()
                await tracker.full_scan(final=final)
                await self._learn_software()
            except FedimoveError as error:
                if not error.retryable:
                    raise
                return False, None
            if final:
                state.journal.set_phase(migration_id, MigrationPhase.FINISH)
        return final, None

    async def _learn_software(self) -> None:
        """Which software each follower server runs: the scan just probed the servers of
        those still away (the prober keeps what it learned), this adds the others once."""
        followers = await snapshot_followers(self.state.journal, self.state.require_migration())
        origins = {f.domain: origin_of(f.actor_uri, f.domain) for f in followers}
        facts = await self.state.prober.facts_for(origins)
        self._software = {domain: found.software for domain, found in facts.items()}

    async def finish_tracking(
        self, *, on_rows: FollowerSink, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        """End the tracking: the final scan (who stayed on the old account, and why), then
        the migration's *finish* phase. Followers who arrive later still follow the new
        account; Fedimove only stops watching. Safe to call again (it only re-sends rows)."""
        state = self.state
        migration_id = state.require_migration()
        async with self._round:
            cancel.raise_if_cancelled()
            if state.journal.get_migration(migration_id).phase is not MigrationPhase.FINISH:
                tracker = self._tracker(approve=state.answers.locked_choice == "approve")
                await tracker.full_scan(final=True)
                state.journal.set_phase(migration_id, MigrationPhase.FINISH)
        counts = await self._send_rows(on_rows)
        self._report(progress, counts)
        not_arrived = sum(n for s, n in counts.items() if s not in _ARRIVING)
        return StepOutcome(
            "finish_tracking",
            "finished",
            done=counts.get(FollowerState.MOVED, 0),
            failed=not_arrived,
            params={s.value: n for s, n in sorted(counts.items())},
        )

    async def approve_migrated_followers(
        self, *, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        self.state.answers = replace(self.state.answers, locked_choice="approve")
        async with self._round:
            result = await self._tracker(approve=True).poll()
        return StepOutcome("approve_migrated", done=result.approved)

    async def export_missing_followers(
        self, destination: Path, *, progress: ProgressSink, cancel: CancelToken
    ) -> Path:
        """A CSV of who did not arrive, with the state, the reason and whether it was seen or
        inferred (to write to them, or to check later); it also imports as a follows list."""
        migration_id = self.state.require_migration()
        # Off the event loop: 100,000 followers take seconds to read and write.
        try:
            await asyncio.to_thread(export_missing, self.state.journal, migration_id, destination)
        except OSError as error:
            raise _export_error(error, destination) from error
        return destination


def follower_row(follower: Follower, software: str = "") -> FollowerRow:
    return FollowerRow(
        software=software,
        actor_uri=follower.actor_uri,
        handle=f"@{follower.acct}",
        state=follower.state,
        server=follower.domain,
        reason=follower.reason or "",
        observed=follower.evidence is Evidence.OBSERVED,
        arrived_at=follower.arrived_at,
    )


def tracking_window(paths: AppPaths, migration: Migration) -> datetime | None:
    """When tracking ends by itself: `tracking_days` after the Move (None before it)."""
    if migration.moved_at is None:
        return None
    return migration.moved_at + timedelta(days=Settings.load_default(paths).get(TRACKING_DAYS))


def _export_error(error: OSError, path: Path) -> StorageError:
    if error.errno == errno.ENOSPC:
        return DiskFullError("no space left for the list", file=path.name)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ReadOnlyStorageError("the list cannot be written there", file=path.name)
    return StorageError("the list could not be written", file=path.name, errno=error.errno)


async def _stopped_within(cancel: CancelToken, state: ServiceState, seconds: float) -> bool:
    try:
        await cancel.sleep(state.clock, seconds)
    except FedimoveError:
        return True
    return False
