"""Mastodon's migration page: the Move, with the current password [fediverse-apis.md §6.1;
M: app/controllers/settings/migrations_controller.rb, app/models/account_migration.rb].

Checks in AccountMigration's order: the password, the 30-day cooldown, then the target
(resolvable, lists the old actor in `alsoKnownAs` as fetched now with `skip_cache`, not the
account already moved to, not the account itself). Texts are Mastodon's (`migrations.*`).

A moved account may cancel its redirect (`DELETE /settings/migration/redirect`, a form POST
with `_method=delete` as in Rails [fediverse-apis.md §6.1; M: config/routes/settings.rb]): it is
then "fully usable again" (mastodon#11846) and can be followed, which moving back to it needs.
Only its followers' servers hear of it (an actor `Update`); others keep their copy until they
fetch it again (mastodon discussion #20401).
"""

from __future__ import annotations

import hmac
from datetime import timedelta
from html import escape

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from fedimove.sandbox.federation import fetch_actor, node_of
from fedimove.sandbox.federation_move import broadcast_update, start_move
from fedimove.sandbox.instance import Instance
from fedimove.sandbox.settings_pages import (
    MOVE_TO_SELF,
    NOT_FOUND,
    Signed,
    csrf_input,
    field_error,
    flash_html,
    page,
    redirect,
    resolve_handle,
    signed,
    signed_form,
)
from fedimove.sandbox.state import Account

#: AccountMigration::COOLDOWN_PERIOD.
MIGRATION_COOLDOWN = timedelta(days=30)
MISSING_ALIAS = "is not an alias of this account"
ALREADY_MOVED = "is the same account you have already moved to"
ON_COOLDOWN = "You are on cooldown"
INVALID = "is invalid"
MOVED_MSG = "Your account is now redirecting to {acct} and your followers are being moved over."
CANCELLED_MSG = "Successfully cancelled the redirect."


def _cooldown_left(instance: Instance, me: Account) -> timedelta | None:
    now = instance.clock.now()
    recent = [
        when
        for when, _ in node_of(instance).migrations.get(me.id, [])
        if now - when < MIGRATION_COOLDOWN
    ]
    return max(recent) + MIGRATION_COOLDOWN - now if recent else None


def _migration_page(who: Signed, errors: dict[str, str], value: str = "") -> str:
    assert who.account is not None
    me, instance = who.account, who.instance
    status = (
        f"<p class='redirecting'>Your account is redirecting to {escape(me.moved_to)}.</p>"
        "<form id='cancel_redirect' action='/settings/migration/redirect' method='post'>"
        f"<input type='hidden' name='_method' value='delete'>{csrf_input(who.session)}"
        "<button type='submit'>Cancel redirect</button></form>"
        if me.moved_to
        else "<p class='redirecting'>Your account is not redirecting to any other account "
        "currently.</p>"
    )
    left = _cooldown_left(instance, me)
    cooldown = (
        f"<p class='cooldown'>You have recently migrated your account. This function will "
        f"become available again in {left.days + (1 if left.seconds else 0)} days.</p>"
        if left
        else ""
    )
    base_error = (
        f"<p class='flash-message alert' role='alert'>{escape(errors['base'])}</p>"
        if "base" in errors
        else ""
    )
    past = "".join(
        f"<li>{escape(uri)} ({when.date().isoformat()})</li>"
        for when, uri in node_of(instance).migrations.get(me.id, [])
    )
    return page(
        "Account migration",
        (
            f"<h1>Account migration</h1>{flash_html(who.session)}{status}{cooldown}{base_error}"
            f"<form id='new_account_migration' action='/settings/migration' method='post'>"
            f"{csrf_input(who.session)}<label>Handle of the new account <input type='text' "
            f"name='account_migration[acct]' value='{escape(value)}'></label>"
            f"{field_error(errors, 'acct')}"
            "<label>Current password <input type='password' name='current_password'></label>"
            f"{field_error(errors, 'current_password')}"
            "<button type='submit'>Move followers</button>"
            f"</form><h2>Past migrations</h2><ul class='migrations'>{past}</ul>"
        ),
    )


async def migration_show(request: Request) -> Response:
    who, bounce = signed(request)
    return bounce or HTMLResponse(_migration_page(who, {}))


async def migration_create(request: Request) -> Response:
    posted = await signed_form(request)
    if isinstance(posted, Response):
        return posted
    who, me, form = posted
    instance = who.instance
    acct = form.get("account_migration[acct]", "").strip().lstrip("@")
    password = form.get("current_password", "")
    if me.password is None or not hmac.compare_digest(me.password, password):
        return HTMLResponse(_migration_page(who, {"current_password": INVALID}, acct))
    target, errors = await _migration_errors(instance, me, acct)
    if errors or target is None:
        return HTMLResponse(_migration_page(who, errors, acct))
    start_move(instance, me, instance.actor_uri(target))
    return redirect(who, "/settings/migration", MOVED_MSG.format(acct=acct))


async def _migration_errors(
    instance: Instance, me: Account, acct: str
) -> tuple[Account | None, dict[str, str]]:
    """AccountMigration's validations, in its order: cooldown, then the target."""
    errors: dict[str, str] = {}
    if _cooldown_left(instance, me) is not None:
        errors["base"] = ON_COOLDOWN
    target = await resolve_handle(instance, acct) if acct else None
    if target is None:
        errors["acct"] = NOT_FOUND
        return None, errors
    uri, mine = instance.actor_uri(target), instance.actor_uri(me)
    if instance.state.is_local(target):
        aliases = list(target.also_known_as)
    else:
        fetched = await fetch_actor(instance, uri, fresh=True)  # fetched with skip_cache
        aliases = fetched.also_known_as if fetched else []
    problems = [
        text
        for broken, text in (
            (mine not in aliases, MISSING_ALIAS),
            (me.moved_to == uri, ALREADY_MOVED),
            (uri == mine, MOVE_TO_SELF),
        )
        if broken
    ]
    if problems:
        errors["acct"] = ", ".join(problems)
    return target, errors


async def redirect_destroy(request: Request) -> Response:
    """Settings::Migration::RedirectsController#destroy: no password asked."""
    posted = await signed_form(request, method="delete")
    if isinstance(posted, Response):
        return posted
    who, me, _form = posted
    if me.moved_to is not None:
        me.moved_to = me.moved_at = None
        node_of(who.instance).layer.jobs.spawn(broadcast_update(who.instance, me))
    return redirect(who, "/settings/migration", CANCELLED_MSG)


ROUTES = [
    Route("/settings/migration", migration_show, methods=["GET"]),
    Route("/settings/migration", migration_create, methods=["POST"]),
    Route("/settings/migration/redirect", redirect_destroy, methods=["POST"]),
]
