"""Accounts: who am I, profile updates, lookups, and the follower/following collections
[MD: methods/accounts.md; fediverse-apis.md §2]."""

from __future__ import annotations

from starlette.responses import Response
from starlette.routing import Route

from fedimove.sandbox import render, render_json
from fedimove.sandbox.api.base import (
    ApiError,
    Ctx,
    api,
    json_response,
    link_header,
    not_found,
    page_request,
    paged_response,
)
from fedimove.sandbox.state import Account, Media

#: Profile field caps: Mastodon 4 [MD: methods/accounts.md]; GoToSocial 6 [fediverse-apis.md §4].
MAX_FIELDS_MASTODON = 4
MAX_FIELDS_GOTOSOCIAL = 6
FIELD_LIMIT = 255
MAX_IMAGE_BYTES = 8 * 1024 * 1024


@api("read", "read:accounts", "profile")
async def verify_credentials(ctx: Ctx) -> Response:
    return json_response(render.credential_account(ctx.instance, ctx.me))


async def _store_image(ctx: Ctx, name: str) -> Media | None:
    upload = ctx.params.file(name)
    if upload is None:
        return None
    data = await upload.read()
    content_type = upload.content_type or ""
    if not content_type.startswith("image/") or len(data) > MAX_IMAGE_BYTES:
        raise ApiError(
            422, f"Validation failed: {name.capitalize()} file has an invalid type or size"
        )
    media = Media(ctx.state.ids.next(), content_type, data)
    ctx.state.media[media.id] = media
    return media


def _fields(ctx: Ctx) -> list[tuple[str, str]] | None:
    indexes = sorted(
        {
            n.split("]")[0][len("fields_attributes[") :]
            for n in ctx.params.names()
            if n.startswith("fields_attributes[")
        },
        key=lambda i: (len(i), i),
    )
    if not indexes:
        return None
    fields = []
    for index in indexes:
        name = ctx.params.text(f"fields_attributes[{index}][name]", "") or ""
        value = ctx.params.text(f"fields_attributes[{index}][value]", "") or ""
        if name or value:
            fields.append((name, value))
    cap = MAX_FIELDS_GOTOSOCIAL if ctx.instance.flavour.is_gotosocial else MAX_FIELDS_MASTODON
    if len(fields) > cap or any(len(n) > FIELD_LIMIT or len(v) > FIELD_LIMIT for n, v in fields):
        raise ApiError(422, "Validation failed: Fields too many or too long")
    return fields


@api("write", "write:accounts")
async def update_credentials(ctx: Ctx) -> Response:
    me, params = ctx.me, ctx.params
    fields = _fields(ctx)
    avatar = await _store_image(ctx, "avatar")
    header = await _store_image(ctx, "header")
    me.display_name = params.text("display_name", me.display_name) or ""
    me.note = params.text("note", me.note) or ""
    for flag in ("locked", "bot", "discoverable", "indexable", "hide_collections"):
        setattr(me, flag, params.flag(flag, getattr(me, flag)))
    me.privacy = params.text("source[privacy]", me.privacy) or me.privacy
    me.sensitive = bool(params.flag("source[sensitive]", me.sensitive))
    me.language = params.text("source[language]", me.language)
    if fields is not None:
        me.fields = fields
    if avatar is not None:
        me.avatar = avatar
    if header is not None:
        me.header = header
    return json_response(render.credential_account(ctx.instance, me))


@api("read", "read:accounts", auth="optional")
async def show(ctx: Ctx) -> Response:
    return json_response(render.account(ctx.instance, ctx.account_at()))


@api("read", "read:accounts", auth="optional")
async def lookup(ctx: Ctx) -> Response:
    """Only accounts this server already knows: `skip_webfinger: true` [M: lookup_controller.rb]."""
    found = find_by_acct(ctx, ctx.params.text("acct", "") or "")
    if found is None:
        raise not_found()
    return json_response(render.account(ctx.instance, found))


def find_by_acct(ctx: Ctx, acct: str) -> Account | None:
    username, _, domain = acct.strip().lstrip("@").partition("@")
    instance = ctx.instance
    if not domain or domain.lower() == instance.domain.lower():
        home: str | None = instance.name
    else:
        home = instance.directory.name_for_host(domain.lower()) or domain.lower()
    return ctx.state.find(username, home) if home else None


def _collection(ctx: Ctx, following: bool) -> Response:
    target = ctx.account_at()
    page = page_request(ctx, 40)
    viewer = ctx.account
    hidden = target.hide_collections and (viewer is None or viewer.id != target.id)
    blocked = viewer is not None and ctx.state.blocks.get(target.id, viewer.id) is not None
    if hidden or blocked or target.suspended:
        # Hidden collections are empty to others, complete for the owner; so are those of
        # suspended accounts and of accounts that block the viewer [fediverse-apis.md §2;
        # M: app/controllers/api/v1/accounts/follower_accounts_controller.rb `hide_results?`].
        return json_response([])
    index = (
        ctx.state.follows.owned(target.id) if following else ctx.state.follows.targeting(target.id)
    )
    rows = index.page(
        limit=page.limit, max_id=page.max_id, since_id=page.since_id, min_id=page.min_id
    )
    accounts = ctx.state.accounts
    encoded = ",".join(
        render_json.account_fragment(ctx.instance, accounts[row.target if following else row.owner])
        for _, row in rows
    )
    link = link_header(ctx, page, [row_id for row_id, _ in rows])
    return Response(
        f"[{encoded}]", media_type="application/json", headers={"Link": link} if link else None
    )


@api("read", "read:accounts", auth="optional")
async def followers(ctx: Ctx) -> Response:
    return _collection(ctx, following=False)


@api("read", "read:accounts", auth="optional")
async def following(ctx: Ctx) -> Response:
    return _collection(ctx, following=True)


@api("read", "read:statuses", auth="optional")
async def statuses_of(ctx: Ctx) -> Response:
    author = ctx.account_at()
    page = page_request(ctx, 20, with_min_id=True)
    rows = ctx.state.statuses_of.get(author.id)
    picked = (
        rows.page(limit=page.limit, max_id=page.max_id, since_id=page.since_id, min_id=page.min_id)
        if rows
        else []
    )
    visible = [
        (i, s)
        for i, s in picked
        if s.visibility in ("public", "unlisted")
        or (ctx.account is not None and ctx.account.id == author.id)
    ]
    items = [render.status(ctx.instance, s, ctx.account) for _, s in visible]
    return paged_response(ctx, page, [i for i, _ in picked], items)


ROUTES = [
    Route("/api/v1/accounts/verify_credentials", verify_credentials, methods=["GET"]),
    Route("/api/v1/accounts/update_credentials", update_credentials, methods=["PATCH"]),
    Route("/api/v1/accounts/lookup", lookup, methods=["GET"]),
    Route("/api/v1/accounts/{id:int}", show, methods=["GET"]),
    Route("/api/v1/accounts/{id:int}/followers", followers, methods=["GET"]),
    Route("/api/v1/accounts/{id:int}/following", following, methods=["GET"]),
    Route("/api/v1/accounts/{id:int}/statuses", statuses_of, methods=["GET"]),
]
