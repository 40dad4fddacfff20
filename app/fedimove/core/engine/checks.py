"""Pre-flight checks before the Move, and the consent that only passing them can produce
(DESIGN §2 step 8, §0.1-§0.5).

`run_checks` returns a `CheckReport`: one `CheckResult` per check with a stable code, pass/fail,
whether it blocks, and the fix (`params["fix"]`, a code the UI turns into words).
`confirm_move(report, typed)` turns a report without blocking failures plus the new handle typed
exactly into a `MoveConsent`; `move.perform_move` refuses anything else. A consent is bound to
one migration and expires (the complete read it relies on gets stale).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from fedimove.core.engine.alias import Accounts
from fedimove.core.engine.checks_server import (
    CheckInputs,
    MoveAnswers,
    move_support,
    result,
    server_checks,
)
from fedimove.core.errors import ConsentMissingError, PreflightFailedError
from fedimove.core.servers.base import ActionSupport
from fedimove.core.service_api import CheckResult
from fedimove.core.storage.journal import Journal
from fedimove.core.storage.journal_records import Migration

__all__ = [
    "CONSENT_VALID_FOR",
    "CheckInputs",
    "CheckReport",
    "MoveAnswers",
    "MoveConsent",
    "confirm_move",
    "mark_backup_written",
    "mark_final_read",
    "run_checks",
]

#: How old the complete read, the follower snapshot and a consent may be when the Move goes.
FINAL_READ_MAX_AGE = timedelta(minutes=30)
SNAPSHOT_MAX_AGE = timedelta(minutes=60)
CONSENT_VALID_FOR = timedelta(minutes=30)


@dataclass(frozen=True, slots=True)
class CheckReport:
    migration_id: int
    new_acct: str
    made_at: datetime
    results: tuple[CheckResult, ...]

    @property
    def blocking_failures(self) -> list[CheckResult]:
        return [r for r in self.results if r.blocking and not r.passed]

    def result(self, code: str) -> CheckResult:
        return next(r for r in self.results if r.code == code)


_KEY = object()  # only this module can make a MoveConsent


class MoveConsent:
    """Proof that the checks passed and the person typed the new handle. Made by
    `confirm_move` only."""

    __slots__ = ("migration_id", "new_acct", "valid_until")

    def __init__(
        self, key: object, migration_id: int, new_acct: str, valid_until: datetime
    ) -> None:
        if key is not _KEY:
            raise ConsentMissingError("a consent comes from confirm_move only")
        self.migration_id = migration_id
        self.new_acct = new_acct
        self.valid_until = valid_until

    def require(self, migration_id: int, now: datetime) -> None:
        if self.migration_id != migration_id or now > self.valid_until:
            raise ConsentMissingError(
                "consent expired or for another migration", migration=migration_id
            )


def _normal(handle: str) -> str:
    return handle.strip().lstrip("@").lower()


def confirm_move(report: CheckReport, typed: str, now: datetime) -> MoveConsent:
    """The consent, if no blocking check failed and `typed` is the new handle exactly."""
    failed = report.blocking_failures
    if failed:
        raise PreflightFailedError(
            "blocking checks failed", checks=",".join(r.code for r in failed)
        )
    if not typed.strip() or _normal(typed) != _normal(report.new_acct):
        raise ConsentMissingError("the typed handle is not the new account's")
    if now - report.made_at > CONSENT_VALID_FOR:
        raise ConsentMissingError("the checks are too old; run them again")
    return MoveConsent(
        _KEY, report.migration_id, report.new_acct, report.made_at + CONSENT_VALID_FOR
    )


def _moment(options: dict[str, Any], key: str) -> datetime | None:
    value = options.get(key)
    return datetime.fromisoformat(value) if isinstance(value, str) else None


def _cooldown(inputs: CheckInputs, migration: Migration) -> CheckResult:
    """Fedimove's own journal (either account in a recent Move), then the person's word where
    the server's cooldown is invisible to its API (Mastodon, §0.5)."""
    caps = inputs.old.capabilities
    cooldown = (caps.move_cooldown if caps else None) or timedelta(days=30)
    now = inputs.clock.now()
    mine = {_normal(migration.old_handle), _normal(migration.new_handle)}
    for other in inputs.journal.list_migrations():
        if other.id == migration.id or other.moved_at is None:
            continue
        if (
            mine & {_normal(other.old_handle), _normal(other.new_handle)}
            and other.moved_at + cooldown > now
        ):
            until = other.moved_at + cooldown
            return result("no_cooldown", False, fix="wait_until", ready_at=until.isoformat())
    invisible = caps is not None and caps.move is ActionSupport.GUIDED
    if invisible and not inputs.answers.no_recent_move:
        return result("no_cooldown", False, fix="confirm_no_recent_move", days=cooldown.days)
    return result("no_cooldown", True, days=cooldown.days)


def _read_and_backup(inputs: CheckInputs, migration: Migration) -> list[CheckResult]:
    now, options = inputs.clock.now(), migration.options
    read_at, backup_at = _moment(options, "final_read_at"), _moment(options, "backup_at")
    snapshot_at = _moment(options, "follower_snapshot_at")
    return [
        result(
            "final_read_fresh",
            bool(read_at and now - read_at <= FINAL_READ_MAX_AGE),
            fix="read_again",
        ),
        result("backup_written", backup_at is not None, fix="write_backup"),
        result(
            "follower_snapshot",
            bool(snapshot_at and now - snapshot_at <= SNAPSHOT_MAX_AGE),
            fix="snapshot_followers",
        ),
    ]


def _copied(inputs: CheckInputs, migration: Migration) -> CheckResult:
    plan = migration.options.get("plan") or []
    before = {s["name"] for s in plan if isinstance(s, dict) and s.get("phase") == "copy_before"}
    counts = inputs.journal.item_counts(migration.id)
    open_items = sum(counts[name].open for name in before if name in counts)
    unplanned = bool(migration.categories) and not plan
    done = not unplanned and open_items == 0
    accepted = inputs.answers.accept_uncopied
    return result(
        "categories_copied",
        done or accepted,
        fix="finish_copy_or_accept",
        open=open_items,
        accepted=accepted and not done,
    )


async def run_checks(inputs: CheckInputs) -> CheckReport:
    """Every pre-flight check, in the order the wizard shows them."""
    migration = inputs.journal.get_migration(inputs.migration_id)
    accounts = Accounts.from_options(migration.options)
    results = await server_checks(inputs, accounts, migration)
    results.append(_cooldown(inputs, migration))
    results += _read_and_backup(inputs, inputs.journal.get_migration(inputs.migration_id))
    results.append(_copied(inputs, migration))
    results.append(await move_support(inputs))
    return CheckReport(migration.id, accounts.new_acct, inputs.clock.now(), tuple(results))


def mark_final_read(journal: Journal, migration_id: int, at: datetime) -> None:
    """The copy engine (or the CLI) calls this after the complete read just before the Move."""
    journal.update_options(migration_id, {"final_read_at": at.isoformat()})


def mark_backup_written(journal: Journal, migration_id: int, at: datetime) -> None:
    journal.update_options(migration_id, {"backup_at": at.isoformat()})


def failed_codes(results: Sequence[CheckResult]) -> list[str]:
    return [r.code for r in results if not r.passed]
