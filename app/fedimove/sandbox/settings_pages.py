"""Mastodon's HTML settings pages: the only way to set an alias, trigger a Move or import a
CSV on Mastodon (no API) [fediverse-apis.md §3, §6.1; M: config/routes/settings.rb,
app/controllers/settings/aliases_controller.rb, app/models/account_alias.rb]. This module holds
the alias page and what every settings page shares (`settings_migration`, `settings_imports`).

They need the browser session of the sign-in (cookie) and a CSRF token (`authenticity_token`).
A moved account still reaches them (mastodon#11846). As in Rails, a valid form redirects (302)
with a flash notice; an invalid one renders the page again with the errors (200).
Texts are Mastodon's English locale (`aliases.*`, `migrations.*`).
"""

from __future__ import annotations

import hmac
from html import escape

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from fedimove.sandbox import resolve
from fedimove.sandbox.federation import node_of
from fedimove.sandbox.federation_move import broadcast_update
from fedimove.sandbox.instance import Instance
from fedimove.sandbox.oauth_session import browser_session, set_session_cookie, signed_in_account
from fedimove.sandbox.oauth_store import Session
from fedimove.sandbox.state import Account

NOT_FOUND = "could not be found"
MOVE_TO_SELF = "cannot be current account"
BLANK = "can't be blank"
TAKEN = "has already been taken"
ALIAS_CREATED = (
    "Successfully created a new alias. You can now initiate the move from the old account."
)
ALIAS_DELETED = (
    "Successfully removed the alias. Moving from that account to this one will no longer be "
    "possible."
)
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


async def signed_form(
    request: Request, *, method: str = "post"
) -> tuple[Signed, Account, dict[str, str]] | Response:
    """A form post from the signed-in browser session with a valid CSRF token (Rails'
    `_method` override for deletes), or the response that refuses it."""
    who, bounce = signed(request)
    if bounce is not None:
        return bounce
    form = await checked_form(request, who)
    if form is None or (method != "post" and form.get("_method", "").lower() != method):
        return HTMLResponse(page("Rejected", REJECTED_PAGE), 422)
    assert who.account is not None
    return who, who.account, form


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
    posted = await signed_form(request)
    if isinstance(posted, Response):
        return posted
    who, me, form = posted
    instance = who.instance
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
    posted = await signed_form(request, method="delete")
    if isinstance(posted, Response):
        return posted
    who, me, _form = posted
    node = node_of(who.instance)
    removed = node.aliases.get(me.id, {}).pop(int(request.path_params["id"]), None)
    if removed is not None:
        me.also_known_as = [u for u in me.also_known_as if u != removed[1]]
        node.layer.jobs.spawn(broadcast_update(who.instance, me))
    return redirect(who, "/settings/aliases", ALIAS_DELETED)


ROUTES = [
    Route("/settings/aliases", aliases_index, methods=["GET"]),
    Route("/settings/aliases", aliases_create, methods=["POST"]),
    Route("/settings/aliases/{id:int}", aliases_destroy, methods=["POST"]),
]
