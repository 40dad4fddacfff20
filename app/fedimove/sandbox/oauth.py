"""OAuth 2 as Mastodon (Doorkeeper) and GoToSocial run it [fediverse-apis.md §1.1, §1.2].

App registration, the HTML sign-in and consent pages (browser session + CSRF), authorization
codes with PKCE S256 where the flavour has it, the token and revoke endpoints, and the RFC 8414
metadata document where the real software serves one.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
from collections.abc import Awaitable, Callable
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from fedimove.sandbox import limits, oauth_pages, render
from fedimove.sandbox.api.base import (
    ApiError,
    Ctx,
    api,
    client_ip,
    error_response,
    json_response,
)
from fedimove.sandbox.instance import Instance
from fedimove.sandbox.oauth_redirects import (
    OOB,
    redirect_allowed,
    split_redirect_uris,
    valid_redirect,
)
from fedimove.sandbox.oauth_session import browser_session, set_session_cookie
from fedimove.sandbox.oauth_store import CODE_LIFETIME, App

INVALID_GRANT = (
    "The provided authorization grant is invalid, expired, revoked, does not match the "
    "redirection URI used in the authorization request, or was issued to another client."
)
INVALID_CLIENT = (
    "Client authentication failed due to unknown client, no client authentication included, "
    "or unsupported authentication method."
)


def _instance(request: Request) -> Instance:
    instance: Instance = request.app.state.instance
    return instance


def _gts_limited(
    endpoint: Callable[[Request], Awaitable[Response]],
) -> Callable[[Request], Awaitable[Response]]:
    """GoToSocial's one per-IP limiter covers `/oauth` too [fediverse-apis.md §5.3]."""

    @functools.wraps(endpoint)
    async def limited(request: Request) -> Response:
        instance = _instance(request)
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


def app_json(instance: Instance, app: App, *, credentials: bool) -> dict[str, object]:
    """`Application` / `CredentialApplication` [MD: methods/apps.md, entities/Application.md]."""
    data: dict[str, object] = {
        "id": str(app.id),
        "name": app.name,
        "website": app.website,
        "redirect_uri": "\n".join(app.redirect_uris),
        "vapid_key": "BPracticeVapidKeyNotForPushPracticeVapidKeyNotForPush=",
    }
    if instance.flavour.apps_v43_shape:
        data["redirect_uris"] = list(app.redirect_uris)
        data["scopes"] = sorted(app.scopes)
    if credentials:
        data["client_id"] = app.client_id
        data["client_secret"] = app.client_secret
        if instance.flavour.apps_v43_shape and not instance.flavour.is_gotosocial:
            data["client_secret_expires_at"] = 0  # 4.4+: never expires
    if instance.flavour.is_gotosocial:
        # GoToSocial adds created_at and leaves empty fields out [GTS: swagger `application`].
        data["created_at"] = app.created_at.isoformat()
        data = {k: v for k, v in data.items() if v is not None}
    return data


@api(auth="none")
async def create_app(ctx: Ctx) -> Response:
    instance, params = ctx.instance, ctx.params
    if instance.knobs.limit_app_registrations and not instance.flavour.per_ip_limits:
        usage = instance.limiter.hit(limits.APP_REGISTRATIONS, client_ip(ctx.request))
        if usage.exceeded:
            raise ApiError(429, "Too many requests", usage.headers())
    name = params.text("client_name")
    if not name:
        raise ApiError(422, "Validation failed: Application name can't be blank")
    uris = params.texts("redirect_uris")
    redirect_uris = [u for raw in uris for u in split_redirect_uris(raw)]
    if not redirect_uris and instance.flavour.is_gotosocial:
        redirect_uris = [OOB]  # GoToSocial defaults to OOB [GTS: processing/application/create.go]
    if not redirect_uris or not all(valid_redirect(u) for u in redirect_uris):
        raise ApiError(422, "Validation failed: Redirect URI must be an absolute URI.")
    scopes = parse_scopes(params.text("scopes"))
    unknown = [s for s in scopes if s not in instance.flavour.scopes]
    if unknown:
        # Doorkeeper's enforce_configured_scopes; GoToSocial answers 400.
        status = 400 if instance.flavour.is_gotosocial else 422
        raise ApiError(status, "Validation failed: Scopes doesn't match configured on the server.")
    store = instance.oauth
    app = store.add_app(
        App(
            id=instance.state.ids.next(),
            name=name,
            website=params.text("website"),
            redirect_uris=redirect_uris,
            scopes=frozenset(scopes),
            client_id=store.secret(),
            client_secret=store.secret(),
            created_at=instance.clock.now(),
        )
    )
    return json_response(app_json(instance, app, credentials=True))


async def _app_of_token(ctx: Ctx) -> Response:
    assert ctx.token is not None
    app = ctx.instance.oauth.apps[ctx.token.app_id]
    data = app_json(ctx.instance, app, credentials=False)
    if "scopes" in data:
        data["scopes"] = sorted(ctx.token.scopes)
    return json_response(data)


_verify_app_any_token = api(auth="token", functional=False)(_app_of_token)
_verify_app_read = api("read", auth="token", functional=False)(_app_of_token)


async def verify_app(request: Request) -> Response:
    """4.3+ accepts any valid token; older Mastodon wanted `read` [MD: methods/apps.md]."""
    if _instance(request).flavour.oauth_metadata or _instance(request).flavour.is_gotosocial:
        return await _verify_app_any_token(request)
    return await _verify_app_read(request)


def _authorize_error(
    redirect_uri: str, error: str, description: str, state: str | None
) -> Response:
    query = {"error": error, "error_description": description}
    if state:
        query["state"] = state
    if redirect_uri == OOB:
        return HTMLResponse(oauth_pages.error("An error has occurred", description), 400)
    joiner = "&" if "?" in redirect_uri else "?"
    return RedirectResponse(redirect_uri + joiner + urlencode(query), status_code=302)


def _check_authorize(instance: Instance, fields: dict[str, str]) -> tuple[App, Response | None]:
    """Doorkeeper's pre-authorization: client, redirect, response type, scopes, PKCE."""
    app = instance.oauth.apps_by_client_id.get(fields.get("client_id", ""))
    if app is None:
        raise ApiError(401, INVALID_CLIENT)
    redirect_uri = fields.get("redirect_uri", "")
    if not redirect_allowed(instance.flavour, app.redirect_uris, redirect_uri):
        raise ApiError(400, "The redirect uri included is not valid.")
    state = fields.get("state")
    if fields.get("response_type") != "code":
        return app, _authorize_error(
            redirect_uri,
            "unsupported_response_type",
            "The authorization server does not support this response type.",
            state,
        )
    if not set(parse_scopes(fields.get("scope"))) <= app.scopes:
        return app, _authorize_error(
            redirect_uri,
            "invalid_scope",
            "The requested scope is invalid, unknown, or malformed.",
            state,
        )
    if instance.flavour.pkce and fields.get("code_challenge"):
        # Mastodon allows only S256; GoToSocial ≥ 0.20 defaults an omitted method to S256.
        method = fields.get("code_challenge_method") or (
            "S256" if instance.flavour.is_gotosocial else "plain"
        )
        if method != "S256":
            return app, _authorize_error(
                redirect_uri, "invalid_request", "The code challenge method must be S256.", state
            )
    return app, None


_AUTHORIZE_FIELDS = (
    "client_id",
    "redirect_uri",
    "response_type",
    "scope",
    "state",
    "code_challenge",
    "code_challenge_method",
)


@_gts_limited
async def authorize_page(request: Request) -> Response:
    instance = _instance(request)
    fields = {k: v for k in _AUTHORIZE_FIELDS if (v := request.query_params.get(k)) is not None}
    try:
        app, problem = _check_authorize(instance, fields)
    except ApiError as error:
        return HTMLResponse(oauth_pages.error("An error has occurred", error.error), error.status)
    if problem is not None:
        return problem
    session, is_new = browser_session(instance, request)
    force = request.query_params.get("force_login", "").lower() in ("true", "1")
    if session.account_id is None or force:
        session.account_id = None
        session.return_to = "/oauth/authorize?" + urlencode(fields)
        response: Response = RedirectResponse("/auth/sign_in", status_code=302)
    else:
        page = oauth_pages.consent(
            instance.flavour, app.name, parse_scopes(fields.get("scope")), fields, session.csrf
        )
        response = HTMLResponse(page)
    set_session_cookie(instance, response, session, is_new)
    return response


@_gts_limited
async def authorize_decision(request: Request) -> Response:
    instance = _instance(request)
    form = await request.form()
    fields = {k: v for k in _AUTHORIZE_FIELDS if isinstance(v := form.get(k), str)}
    session, _ = browser_session(instance, request)
    csrf = form.get("csrf_token" if instance.flavour.is_gotosocial else "authenticity_token")
    if (
        session.account_id is None
        or not isinstance(csrf, str)
        or not hmac.compare_digest(csrf, session.csrf)
    ):
        return HTMLResponse(oauth_pages.error("Forbidden", "Invalid authenticity token."), 422)
    try:
        app, problem = _check_authorize(instance, fields)
    except ApiError as error:
        return HTMLResponse(oauth_pages.error("An error has occurred", error.error), error.status)
    if problem is not None:
        return problem
    redirect_uri, state = fields["redirect_uri"], fields.get("state")
    if form.get("_method") == "delete":
        return _authorize_error(
            redirect_uri,
            "access_denied",
            "The resource owner or authorization server denied the request.",
            state,
        )
    grant = instance.oauth.new_grant(app, session.account_id, fields, instance.clock.now())
    if redirect_uri == OOB:
        return RedirectResponse("/oauth/authorize/native?" + urlencode({"code": grant.code}), 302)
    query = {"code": grant.code, **({"state": state} if state else {})}
    joiner = "&" if "?" in redirect_uri else "?"
    return RedirectResponse(redirect_uri + joiner + urlencode(query), status_code=302)


async def oob_page(request: Request) -> Response:
    return HTMLResponse(oauth_pages.oob_code(request.query_params.get("code", "")))


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


@_gts_limited
async def token(request: Request) -> Response:
    instance = _instance(request)
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


@_gts_limited
async def revoke(request: Request) -> Response:
    """Idempotent; 403 `unauthorized_client` when the token is another client's
    [MD: methods/oauth.md]."""
    instance = _instance(request)
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
    instance = _instance(request)
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
    Route("/api/v1/apps", create_app, methods=["POST"]),
    Route("/api/v1/apps/verify_credentials", verify_app, methods=["GET"]),
    Route("/oauth/authorize", authorize_page, methods=["GET"]),
    Route("/oauth/authorize", authorize_decision, methods=["POST"]),
    Route("/oauth/authorize/native", oob_page, methods=["GET"]),
    Route("/oauth/token", token, methods=["POST"]),
    Route("/oauth/revoke", revoke, methods=["POST"]),
    Route("/oauth/userinfo", userinfo, methods=["GET", "POST"]),
    Route("/.well-known/oauth-authorization-server", metadata, methods=["GET"]),
]
