"""Lists and their members [MD: methods/lists.md; fediverse-apis.md §4]."""

from __future__ import annotations

from starlette.responses import Response
from starlette.routing import Route

from fedimove.sandbox import render
from fedimove.sandbox.api.base import (
    ApiError,
    Ctx,
    api,
    json_response,
    not_found,
    page_request,
    paged_response,
)
from fedimove.sandbox.state import AccountList, ListMember

REPLIES_POLICIES = ("followed", "list", "none")


def list_json(lst: AccountList) -> dict[str, object]:
    return {
        "id": str(lst.id),
        "title": lst.title,
        "replies_policy": lst.replies_policy,
        "exclusive": lst.exclusive,
    }


def _own_list(ctx: Ctx) -> AccountList:
    lst = ctx.state.lists_of.get(ctx.me.id, {}).get(ctx.path_int("id"))
    if lst is None:
        raise not_found()
    return lst


def _apply(ctx: Ctx, lst: AccountList) -> None:
    title = ctx.params.text("title")
    if title is not None:
        if not title.strip():
            raise ApiError(422, "Validation failed: Title can't be blank")
        lst.title = title
    policy = ctx.params.text("replies_policy")
    if policy is not None:
        if policy not in REPLIES_POLICIES:
            raise ApiError(422, "Validation failed: Replies policy is not included in the list")
        lst.replies_policy = policy
    lst.exclusive = bool(ctx.params.flag("exclusive", lst.exclusive))


@api("read", "read:lists")
async def index(ctx: Ctx) -> Response:
    return json_response([list_json(x) for x in ctx.state.lists_of.get(ctx.me.id, {}).values()])


@api("write", "write:lists")
async def create(ctx: Ctx) -> Response:
    if not (ctx.params.text("title") or "").strip():
        raise ApiError(422, "Validation failed: Title can't be blank")
    lst = AccountList(ctx.state.ids.next(), ctx.me.id, "")
    _apply(ctx, lst)
    ctx.state.lists[lst.id] = lst
    ctx.state.lists_of.setdefault(ctx.me.id, {})[lst.id] = lst
    return json_response(list_json(lst))


@api("read", "read:lists")
async def show(ctx: Ctx) -> Response:
    return json_response(list_json(_own_list(ctx)))


@api("write", "write:lists")
async def update(ctx: Ctx) -> Response:
    lst = _own_list(ctx)
    _apply(ctx, lst)
    return json_response(list_json(lst))


@api("write", "write:lists")
async def delete(ctx: Ctx) -> Response:
    lst = _own_list(ctx)
    del ctx.state.lists[lst.id]
    del ctx.state.lists_of[ctx.me.id][lst.id]
    return json_response({})


@api("read", "read:lists")
async def members(ctx: Ctx) -> Response:
    lst = _own_list(ctx)
    accounts = ctx.state.accounts
    if ctx.params.integer("limit") == 0:
        # limit=0 returns every member, unpaginated [MD: methods/lists.md].
        everyone = [
            render.account(ctx.instance, accounts[m.target])
            for m in lst.members.owned(lst.id).newest_first()
        ]
        return json_response(everyone)
    page = page_request(ctx, 40)
    rows = lst.members.owned(lst.id).page(
        limit=page.limit, max_id=page.max_id, since_id=page.since_id, min_id=page.min_id
    )
    items = [render.account(ctx.instance, accounts[m.target]) for _, m in rows]
    return paged_response(ctx, page, [i for i, _ in rows], items)


@api("write", "write:lists")
async def add_members(ctx: Ctx) -> Response:
    lst, me, state = _own_list(ctx), ctx.me, ctx.state
    ids = [int(i) for i in ctx.params.texts("account_ids") if i.isdigit()]
    for account_id in ids:
        # Members must be followed or requested, else 404 [M: app/models/list_account.rb].
        if state.follows.get(me.id, account_id) is None and (
            state.follow_requests.get(me.id, account_id) is None
        ):
            raise not_found()
        if lst.members.get(lst.id, account_id) is not None:
            raise ApiError(422, "Validation failed: Account has already been taken")
    for account_id in ids:
        lst.members.add(ListMember(state.ids.next(), lst.id, account_id))
    return json_response({})


@api("write", "write:lists")
async def remove_members(ctx: Ctx) -> Response:
    lst = _own_list(ctx)
    for raw in ctx.params.texts("account_ids"):
        if raw.isdigit():
            lst.members.remove(lst.id, int(raw))
    return json_response({})


ROUTES = [
    Route("/api/v1/lists", index, methods=["GET"]),
    Route("/api/v1/lists", create, methods=["POST"]),
    Route("/api/v1/lists/{id:int}", show, methods=["GET"]),
    Route("/api/v1/lists/{id:int}", update, methods=["PUT"]),
    Route("/api/v1/lists/{id:int}", delete, methods=["DELETE"]),
    Route("/api/v1/lists/{id:int}/accounts", members, methods=["GET"]),
    Route("/api/v1/lists/{id:int}/accounts", add_members, methods=["POST"]),
    Route("/api/v1/lists/{id:int}/accounts", remove_members, methods=["DELETE"]),
]
