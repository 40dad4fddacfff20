"""The account's own collections: bookmarks, favourites, blocks, mutes, domain blocks,
followed and featured hashtags, endorsements. Page sizes from fediverse-apis.md §2."""

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
from fedimove.sandbox.api.relations import expire_mutes
from fedimove.sandbox.index import PairIndex, Rows
from fedimove.sandbox.state import DomainBlock, FeaturedTag, Mark, TagFollow

MAX_FEATURED_TAGS = 10  # configuration.accounts.max_featured_tags [MD: entities/Instance.md]


def _marked_statuses(ctx: Ctx, index: PairIndex[Mark]) -> Response:
    page = page_request(ctx, 20)
    rows = index.owned(ctx.me.id).page(
        limit=page.limit, max_id=page.max_id, since_id=page.since_id, min_id=page.min_id
    )
    items = [render.status(ctx.instance, ctx.state.statuses[m.target], ctx.me) for _, m in rows]
    return paged_response(ctx, page, [i for i, _ in rows], items)


@api("read", "read:bookmarks")
async def bookmarks(ctx: Ctx) -> Response:
    return _marked_statuses(ctx, ctx.state.bookmarks)


@api("read", "read:favourites")
async def favourites(ctx: Ctx) -> Response:
    return _marked_statuses(ctx, ctx.state.favourites)


@api("read", "read:blocks", "follow")
async def blocks(ctx: Ctx) -> Response:
    page = page_request(ctx, 40)
    rows = ctx.state.blocks.owned(ctx.me.id).page(
        limit=page.limit, max_id=page.max_id, since_id=page.since_id, min_id=page.min_id
    )
    items = [render.account(ctx.instance, ctx.state.accounts[b.target]) for _, b in rows]
    return paged_response(ctx, page, [i for i, _ in rows], items)


@api("read", "read:mutes", "follow")
async def mutes(ctx: Ctx) -> Response:
    expire_mutes(ctx, ctx.me)
    page = page_request(ctx, 40)
    rows = ctx.state.mutes.owned(ctx.me.id).page(
        limit=page.limit, max_id=page.max_id, since_id=page.since_id, min_id=page.min_id
    )
    items = [render.muted_account(ctx.instance, m) for _, m in rows]
    return paged_response(ctx, page, [i for i, _ in rows], items)


@api("read", "read:blocks", "follow")
async def domain_blocks(ctx: Ctx) -> Response:
    page = page_request(ctx, 100)
    rows = ctx.state.domain_blocks.get(ctx.me.id)
    picked = (
        rows.page(limit=page.limit, max_id=page.max_id, since_id=page.since_id, min_id=page.min_id)
        if rows
        else []
    )
    return paged_response(ctx, page, [i for i, _ in picked], [d.domain for _, d in picked])


def _domain_param(ctx: Ctx) -> str:
    domain = (ctx.params.text("domain", "") or "").strip().lower()
    if not domain or "/" in domain or " " in domain:
        raise ApiError(422, "Validation failed: Domain can't be blank")
    return domain


@api("write", "write:blocks", "follow")
async def block_domain(ctx: Ctx) -> Response:
    me, state, domain = ctx.me, ctx.state, _domain_param(ctx)
    names = state.domain_block_names.setdefault(me.id, {})
    if domain not in names:
        row = DomainBlock(state.ids.next(), me.id, domain)
        state.domain_blocks.setdefault(me.id, Rows()).add(row.id, row)
        names[domain] = row.id
    return json_response({})


@api("write", "write:blocks", "follow")
async def unblock_domain(ctx: Ctx) -> Response:
    me, state, domain = ctx.me, ctx.state, _domain_param(ctx)
    row_id = state.domain_block_names.get(me.id, {}).pop(domain, None)
    if row_id is not None:
        state.domain_blocks[me.id].remove(row_id)
    return json_response({})


@api("read", "read:follows", "follow")
async def followed_tags(ctx: Ctx) -> Response:
    page = page_request(ctx, 100)
    rows = ctx.state.followed_tags.get(ctx.me.id)
    picked = (
        rows.page(limit=page.limit, max_id=page.max_id, since_id=page.since_id, min_id=page.min_id)
        if rows
        else []
    )
    items = [render.tag(ctx.instance, t.tag, following=True) for _, t in picked]
    return paged_response(ctx, page, [i for i, _ in picked], items)


def _tag_name(ctx: Ctx) -> str:
    name = str(ctx.request.path_params["name"]).lstrip("#")
    if not name or not all(c.isalnum() or c == "_" for c in name):
        raise not_found()
    return name


@api("read", "read:follows", auth="optional")
async def show_tag(ctx: Ctx) -> Response:
    name = _tag_name(ctx)
    following = None
    if ctx.account is not None:
        following = name.lower() in ctx.state.followed_tag_names.get(ctx.account.id, {})
    return json_response(render.tag(ctx.instance, name, following))


@api("write", "write:follows", "follow")
async def follow_tag(ctx: Ctx) -> Response:
    me, state, name = ctx.me, ctx.state, _tag_name(ctx)
    names = state.followed_tag_names.setdefault(me.id, {})
    if name.lower() not in names:
        row = TagFollow(state.ids.next(), me.id, name)
        state.followed_tags.setdefault(me.id, Rows()).add(row.id, row)
        names[name.lower()] = row.id
    return json_response(render.tag(ctx.instance, name, following=True))


@api("write", "write:follows", "follow")
async def unfollow_tag(ctx: Ctx) -> Response:
    me, state, name = ctx.me, ctx.state, _tag_name(ctx)
    row_id = state.followed_tag_names.get(me.id, {}).pop(name.lower(), None)
    if row_id is not None:
        state.followed_tags[me.id].remove(row_id)
    return json_response(render.tag(ctx.instance, name, following=False))


def featured_tag_json(ctx: Ctx, tag: FeaturedTag) -> dict[str, object]:
    owner = ctx.state.accounts[tag.owner]
    return {
        "id": str(tag.id),
        "name": tag.name,
        "url": f"{ctx.instance.profile_url(owner)}/tagged/{tag.name.lower()}",
        "statuses_count": "0",
        "last_status_at": None,
    }


@api("read", "read:accounts")
async def featured_tags(ctx: Ctx) -> Response:
    tags = ctx.state.featured_tags.get(ctx.me.id, {})
    return json_response([featured_tag_json(ctx, t) for t in tags.values()])


@api("read", "read:accounts", auth="optional")
async def featured_tags_of(ctx: Ctx) -> Response:
    tags = ctx.state.featured_tags.get(ctx.account_at().id, {})
    return json_response([featured_tag_json(ctx, t) for t in tags.values()])


@api("write", "write:accounts")
async def feature_tag(ctx: Ctx) -> Response:
    me, state = ctx.me, ctx.state
    name = (ctx.params.text("name", "") or "").lstrip("#")
    tags = state.featured_tags.setdefault(me.id, {})
    if not name or any(t.name.lower() == name.lower() for t in tags.values()):
        raise ApiError(422, "Validation failed: Tag has already been taken")
    if len(tags) >= MAX_FEATURED_TAGS:
        raise ApiError(
            422, f"Validation failed: You can only feature up to {MAX_FEATURED_TAGS} hashtags"
        )
    tag = FeaturedTag(state.ids.next(), me.id, name, ctx.instance.clock.now())
    tags[tag.id] = tag
    return json_response(featured_tag_json(ctx, tag))


@api("write", "write:accounts")
async def unfeature_tag(ctx: Ctx) -> Response:
    if ctx.state.featured_tags.get(ctx.me.id, {}).pop(ctx.path_int("id"), None) is None:
        raise not_found()
    return json_response({})


@api("read", "read:accounts")
async def endorsements(ctx: Ctx) -> Response:
    page = page_request(ctx, 40)
    rows = ctx.state.endorsements.owned(ctx.me.id).page(
        limit=page.limit, max_id=page.max_id, since_id=page.since_id, min_id=page.min_id
    )
    items = [render.account(ctx.instance, ctx.state.accounts[e.target]) for _, e in rows]
    return paged_response(ctx, page, [i for i, _ in rows], items)


ROUTES = [
    Route("/api/v1/bookmarks", bookmarks, methods=["GET"]),
    Route("/api/v1/favourites", favourites, methods=["GET"]),
    Route("/api/v1/blocks", blocks, methods=["GET"]),
    Route("/api/v1/mutes", mutes, methods=["GET"]),
    Route("/api/v1/domain_blocks", domain_blocks, methods=["GET"]),
    Route("/api/v1/domain_blocks", block_domain, methods=["POST"]),
    Route("/api/v1/domain_blocks", unblock_domain, methods=["DELETE"]),
    Route("/api/v1/followed_tags", followed_tags, methods=["GET"]),
    Route("/api/v1/tags/{name}", show_tag, methods=["GET"]),
    Route("/api/v1/tags/{name}/follow", follow_tag, methods=["POST"]),
    Route("/api/v1/tags/{name}/unfollow", unfollow_tag, methods=["POST"]),
    Route("/api/v1/featured_tags", featured_tags, methods=["GET"]),
    Route("/api/v1/featured_tags", feature_tag, methods=["POST"]),
    Route("/api/v1/featured_tags/{id:int}", unfeature_tag, methods=["DELETE"]),
    Route("/api/v1/accounts/{id:int}/featured_tags", featured_tags_of, methods=["GET"]),
    Route("/api/v1/endorsements", endorsements, methods=["GET"]),
]
