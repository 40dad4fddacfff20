"""Follow, block, mute, note, endorse, follow requests, relationships
[MD: methods/accounts.md, methods/follow_requests.md; fediverse-apis.md §4, §5.2]."""

from __future__ import annotations

from datetime import timedelta

from starlette.responses import Response
from starlette.routing import Route

from fedimove.sandbox import limits, render
from fedimove.sandbox.api.base import (
    ApiError,
    Ctx,
    api,
    json_response,
    page_request,
    paged_response,
)
from fedimove.sandbox.state import Account, Block, Follow, Mark, Mute

NOT_ALLOWED = "This action is not allowed"
#: Longest timed mute/filter the practice servers accept (a century); beyond, dates overflow.
MAX_DURATION = 100 * 365 * 24 * 3600
FOLLOW_SCOPES = ("write", "write:follows", "follow")


@api("read", "read:follows", "follow")
async def relationships(ctx: Ctx) -> Response:
    me, accounts = ctx.me, ctx.state.accounts
    ids = [int(i) for i in ctx.params.texts("id") if i.isdigit()]
    expire_mutes(ctx, me)
    found = [accounts[i] for i in dict.fromkeys(ids) if i in accounts]
    return json_response([render.relationship(ctx.instance, me, other) for other in found])


def expire_mutes(ctx: Ctx, me: Account) -> None:
    """Timed mutes end on their own (Mastodon's scheduler removes them)
    [MD: methods/accounts.md]."""
    now = ctx.instance.clock.now()
    expired = [
        m
        for m in ctx.state.mutes.owned(me.id).oldest_first()
        if m.expires_at is not None and m.expires_at <= now
    ]
    for mute in expired:
        ctx.state.mutes.remove(mute.owner, mute.target)


def _relationship(ctx: Ctx, other: Account, headers: dict[str, str] | None = None) -> Response:
    return json_response(render.relationship(ctx.instance, ctx.me, other), headers=headers)


def _check_may_follow(ctx: Ctx, me: Account, target: Account) -> None:
    """FollowService refuses these with NotPermittedError → 403
    [M: app/services/follow_service.rb]."""
    state = ctx.state
    blocked_domains = state.domain_block_names.get(me.id, {})
    if (
        target.id == me.id
        or target.moved_to is not None
        or target.suspended
        or state.blocks.get(target.id, me.id) is not None
        or state.blocks.get(me.id, target.id) is not None
        or ctx.instance.domain_of(target.home) in blocked_domains
    ):
        raise ApiError(403, NOT_ALLOWED)


def _count_follow(ctx: Ctx, me: Account) -> dict[str, str]:
    """400 follows per UTC day and the 7,500 cap, local accounts on Mastodon only
    [fediverse-apis.md §5.2; M: app/lib/rate_limiter.rb,
    app/validators/follow_limit_validator.rb]."""
    if not ctx.instance.flavour.follow_limits:
        return {}
    state = ctx.state
    cap = limits.follow_cap(state.followers_count(me.id), state.following_count(me.id))
    if state.following_count(me.id) + len(state.follow_requests.owned(me.id)) >= cap:
        raise ApiError(422, f"Validation failed: You cannot follow more than {cap} people")
    usage = ctx.instance.limiter.peek(limits.FOLLOWS_PER_DAY, str(me.id))
    if usage.exceeded:
        raise ApiError(429, "Too many requests", usage.headers())
    return ctx.instance.limiter.hit(limits.FOLLOWS_PER_DAY, str(me.id)).headers()


def _throttle_relation(ctx: Ctx, target: Account) -> None:
    """Akkoma's limiters on follow/unfollow answer 429 `{"error": "Throttled"}` without
    rate-limit headers [fediverse-apis.md §5.4; AK: lib/pleroma/web/plugs/rate_limiter.ex]."""
    for throttle, per_target in ctx.instance.flavour.relation_throttles:
        subject = f"{ctx.me.id}:{target.id}" if per_target else str(ctx.me.id)
        if ctx.instance.limiter.hit(throttle, subject).exceeded:
            raise ApiError(429, "Throttled")


@api(*FOLLOW_SCOPES)
async def follow(ctx: Ctx) -> Response:
    me, target, params, state = ctx.me, ctx.account_at(), ctx.params, ctx.state
    _throttle_relation(ctx, target)
    _check_may_follow(ctx, me, target)
    existing = state.follows.get(me.id, target.id) or state.follow_requests.get(me.id, target.id)
    languages = params.texts("languages") or None
    if ctx.instance.flavour.is_gotosocial:
        languages = None  # GoToSocial's follow has no `languages` [fediverse-apis.md §4]
    if existing is not None:
        # Re-posting a follow updates its options [MD: methods/accounts.md].
        existing.show_reblogs = bool(params.flag("reblogs", existing.show_reblogs))
        existing.notify = bool(params.flag("notify", existing.notify))
        if "languages[]" in params or "languages" in params:
            existing.languages = languages
        return _relationship(ctx, target)
    headers = _count_follow(ctx, me)
    row = Follow(
        state.ids.next(),
        me.id,
        target.id,
        bool(params.flag("reblogs", True)),
        bool(params.flag("notify", False)),
        languages,
    )
    if state.is_local(target):
        (state.follow_requests if target.locked else state.follows).add(row)
    else:
        state.follow_requests.add(row)
        if await ctx.instance.federation.follow(ctx.instance, row):
            state.follow_requests.remove(me.id, target.id)
            state.follows.add(row)
    return _relationship(ctx, target, headers or None)


@api(*FOLLOW_SCOPES)
async def unfollow(ctx: Ctx) -> Response:
    me, target, state = ctx.me, ctx.account_at(), ctx.state
    _throttle_relation(ctx, target)
    removed = state.follows.remove(me.id, target.id) or state.follow_requests.remove(
        me.id, target.id
    )
    if removed is not None and not state.is_local(target):
        await ctx.instance.federation.unfollow(ctx.instance, me, target)
    return _relationship(ctx, target)


@api(*FOLLOW_SCOPES)
async def remove_from_followers(ctx: Ctx) -> Response:
    target = ctx.account_at()
    _throttle_relation(ctx, target)
    ctx.state.follows.remove(target.id, ctx.me.id)
    return _relationship(ctx, target)


@api("write", "write:blocks", "follow")
async def block(ctx: Ctx) -> Response:
    me, target, state = ctx.me, ctx.account_at(), ctx.state
    if target.id == me.id:
        raise ApiError(403, NOT_ALLOWED)
    for owner, other in ((me.id, target.id), (target.id, me.id)):
        state.follows.remove(owner, other)
        state.follow_requests.remove(owner, other)
    if state.blocks.get(me.id, target.id) is None:
        state.blocks.add(Block(state.ids.next(), me.id, target.id))
    return _relationship(ctx, target)


@api("write", "write:blocks", "follow")
async def unblock(ctx: Ctx) -> Response:
    target = ctx.account_at()
    ctx.state.blocks.remove(ctx.me.id, target.id)
    return _relationship(ctx, target)


@api("write", "write:mutes", "follow")
async def mute(ctx: Ctx) -> Response:
    me, target, state, params = ctx.me, ctx.account_at(), ctx.state, ctx.params
    if target.id == me.id:
        raise ApiError(403, NOT_ALLOWED)
    duration = params.integer("duration") or 0  # seconds; 0 = forever
    if not 0 <= duration <= MAX_DURATION:
        raise ApiError(422, "Validation failed: Duration is out of range")
    expires = ctx.instance.clock.now() + timedelta(seconds=duration) if duration > 0 else None
    old = state.mutes.get(me.id, target.id)
    row = Mute(
        old.id if old else state.ids.next(),
        me.id,
        target.id,
        bool(params.flag("notifications", True)),
        expires,
    )
    state.mutes.add(row)
    return _relationship(ctx, target)


@api("write", "write:mutes", "follow")
async def unmute(ctx: Ctx) -> Response:
    target = ctx.account_at()
    ctx.state.mutes.remove(ctx.me.id, target.id)
    return _relationship(ctx, target)


@api("write", "write:accounts")
async def note(ctx: Ctx) -> Response:
    target = ctx.account_at()
    comment = ctx.params.text("comment", "") or ""
    key = (ctx.me.id, target.id)
    if comment:
        ctx.state.notes[key] = comment
    else:
        ctx.state.notes.pop(key, None)
    return _relationship(ctx, target)


@api("write", "write:accounts")
async def endorse(ctx: Ctx) -> Response:
    me, target, state = ctx.me, ctx.account_at(), ctx.state
    if state.follows.get(me.id, target.id) is None:
        # AccountPin validates the follow [M: app/models/account_pin.rb].
        raise ApiError(
            422, "Validation failed: You must be already following the person you want to endorse"
        )
    if state.endorsements.get(me.id, target.id) is None:
        state.endorsements.add(Mark(state.ids.next(), me.id, target.id))
    return _relationship(ctx, target)


@api("write", "write:accounts")
async def unendorse(ctx: Ctx) -> Response:
    target = ctx.account_at()
    ctx.state.endorsements.remove(ctx.me.id, target.id)
    return _relationship(ctx, target)


@api("read", "read:follows", "follow")
async def follow_requests(ctx: Ctx) -> Response:
    page = page_request(ctx, 40)
    rows = ctx.state.follow_requests.targeting(ctx.me.id).page(
        limit=page.limit, max_id=page.max_id, since_id=page.since_id, min_id=page.min_id
    )
    items = [render.account(ctx.instance, ctx.state.accounts[r.owner]) for _, r in rows]
    return paged_response(ctx, page, [i for i, _ in rows], items)


@api("read", "read:follows")
async def outgoing_requests(ctx: Ctx) -> Response:
    """GoToSocial lists pending outgoing requests [fediverse-apis.md §2 notes]."""
    page = page_request(ctx, 40)
    rows = ctx.state.follow_requests.owned(ctx.me.id).page(
        limit=page.limit, max_id=page.max_id, since_id=page.since_id, min_id=page.min_id
    )
    items = [render.account(ctx.instance, ctx.state.accounts[r.target]) for _, r in rows]
    return paged_response(ctx, page, [i for i, _ in rows], items)


async def _answer(ctx: Ctx, accept: bool) -> Response:
    me, requester, state = ctx.me, ctx.account_at("account_id"), ctx.state
    request = state.follow_requests.remove(requester.id, me.id)
    if request is None:
        raise ApiError(404, "Record not found")
    if accept:
        state.follows.add(request)
    if not state.is_local(requester):
        await ctx.instance.federation.answer_request(ctx.instance, request, accept)
    return _relationship(ctx, requester)


@api(*FOLLOW_SCOPES)
async def authorize_request(ctx: Ctx) -> Response:
    return await _answer(ctx, True)


@api(*FOLLOW_SCOPES)
async def reject_request(ctx: Ctx) -> Response:
    return await _answer(ctx, False)


_A = "/api/v1/accounts/{id:int}"
ROUTES = [
    Route("/api/v1/accounts/relationships", relationships, methods=["GET"]),
    Route(f"{_A}/follow", follow, methods=["POST"]),
    Route(f"{_A}/unfollow", unfollow, methods=["POST"]),
    Route(f"{_A}/remove_from_followers", remove_from_followers, methods=["POST"]),
    Route(f"{_A}/block", block, methods=["POST"]),
    Route(f"{_A}/unblock", unblock, methods=["POST"]),
    Route(f"{_A}/mute", mute, methods=["POST"]),
    Route(f"{_A}/unmute", unmute, methods=["POST"]),
    Route(f"{_A}/note", note, methods=["POST"]),
    Route(f"{_A}/endorse", endorse, methods=["POST"]),
    Route(f"{_A}/unendorse", unendorse, methods=["POST"]),
    Route(f"{_A}/pin", endorse, methods=["POST"]),
    Route(f"{_A}/unpin", unendorse, methods=["POST"]),
    Route("/api/v1/follow_requests", follow_requests, methods=["GET"]),
    Route(
        "/api/v1/follow_requests/{account_id:int}/authorize", authorize_request, methods=["POST"]
    ),
    Route("/api/v1/follow_requests/{account_id:int}/reject", reject_request, methods=["POST"]),
]
