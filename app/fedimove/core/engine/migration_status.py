"""How far a migration got, from the journal alone (`fedimove status`, the copy's outcome)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from fedimove.core.clock import Clock
from fedimove.core.engine.plan import Plan
from fedimove.core.engine.steps.follow_gate import FollowGate
from fedimove.core.storage.journal import Journal
from fedimove.core.storage.journal_records import ItemCounts, ItemState, Migration, StepState


@dataclass(frozen=True, slots=True)
class StepStatus:
    name: str
    phase: str
    strategy: str
    state: str
    counts: ItemCounts
    reasons: dict[str, int]
    failures: dict[str, int]
    next_attempt_at: datetime | None
    last_error: str | None


@dataclass(frozen=True, slots=True)
class MigrationStatus:
    migration: Migration
    steps: list[StepStatus] = field(default_factory=list)
    eta: datetime | None = None


def migration_status(journal: Journal, clock: Clock, migration_id: int) -> MigrationStatus:
    """Per step: what is done, pending, skipped (with reasons) or failed, and when the copy
    should be through (waiting steps, and the follows left under the daily allowance)."""
    migration = journal.get_migration(migration_id)
    planned = {p.name: p for p in Plan.load(migration.options.get("plan", [])).steps}
    counts = journal.item_counts(migration_id)
    steps = []
    for record in journal.list_steps(migration_id):
        plan_step = planned.get(record.name)
        steps.append(
            StepStatus(
                name=record.name,
                phase=plan_step.phase.value if plan_step else "",
                strategy=plan_step.strategy.value if plan_step else "",
                state=record.state.value,
                counts=counts.get(record.name, ItemCounts()),
                reasons=journal.reason_counts(migration_id, record.name),
                failures=journal.reason_counts(migration_id, record.name, ItemState.FAILED),
                next_attempt_at=record.next_attempt_at,
                last_error=record.last_error,
            )
        )
    waits = [s.next_attempt_at for s in steps if s.state == StepState.WAITING.value]
    eta = max((w for w in waits if w is not None), default=None)
    per_day = migration.options.get("follow_per_day")
    if isinstance(per_day, int) and per_day > 0:
        gate = FollowGate(per_day, clock)
        gate.load(migration.options.get("follow_gate"))
        pending = sum(s.counts.open for s in steps if s.name == "following" and s.state != "done")
        if pending:
            eta = max(eta or clock.now(), gate.finish_estimate(pending))
    return MigrationStatus(migration, steps, eta)
