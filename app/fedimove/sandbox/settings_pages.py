"""Mastodon's alias and migration settings pages: the only way to set an alias or trigger a
Move on Mastodon (no API) [fediverse-apis.md §6.1; M: config/routes/settings.rb,
app/controllers/settings/aliases_controller.rb, migrations_controller.rb,
app/models/account_alias.rb, account_migration.rb].

They need the browser session of the sign-in (cookie) and a CSRF token (`authenticity_token`).
A moved account still reaches them (mastodon#11846). As in Rails, a valid form redirects (302)
with a flash notice; an invalid one renders the page again with the errors (200).
Texts are Mastodon's English locale (`aliases.*`, `migrations.*`).
"""

from __future__ import annotations

import hmac
from datetime import timedelta
from html import escape

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from fedimove.sandbox import resolve
from fedimove.sandbox.federation import fetch_actor, node_of
from fedimove.sandbox.federation_move import broadcast_update, start_move
from fedimove.sandbox.instance import Instance
from fedimove.sandbox.oauth_session import browser_session, set_session_cookie, signed_in_account
from fedimove.sandbox.oauth_store import Session
from fedimove.sandbox.state import Account

#: AccountMigration::COOLDOWN_PERIOD.
MIGRATION_COOLDOWN = timedelta(days=30)
NOT_FOUND = "could not be found"
MISSING_ALIAS = "is not an alias of this account"
ALREADY_MOVED = "is the same account you have already moved to"
MOVE_TO_SELF = "cannot be current account"
ON_COOLDOWN = "You are on cooldown"
INVALID = "is invalid"
BLANK = "can't be blank"
TAKEN = "has already been taken"
ALIAS_CREATED = (
    "Successfully created a new alias. You can now initiate the move from the old account."
)
ALIAS_DELETED = (
    "Successfully removed the alias. Moving from that account to this one will no longer be "
    "possible."
)
MOVED_MSG = "Your account is now redirecting to {acct} and your followers are being moved over."
REJECTED_PAGE = "<h1>The change you wanted was rejected.</h1><p>Invalid authenticity token.</p>"


def page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(title)} - Mastodon</title></head><body><main>{body}</main></body></html>"
    )


def csrf_input(session: Session) -> str:
    return f"<input type='hidden' name='authenticity_token' value='{escape(session.csrf)}'>"


def flash_html(session: Session) -> str:
    notice = session.data.pop("flash", "")
    return f"<p class='flash-message notice' role='status'>{escape(notice)}</p>" if notice else ""


def field_error(errors: dict[str, str], name: str) -> str:
    text = errors.get(name)
    return f"<span class='error'>{escape(text)}</span>" if text else ""


class Signed:
    """The signed-in browser of a settings request, or the redirect to the sign-in form."""

    def __init__(self, instance: Instance, session: Session, account: Account | None) -> None:
        self.instance, self.session, self.account = instance, session, account


def signed(request: Request) -> tuple[Signed, Response | None]:
    instance: Instance = request.app.state.instance
    session, is_new = browser_session(instance, request)
    account = signed_in_account(instance, request)
    if account is not None:
        return Signed(instance, session, account), None
    session.return_to = request.url.path
    response = RedirectResponse("/auth/sign_in", status_code=302)
    set_session_cookie(instance, response, session, is_new)
    return Signed(instance, session, None), response


async def checked_form(request: Request, who: Signed) -> dict[str, str] | None:
    """The submitted form when its authenticity token matches the session's."""
    form = await request.form()
    token = form.get("authenticity_token")
    if not isinstance(token, str) or not hmac.compare_digest(token, who.session.csrf):
        return None
    return {k: v for k, v in form.items() if isinstance(v, str)}


def redirect(who: Signed, path: str, notice: str) -> Response:
    who.session.data["flash"] = notice
    return RedirectResponse(path, status_code=302)


async def resolve_handle(instance: Instance, acct: str) -> Account | None:
    """ResolveAccountService: `user@domain` (or a local username) by WebFinger."""
    username, _, domain = acct.strip().lstrip("@").partition("@")
    if not username:
        return None
    return await resolve.resolve_acct(instance, username, domain or instance.domain)


# --- /settings/aliases -----------------------------------------------------------------------


def _aliases_page(who: Signed, errors: dict[str, str], value: str = "") -> str:
    assert who.account is not None
    aliases = node_of(who.instance).aliases.get(who.account.id, {})
    rows = "".join(
        f"<tr><td class='alias'>{escape(acct)}</td><td><form "
        f"action='/settings/aliases/{alias_id}' method='post'>{csrf_input(who.session)}"
        "<input type='hidden' name='_method' value='delete'>"
        "<button type='submit'>Unlink alias</button></form></td></tr>"
        for alias_id, (acct, _uri) in aliases.items()
    )
    table = (
        f"<table class='aliases'>{rows}</table>"
        if rows
        else "<p class='empty'>You have no aliases.</p>"
    )
    return page(
        "Account aliases",
        (
            f"<h1>Account aliases</h1>{flash_html(who.session)}"
            "<p class='hint'>If you want to move from another account to this one, here you can "
            "create an alias, which is required before you can proceed with moving followers from "
            "the old account to this one.</p>"
            "<form id='new_account_alias' action='/settings/aliases' method='post'>"
            f"{csrf_input(who.session)}"
            "<label>Handle of the old account <input type='text' name='account_alias[acct]' "
            f"value='{escape(value)}'></label>{field_error(errors, 'acct')}"
            f"<button type='submit'>Create alias</button></form>{table}"
        ),
    )


async def aliases_index(request: Request) -> Response:
    who, bounce = signed(request)
    return bounce or HTMLResponse(_aliases_page(who, {}))


async def aliases_create(request: Request) -> Response:
    who, bounce = signed(request)
    if bounce is not None:
        return bounce
    form = await checked_form(request, who)
    if form is None:
        return HTMLResponse(page("Rejected", REJECTED_PAGE), 422)
    assert who.account is not None
    instance, me = who.instance, who.account
    acct = form.get("account_alias[acct]", "").strip().lstrip("@")
    errors = await _alias_errors(instance, me, acct)
    if errors:
        return HTMLResponse(_aliases_page(who, errors, acct))
    target = await resolve_handle(instance, acct)
    assert target is not None
    uri = instance.actor_uri(target)
    node = node_of(instance)
    node.aliases.setdefault(me.id, {})[instance.state.ids.next()] = (acct, uri)
    me.also_known_as = [*me.also_known_as, uri]
    node.layer.jobs.spawn(broadcast_update(instance, me))
    return redirect(who, "/settings/aliases", ALIAS_CREATED)


async def _alias_errors(instance: Instance, me: Account, acct: str) -> dict[str, str]:
    if not acct:
        return {"acct": BLANK}
    target = await resolve_handle(instance, acct)
    if target is None:
        return {"acct": NOT_FOUND}
    uri = instance.actor_uri(target)
    if uri == instance.actor_uri(me):
        return {"acct": MOVE_TO_SELF}
    if uri in me.also_known_as:
        return {"uri": TAKEN, "acct": f"Uri {TAKEN}"}
    return {}


async def aliases_destroy(request: Request) -> Response:
    who, bounce = signed(request)
    if bounce is not None:
        return bounce
    form = await checked_form(request, who)
    if form is None or form.get("_method", "").lower() != "delete":
        return HTMLResponse(page("Rejected", REJECTED_PAGE), 422)
    assert who.account is not None
    me, node = who.account, node_of(who.instance)
    removed = node.aliases.get(me.id, {}).pop(int(request.path_params["id"]), None)
    if removed is not None:
        me.also_known_as = [u for u in me.also_known_as if u != removed[1]]
        node.layer.jobs.spawn(broadcast_update(who.instance, me))
    return redirect(who, "/settings/aliases", ALIAS_DELETED)


# --- /settings/migration -----------------------------------------------------------------------


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
    who, bounce = signed(request)
    if bounce is not None:
        return bounce
    form = await checked_form(request, who)
    if form is None:
        return HTMLResponse(page("Rejected", REJECTED_PAGE), 422)
    assert who.account is not None
    instance, me = who.instance, who.account
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


ROUTES = [
    Route("/settings/aliases", aliases_index, methods=["GET"]),
    Route("/settings/aliases", aliases_create, methods=["POST"]),
    Route("/settings/aliases/{id:int}", aliases_destroy, methods=["POST"]),
    Route("/settings/migration", migration_show, methods=["GET"]),
    Route("/settings/migration", migration_create, methods=["POST"]),
]
