"""Statuses: create, show, bookmark, favourite [MD: methods/statuses.md, methods/bookmarks.md]."""

from __future__ import annotations

from starlette.responses import Response
from starlette.routing import Route

from fedimove.sandbox import render
from fedimove.sandbox.api.base import ApiError, Ctx, api, json_response, not_found
from fedimove.sandbox.index import PairIndex
from fedimove.sandbox.state import Mark, Status

VISIBILITIES = ("public", "unlisted", "private", "direct")
MAX_CHARACTERS = 500


@api("write", "write:statuses")
async def create(ctx: Ctx) -> Response:
    params = ctx.params
    text = params.text("status", "") or ""
    if not text.strip():
        raise ApiError(422, "Validation failed: Text can't be blank")
    if len(text) > MAX_CHARACTERS:
        raise ApiError(422, f"Validation failed: Text character limit of {MAX_CHARACTERS} exceeded")
    visibility = params.text("visibility", ctx.me.privacy) or "public"
    if visibility not in VISIBILITIES:
        raise ApiError(422, "Validation failed: Visibility is not included in the list")
    status = Status(
        ctx.state.ids.next(),
        ctx.me.id,
        ctx.instance.clock.now(),
        text,
        visibility,
        params.text("language", "en"),
        params.text("spoiler_text", "") or "",
        bool(params.flag("sensitive", False)),
    )
    ctx.state.add_status(status, ctx.instance.name)
    return json_response(render.status(ctx.instance, status, ctx.me))


def _visible_status(ctx: Ctx) -> Status:
    status = ctx.state.statuses.get(ctx.path_int("id"))
    if status is None:
        raise not_found()
    is_author = ctx.account is not None and ctx.account.id == status.owner
    if status.visibility in ("private", "direct") and not is_author:
        follower = ctx.account is not None and ctx.state.follows.get(ctx.account.id, status.owner)
        if status.visibility == "direct" or not follower:
            raise not_found()
    return status


@api("read", "read:statuses", auth="optional")
async def show(ctx: Ctx) -> Response:
    return json_response(render.status(ctx.instance, _visible_status(ctx), ctx.account))


async def _mark(ctx: Ctx, index: PairIndex[Mark], on: bool) -> Response:
    status = _visible_status(ctx)
    if on and index.get(ctx.me.id, status.id) is None:
        index.add(Mark(ctx.state.ids.next(), ctx.me.id, status.id))
    elif not on:
        index.remove(ctx.me.id, status.id)
    return json_response(render.status(ctx.instance, status, ctx.me))


@api("write", "write:bookmarks")
async def bookmark(ctx: Ctx) -> Response:
    return await _mark(ctx, ctx.state.bookmarks, True)


@api("write", "write:bookmarks")
async def unbookmark(ctx: Ctx) -> Response:
    return await _mark(ctx, ctx.state.bookmarks, False)


@api("write", "write:favourites")
async def favourite(ctx: Ctx) -> Response:
    return await _mark(ctx, ctx.state.favourites, True)


@api("write", "write:favourites")
async def unfavourite(ctx: Ctx) -> Response:
    return await _mark(ctx, ctx.state.favourites, False)


_S = "/api/v1/statuses/{id:int}"
ROUTES = [
    Route("/api/v1/statuses", create, methods=["POST"]),
    Route(_S, show, methods=["GET"]),
    Route(f"{_S}/bookmark", bookmark, methods=["POST"]),
    Route(f"{_S}/unbookmark", unbookmark, methods=["POST"]),
    Route(f"{_S}/favourite", favourite, methods=["POST"]),
    Route(f"{_S}/unfavourite", unfavourite, methods=["POST"]),
]
