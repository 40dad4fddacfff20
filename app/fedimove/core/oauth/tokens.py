"""The token calls: exchange a code, check who it belongs to, revoke it (fediverse-apis §1.1).

Tokens travel only in request bodies and the `Authorization` header (which `core/http.py`
redacts); no error raised here ever carries one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from fedimove.core.errors import (
    AccountDisabledError,
    AccountMovedError,
    AccountSuspendedError,
    AuthCodeInvalidError,
    AuthError,
    MalformedResponseError,
    RateLimitedError,
    ServerError,
    TokenInvalidError,
)
from fedimove.core.servers.fetch import JsonReply, raise_if_server_down, request_json


@dataclass(frozen=True, slots=True)
class ClientCredentials:
    client_id: str
    client_secret: str


@dataclass(frozen=True, slots=True)
class VerifiedAccount:
    """Who a token belongs to (from `verify_credentials`)."""

    account_id: str
    username: str
    acct: str
    url: str
    uri: str  # the actor URI when the server says it ("" otherwise)
    display_name: str
    moved_to: str  # acct of the account this one moved to, "" if none
    scopes: tuple[str, ...] = ()


def _host(origin: str) -> str:
    return httpx.URL(origin).host


def _raise_for_status(reply: JsonReply, origin: str) -> None:
    raise_if_server_down(reply, _host(origin))
    if reply.status == 429:
        raise RateLimitedError("rate limited", status=429, host=_host(origin))


async def exchange_code(
    client: httpx.AsyncClient,
    origin: str,
    credentials: ClientCredentials,
    *,
    code: str,
    redirect_uri: str,
    verifier: str | None,
) -> tuple[str, tuple[str, ...]]:
    """`POST /oauth/token` with the authorization code; returns the token and its scopes."""
    body = {
        "grant_type": "authorization_code",
        "code": code,
        "client_id": credentials.client_id,
        "client_secret": credentials.client_secret,
        "redirect_uri": redirect_uri,
    }
    if verifier is not None:
        body["code_verifier"] = verifier
    reply = await request_json(client, "POST", f"{origin}/oauth/token", data=body)
    _raise_for_status(reply, origin)
    error = str((reply.object or {}).get("error", ""))
    if reply.status in (400, 401) and error == "invalid_grant":
        raise AuthCodeInvalidError("code refused", status=reply.status)
    if not reply.ok:
        raise AuthError("token exchange refused", status=reply.status, error=error[:64])
    token = (reply.object or {}).get("access_token")
    if not isinstance(token, str) or not token:
        raise MalformedResponseError("token response without a token", host=_host(origin))
    scope = (reply.object or {}).get("scope")
    return token, tuple(str(scope).split()) if isinstance(scope, str) else ()


async def verify_credentials(
    client: httpx.AsyncClient, origin: str, token: str, *, allow_moved: bool = False
) -> VerifiedAccount:
    """`GET /api/v1/accounts/verify_credentials`, mapping refusals to coded errors."""
    reply = await request_json(
        client,
        "GET",
        f"{origin}/api/v1/accounts/verify_credentials",
        headers={"Authorization": f"Bearer {token}"},
    )
    _raise_for_status(reply, origin)
    if reply.status == 401:
        raise TokenInvalidError("token refused", host=_host(origin))
    if reply.status in (403, 410):
        # Mastodon: "Your login is currently disabled" (moved, unapproved or suspended).
        raise AccountDisabledError("login disabled", status=reply.status, host=_host(origin))
    if not reply.ok or reply.object is None:
        raise ServerError("verify_credentials failed", status=reply.status, host=_host(origin))
    account = _account_from(reply.object, origin)
    if reply.object.get("suspended") is True:
        raise AccountSuspendedError("account suspended", acct=account.acct)
    if account.moved_to and not allow_moved:
        raise AccountMovedError("account already moved", acct=account.acct, to=account.moved_to)
    return account


def _text(document: dict[str, Any], key: str, limit: int = 2048) -> str:
    value = document.get(key)
    return value[:limit] if isinstance(value, str) else ""


def _account_from(document: dict[str, Any], origin: str) -> VerifiedAccount:
    account_id, username = document.get("id"), document.get("username")
    if not isinstance(account_id, str | int) or not isinstance(username, str) or not username:
        raise MalformedResponseError("account without id or username", host=_host(origin))
    acct = _text(document, "acct") or username
    if "@" not in acct:
        acct = f"{acct}@{_host(origin)}"
    moved = document.get("moved")
    moved_to = _text(moved, "acct") if isinstance(moved, dict) else ""
    return VerifiedAccount(
        account_id=str(account_id),
        username=username[:64],
        acct=acct,
        url=_text(document, "url"),
        uri=_text(document, "uri"),
        display_name=_text(document, "display_name", 200),
        moved_to=moved_to or ("moved" if moved else ""),
    )


async def fetch_actor_uri(client: httpx.AsyncClient, origin: str, token: str) -> str:
    """`GET /oauth/userinfo` (Mastodon 4.4+, `profile` scope): `sub` is the actor URI."""
    reply = await request_json(
        client,
        "GET",
        f"{origin}/oauth/userinfo",
        headers={"Authorization": f"Bearer {token}"},
    )
    subject = (reply.object or {}).get("sub") if reply.ok else None
    return subject if isinstance(subject, str) and subject.startswith("http") else ""


async def revoke_token(
    client: httpx.AsyncClient, origin: str, credentials: ClientCredentials, token: str
) -> bool:
    """`POST /oauth/revoke`; True when the server confirmed (it is idempotent)."""
    body = {
        "client_id": credentials.client_id,
        "client_secret": credentials.client_secret,
        "token": token,
    }
    reply = await request_json(client, "POST", f"{origin}/oauth/revoke", data=body)
    _raise_for_status(reply, origin)
    return reply.ok


async def explain_disabled_login(client: httpx.AsyncClient, origin: str, username: str) -> None:
    """After a 403 "login disabled", ask the public lookup why: moved or suspended.

    Raises the precise error when the server says; returns when it does not (pending approval,
    a 2FA requirement...), and the caller keeps the general `AccountDisabledError`.
    """
    reply = await request_json(
        client, "GET", f"{origin}/api/v1/accounts/lookup", params={"acct": username}
    )
    if reply.status == 410:
        raise AccountSuspendedError("account suspended", acct=username)
    document = reply.object if reply.ok else None
    if document is None:
        return
    if document.get("suspended") is True:
        raise AccountSuspendedError("account suspended", acct=username)
    moved = document.get("moved")
    if moved:
        to = _text(moved, "acct") if isinstance(moved, dict) else "moved"
        raise AccountMovedError("account already moved", acct=username, to=to)
