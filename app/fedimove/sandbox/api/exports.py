"""GoToSocial's CSV exports, `GET /api/v1/exports/*` [fediverse-apis.md §3;
GTS: docs/api/swagger.yaml]. The CSV layout is Mastodon's (GoToSocial writes
Mastodon-compatible files) [fediverse-apis.md §3]."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from starlette.responses import Response
from starlette.routing import Route

from fedimove.sandbox.api import relations
from fedimove.sandbox.api.base import Ctx, api, json_response


def _csv(rows: Iterable[list[str]], filename: str) -> Response:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows(rows)
    return Response(
        buffer.getvalue(),
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _acct(ctx: Ctx, account_id: int) -> str:
    account = ctx.state.accounts[account_id]
    return f"{account.username}@{ctx.instance.domain_of(account.home)}"


@api("read", "read:follows")
async def following(ctx: Ctx) -> Response:
    rows = [["Account address", "Show boosts", "Notify on new posts", "Languages"]]
    for f in ctx.state.follows.owned(ctx.me.id).oldest_first():
        rows.append(
            [
                _acct(ctx, f.target),
                str(f.show_reblogs).lower(),
                str(f.notify).lower(),
                ", ".join(f.languages or []),
            ]
        )
    return _csv(rows, "following.csv")


@api("read", "read:accounts")
async def followers(ctx: Ctx) -> Response:
    rows = [["Account address"]]
    rows += [[_acct(ctx, f.owner)] for f in ctx.state.follows.targeting(ctx.me.id).oldest_first()]
    return _csv(rows, "followers.csv")


@api("read", "read:lists")
async def lists(ctx: Ctx) -> Response:
    rows = []
    for lst in ctx.state.lists_of.get(ctx.me.id, {}).values():
        rows += [
            [lst.title, _acct(ctx, m.target)] for m in lst.members.owned(lst.id).oldest_first()
        ]
    return _csv(rows, "lists.csv")


@api("read", "read:blocks")
async def blocks(ctx: Ctx) -> Response:
    rows = [[_acct(ctx, b.target)] for b in ctx.state.blocks.owned(ctx.me.id).oldest_first()]
    return _csv(rows, "blocks.csv")


@api("read", "read:mutes")
async def mutes(ctx: Ctx) -> Response:
    rows = [["Account address", "Hide notifications"]]
    rows += [
        [_acct(ctx, m.target), str(m.hide_notifications).lower()]
        for m in ctx.state.mutes.owned(ctx.me.id).oldest_first()
    ]
    return _csv(rows, "mutes.csv")


@api("read", "read:accounts")
async def stats(ctx: Ctx) -> Response:
    me, state = ctx.me, ctx.state
    return json_response(
        {
            "media_storage": "0B",
            "followers_count": state.followers_count(me.id),
            "following_count": state.following_count(me.id),
            "statuses_count": state.statuses_count(me.id),
            "lists_count": len(state.lists_of.get(me.id, {})),
            "blocks_count": len(state.blocks.owned(me.id)),
            "mutes_count": len(state.mutes.owned(me.id)),
        }
    )


ROUTES = [
    Route("/api/v1/follow_requests/outgoing", relations.outgoing_requests, methods=["GET"]),
    Route("/api/v1/exports/following.csv", following, methods=["GET"]),
    Route("/api/v1/exports/followers.csv", followers, methods=["GET"]),
    Route("/api/v1/exports/lists.csv", lists, methods=["GET"]),
    Route("/api/v1/exports/blocks.csv", blocks, methods=["GET"]),
    Route("/api/v1/exports/mutes.csv", mutes, methods=["GET"]),
    Route("/api/v1/exports/stats", stats, methods=["GET"]),
]
