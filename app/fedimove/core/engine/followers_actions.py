"""What the person can do about followers who did not arrive (DESIGN §2 step 10): export them as
CSV, send them a message (template), and the wizard's row view of the tracker's journal state.
Re-sending the Move lives in `move.resend_move` (only where the old server allows it)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path

from fedimove.core.service_api import FollowerRow
from fedimove.core.storage.journal import Journal
from fedimove.core.storage.journal_records import Evidence, Follower, FollowerState

#: Mastodon's follows CSV starts with this column, so the file can also be imported as follows.
CSV_HEADER = ["Account address", "Actor URI", "State", "Reason", "Evidence", "Server"]


def _cell(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def missing_followers(journal: Journal, migration_id: int) -> list[Follower]:
    """Followers from the pre-Move snapshot who are not following the new account."""
    return [
        f
        for f in journal.list_followers(migration_id, limit=None)
        if f.in_snapshot and f.state is not FollowerState.MOVED
    ]


def export_missing(journal: Journal, migration_id: int, path: Path) -> int:
    """Write the followers who did not arrive as CSV; returns how many rows."""
    missing = missing_followers(journal, migration_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(CSV_HEADER)
        for f in missing:
            out.writerow(
                [
                    _cell(f.acct),
                    _cell(f.actor_uri),
                    f.state.value,
                    _cell(f.reason or ""),
                    f.evidence.value,
                    f.domain,
                ]
            )
    return len(missing)


def message_template(old_acct: str, new_acct: str) -> str:
    """A short post or direct message for followers who stayed behind."""
    return (
        f"Hello! I have moved from @{old_acct} to @{new_acct}. Your server did not move your "
        f"follow automatically, so if you would like to keep following me, please follow "
        f"@{new_acct}. Thank you!"
    )


def to_rows(
    followers: Iterable[Follower], software: Mapping[str, str] | None = None
) -> list[FollowerRow]:
    """The wizard's rows (service_api.FollowerRow) for journal followers."""
    known = software or {}
    return [
        FollowerRow(
            actor_uri=f.actor_uri,
            handle=f"@{f.acct}",
            state=f.state,
            server=f.domain,
            software=known.get(f.domain, ""),
            reason=f.reason or "",
            observed=f.evidence is Evidence.OBSERVED,
            arrived_at=f.arrived_at,
        )
        for f in followers
    ]
