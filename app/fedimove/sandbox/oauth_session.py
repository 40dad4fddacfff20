"""Browser sessions and the sign-in form (Mastodon: Devise at `/auth/sign_in`; GoToSocial:
`/auth/sign_in` too) [M: config/routes.rb; GTS: internal/api/auth/auth.go]. The session cookie
carries only an opaque id; CSRF tokens are per session, as Rails' authenticity tokens."""

from __future__ import annotations

import hmac

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from fedimove.sandbox import oauth_pages
from fedimove.sandbox.instance import Instance
from fedimove.sandbox.oauth_store import Session
from fedimove.sandbox.state import Account


def cookie_name(instance: Instance) -> str:
    return "gotosocial-session" if instance.flavour.is_gotosocial else "_mastodon_session"


def browser_session(instance: Instance, request: Request) -> tuple[Session, bool]:
    """The request's session, or a new one (then `True`: the cookie must be set)."""
    existing = instance.oauth.sessions.get(request.cookies.get(cookie_name(instance), ""))
    if existing is not None:
        return existing, False
    return instance.oauth.new_session(), True


def signed_in_account(instance: Instance, request: Request) -> Account | None:
    """The account of a signed-in browser session (the HTML settings pages use this)."""
    session = instance.oauth.sessions.get(request.cookies.get(cookie_name(instance), ""))
    if session is None or session.account_id is None:
        return None
    return instance.state.accounts.get(session.account_id)


def set_session_cookie(
    instance: Instance, response: Response, session: Session, is_new: bool
) -> None:
    if is_new:
        response.set_cookie(
            cookie_name(instance), session.id, httponly=True, samesite="lax", path="/"
        )


def find_local_login(instance: Instance, login: str) -> Account | None:
    """By e-mail (what both forms ask for) or, for convenience, username or `user@domain`."""
    login = login.strip().lstrip("@").lower()
    for account in instance.local_accounts():
        candidates = {
            account.username.lower(),
            (account.email or "").lower(),
            f"{account.username}@{instance.domain}".lower(),
        }
        if login in candidates:
            return account
    return None


async def sign_in_page(request: Request) -> Response:
    instance: Instance = request.app.state.instance
    session, is_new = browser_session(instance, request)
    response = HTMLResponse(oauth_pages.sign_in(instance.flavour, instance.domain, session.csrf))
    set_session_cookie(instance, response, session, is_new)
    return response


async def sign_in_submit(request: Request) -> Response:
    instance: Instance = request.app.state.instance
    session, is_new = browser_session(instance, request)
    form = await request.form()
    gts = instance.flavour.is_gotosocial
    csrf = form.get("csrf_token" if gts else "authenticity_token")
    if is_new or not isinstance(csrf, str) or not hmac.compare_digest(csrf, session.csrf):
        page = oauth_pages.error("Forbidden", "Invalid authenticity token.")
        response: Response = HTMLResponse(page, 422)
        set_session_cookie(instance, response, session, is_new)
        return response
    login = form.get("username" if gts else "user[email]")
    password = form.get("password" if gts else "user[password]")
    account = find_local_login(instance, login) if isinstance(login, str) else None
    if (
        account is None
        or not isinstance(password, str)
        or account.password is None
        or (not hmac.compare_digest(account.password, password))
    ):
        page = oauth_pages.sign_in(
            instance.flavour, instance.domain, session.csrf, "Invalid E-mail address or password."
        )
        return HTMLResponse(page, 422)
    session.account_id = account.id
    target = session.return_to or "/"
    session.return_to = None
    return RedirectResponse(target, status_code=302)


ROUTES = [
    Route("/auth/sign_in", sign_in_page, methods=["GET"]),
    Route("/auth/sign_in", sign_in_submit, methods=["POST"]),
]
