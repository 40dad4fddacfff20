"""The checks that ask the servers (DESIGN §0.2, §0.4, §0.7, §0.16), and the inputs every check
reads. `checks.run_checks` runs them with the journal-only ones."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
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
from fedimove.core.errors import FedimoveError
from fedimove.core.servers.rest import RestClient
from fedimove.core.service_api import CheckResult, Prediction
from fedimove.core.storage.journal import Journal
from fedimove.core.storage.journal_records import Migration

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


def result(
    code: str, passed: bool, *, blocking: bool = True, fix: str = "", **params: Any
) -> CheckResult:
    extra = {k: v for k, v in params.items() if v is not None}
    if not passed and fix:
        extra["fix"] = fix
    return CheckResult(code, passed, blocking, extra)


async def _alias_checks(inputs: CheckInputs, accounts: Accounts) -> list[CheckResult]:
    status = await verify_alias(inputs.new, accounts)
    now = inputs.clock.now()
    status = record_alias(inputs.journal, inputs.migration_id, status, now)
    visible = status.visible or status.tier is AliasTier.UNVERIFIABLE
    ready = move_allowed_at(
        inputs.journal.get_migration(inputs.migration_id).options, inputs.alias_wait
    )
    return [
        result("alias_visible", visible, fix="set_alias", tier=status.tier.value),
        result(
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
        return result("old_not_moved", False, fix="retry", error=error.code)
    moved = isinstance(public.get("moved"), dict) or migration.moved_at is not None
    return result("old_not_moved", not moved, fix="already_moved")


async def _new_account(inputs: CheckInputs) -> list[CheckResult]:
    """§0.2: moving into an account that itself moved away loses everyone; it must work."""
    try:
        own = await inputs.new.verify_credentials()
    except FedimoveError as error:
        return [
            result("new_functional", False, fix="sign_in_new", error=error.code),
            result("new_not_moved", False, fix="choose_another_account"),
        ]
    inputs.journal.record_new_locked(inputs.migration_id, own.profile.locked)
    choice = inputs.answers.locked_choice
    locked_ok = not own.profile.locked or choice in ("unlock", "approve")
    return [
        result("new_functional", True),
        result("new_not_moved", not own.moved, fix="choose_another_account"),
        result(
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
        return result("servers_resolve", False, fix="retry", error=error.code)
    ok = new_seen is not None and old_seen is not None
    return result("servers_resolve", ok, fix="check_federation")


async def move_support(inputs: CheckInputs) -> CheckResult:
    if inputs.prober is None:
        return result("move_support_listed", False, blocking=False, fix="run_preview")
    blocks = await inputs.new.instance_domain_blocks() or []
    forecasts = await forecast_follower_servers(
        inputs.journal, inputs.migration_id, inputs.prober, blocks
    )
    limited = [f for f in forecasts if f.prediction in _LIMITING]
    names = ",".join(f.domain for f in limited[:20])
    return result(
        "move_support_listed",
        not limited,
        blocking=False,
        fix="tell_followers",
        servers=len(limited),
        followers=sum(f.followers for f in limited),
        names=names or None,
    )


async def scheduled_posts(inputs: CheckInputs) -> CheckResult:
    """Posts scheduled on the old account would never be published after the Move (§0.16)."""
    try:
        due = await inputs.old.get_list("/api/v1/scheduled_statuses", params=[("limit", "40")])
    except FedimoveError:
        return result("scheduled_posts", False, blocking=False, fix="check_by_hand", known=False)
    return result(
        "scheduled_posts", not due, blocking=False, fix="publish_or_cancel", count=len(due)
    )


async def server_checks(
    inputs: CheckInputs, accounts: Accounts, migration: Migration
) -> list[CheckResult]:
    """The checks that ask the servers, in the order the wizard shows them."""
    results = await _alias_checks(inputs, accounts)
    results.append(await _old_not_moved(inputs, accounts, migration))
    results += await _new_account(inputs)
    results.append(await _resolve_both(inputs, accounts))
    results.append(await scheduled_posts(inputs))
    return results
