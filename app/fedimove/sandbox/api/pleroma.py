"""Akkoma's Pleroma API for moving: aliases, `move_account` and the bulk imports
[fediverse-apis.md §3, §6.4; AK: lib/pleroma/web/router.ex, lib/pleroma/web/twitter_api/
controllers/util_controller.ex, lib/pleroma/web/pleroma_api/controllers/
user_import_controller.ex].

Akkoma names accounts by nickname: `user` for its own, `user@host` for the others. Its util
endpoints answer some failures with HTTP 200 and `{"error": ...}` (§6.4, §12).
"""

from __future__ import annotations

from datetime import timedelta

from starlette.responses import Response
from starlette.routing import Route

from fedimove.sandbox import resolve
from fedimove.sandbox.akkoma_move import NOT_ALIASED, send_move, target_aliases
from fedimove.sandbox.api.base import ApiError, Ctx, api, json_response
from fedimove.sandbox.federation import node_of
from fedimove.sandbox.federation_imports import ImportError_, parse_upload, schedule_import
from fedimove.sandbox.instance import Instance
from fedimove.sandbox.state import Account

NO_SUCH_ACCOUNT = "Target account does not exist."
NO_SUCH_ALIAS = "Account has no such alias."
TARGET_NOT_FOUND = "Target account not found."
INVALID_PASSWORD = "Invalid password."  # noqa: S105 - an error text
SUCCESS = {"status": "success"}


def nickname(instance: Instance, account: Account) -> str:
    if instance.state.is_local(account):
        return account.username
    return f"{account.username}@{instance.domain_of(account.home)}"


def _split(raw: str) -> tuple[str, str | None]:
    user, _, domain = raw.strip().lstrip("@").partition("@")
    return user, domain or None


def known_by_nickname(instance: Instance, raw: str) -> Account | None:
    """`User.get_cached_by_nickname`: only accounts this server already knows, no fetch."""
    user, domain = _split(raw)
    if domain is None or domain.lower() == instance.domain.lower():
        return instance.state.find(user, instance.name)
    home = instance.directory.name_for_host(domain.lower())
    return instance.state.find(user, home) if home else None


def _alias_param(ctx: Ctx) -> str:
    value = (ctx.params.text("alias") or "").strip()
    if not value:
        raise ApiError(400, "Missing field: alias.")
    return value


@api("read", "read:accounts")
async def list_aliases(ctx: Ctx) -> Response:
    """`User.alias_users`: the known accounts among `also_known_as`, as nicknames."""
    instance = ctx.instance
    known = (instance.account_by_uri(uri) for uri in ctx.me.also_known_as)
    return json_response({"aliases": [nickname(instance, a) for a in known if a is not None]})


@api("write", "write:accounts")
async def add_alias(ctx: Ctx) -> Response:
    """Appends the account's actor URI (once). No actor `Update` is federated: other servers
    see the alias when they next fetch the actor [AK: lib/pleroma/user.ex `add_alias`]."""
    target = known_by_nickname(ctx.instance, _alias_param(ctx))
    if target is None:
        raise ApiError(404, NO_SUCH_ACCOUNT)
    uri = ctx.instance.actor_uri(target)
    if uri not in ctx.me.also_known_as:
        ctx.me.also_known_as = [*ctx.me.also_known_as, uri]
    return json_response(SUCCESS)


@api("write", "write:accounts")
async def delete_alias(ctx: Ctx) -> Response:
    target = known_by_nickname(ctx.instance, _alias_param(ctx))
    if target is None:
        raise ApiError(404, NO_SUCH_ACCOUNT)
    uri = ctx.instance.actor_uri(target)
    if uri not in ctx.me.also_known_as:
        raise ApiError(404, NO_SUCH_ALIAS)
    ctx.me.also_known_as = [u for u in ctx.me.also_known_as if u != uri]
    return json_response(SUCCESS)


@api("write", "write:accounts")
async def move_account(ctx: Ctx) -> Response:
    """Password first, then the target (fetched if unknown), then `ActivityPub.move`'s alias
    check against the target as this server holds it; success starts the Move at once."""
    instance, me, params = ctx.instance, ctx.me, ctx.params
    password, wanted = params.text("password"), params.text("target_account")
    if not password or not wanted:
        raise ApiError(400, "Missing field: password or target_account.")
    if me.password is None or password != me.password:
        return json_response({"error": INVALID_PASSWORD})
    user, domain = _split(wanted)
    target = await resolve.resolve_acct(instance, user, domain or instance.domain)
    if target is None:
        raise ApiError(404, TARGET_NOT_FOUND)
    max_age = timedelta(seconds=node_of(instance).knobs.actor_cache_seconds)
    aliases = await target_aliases(instance, target, max_age=max_age)
    if instance.actor_uri(me) not in aliases:
        return json_response({"error": NOT_ALIASED})
    send_move(instance, me, target)
    return json_response(SUCCESS)


async def _list_text(ctx: Ctx) -> str:
    """The `list` field: an uploaded file or a plain string."""
    upload = ctx.params.file("list")
    if upload is not None:
        try:
            return (await upload.read()).decode("utf-8-sig", errors="replace")
        finally:
            await upload.close()
    text = ctx.params.text("list")
    if text is None:
        raise ApiError(400, "Missing field: list.")
    return text


def _follow_nicknames(text: str) -> list[str]:
    """The first CSV column of each line, without an `Account address` header."""
    first = (line.split(",", 1)[0].strip() for line in text.splitlines())
    return [n for n in first if n and n != "Account address"]


async def _import(ctx: Ctx, kind: str, nicknames: list[str]) -> Response:
    data = "\n".join(nicknames).encode()
    try:
        job = parse_upload(ctx.instance, ctx.me, kind, "merge", data)
    except ImportError_ as error:
        raise ApiError(400, str(error)) from None
    schedule_import(ctx.instance, job)
    return json_response("job started")


@api("write", "write:follows", "follow")
async def follow_import(ctx: Ctx) -> Response:
    """A descendant scope is covered by its parent (`write` ⊃ `write:follows`); the legacy
    `follow` is accepted too [fediverse-apis.md §1.3]."""
    return await _import(ctx, "following", _follow_nicknames(await _list_text(ctx)))


@api("write", "write:blocks", "follow")
async def blocks_import(ctx: Ctx) -> Response:
    return await _import(ctx, "blocks", (await _list_text(ctx)).split())


@api("write", "write:mutes", "follow")
async def mutes_import(ctx: Ctx) -> Response:
    return await _import(ctx, "mutes", (await _list_text(ctx)).split())


ROUTES = [
    Route("/api/pleroma/aliases", list_aliases, methods=["GET"]),
    Route("/api/pleroma/aliases", add_alias, methods=["PUT"]),
    Route("/api/pleroma/aliases", delete_alias, methods=["DELETE"]),
    Route("/api/pleroma/move_account", move_account, methods=["POST"]),
    Route("/api/pleroma/follow_import", follow_import, methods=["POST"]),
    Route("/api/pleroma/blocks_import", blocks_import, methods=["POST"]),
    Route("/api/pleroma/mutes_import", mutes_import, methods=["POST"]),
]
