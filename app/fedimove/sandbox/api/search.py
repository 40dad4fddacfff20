"""`GET /api/v2/search` [MD: methods/search.md; fediverse-apis.md §4]."""

from __future__ import annotations

import re

from starlette.responses import Response
from starlette.routing import Route

from fedimove.sandbox import render, resolve
from fedimove.sandbox.api.base import ApiError, Ctx, api, json_response
from fedimove.sandbox.state import Account, Status

_ACCT = re.compile(r"^@?(?P<user>[A-Za-z0-9_.\-]+)@(?P<domain>[A-Za-z0-9.\-]+(?::\d+)?)$")
MAX_TEXT_MATCHES = 200


async def _accounts(ctx: Ctx, q: str, resolve_remote: bool, limit: int) -> list[Account]:
    match = _ACCT.match(q)
    if match:
        user, domain = match["user"], match["domain"]
        if resolve_remote:
            found = await resolve.resolve_acct(ctx.instance, user, domain)
        else:
            home = (
                ctx.instance.name
                if domain == ctx.instance.domain
                else (ctx.instance.directory.name_for_host(domain))
            )
            found = ctx.state.find(user, home) if home else None
        return [found] if found else []
    if q.startswith(("http://", "https://")):
        found = ctx.instance.account_by_uri(q)
        if found is None and resolve_remote:
            found = await resolve.fetch_actor(ctx.instance, q)
        return [found] if found else []
    needle = q.lstrip("@").lower()
    hits = []
    for account in ctx.state.accounts.values():
        if needle in account.username.lower() or needle in account.display_name.lower():
            hits.append(account)
            if len(hits) >= min(limit, MAX_TEXT_MATCHES):
                break
    return hits


async def _statuses(ctx: Ctx, q: str, resolve_remote: bool) -> list[Status]:
    if not q.startswith(("http://", "https://")):
        return []
    if resolve_remote:
        found = await resolve.resolve_status(ctx.instance, q)
    else:
        found = resolve._local_status(ctx.instance, q)
    return [found] if found else []


@api("read", "read:search", auth="optional")
async def search(ctx: Ctx) -> Response:
    params = ctx.params
    q = (params.text("q", "") or "").strip()
    kind = params.text("type")
    resolve_remote = bool(params.flag("resolve", False))
    if resolve_remote and ctx.account is None:
        raise ApiError(
            401,
            "Search queries that resolve remote resources are not supported without authentication",
        )
    limit = min(abs(params.integer("limit") or 20), 40)
    result: dict[str, list[object]] = {"accounts": [], "statuses": [], "hashtags": []}
    if not q:
        return json_response(result)
    if kind in (None, "accounts"):
        accounts = await _accounts(ctx, q, resolve_remote, limit)
        result["accounts"] = [render.account(ctx.instance, a) for a in accounts[:limit]]
    if kind in (None, "statuses"):
        statuses = await _statuses(ctx, q, resolve_remote)
        result["statuses"] = [render.status(ctx.instance, s, ctx.account) for s in statuses]
    if kind in (None, "hashtags") and q.lstrip("#").replace("_", "").isalnum():
        name = q.lstrip("#")
        following = None
        if ctx.account is not None:
            following = name.lower() in ctx.state.followed_tag_names.get(ctx.account.id, {})
        result["hashtags"] = [render.tag(ctx.instance, name, following)]
    return json_response(result)


@api("read", "read:accounts")
async def account_search(ctx: Ctx) -> Response:
    """`GET /api/v1/accounts/search` (`resolve` needs a signed-in user, as in v2)
    [MD: methods/accounts.md#search; fediverse-apis.md §4]."""
    q = (ctx.params.text("q", "") or "").strip()
    limit = min(abs(ctx.params.integer("limit") or 40), 80)
    accounts = await _accounts(ctx, q, bool(ctx.params.flag("resolve", False)), limit) if q else []
    return json_response([render.account(ctx.instance, a) for a in accounts[:limit]])


ROUTES = [
    Route("/api/v2/search", search, methods=["GET"]),
    Route("/api/v1/accounts/search", account_search, methods=["GET"]),
]
