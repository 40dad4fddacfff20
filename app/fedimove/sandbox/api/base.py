"""The plumbing every API route shares: auth, scopes, limits, params, errors, pagination.

Order of checks follows Mastodon: rack-attack throttles first (before the app), then
Doorkeeper's token and scope check, then `require_user!` [fediverse-apis.md §5.1, §12;
M: app/controllers/api/base_controller.rb].
"""

from __future__ import annotations

import functools
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from fedimove.sandbox import limits
from fedimove.sandbox.oauth_store import Token
from fedimove.sandbox.state import Account, InstanceState

if TYPE_CHECKING:
    from fedimove.sandbox.instance import Instance

INVALID_TOKEN = "The access token is invalid"  # noqa: S105 - an error text
OUTSIDE_SCOPES = "This action is outside the authorized scopes"
NEEDS_USER = "This method requires an authenticated user"
LOGIN_DISABLED = "Your login is currently disabled"
NOT_FOUND = "Record not found"
PAGING_KEYS = ("max_id", "min_id", "since_id", "page")

ParamValue = str | UploadFile


class ApiError(Exception):
    def __init__(self, status: int, error: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(error)
        self.status = status
        self.error = error
        self.headers = headers or {}


def not_found() -> ApiError:
    return ApiError(404, NOT_FOUND)


class Params:
    """Query, form, multipart or JSON parameters, flattened Rails-style (`a[]`, `a[0][b]`)."""

    def __init__(self, items: list[tuple[str, ParamValue]], form: FormData | None = None) -> None:
        self.form = form  # closed after the handler (uploaded files are temporary files)
        self._items: dict[str, list[ParamValue]] = {}
        for key, value in items:
            self._items.setdefault(key, []).append(value)

    def text(self, name: str, default: str | None = None) -> str | None:
        values = self._items.get(name)
        value = values[-1] if values else None
        return value if isinstance(value, str) else default

    def texts(self, name: str) -> list[str]:
        values = self._items.get(f"{name}[]", []) + self._items.get(name, [])
        return [v for v in values if isinstance(v, str)]

    def file(self, name: str) -> UploadFile | None:
        values = self._items.get(name)
        value = values[-1] if values else None
        return value if isinstance(value, UploadFile) else None

    def flag(self, name: str, default: bool | None = None) -> bool | None:
        """Rails' boolean casting: "false", "0", "off" and "" are false."""
        value = self.text(name)
        if value is None:
            return default
        return value.strip().lower() not in ("false", "0", "off", "f", "")

    def integer(self, name: str) -> int | None:
        value = self.text(name)
        try:
            return int(value) if value not in (None, "") else None
        except ValueError:
            return None

    def names(self) -> list[str]:
        return list(self._items)

    def __contains__(self, name: str) -> bool:
        return name in self._items


def _flatten(prefix: str, value: Any, out: list[tuple[str, ParamValue]]) -> None:
    if isinstance(value, dict):
        for key, sub in value.items():
            _flatten(f"{prefix}[{key}]" if prefix else str(key), sub, out)
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            if isinstance(sub, dict | list):
                _flatten(f"{prefix}[{index}]", sub, out)
            else:
                _flatten(f"{prefix}[]", sub, out)
    elif isinstance(value, bool):
        out.append((prefix, "true" if value else "false"))
    elif value is not None:
        out.append((prefix, str(value)))


async def read_params(request: Request) -> Params:
    items: list[tuple[str, ParamValue]] = list(request.query_params.multi_items())
    if request.method in ("POST", "PUT", "PATCH", "DELETE"):
        content_type = request.headers.get("content-type", "")
        if content_type.startswith("application/json"):
            body = await request.body()
            try:
                _flatten("", json.loads(body or b"{}"), items)
            except ValueError as exc:
                raise ApiError(400, "Invalid JSON") from exc
        elif content_type.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
            form = await request.form()
            items.extend(form.multi_items())
            return Params(items, form)
    return Params(items)


@dataclass(slots=True)
class Ctx:
    request: Request
    instance: Instance
    params: Params
    token: Token | None
    account: Account | None

    @property
    def state(self) -> InstanceState:
        return self.instance.state

    @property
    def me(self) -> Account:
        if self.account is None:
            raise ApiError(422, NEEDS_USER)
        return self.account

    def path_int(self, name: str) -> int:
        try:
            return int(self.request.path_params[name])
        except (KeyError, ValueError):
            raise not_found() from None

    def account_at(self, name: str = "id") -> Account:
        account = self.state.accounts.get(self.path_int(name))
        if account is None:
            raise not_found()
        return account


Handler = Callable[[Ctx], Awaitable[Response]]


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return JSONResponse(data, status_code=status, headers=headers)


def error_response(error: ApiError) -> Response:
    return JSONResponse({"error": error.error}, status_code=error.status, headers=error.headers)


def bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip() or None
    return request.query_params.get("access_token")


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "127.0.0.1"


def _throttles(
    ctx_token: str | None, request: Request, user_key: str | None, instance: Instance, paged: bool
) -> list[tuple[limits.Throttle, str]]:
    ip = client_ip(request)
    if instance.flavour.per_ip_limits:
        return [(limits.GTS_PER_IP, ip)]
    if not instance.flavour.general_throttles:
        return []  # Akkoma limits chosen actions only (relations.py) [fediverse-apis.md §5.4]
    matched: list[tuple[limits.Throttle, str]] = []
    if ctx_token is not None:
        matched.append((limits.PER_TOKEN, ctx_token))
    if user_key is not None:
        matched.append((limits.AUTHENTICATED_API, user_key))
    elif ctx_token is None:
        matched.append((limits.UNAUTHENTICATED_API, ip))
    if paged:
        if user_key is not None:
            matched.append((limits.AUTHENTICATED_PAGING, user_key))
        else:
            matched.append((limits.UNAUTHENTICATED_PAGING, ip))
    return matched


def api(
    *scopes: str, auth: str = "user", functional: bool = True
) -> Callable[[Handler], Callable[[Request], Awaitable[Response]]]:
    """Wrap a route. `auth`: "user" (token of a signed-in user), "token" (any valid token,
    e.g. apps/verify_credentials), "optional" (public; scopes checked only if a token is sent:
    Mastodon's `authorize_if_got_token!`), "none"."""

    def wrap(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        @functools.wraps(handler)
        async def endpoint(request: Request) -> Response:
            instance: Instance = request.app.state.instance
            try:
                return await _run(handler, request, instance, scopes, auth, functional)
            except ApiError as error:
                return error_response(error)

        return endpoint

    return wrap


async def _run(  # noqa: PLR0917 - internal, called once
    handler: Handler,
    request: Request,
    instance: Instance,
    scopes: tuple[str, ...],
    auth: str,
    functional: bool,
) -> Response:
    overload = instance.overload_response()
    if overload is not None:
        return overload
    raw = bearer(request) if auth != "none" else None
    token = instance.oauth.live_token(raw) if raw else None
    user_key = str(token.account_id) if token and token.account_id is not None else None
    paged = any(key in request.query_params for key in PAGING_KEYS)
    usage = instance.limiter.hit_all(_throttles(raw, request, user_key, instance, paged))
    rate_headers = usage.headers() if usage is not None else {}
    if usage is not None and usage.exceeded:
        raise ApiError(429, "Too many requests", rate_headers)
    if raw is not None and token is None:
        raise ApiError(401, INVALID_TOKEN, rate_headers)
    if token is None and auth in ("user", "token"):
        raise ApiError(401, INVALID_TOKEN, rate_headers)
    if token is not None and scopes and not (token.scopes & set(scopes)):
        raise ApiError(403, OUTSIDE_SCOPES, rate_headers)
    account = instance.state.accounts.get(token.account_id) if token and token.account_id else None
    if auth == "user":
        if account is None:
            raise ApiError(422, NEEDS_USER, rate_headers)
        if functional and not instance.is_functional(account, request.method):
            raise ApiError(403, LOGIN_DISABLED, rate_headers)
    ctx = Ctx(request, instance, await read_params(request), token, account)
    try:
        response = await handler(ctx)
    except ApiError as error:
        error.headers = {**rate_headers, **error.headers}
        raise
    finally:
        if ctx.params.form is not None:
            await ctx.params.form.close()
    for name, value in rate_headers.items():
        response.headers.setdefault(name, value)
    return response


# --- pagination -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PageRequest:
    limit: int
    max_id: int | None
    since_id: int | None
    min_id: int | None
    raw_limit: str | None  # echoed as given in Link headers (`params.slice(:limit)`)
    #: Relation collections use `paginate_by_max_id` (no min_id; prev link by since_id);
    #: statuses use `paginate_by_id` (prev link by min_id) [M: app/controllers/api/v1/
    #: accounts/follower_accounts_controller.rb, bookmarks_controller.rb, blocks_controller.rb].
    prev_param: str


def page_request(ctx: Ctx, default: int, *, with_min_id: bool = False) -> PageRequest:
    """Mastodon's `limit_param`: `min(abs(limit), 2 × default)`
    [M: app/controllers/api/base_controller.rb]."""
    raw = ctx.params.text("limit")
    number = ctx.params.integer("limit")
    limit = default if number is None else min(abs(number), default * 2)
    if ctx.instance.flavour.is_gotosocial:
        # GoToSocial pages by max_id/min_id everywhere and always writes the limit it used
        # [GTS: internal/paging/page.go].
        with_min_id, raw = True, str(limit)
    return PageRequest(
        limit,
        ctx.params.integer("max_id"),
        ctx.params.integer("since_id"),
        ctx.params.integer("min_id") if with_min_id else None,
        raw if raw not in (None, "") else None,
        "min_id" if with_min_id else "since_id",
    )


def link_header(ctx: Ctx, page: PageRequest, row_ids: list[int]) -> str | None:
    """`next` (older: max_id = last row) when the page is full; `prev` (newer: since_id or
    min_id = first row) when it is not empty [M: app/controllers/concerns/api/pagination.rb]."""
    base = ctx.instance.origin + ctx.request.url.path
    prefix = f"limit={quote(page.raw_limit)}&" if page.raw_limit is not None else ""
    links = []
    if row_ids and len(row_ids) >= page.limit:
        links.append(f'<{base}?{prefix}max_id={row_ids[-1]}>; rel="next"')
    if row_ids:
        links.append(f'<{base}?{prefix}{page.prev_param}={row_ids[0]}>; rel="prev"')
    return ", ".join(links) or None


def paged_response(ctx: Ctx, page: PageRequest, row_ids: list[int], items: list[Any]) -> Response:
    link = link_header(ctx, page, row_ids)
    return json_response(items, headers={"Link": link} if link else None)
