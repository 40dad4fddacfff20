"""Server metadata: `/api/v1/instance`, `/api/v2/instance`, `/api/v1/instance/domain_blocks`
[MD: methods/instance.md, entities/Instance.md] and NodeInfo 2.0/2.1 [fediverse-apis.md §7.1]."""

from __future__ import annotations

import hashlib
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from fedimove.sandbox.api.base import Ctx, api, json_response
from fedimove.sandbox.api.collections import MAX_FEATURED_TAGS
from fedimove.sandbox.api.statuses import MAX_CHARACTERS
from fedimove.sandbox.instance import Instance

_MEDIA = {
    "supported_mime_types": ["image/jpeg", "image/png", "image/gif", "image/webp"],
    "image_size_limit": 16_777_216,
    "image_matrix_limit": 33_177_600,
    "video_size_limit": 103_809_024,
    "video_frame_rate_limit": 120,
    "video_matrix_limit": 8_294_400,
}
_POLLS = {
    "max_options": 4,
    "max_characters_per_option": 50,
    "min_expiration": 300,
    "max_expiration": 2_629_746,
}
_STATUSES = {
    "max_characters": MAX_CHARACTERS,
    "max_media_attachments": 4,
    "characters_reserved_per_url": 23,
}


def _version(instance: Instance) -> str:
    # GoToSocial may inject a Mastodon version; Akkoma names its Mastodon API level
    # [fediverse-apis.md §7.2].
    return instance.flavour.instance_version.format(version=instance.flavour.version)


def _local_users(instance: Instance) -> int:
    return len(instance.local_accounts())


@api(auth="none")
async def v2(ctx: Ctx) -> Response:
    instance = ctx.instance
    data: dict[str, Any] = {
        "domain": instance.domain,
        "title": f"Practice server {instance.name}",
        "version": _version(instance),
        "source_url": "https://github.com/mastodon/mastodon",
        "description": "A practice server of the Fedimove practice Fediverse.",
        "usage": {"users": {"active_month": _local_users(instance)}},
        "thumbnail": {"url": f"{instance.origin}/avatars/original/missing.png"},
        "icon": [{"src": f"{instance.origin}/avatars/original/missing.png", "size": "8x8"}],
        "languages": ["en"],
        "configuration": {
            "urls": {"streaming": f"wss://{instance.domain}"},
            "accounts": {"max_featured_tags": MAX_FEATURED_TAGS, "max_pinned_statuses": 5},
            "statuses": _STATUSES,
            "media_attachments": _MEDIA,
            "polls": _POLLS,
            "translation": {"enabled": False},
        },
        "registrations": {
            "enabled": False,
            "approval_required": instance.knobs.approval_required,
            "message": None,
        },
        "contact": {"email": f"admin@{instance.name}", "account": None},
        "rules": [],
    }
    if instance.flavour.api_versions:
        # Absent before Mastodon 4.3 [fediverse-apis.md §7.2].
        data["api_versions"] = {"mastodon": instance.flavour.api_versions}
    return json_response(data)


@api(auth="none")
async def v1(ctx: Ctx) -> Response:
    instance, state = ctx.instance, ctx.state
    return json_response(
        {
            "uri": instance.domain,
            "title": f"Practice server {instance.name}",
            "short_description": "A practice server.",
            "description": "A practice server of the Fedimove practice Fediverse.",
            "email": f"admin@{instance.name}",
            "version": _version(instance),
            "urls": {"streaming_api": f"wss://{instance.domain}"},
            "stats": {
                "user_count": _local_users(instance),
                "status_count": len(state.statuses),
                "domain_count": len({a.home for a in state.accounts.values()} - {instance.name}),
            },
            "thumbnail": f"{instance.origin}/avatars/original/missing.png",
            "languages": ["en"],
            "registrations": False,
            "approval_required": instance.knobs.approval_required,
            "invites_enabled": False,
            "configuration": {
                "accounts": {"max_featured_tags": MAX_FEATURED_TAGS},
                "statuses": _STATUSES,
                "media_attachments": _MEDIA,
                "polls": _POLLS,
            },
            "contact_account": None,
            "rules": [],
            **_pleroma_metadata(instance),
        }
    )


def _pleroma_metadata(instance: Instance) -> dict[str, Any]:
    """Akkoma's extra `pleroma` block: its API features and profile-field limits (defaults
    `max_account_fields` 10, names 512, values 2,048) [AK: lib/pleroma/web/mastodon_api/views/
    instance_view.ex; config/config.exs]."""
    if instance.flavour.migration_api != "pleroma":
        return {}
    features = ["pleroma_api", "akkoma_api", "mastodon_api", "polls", "editing"]
    limits = {"max_fields": 10, "max_remote_fields": 20, "name_length": 512, "value_length": 2048}
    return {"pleroma": {"metadata": {"features": features, "fields_limits": limits}}}


@api(auth="none")
async def domain_blocks(ctx: Ctx) -> Response:
    """Public list of the server's blocks with a SHA-256 digest of each domain."""
    blocks = ctx.state.server_blocks
    return json_response(
        [
            {
                "domain": domain,
                "digest": hashlib.sha256(domain.encode()).hexdigest(),
                "severity": severity,
                "comment": comment or None,
            }
            for domain, (severity, comment) in sorted(blocks.items())
        ]
    )


async def nodeinfo_links(request: Request) -> Response:
    instance: Instance = request.app.state.instance
    links = [
        {
            "rel": "http://nodeinfo.diaspora.software/ns/schema/2.0",
            "href": f"{instance.origin}/nodeinfo/2.0",
        }
    ]
    if instance.flavour.nodeinfo_repository:
        links.append(
            {
                "rel": "http://nodeinfo.diaspora.software/ns/schema/2.1",
                "href": f"{instance.origin}/nodeinfo/2.1",
            }
        )
    return JSONResponse({"links": links})


async def nodeinfo(request: Request) -> Response:
    instance: Instance = request.app.state.instance
    version = request.url.path.rsplit("/", 1)[-1]
    software: dict[str, str] = {
        "name": instance.flavour.software,
        "version": instance.flavour.version,
    }
    if version == "2.1":
        software["repository"] = instance.flavour.nodeinfo_repository
    users = _local_users(instance)
    return JSONResponse(
        {
            "version": version,
            "software": software,
            "protocols": ["activitypub"],
            "services": {"outbound": [], "inbound": []},
            "usage": {
                "users": {"total": users, "activeMonth": users, "activeHalfyear": users},
                "localPosts": sum(
                    1
                    for s in instance.state.statuses.values()
                    if instance.state.accounts[s.owner].home == instance.name
                ),
            },
            "openRegistrations": False,
            "metadata": {"nodeName": f"Practice server {instance.name}"},
        },
        headers={
            "Content-Type": f'application/json; profile="http://nodeinfo.diaspora.software/ns/schema/{version}#"'
        },
    )


ROUTES = [
    Route("/api/v1/instance", v1, methods=["GET"]),
    Route("/api/v2/instance", v2, methods=["GET"]),
    Route("/api/v1/instance/domain_blocks", domain_blocks, methods=["GET"]),
    Route("/.well-known/nodeinfo", nodeinfo_links, methods=["GET"]),
    Route("/nodeinfo/2.0", nodeinfo, methods=["GET"]),
    Route("/nodeinfo/2.1", nodeinfo, methods=["GET"]),
]
