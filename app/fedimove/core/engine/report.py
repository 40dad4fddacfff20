"""The migration report (DESIGN §2 step 11): what moved, what was skipped or failed and why,
where every follower ended, and when they arrived.

Everything comes from the journal. `write_report` writes two files: a self-contained HTML page
(no scripts, no external assets; every remote text escaped; the arrivals chart as inline SVG)
and a CSV with one row per category, per skipped/failed item and per follower.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from fedimove.core.engine.report_html import render_html
from fedimove.core.service_api import ReportFiles
from fedimove.core.storage.journal import Journal
from fedimove.core.storage.journal_records import (
    Follower,
    Item,
    ItemCounts,
    ItemState,
    Migration,
)

PROBLEM_STATES = (ItemState.SKIPPED, ItemState.FAILED, ItemState.REMOVED_BY_USER)


@dataclass(frozen=True, slots=True)
class ReportData:
    migration: Migration
    generated_at: datetime
    categories: dict[str, ItemCounts]
    problems: list[Item]
    followers: list[Follower]

    def arrivals(self) -> list[datetime]:
        """When each migrated follower arrived, in order (the chart's points)."""
        return sorted(
            f.arrived_at
            for f in self.followers
            if f.in_snapshot and f.arrived_at is not None and f.state.value == "moved"
        )


def collect(journal: Journal, migration_id: int, now: datetime) -> ReportData:
    migration = journal.get_migration(migration_id)
    counts = journal.item_counts(migration_id)
    for category in migration.categories:  # chosen, even when nothing was there to copy
        counts.setdefault(category.value, ItemCounts())
    return ReportData(
        migration=migration,
        generated_at=now,
        categories=counts,
        problems=journal.list_items(migration_id, states=PROBLEM_STATES, limit=None),
        followers=journal.list_followers(migration_id, limit=None),
    )


def _safe_cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run as a formula (remote text is untrusted)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def render_csv(data: ReportData, path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["section", "name", "key", "state", "reason", "detail", "time"])
        for step, counts in sorted(data.categories.items()):
            for state in ("done", "skipped", "failed", "pending", "in_flight", "removed_by_user"):
                out.writerow(["category", step, "", state, "", getattr(counts, state), ""])
        for item in data.problems:
            out.writerow(
                [
                    "item",
                    item.step,
                    _safe_cell(item.key),
                    item.state.value,
                    _safe_cell(item.reason),
                    "",
                    item.updated_at.isoformat(),
                ]
            )
        for follower in data.followers:
            if not follower.in_snapshot:
                continue
            out.writerow(
                [
                    "follower",
                    _safe_cell(follower.acct),
                    _safe_cell(follower.actor_uri),
                    follower.state.value,
                    _safe_cell(follower.reason),
                    follower.evidence.value,
                    follower.arrived_at.isoformat() if follower.arrived_at else "",
                ]
            )


def write_report(
    journal: Journal,
    migration_id: int,
    html_path: Path,
    now: datetime,
    csv_path: Path | None = None,
) -> ReportFiles:
    """Write the HTML report at `html_path` and the CSV beside it (same name, `.csv`)."""
    data = collect(journal, migration_id, now)
    csv_path = csv_path or html_path.with_suffix(".csv")
    html_path.parent.mkdir(parents=True, exist_ok=True)
    html_path.write_text(render_html(data), encoding="utf-8")
    render_csv(data, csv_path)
    return ReportFiles(html=html_path, csv=csv_path)
