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
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from fedimove.core.clock import Clock
from fedimove.core.engine.alias import (
    Accounts,
    AliasTier,
    move_allowed_at,
    record_alias,
    verify_alias,
)
from fedimove.core.engine.followers import forecast_follower_servers
from fedimove.core.engine.preview_servers import ServerProber
from fedimove.core.errors import ConsentMissingError, FedimoveError, PreflightFailedError
from fedimove.core.servers.base import ActionSupport
from fedimove.core.servers.rest import RestClient
from fedimove.core.service_api import CheckResult, Prediction
from fedimove.core.storage.journal import Journal
from fedimove.core.storage.journal_records import Migration

#: How old the complete read, the follower snapshot and a consent may be when the Move goes.
FINAL_READ_MAX_AGE = timedelta(minutes=30)
SNAPSHOT_MAX_AGE = timedelta(minutes=60)
CONSENT_VALID_FOR = timedelta(minutes=30)
_LIMITING = (Prediction.NO_MOVE_SUPPORT, Prediction.UNREACHABLE, Prediction.BLOCKED)


@dataclass(frozen=True, slots=True)
class MoveAnswers:
    """What only the person can tell: Mastodon's 30-day cooldown is invisible to its API."""

    no_recent_move: bool = False
    accept_uncopied: bool = False
    locked_choice: str = ""  # "unlock" | "approve" | "" (not decided)


@dataclass
class CheckInputs:
    journal: Journal
    migration_id: int
    old: RestClient
    new: RestClient
    clock: Clock
    answers: MoveAnswers = field(default_factory=MoveAnswers)
    alias_wait: timedelta = timedelta(minutes=15)
    prober: ServerProber | None = None


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


def _result(
    code: str, passed: bool, *, blocking: bool = True, fix: str = "", **params: Any
) -> CheckResult:
    extra = {k: v for k, v in params.items() if v is not None}
    if not passed and fix:
        extra["fix"] = fix
    return CheckResult(code, passed, blocking, extra)


def _moment(options: dict[str, Any], key: str) -> datetime | None:
    value = options.get(key)
    return datetime.fromisoformat(value) if isinstance(value, str) else None


async def _alias_checks(inputs: CheckInputs, accounts: Accounts) -> list[CheckResult]:
    status = await verify_alias(inputs.new, accounts)
    now = inputs.clock.now()
    status = record_alias(inputs.journal, inputs.migration_id, status, now)
    visible = status.visible or status.tier is AliasTier.UNVERIFIABLE
    ready = move_allowed_at(
        inputs.journal.get_migration(inputs.migration_id).options, inputs.alias_wait
    )
    return [
        _result("alias_visible", visible, fix="set_alias", tier=status.tier.value),
        _result(
            "alias_wait",
            ready is not None and now >= ready,
            fix="wait_until",
            ready_at=ready.isoformat() if ready else None,
        ),
    ]


async def _old_not_moved(
    inputs: CheckInputs, accounts: Accounts, migration: Migration
) -> CheckResult:
    try:
        public = await inputs.old.get_object(f"/api/v1/accounts/{accounts.old_id}")
    except FedimoveError as error:
        return _result("old_not_moved", False, fix="retry", error=error.code)
    moved = isinstance(public.get("moved"), dict) or migration.moved_at is not None
    return _result("old_not_moved", not moved, fix="already_moved")


async def _new_account(inputs: CheckInputs) -> list[CheckResult]:
    """§0.2: moving into an account that itself moved away loses everyone; it must work."""
    try:
        own = await inputs.new.verify_credentials()
    except FedimoveError as error:
        return [
            _result("new_functional", False, fix="sign_in_new", error=error.code),
            _result("new_not_moved", False, fix="choose_another_account"),
        ]
    inputs.journal.record_new_locked(inputs.migration_id, own.profile.locked)
    choice = inputs.answers.locked_choice
    locked_ok = not own.profile.locked or choice in ("unlock", "approve")
    return [
        _result("new_functional", True),
        _result("new_not_moved", not own.moved, fix="choose_another_account"),
        _result(
            "new_locked",
            locked_ok,
            blocking=False,
            fix="unlock_or_approve",
            locked=own.profile.locked,
        ),
    ]


async def _resolve_both(inputs: CheckInputs, accounts: Accounts) -> CheckResult:
    try:
        new_seen = await inputs.old.resolve_account(accounts.new_acct)
        old_seen = await inputs.new.resolve_account(accounts.old_acct)
    except FedimoveError as error:
        return _result("servers_resolve", False, fix="retry", error=error.code)
    ok = new_seen is not None and old_seen is not None
    return _result("servers_resolve", ok, fix="check_federation")


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
            return _result("no_cooldown", False, fix="wait_until", ready_at=until.isoformat())
    invisible = caps is not None and caps.move is ActionSupport.GUIDED
    if invisible and not inputs.answers.no_recent_move:
        return _result("no_cooldown", False, fix="confirm_no_recent_move", days=cooldown.days)
    return _result("no_cooldown", True, days=cooldown.days)


def _read_and_backup(inputs: CheckInputs, migration: Migration) -> list[CheckResult]:
    now, options = inputs.clock.now(), migration.options
    read_at, backup_at = _moment(options, "final_read_at"), _moment(options, "backup_at")
    snapshot_at = _moment(options, "follower_snapshot_at")
    return [
        _result(
            "final_read_fresh",
            bool(read_at and now - read_at <= FINAL_READ_MAX_AGE),
            fix="read_again",
        ),
        _result("backup_written", backup_at is not None, fix="write_backup"),
        _result(
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
    return _result(
        "categories_copied",
        done or accepted,
        fix="finish_copy_or_accept",
        open=open_items,
        accepted=accepted and not done,
    )


async def _move_support(inputs: CheckInputs) -> CheckResult:
    if inputs.prober is None:
        return _result("move_support_listed", False, blocking=False, fix="run_preview")
    blocks = await inputs.new.instance_domain_blocks() or []
    forecasts = await forecast_follower_servers(
        inputs.journal, inputs.migration_id, inputs.prober, blocks
    )
    limited = [f for f in forecasts if f.prediction in _LIMITING]
    names = ",".join(f.domain for f in limited[:20])
    return _result(
        "move_support_listed",
        not limited,
        blocking=False,
        fix="tell_followers",
        servers=len(limited),
        followers=sum(f.followers for f in limited),
        names=names or None,
    )


async def run_checks(inputs: CheckInputs) -> CheckReport:
    """Every pre-flight check, in the order the wizard shows them."""
    migration = inputs.journal.get_migration(inputs.migration_id)
    accounts = Accounts.from_options(migration.options)
    results = await _alias_checks(inputs, accounts)
    results.append(await _old_not_moved(inputs, accounts, migration))
    results += await _new_account(inputs)
    results.append(await _resolve_both(inputs, accounts))
    results.append(_cooldown(inputs, migration))
    results += _read_and_backup(inputs, inputs.journal.get_migration(inputs.migration_id))
    results.append(_copied(inputs, migration))
    results.append(await _move_support(inputs))
    return CheckReport(migration.id, accounts.new_acct, inputs.clock.now(), tuple(results))


def mark_final_read(journal: Journal, migration_id: int, at: datetime) -> None:
    """The copy engine (or the CLI) calls this after the complete read just before the Move."""
    journal.update_options(migration_id, {"final_read_at": at.isoformat()})


def mark_backup_written(journal: Journal, migration_id: int, at: datetime) -> None:
    journal.update_options(migration_id, {"backup_at": at.isoformat()})


def failed_codes(results: Sequence[CheckResult]) -> list[str]:
    return [r.code for r in results if not r.passed]
