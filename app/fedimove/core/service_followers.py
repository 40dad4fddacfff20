"""The service's follower side: the tracker after the Move, its actions (approve the migrated
followers' requests, export who did not arrive), and the rows the followers page shows."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

from fedimove.core.engine.followers import FollowerTracker
from fedimove.core.errors import FedimoveError
from fedimove.core.progress import CancelToken, Phase, ProgressEvent, ProgressSink
from fedimove.core.service_api import (
    AccountRole,
    FollowerRow,
    FollowerSink,
    FollowerState,
    StepOutcome,
)
from fedimove.core.service_context import ServiceState
from fedimove.core.storage.journal_records import Evidence, Follower

#: How often the followers page polls the new account (the tracker's cost is per arrival).
POLL_EVERY = 30.0
FULL_SCAN_EVERY = 3 * 3600.0


class FollowerActions:
    state: ServiceState

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

    def _send_rows(self, on_rows: FollowerSink) -> dict[FollowerState, int]:
        followers = self.state.journal.list_followers(self.state.require_migration(), limit=None)
        on_rows([follower_row(f) for f in followers if f.in_snapshot])
        counts: dict[FollowerState, int] = {}
        for follower in followers:
            counts[follower.state] = counts.get(follower.state, 0) + 1
        return counts

    async def track_followers(
        self, *, on_rows: FollowerSink, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        """Poll until cancelled (the page stays open for days if the person wants), with a full
        scan of the old list every few hours; every round sends the changed rows."""
        state = self.state
        tracker = self._tracker(approve=state.answers.locked_choice == "approve")
        self._send_rows(on_rows)
        last_scan = state.clock.monotonic()
        scans = 0
        while not cancel.cancelled:
            try:
                if scans == 0 or state.clock.monotonic() - last_scan >= FULL_SCAN_EVERY:
                    await tracker.full_scan()
                    last_scan, scans = state.clock.monotonic(), scans + 1
                else:
                    await tracker.poll()
            except FedimoveError as error:
                if not error.retryable:
                    raise
            counts = self._send_rows(on_rows)
            moved, total = counts.get(FollowerState.MOVED, 0), sum(counts.values())
            progress(ProgressEvent(Phase.TRACK, "followers", moved, total, "polled"))
            if await _stopped_within(cancel, state, POLL_EVERY):
                break
        return StepOutcome("track", "stopped", params={"scans": scans})

    async def approve_migrated_followers(
        self, *, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        self.state.answers = replace(self.state.answers, locked_choice="approve")
        result = await self._tracker(approve=True).poll()
        return StepOutcome("approve_migrated", done=result.approved)

    async def export_missing_followers(
        self, destination: Path, *, progress: ProgressSink, cancel: CancelToken
    ) -> Path:
        """A CSV of who did not arrive, with the reason (to write to them, or to check later)."""
        followers = self.state.journal.list_followers(self.state.require_migration(), limit=None)
        missing = [f for f in followers if f.in_snapshot and f.state is not FollowerState.MOVED]
        destination.parent.mkdir(parents=True, exist_ok=True)
        with destination.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["handle", "actor_uri", "server", "state", "reason"])
            for follower in missing:
                writer.writerow(
                    [
                        follower.acct,
                        follower.actor_uri,
                        follower.domain,
                        follower.state.value,
                        follower.reason or "",
                    ]
                )
        return destination


def follower_row(follower: Follower) -> FollowerRow:
    return FollowerRow(
        actor_uri=follower.actor_uri,
        handle=f"@{follower.acct}",
        state=follower.state,
        server=follower.domain,
        reason=follower.reason or "",
        observed=follower.evidence is Evidence.OBSERVED,
        arrived_at=follower.arrived_at,
    )


async def _stopped_within(cancel: CancelToken, state: ServiceState, seconds: float) -> bool:
    try:
        await cancel.sleep(state.clock, seconds)
    except FedimoveError:
        return True
    return False
