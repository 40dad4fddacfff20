"""The federation-facing side: WebFinger, actor and post documents, collections, inboxes,
media files [MD: spec/webfinger.md, spec/activitypub.md; fediverse-apis.md §7.3].

Actor JSON carries `alsoKnownAs` and `movedTo` only when set, as Mastodon's serializer does
[M: app/serializers/activitypub/actor_serializer.rb]."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from fedimove.sandbox import png, render
from fedimove.sandbox.instance import Instance
from fedimove.sandbox.state import Account

AP_TYPE = "application/activity+json; charset=utf-8"
AS_CONTEXT = ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"]


def _instance(request: Request) -> Instance:
    instance: Instance = request.app.state.instance
    return instance


def wants_activitypub(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "activity+json" in accept or "ld+json" in accept


def _ap(data: dict[str, Any], status: int = 200) -> Response:
    return Response(json.dumps(data), status_code=status, media_type=AP_TYPE)


def _local(request: Request) -> Account | None:
    instance = _instance(request)
    return instance.state.find(str(request.path_params["username"]), instance.name)


async def webfinger(request: Request) -> Response:
    instance = _instance(request)
    resource = request.query_params.get("resource", "")
    account = None
    if resource.startswith("acct:"):
        user, _, domain = resource[5:].lstrip("@").partition("@")
        if domain.lower() == instance.domain.lower():
            account = instance.state.find(user, instance.name)
    elif resource.startswith(("http://", "https://")):
        account = instance.account_by_uri(resource)
        if account is not None and account.home != instance.name:
            account = None
    if account is None or account.suspended:
        return JSONResponse({"error": "Not Found"}, 404)
    uri, url = instance.actor_uri(account), instance.profile_url(account)
    body = {
        "subject": f"acct:{account.username}@{instance.domain}",
        "aliases": [url, uri],
        "links": [
            {"rel": "http://webfinger.net/rel/profile-page", "type": "text/html", "href": url},
            {"rel": "self", "type": "application/activity+json", "href": uri},
        ],
    }
    return Response(json.dumps(body), media_type="application/jrd+json; charset=utf-8")


def actor_json(instance: Instance, account: Account) -> dict[str, Any]:
    uri = instance.actor_uri(account)
    data: dict[str, Any] = {
        "@context": AS_CONTEXT,
        "id": uri,
        "type": "Person",
        "following": f"{uri}/following",
        "followers": f"{uri}/followers",
        "inbox": f"{uri}/inbox",
        "outbox": f"{uri}/outbox",
        "preferredUsername": account.username,
        "name": account.display_name,
        "summary": render.html_note(account.note),
        "url": instance.profile_url(account),
        "manuallyApprovesFollowers": account.locked,
        "discoverable": account.discoverable,
        "indexable": account.indexable,
        "published": render.iso(account.created_at),
        "publicKey": {
            "id": f"{uri}#main-key",
            "owner": uri,
            "publicKeyPem": "-----BEGIN PUBLIC KEY-----\nPRACTICE\n-----END PUBLIC KEY-----\n",
        },
        "endpoints": {"sharedInbox": f"{instance.origin}/inbox"},
        "attachment": [{"type": "PropertyValue", "name": n, "value": v} for n, v in account.fields],
        "icon": {
            "type": "Image",
            "mediaType": account.avatar.content_type if account.avatar else "image/png",
            "url": instance.media_url(account.avatar, "avatars"),
        },
    }
    if account.also_known_as:
        data["alsoKnownAs"] = list(account.also_known_as)
    if account.moved_to:
        data["movedTo"] = account.moved_to
    if account.suspended:
        data["suspended"] = True
    return data


async def actor(request: Request) -> Response:
    instance, account = _instance(request), _local(request)
    if account is None:
        return JSONResponse({"error": "Record not found"}, 404)
    if not wants_activitypub(request):
        return RedirectResponse(instance.profile_url(account), 302)
    return _ap(actor_json(instance, account))


async def profile_page(request: Request) -> Response:
    instance, account = _instance(request), _local(request)
    if account is None:
        return HTMLResponse("<h1>Not found</h1>", 404)
    if wants_activitypub(request):
        return _ap(actor_json(instance, account))
    name = render.html_note(account.display_name or account.username)
    return HTMLResponse(f"<!DOCTYPE html><title>{account.username}</title><h1>{name}</h1>")


async def collection(request: Request) -> Response:
    """Followers/following as OrderedCollection with `totalItems` (Mastodon hides the items
    of hidden collections and pages the rest; the total is enough here)."""
    instance, account = _instance(request), _local(request)
    if account is None:
        return JSONResponse({"error": "Record not found"}, 404)
    kind = request.url.path.rsplit("/", 1)[-1]
    state = instance.state
    total = (
        state.followers_count(account.id)
        if kind == "followers"
        else state.following_count(account.id)
    )
    uri = f"{instance.actor_uri(account)}/{kind}"
    return _ap(
        {
            "@context": "https://www.w3.org/ns/activitystreams",
            "id": uri,
            "type": "OrderedCollection",
            "totalItems": total,
        }
    )


async def note(request: Request) -> Response:
    instance, account = _instance(request), _local(request)
    status = instance.state.statuses.get(int(request.path_params["id"]))
    if (
        account is None
        or status is None
        or status.owner != account.id
        or status.visibility not in ("public", "unlisted")
    ):
        return JSONResponse({"error": "Record not found"}, 404)
    if not wants_activitypub(request):
        return HTMLResponse(f"<!DOCTYPE html><article>{render.html_note(status.content)}</article>")
    uri = instance.status_uri(status)
    return _ap(
        {
            "@context": "https://www.w3.org/ns/activitystreams",
            "id": uri,
            "type": "Note",
            "attributedTo": instance.actor_uri(account),
            "content": render.html_note(status.content),
            "published": render.iso(status.created_at),
            "url": instance.status_url(status),
            "to": ["https://www.w3.org/ns/activitystreams#Public"],
        }
    )


async def inbox(request: Request) -> Response:
    """Every activity goes to the instance's inbox handlers (the federation layer's hook)."""
    instance = _instance(request)
    if not instance.knobs.reachable:
        return JSONResponse({"error": "Service Unavailable"}, 503)
    try:
        activity = json.loads(await request.body())
    except ValueError:
        return JSONResponse({"error": "Invalid JSON"}, 400)
    if not isinstance(activity, dict):
        return JSONResponse({"error": "Invalid activity"}, 400)
    for handler in list(instance.inbox_handlers):
        await handler(instance, activity)
    return Response(status_code=202)


async def media(request: Request) -> Response:
    stored = _instance(request).state.media.get(int(request.path_params["id"]))
    if stored is None:
        return Response(status_code=404)
    return Response(stored.data, media_type=stored.content_type)


async def missing(request: Request) -> Response:
    return Response(png.MISSING, media_type="image/png")


ROUTES = [
    Route("/.well-known/webfinger", webfinger, methods=["GET"]),
    Route("/users/{username}", actor, methods=["GET"]),
    Route("/users/{username}/followers", collection, methods=["GET"]),
    Route("/users/{username}/following", collection, methods=["GET"]),
    Route("/users/{username}/statuses/{id:int}", note, methods=["GET"]),
    Route("/users/{username}/inbox", inbox, methods=["POST"]),
    Route("/inbox", inbox, methods=["POST"]),
    Route("/@{username}", profile_page, methods=["GET"]),
    Route("/@{username}/{id:int}", note, methods=["GET"]),
    Route("/system/media/{id:int}", media, methods=["GET"]),
    Route("/avatars/original/missing.png", missing, methods=["GET"]),
    Route("/headers/original/missing.png", missing, methods=["GET"]),
]
