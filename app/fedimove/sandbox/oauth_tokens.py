"""The token side of OAuth [fediverse-apis.md §1.1, §1.2]: `/oauth/token` (client secret,
redirect URI, PKCE verifier, single-use code), `/oauth/revoke`, the RFC 8414 metadata where the
real software serves it, `/oauth/userinfo` (4.4+), and helpers shared with `oauth.py`.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from fedimove.sandbox import limits, render
from fedimove.sandbox.api.base import ApiError, Ctx, api, client_ip, error_response, json_response
from fedimove.sandbox.instance import Instance
from fedimove.sandbox.oauth_store import CODE_LIFETIME, App

INVALID_GRANT = (
    "The provided authorization grant is invalid, expired, revoked, does not match the "
    "redirection URI used in the authorization request, or was issued to another client."
)
INVALID_CLIENT = (
    "Client authentication failed due to unknown client, no client authentication included, "
    "or unsupported authentication method."
)


def instance_of(request: Request) -> Instance:
    instance: Instance = request.app.state.instance
    return instance


def gts_limited(
    endpoint: Callable[[Request], Awaitable[Response]],
) -> Callable[[Request], Awaitable[Response]]:
    """GoToSocial's one per-IP limiter covers `/oauth` too [fediverse-apis.md §5.3]."""

    @functools.wraps(endpoint)
    async def limited(request: Request) -> Response:
        instance = instance_of(request)
        if instance.flavour.per_ip_limits:
            usage = instance.limiter.hit(limits.GTS_PER_IP, client_ip(request))
            if usage.exceeded:
                return error_response(ApiError(429, "Too many requests", usage.headers()))
        return await endpoint(request)

    return limited


def parse_scopes(raw: str | None) -> list[str]:
    """Space- (or `+`-) separated; Doorkeeper's default scope is `read`."""
    scopes = (raw or "").replace("+", " ").split()
    return scopes or ["read"]


def _client(instance: Instance, request: Request, form: dict[str, str]) -> App | None:
    client_id, secret = form.get("client_id", ""), form.get("client_secret", "")
    header = request.headers.get("authorization", "")
    if header.lower().startswith("basic "):  # client_secret_basic
        try:
            client_id, _, secret = base64.b64decode(header[6:]).decode().partition(":")
        except ValueError:
            return None
    app = instance.oauth.apps_by_client_id.get(client_id)
    if app is None or not hmac.compare_digest(app.client_secret, secret):
        return None
    return app


def _token_error(error: str, description: str, status: int = 400) -> Response:
    return JSONResponse({"error": error, "error_description": description}, status_code=status)


def _pkce_ok(challenge: str | None, verifier: str | None) -> bool:
    if challenge is None:
        return True
    if not verifier:
        return False
    digest = hashlib.sha256(verifier.encode()).digest()
    expected = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    return hmac.compare_digest(expected, challenge)


@gts_limited
async def token(request: Request) -> Response:
    instance = instance_of(request)
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    app = _client(instance, request, form)
    if app is None:
        return _token_error("invalid_client", INVALID_CLIENT, 401)
    now = instance.clock.now()
    grant_type = form.get("grant_type")
    if grant_type == "client_credentials":
        scopes = frozenset(parse_scopes(form.get("scope")))
        if not scopes <= app.scopes:
            return _token_error(
                "invalid_scope", "The requested scope is invalid, unknown, or malformed."
            )
        issued = instance.oauth.issue_token(app, None, scopes, now)
    elif grant_type == "authorization_code":
        grant = instance.oauth.grants.get(form.get("code", ""))
        if (
            grant is None
            or grant.used
            or grant.app_id != app.id
            or now - grant.created_at > CODE_LIFETIME
            or grant.redirect_uri != form.get("redirect_uri")
            or (
                instance.flavour.pkce
                and not _pkce_ok(grant.code_challenge, form.get("code_verifier"))
            )
        ):
            return _token_error("invalid_grant", INVALID_GRANT)
        grant.used = True  # single use [DK: lib/doorkeeper/oauth/authorization_code_request.rb]
        issued = instance.oauth.issue_token(app, grant.account_id, grant.scopes, now)
    else:
        return _token_error(
            "unsupported_grant_type",
            "The authorization grant type is not supported by the authorization server.",
        )
    return JSONResponse(
        {
            "access_token": issued.value,
            "token_type": "Bearer",
            "scope": " ".join(sorted(issued.scopes)),
            "created_at": int(issued.created_at.timestamp()),
        }
    )


@gts_limited
async def revoke(request: Request) -> Response:
    """Idempotent; 403 `unauthorized_client` when the token is another client's
    [MD: methods/oauth.md]."""
    instance = instance_of(request)
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    app = _client(instance, request, form)
    if app is None:
        return _token_error("invalid_client", INVALID_CLIENT, 401)
    found = instance.oauth.tokens.get(form.get("token", ""))
    if found is not None and found.app_id != app.id:
        return _token_error(
            "unauthorized_client", "You are not authorized to revoke this token", 403
        )
    if found is not None:
        found.revoked = True
    return JSONResponse({})


async def metadata(request: Request) -> Response:
    instance = instance_of(request)
    if not instance.flavour.oauth_metadata:
        return error_response(ApiError(404, "Not Found"))
    origin = instance.origin
    return JSONResponse(
        {
            "issuer": origin + "/",
            "service_documentation": "https://docs.joinmastodon.org/",
            "authorization_endpoint": f"{origin}/oauth/authorize",
            "token_endpoint": f"{origin}/oauth/token",
            "revocation_endpoint": f"{origin}/oauth/revoke",
            "userinfo_endpoint": f"{origin}/oauth/userinfo",
            "app_registration_endpoint": f"{origin}/api/v1/apps",
            "scopes_supported": sorted(instance.flavour.scopes),
            "response_types_supported": ["code"],
            "response_modes_supported": ["query", "fragment", "form_post"],
            "code_challenge_methods_supported": ["S256"],
            "grant_types_supported": ["authorization_code", "client_credentials"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        }
    )


@api("profile", auth="user")
async def userinfo(ctx: Ctx) -> Response:
    """4.4+: `sub` is the actor URI [MD: methods/oauth.md]."""
    me = render.account(ctx.instance, ctx.me)
    return json_response(
        {
            "iss": ctx.instance.origin + "/",
            "sub": me["uri"],
            "name": me["display_name"],
            "preferred_username": me["username"],
            "profile": me["url"],
            "picture": me["avatar"],
        }
    )


ROUTES = [
    Route("/oauth/token", token, methods=["POST"]),
    Route("/oauth/revoke", revoke, methods=["POST"]),
    Route("/oauth/userinfo", userinfo, methods=["GET", "POST"]),
    Route("/.well-known/oauth-authorization-server", metadata, methods=["GET"]),
]
