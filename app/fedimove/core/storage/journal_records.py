"""What the journal stores, as plain values: states, migrations, steps, items, followers, leases.

States are `StrEnum`s stored by value. The database holds no CHECK constraints on them on
purpose: a new state then needs no table rebuild; the journal only ever writes enum values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from fedimove.core.models import Category
from fedimove.core.service_api import FollowerState

JsonObject = dict[str, Any]

#: One definition of follower states, shared with the wizard (service_api); re-exported here.
__all__ = [
    "ITEM_TRANSITIONS",
    "UNFINISHED_STATES",
    "Evidence",
    "Follower",
    "FollowerState",
    "FollowerUpdate",
    "Item",
    "ItemCounts",
    "ItemState",
    "JsonObject",
    "Lease",
    "Migration",
    "MigrationPhase",
    "MigrationState",
    "Step",
    "StepState",
]


class MigrationPhase(StrEnum):
    """DESIGN §0.1, in order (finer than `progress.Phase`, which is what the UI shows)."""

    READ = "read"
    BACKUP = "backup"
    COPY_BEFORE = "copy_before"
    ALIAS = "alias"
    FINAL_READ = "final_read"
    MOVE = "move"
    COPY_AFTER = "copy_after"
    TRACK = "track"
    FINISH = "finish"


class MigrationState(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    FINISHED = "finished"
    ABANDONED = "abandoned"


UNFINISHED_STATES = (MigrationState.ACTIVE, MigrationState.PAUSED)


class StepState(StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    WAITING = "waiting"  # for a limit to reset or a follow to be accepted; see next_attempt_at
    DONE = "done"
    FAILED = "failed"


class ItemState(StrEnum):
    PENDING = "pending"
    IN_FLIGHT = "in_flight"  # intent written; the remote change may or may not have happened
    DONE = "done"
    SKIPPED = "skipped"
    FAILED = "failed"
    REMOVED_BY_USER = "removed_by_user"  # done, then undone by the user on the new account


#: Which states an item may leave for which. `in_flight` is reached only by claiming, so every
#: remote change has its intent on disk first; pending -> done/skipped needs no remote change
#: (already present on the new account, or known impossible).
ITEM_TRANSITIONS: Mapping[ItemState, frozenset[ItemState]] = {
    ItemState.PENDING: frozenset({ItemState.IN_FLIGHT, ItemState.DONE, ItemState.SKIPPED}),
    ItemState.IN_FLIGHT: frozenset(
        {ItemState.DONE, ItemState.SKIPPED, ItemState.FAILED, ItemState.PENDING}
    ),
    ItemState.FAILED: frozenset({ItemState.PENDING, ItemState.SKIPPED}),
    ItemState.SKIPPED: frozenset({ItemState.PENDING}),
    ItemState.DONE: frozenset({ItemState.REMOVED_BY_USER}),
    ItemState.REMOVED_BY_USER: frozenset(),
}


class Evidence(StrEnum):
    OBSERVED = "observed"
    INFERRED = "inferred"


@dataclass(frozen=True, slots=True)
class Migration:
    id: int
    old_handle: str
    old_server: str
    new_handle: str
    new_server: str
    categories: tuple[Category, ...]
    phase: MigrationPhase
    state: MigrationState
    created_at: datetime
    updated_at: datetime
    moved_at: datetime | None
    new_locked_original: bool | None
    options: JsonObject = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Step:
    migration_id: int
    name: str
    position: int
    state: StepState
    last_error: str | None
    next_attempt_at: datetime | None
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Item:
    id: int
    migration_id: int
    step: str
    key: str
    payload: JsonObject
    state: ItemState
    reason: str | None
    attempts: int
    remote_id: str | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class ItemCounts:
    pending: int = 0
    in_flight: int = 0
    done: int = 0
    skipped: int = 0
    failed: int = 0
    removed_by_user: int = 0

    @property
    def total(self) -> int:
        return (
            self.pending
            + self.in_flight
            + self.done
            + self.skipped
            + self.failed
            + self.removed_by_user
        )

    @property
    def open(self) -> int:
        """Items that still need work: pending, in flight (to reconcile) and failed."""
        return self.pending + self.in_flight + self.failed


@dataclass(frozen=True, slots=True)
class FollowerUpdate:
    """A new state for one follower; `acct` is needed only for a follower not yet known."""

    actor_uri: str
    state: FollowerState
    evidence: Evidence = Evidence.OBSERVED
    reason: str | None = None
    acct: str = ""


@dataclass(frozen=True, slots=True)
class Follower:
    migration_id: int
    actor_uri: str
    acct: str
    domain: str
    in_snapshot: bool
    state: FollowerState
    evidence: Evidence
    reason: str | None
    first_seen_at: datetime
    arrived_at: datetime | None
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Lease:
    """The writer lease of one migration, as held by `owner` (one per journal object)."""

    migration_id: int
    owner: str
    pid: int
    host: str
    acquired_at: datetime
    heartbeat_at: datetime
