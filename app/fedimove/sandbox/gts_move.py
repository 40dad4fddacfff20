"""GoToSocial's alias, move and import API [fediverse-apis.md §3, §6.3;
GTS: internal/api/client/accounts/accountalias.go, accountmove.go,
internal/processing/account/alias.go, move.go, internal/api/client/import/import.go].

Errors come back as GoToSocial writes them: `{"error": "<status text>: <message>"}`.
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

from starlette.responses import Response
from starlette.routing import Route

from fedimove.sandbox import render
from fedimove.sandbox.api.base import ApiError, Ctx, api, json_response
from fedimove.sandbox.federation import fetch_actor, node_of
from fedimove.sandbox.federation_imports import ImportError_, parse_upload, schedule_import
from fedimove.sandbox.federation_move import GTS_ATTEMPT_GUARD, broadcast_update, start_move
from fedimove.sandbox.state import Account

#: A Move is refused within 168 h of a successful one involving either account.
SUCCESS_COOLDOWN = timedelta(hours=168)
NOT_ALIASED = (
    "target account {target} is not aliased to this account via alsoKnownAs; to Move "
    "to the target account from this one, you must log in to the target account and "
    "set alsoKnownAs to {origin}; if you only just changed it, please wait five minutes "
    "and try this action again"
)
TARGET_MOVED = (
    "target account {target} has already Moved somewhere else ({moved}); you will not "
    "be able to Move to that account"
)
TARGET_SUSPENDED = (
    "target account {target} is suspended from this instance; you will not be able "
    "to Move to that account; if you believe this is an error, please contact your "
    "instance admin"
)
# The worker's rate-limit wording [GTS: internal/processing/workers/fromfediapi_move.go].
RECENT_ATTEMPT = (
    "origin {origin} or target {target} have been involved in a Move attempt within "
    "the last 5 minutes, will not process Move"
)
RECENT_SUCCESS = (
    "origin {origin} or target {target} have been involved in a successful Move "
    "within the last 7 days, will not process Move"
)


def bad_request(message: str) -> ApiError:
    return ApiError(400, f"Bad Request: {message}")


def unprocessable(message: str) -> ApiError:
    return ApiError(422, f"Unprocessable Entity: {message}")


def _http_uri(raw: str, what: str) -> str:
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise bad_request(
            f"invalid {what} ({raw}) provided in account alias request: uri must "
            "not be empty and scheme must be http or https"
        )
    return raw


@api("write", "write:accounts")
async def alias(ctx: Ctx) -> Response:
    """Replaces the aliases with the given URIs (de-duplicated, self skipped; an empty list
    clears them); each must dereference. Note: the code replaces, not appends
    [GTS: internal/processing/account/alias.go]."""
    me, instance, params = ctx.me, ctx.instance, ctx.params
    if "also_known_as_uris" not in params and "also_known_as_uris[]" not in params:
        raise bad_request("also_known_as_uris is required (send it empty to clear the aliases)")
    wanted: list[str] = []
    for raw in (v.strip() for v in params.texts("also_known_as_uris") if v.strip()):
        uri = _http_uri(raw, "also_known_as_uri")
        if uri in wanted or uri == instance.actor_uri(me):
            continue
        fetched = await fetch_actor(instance, uri)
        if fetched is None:
            raise unprocessable(f"error dereferencing also_known_as_uri ({raw}) account")
        if fetched.document.get("suspended"):
            raise unprocessable(
                f"target account {uri} is suspended from this instance; you will "
                "not be able to set alsoKnownAs to that account"
            )
        wanted.append(uri)
    me.also_known_as = wanted
    node_of(instance).layer.jobs.spawn(broadcast_update(instance, me))
    return json_response(render.credential_account(instance, me))


@api("write", "write:accounts", functional=False)
async def move(ctx: Ctx) -> Response:
    """Checks in GoToSocial's order, then 202 {"message": "accepted"}
    [GTS: internal/processing/account/move.go]. A moved account may retry the same target
    (a re-send), subject to the 5-minute and 7-day guards."""
    me, instance, params = ctx.me, ctx.instance, ctx.params
    target_uri = (params.text("moved_to_uri") or "").strip()
    if not target_uri:
        raise bad_request("no moved_to_uri provided in account Move request")
    if urlsplit(target_uri).scheme not in ("http", "https"):
        raise bad_request(
            "invalid moved_to_uri provided in account Move request: uri scheme "
            "must be http or https"
        )
    password = params.text("password") or ""
    if not password:
        raise bad_request("no password provided in account Move request")
    if me.password is None or password != me.password:
        raise bad_request("invalid password provided in account Move request")
    origin = instance.actor_uri(me)
    if me.moved_to and me.moved_to != target_uri:
        raise unprocessable(
            f"account {origin} is already Moved to {me.moved_to}, cannot also Move to {target_uri}"
        )
    await _check_target(ctx, me, target_uri)
    _check_guards(ctx, me, target_uri)
    node_of(instance).move_attempts[me.id] = instance.clock.now()
    start_move(instance, me, target_uri)
    return json_response({"message": "accepted"}, status=202)


async def _check_target(ctx: Ctx, me: Account, target_uri: str) -> None:
    instance = ctx.instance
    origin = instance.actor_uri(me)
    target = instance.account_by_uri(target_uri)
    if target is not None and instance.state.is_local(target):
        aliases, moved, suspended = target.also_known_as, target.moved_to, target.suspended
    else:
        # GetAccountByURI: a recently fetched copy is used as it is (hence "wait five minutes").
        fetched = await fetch_actor(instance, target_uri)
        if fetched is None:
            raise unprocessable("error dereferencing moved_to_uri account")
        aliases, moved = fetched.also_known_as, fetched.moved_to
        suspended = bool(fetched.document.get("suspended"))
    if suspended:
        raise unprocessable(TARGET_SUSPENDED.format(target=target_uri))
    if origin not in aliases:
        raise unprocessable(NOT_ALIASED.format(target=target_uri, origin=origin))
    if moved:
        raise unprocessable(TARGET_MOVED.format(target=target_uri, moved=moved))


def _check_guards(ctx: Ctx, me: Account, target_uri: str) -> None:
    instance = ctx.instance
    node, now = node_of(instance), instance.clock.now()
    names = {"origin": instance.actor_uri(me), "target": target_uri}
    attempted = node.move_attempts.get(me.id)
    if attempted is not None and now - attempted < GTS_ATTEMPT_GUARD:
        raise unprocessable(RECENT_ATTEMPT.format(**names))
    succeeded = [when for when, _ in node.migrations.get(me.id, [])]
    if succeeded and now - max(succeeded) < SUCCESS_COOLDOWN:
        raise unprocessable(RECENT_SUCCESS.format(**names))


@api("write")
async def import_csv(ctx: Ctx) -> Response:
    """`POST /api/v1/import`: following, blocks or mutes in Mastodon's CSV formats; scope is
    the top-level `write` only [fediverse-apis.md §3; DESIGN §0.10]."""
    kind = ctx.params.text("type") or ""
    mode = ctx.params.text("mode") or "merge"
    upload = ctx.params.file("data")
    if upload is None:
        raise bad_request("no data provided in import request")
    if kind not in ("following", "blocks", "mutes"):
        raise bad_request(f"import type {kind} not recognised")
    if mode not in ("merge", "overwrite"):
        raise bad_request(f"import mode {mode} not recognised")
    try:
        data = await upload.read()
    finally:
        await upload.close()  # the form's spooled file is not closed for us
    try:
        job = parse_upload(ctx.instance, ctx.me, kind, mode, data)
    except ImportError_ as error:
        raise bad_request(str(error)) from None
    schedule_import(ctx.instance, job)
    return json_response({}, status=202)


ROUTES = [
    Route("/api/v1/accounts/alias", alias, methods=["POST"]),
    Route("/api/v1/accounts/move", move, methods=["POST"]),
    Route("/api/v1/import", import_csv, methods=["POST"]),
]
