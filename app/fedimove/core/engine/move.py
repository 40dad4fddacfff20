"""The Move itself, and its re-send (DESIGN §2 step 9, §0.5; fediverse-apis §6.1, §6.3, §6.4).

Nothing here runs without a `MoveConsent` (made only by `checks.confirm_move`). Through the API
where the old server has one (GoToSocial `POST /api/v1/accounts/move`, Akkoma
`POST /api/pleroma/move_account`: the password is asked for at that moment through
`ask_password`, sent once and dropped, never stored or logged); otherwise the guided browser step
on Mastodon's `/settings/migration`. Either way the Move counts only once the old account's
public `moved` field shows it; that moment is journaled (`Journal.record_move`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from fedimove.core.clock import Clock
from fedimove.core.engine.alias import Accounts, GuidedStep, OpenUrl
from fedimove.core.engine.checks import MoveConsent
from fedimove.core.errors import (
    ConsentMissingError,
    MoveCooldownError,
    MoveNotVerifiedError,
    MoveRefusedError,
    ResendNotAvailableError,
)
from fedimove.core.servers.base import ActionSupport, Capabilities
from fedimove.core.servers.rest import RestClient
from fedimove.core.servers.rest_session import RestReply
from fedimove.core.storage.journal import Journal
from fedimove.core.storage.journal_records import Migration, MigrationPhase

AskPassword = Callable[[], Awaitable[str]]

#: The old server's refusal text → a stable reason (texts are matched, never shown).
_REFUSALS = (
    ("5 minutes", "retry_too_soon"),
    ("7 days", "cooldown"),
    ("alsoknownas", "alias_missing"),
    ("also_known_as", "alias_missing"),
    ("password", "wrong_password"),
    ("already moved", "already_moved"),
    ("suspended", "target_suspended"),
    ("block", "target_blocked"),
)


@dataclass
class MoveContext:
    journal: Journal
    migration_id: int
    old: RestClient
    clock: Clock
    open_url: OpenUrl
    ask_password: AskPassword | None = None
    poll_every: float = 10.0
    give_up_after: float = 30 * 60.0

    @property
    def accounts(self) -> Accounts:
        return Accounts.from_options(self.migration.options)

    @property
    def migration(self) -> Migration:
        return self.journal.get_migration(self.migration_id)


def _caps(old: RestClient) -> Capabilities | None:
    return old.capabilities


async def old_account_moved_to(old: RestClient, accounts: Accounts) -> str | None:
    """The actor URI the old account's public `moved` names (None: not moved)."""
    public = await old.get_object(f"/api/v1/accounts/{accounts.old_id}")
    moved = public.get("moved")
    if not isinstance(moved, dict):
        return None
    return str(moved.get("uri") or moved.get("acct") or "")


def _refusal(reply: RestReply) -> str:
    text = reply.error_text()
    return next((reason for needle, reason in _REFUSALS if needle in text), "refused")


async def _send_by_api(ctx: MoveContext, accounts: Accounts) -> bool:
    """Send the Move; True when the old server confirmed it done. Akkoma answers
    `{"status": "success"}` only after its `ActivityPub.move` ran, and it never shows `moved`
    on the old account, so that answer is the only evidence there is (fediverse-apis §6.4)."""
    if ctx.ask_password is None:
        raise MoveRefusedError("the old server needs the password", reason="password_needed")
    password = await ctx.ask_password()
    try:
        reply = await ctx.old.request(
            "POST",
            "/api/v1/accounts/move",
            data=[("password", password), ("moved_to_uri", accounts.new_uri)],
            idempotent=False,
        )
        if reply.status_code == 404:  # Akkoma's endpoint instead (§6.4)
            reply = await ctx.old.request(
                "POST",
                "/api/pleroma/move_account",
                data=[("password", password), ("target_account", accounts.new_acct)],
                idempotent=False,
            )
    finally:
        del password  # used once; never kept
    body_error = isinstance(reply.body, dict) and "error" in reply.body  # Akkoma: 200 + error
    if 200 <= reply.status_code < 300 and not body_error:
        return isinstance(reply.body, dict) and reply.body.get("status") == "success"
    reason = _refusal(reply)
    if reason in ("cooldown", "retry_too_soon"):
        raise MoveCooldownError("the old server refused: cooldown", reason=reason)
    raise MoveRefusedError(
        "the old server refused the Move", reason=reason, status=reply.status_code
    )


def guided_move_step(old: RestClient, accounts: Accounts) -> GuidedStep:
    return GuidedStep(
        "move",
        accounts.old_acct,
        f"{old.origin}/settings/migration",
        accounts.new_acct,
        "account_migration[acct]",
        needs_password=True,
    )


async def _wait_until_moved(ctx: MoveContext, accounts: Accounts) -> None:
    waited = 0.0
    while True:
        target = await old_account_moved_to(ctx.old, accounts)
        if target:
            if target not in (accounts.new_uri, accounts.new_acct):
                raise MoveRefusedError("moved elsewhere", reason="moved_elsewhere")
            return
        if waited >= ctx.give_up_after:
            raise MoveNotVerifiedError(
                "the old account does not show the Move", handle=accounts.old_acct
            )
        await ctx.clock.sleep(ctx.poll_every)
        waited += ctx.poll_every


def _note_send(ctx: MoveContext, at: datetime) -> None:
    sends = list(ctx.migration.options.get("move_sends") or [])
    ctx.journal.update_options(ctx.migration_id, {"move_sends": [*sends, at.isoformat()]})


async def perform_move(consent: MoveConsent, ctx: MoveContext) -> datetime:
    """Send the Move (API or guided), verify it, journal its moment; returns that moment."""
    if not isinstance(consent, MoveConsent):
        raise ConsentMissingError("no consent")
    consent.require(ctx.migration_id, ctx.clock.now())
    accounts = ctx.accounts
    migration = ctx.migration
    if list(MigrationPhase).index(migration.phase) < list(MigrationPhase).index(
        MigrationPhase.MOVE
    ):
        ctx.journal.set_phase(ctx.migration_id, MigrationPhase.MOVE)  # intent, before anything
    confirmed = False
    if await old_account_moved_to(ctx.old, accounts) is None:
        caps = _caps(ctx.old)
        if caps is not None and caps.move is ActionSupport.API:
            confirmed = await _send_by_api(ctx, accounts)
        else:
            await ctx.open_url(guided_move_step(ctx.old, accounts))
    if not confirmed:
        await _wait_until_moved(ctx, accounts)
    moved = ctx.journal.record_move(ctx.migration_id, ctx.clock.now())
    assert moved.moved_at is not None
    if not ctx.migration.options.get("move_sends"):
        _note_send(ctx, moved.moved_at)
    return moved.moved_at


def resend_available_at(migration: Migration, caps: Capabilities | None) -> datetime | None:
    """When the Move may be sent again (GoToSocial: 7 days after the last; Mastodon: never)."""
    if caps is None or caps.move_resend_after is None or caps.move is not ActionSupport.API:
        return None
    sends = [datetime.fromisoformat(s) for s in migration.options.get("move_sends") or []]
    last = max(sends, default=migration.moved_at)
    return last + caps.move_resend_after if last else None


async def resend_move(ctx: MoveContext) -> datetime:
    """Send the Move again to reach followers whose servers missed it (§0.5)."""
    migration = ctx.migration
    ready = resend_available_at(migration, _caps(ctx.old))
    now = ctx.clock.now()
    if migration.moved_at is None or ready is None or now < ready:
        raise ResendNotAvailableError(
            "no re-send here or not yet", ready_at=ready.isoformat() if ready else None
        )
    await _send_by_api(ctx, ctx.accounts)
    _note_send(ctx, now)
    return now


async def unlock_for_move(journal: Journal, migration_id: int, new: RestClient) -> bool:
    """Unlock the new account for the Move (DESIGN §0.3), remembering the original first so
    `restore_locked` can put it back at *finish*. Returns whether it was locked."""
    own = await new.verify_credentials()
    journal.record_new_locked(migration_id, own.profile.locked)
    if own.profile.locked:
        await new.call("PATCH", "/api/v1/accounts/update_credentials", data=[("locked", "false")])
    return own.profile.locked


async def restore_locked(journal: Journal, migration_id: int, new: RestClient) -> None:
    """Give the new account back the `locked` it had before Fedimove touched it."""
    original = journal.get_migration(migration_id).new_locked_original
    if original:
        await new.call("PATCH", "/api/v1/accounts/update_credentials", data=[("locked", "true")])


async def resume_move(ctx: MoveContext) -> datetime | None:
    """After a crash between sending the Move and journaling it (phase `move`, no `moved_at`):
    if the old account shows the Move to the new one, journal it now. Sends nothing, so it
    needs no consent. Returns the moment journaled, or None when there is nothing to resume."""
    migration = ctx.migration
    if migration.moved_at is not None:
        return migration.moved_at
    if migration.phase is not MigrationPhase.MOVE:
        return None
    accounts = ctx.accounts
    target = await old_account_moved_to(ctx.old, accounts)
    if target not in (accounts.new_uri, accounts.new_acct):
        return None
    moved = ctx.journal.record_move(ctx.migration_id, ctx.clock.now())
    return moved.moved_at
