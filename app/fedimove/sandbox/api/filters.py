"""Filters v2 [MD: methods/filters.md, entities/Filter.md; fediverse-apis.md §4]."""

from __future__ import annotations

from datetime import timedelta

from starlette.responses import Response
from starlette.routing import Route

from fedimove.sandbox import render
from fedimove.sandbox.api.base import ApiError, Ctx, Params, api, json_response, not_found
from fedimove.sandbox.api.relations import MAX_DURATION
from fedimove.sandbox.state import Filter, FilterKeyword

CONTEXTS = ("home", "notifications", "public", "thread", "account")
ACTIONS = ("warn", "hide", "blur")  # blur since 4.4 [fediverse-apis.md §1.6]


def _keywords(params: Params) -> list[tuple[str, bool]]:
    """`keywords_attributes[][keyword]` (form) or `keywords_attributes[N][keyword]` (JSON)."""
    found: list[tuple[str, bool]] = []
    words = params.texts("keywords_attributes[][keyword]")
    wholes = params.texts("keywords_attributes[][whole_word]")
    for i, word in enumerate(words):
        whole = wholes[i].lower() not in ("false", "0") if i < len(wholes) else True
        found.append((word, whole))
    index = 0
    while (text := params.text(f"keywords_attributes[{index}][keyword]")) is not None:
        found.append((text, bool(params.flag(f"keywords_attributes[{index}][whole_word]", True))))
        index += 1
    return found


def _own(ctx: Ctx) -> Filter:
    flt = ctx.state.filters.get(ctx.me.id, {}).get(ctx.path_int("id"))
    if flt is None:
        raise not_found()
    return flt


def _apply(ctx: Ctx, flt: Filter) -> None:
    params = ctx.params
    flt.title = params.text("title") or flt.title
    context = params.texts("context")
    if context:
        flt.context = context
    flt.filter_action = params.text("filter_action") or flt.filter_action
    expires_in = params.integer("expires_in")
    if expires_in is not None and not 0 <= expires_in <= MAX_DURATION:
        raise ApiError(422, "Validation failed: Expires in is out of range")
    if expires_in:
        flt.expires_at = ctx.instance.clock.now() + timedelta(seconds=expires_in)
    if not flt.title or not flt.context or not set(flt.context) <= set(CONTEXTS):
        raise ApiError(422, "Validation failed: Title or context is invalid")
    if flt.filter_action not in ACTIONS:
        raise ApiError(422, "Validation failed: Filter action is not included in the list")


@api("read", "read:filters")
async def index(ctx: Ctx) -> Response:
    filters = ctx.state.filters.get(ctx.me.id, {}).values()
    return json_response([render.filter_(ctx.instance, f) for f in filters])


@api("write", "write:filters")
async def create(ctx: Ctx) -> Response:
    state = ctx.state
    flt = Filter(state.ids.next(), ctx.me.id, "", [])
    _apply(ctx, flt)
    for word, whole in _keywords(ctx.params):
        flt.keywords.append(FilterKeyword(state.ids.next(), word, whole))
    state.filters.setdefault(ctx.me.id, {})[flt.id] = flt
    return json_response(render.filter_(ctx.instance, flt))


@api("read", "read:filters")
async def show(ctx: Ctx) -> Response:
    return json_response(render.filter_(ctx.instance, _own(ctx)))


@api("write", "write:filters")
async def update(ctx: Ctx) -> Response:
    flt = _own(ctx)
    _apply(ctx, flt)
    for word, whole in _keywords(ctx.params):
        flt.keywords.append(FilterKeyword(ctx.state.ids.next(), word, whole))
    return json_response(render.filter_(ctx.instance, flt))


@api("write", "write:filters")
async def delete(ctx: Ctx) -> Response:
    flt = _own(ctx)
    del ctx.state.filters[ctx.me.id][flt.id]
    return json_response({})


@api("write", "write:filters")
async def add_keyword(ctx: Ctx) -> Response:
    flt = _own(ctx)
    word = ctx.params.text("keyword")
    if not word:
        raise ApiError(422, "Validation failed: Keyword can't be blank")
    keyword = FilterKeyword(ctx.state.ids.next(), word, bool(ctx.params.flag("whole_word", True)))
    flt.keywords.append(keyword)
    return json_response(
        {"id": str(keyword.id), "keyword": keyword.keyword, "whole_word": keyword.whole_word}
    )


@api("write", "write:filters")
async def add_status(ctx: Ctx) -> Response:
    flt = _own(ctx)
    status_id = ctx.params.integer("status_id")
    if status_id is None or status_id not in ctx.state.statuses:
        raise not_found()
    row_id = ctx.state.ids.next()
    flt.statuses[row_id] = status_id
    return json_response({"id": str(row_id), "status_id": str(status_id)})


ROUTES = [
    Route("/api/v2/filters", index, methods=["GET"]),
    Route("/api/v2/filters", create, methods=["POST"]),
    Route("/api/v2/filters/{id:int}", show, methods=["GET"]),
    Route("/api/v2/filters/{id:int}", update, methods=["PUT"]),
    Route("/api/v2/filters/{id:int}", delete, methods=["DELETE"]),
    Route("/api/v2/filters/{id:int}/keywords", add_keyword, methods=["POST"]),
    Route("/api/v2/filters/{id:int}/statuses", add_status, methods=["POST"]),
]
