"""OAuth 2 as Mastodon (Doorkeeper) and GoToSocial run it [fediverse-apis.md §1.1, §1.2]:
app registration and the authorize step (HTML consent page after the sign-in form, with the
browser session and CSRF; PKCE S256 where the flavour has it; state passed through; redirect
rules per flavour; out-of-band code page). Tokens, revocation and metadata: `oauth_tokens.py`.
"""

from __future__ import annotations

import hmac
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from fedimove.sandbox import limits, oauth_pages, oauth_tokens
from fedimove.sandbox.api.base import (
    ApiError,
    Ctx,
    api,
    client_ip,
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
from fedimove.sandbox.oauth_store import App
from fedimove.sandbox.oauth_tokens import INVALID_CLIENT, gts_limited, instance_of, parse_scopes


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
    if instance_of(request).flavour.oauth_metadata or instance_of(request).flavour.is_gotosocial:
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


@gts_limited
async def authorize_page(request: Request) -> Response:
    instance = instance_of(request)
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


@gts_limited
async def authorize_decision(request: Request) -> Response:
    instance = instance_of(request)
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


ROUTES = [
    Route("/api/v1/apps", create_app, methods=["POST"]),
    Route("/api/v1/apps/verify_credentials", verify_app, methods=["GET"]),
    Route("/oauth/authorize", authorize_page, methods=["GET"]),
    Route("/oauth/authorize", authorize_decision, methods=["POST"]),
    Route("/oauth/authorize/native", oob_page, methods=["GET"]),
    *oauth_tokens.ROUTES,
]
