"""Servers the practice Fediverse does not imitate: detected from their discovery documents
(served by a tiny Starlette app written from fediverse-apis §7) and explained, never signed in."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from fedimove.core.errors import AccountNotFoundError, ServerTooOldError, UnsupportedServerError
from fedimove.core.http import make_client
from fedimove.core.oauth.flow import SignInFlow
from fedimove.core.servers.base import SignInMethod, SupportLevel
from fedimove.core.servers.detect import detect
from fedimove.core.storage.paths import AppPaths
from fedimove.core.storage.secrets import SecretStore
from tests.core.servers import recorded


def server(
    software: str,
    version: str,
    *,
    instance: dict[str, Any] | None = None,
    webfinger: dict[str, Any] | None = None,
) -> Starlette:
    async def index(request: Request) -> Response:
        return JSONResponse(recorded.NODEINFO_INDEX)

    async def nodeinfo(request: Request) -> Response:
        return JSONResponse(recorded.nodeinfo(software, version))

    async def instance_doc(request: Request) -> Response:
        return JSONResponse(instance) if instance else JSONResponse({"error": "nope"}, 404)

    async def finger(request: Request) -> Response:
        return JSONResponse(webfinger) if webfinger else JSONResponse({}, 404)

    async def missing(request: Request) -> Response:
        return JSONResponse({"error": "Not Found"}, 404)

    return Starlette(
        routes=[
            Route("/.well-known/nodeinfo", index),
            Route("/nodeinfo/2.0", nodeinfo),
            Route("/api/v2/instance", instance_doc),
            Route("/api/v1/instance", instance_doc),
            Route("/.well-known/webfinger", finger),
            Route("/{path:path}", missing),
        ]
    )


async def _detect(app: Starlette, text: str = "https://x.example"):  # type: ignore[no-untyped-def]
    async with make_client(transport=httpx.ASGITransport(app=app)) as client:
        return await detect(text, client)


@pytest.mark.parametrize(
    ("software", "method", "limitation"),
    [
        ("misskey", SignInMethod.MIAUTH, "sign_in_miauth"),
        ("sharkey", SignInMethod.MIAUTH, "move_native_session_only"),
        ("pixelfed", SignInMethod.NONE, "software_not_supported"),
        ("threads", SignInMethod.NONE, "software_not_supported"),
        ("somethingnew", SignInMethod.NONE, "software_not_supported"),
    ],
)
async def test_other_software_is_named_and_explained(
    software: str, method: SignInMethod, limitation: str
) -> None:
    target = await _detect(server(software, "1.2.3"))
    assert target.server.software == software
    assert target.server.capabilities.sign_in is method
    assert target.server.capabilities.support is SupportLevel.DETECTED_ONLY
    assert limitation in target.server.capabilities.limitations


async def test_akkoma_reports_through_nodeinfo_and_v1_instance() -> None:
    target = await _detect(server("akkoma", "3.10.0", instance=recorded.AKKOMA_INSTANCE))
    assert target.server.software == "akkoma"
    assert target.server.probe.instance_api == 2  # the same document answers both versions here
    assert target.server.capabilities.support is SupportLevel.FULL


async def test_an_instance_api_without_nodeinfo_is_unknown_software() -> None:
    async def instance_only(request: Request) -> Response:
        if request.url.path == "/api/v1/instance":
            return JSONResponse(recorded.MASTODON_42_INSTANCE)
        return JSONResponse({"error": "Not Found"}, 404)

    target = await _detect(Starlette(routes=[Route("/{path:path}", instance_only)]))
    assert target.server.software == "unknown"
    assert target.server.capabilities.limitations == ("software_unknown",)


async def test_webfinger_may_point_to_another_host() -> None:
    finger = {
        "subject": "acct:anna@example.com",
        "links": [
            {
                "rel": "self",
                "type": "application/activity+json",
                "href": "https://social.example.com/users/anna",
            }
        ],
    }
    seen: list[str] = []
    app = server("mastodon", "4.4.0", instance=recorded.MASTODON_46_INSTANCE, webfinger=finger)

    async def note(request: httpx.Request) -> None:
        seen.append(request.url.host)

    async with make_client(transport=httpx.ASGITransport(app=app)) as client:
        client.event_hooks["request"].append(note)
        target = await detect("@anna@example.com", client)
    assert target.server.origin == "https://social.example.com"
    assert target.actor_uri == "https://social.example.com/users/anna"
    assert seen[0] == "example.com"
    assert set(seen[1:]) == {"social.example.com"}


async def test_unknown_handle_on_a_fediverse_server() -> None:
    with pytest.raises(AccountNotFoundError):
        await _detect(
            server("mastodon", "4.4.0", instance=recorded.MASTODON_46_INSTANCE), "@nobody@x.example"
        )


@pytest.mark.parametrize(
    ("software", "version", "error"),
    [("misskey", "2024.11.0", UnsupportedServerError), ("mastodon", "3.1.2", ServerTooOldError)],
)
async def test_sign_in_is_refused_before_anything_is_registered(
    app_paths: AppPaths, secrets: SecretStore, software: str, version: str, error: type[Exception]
) -> None:
    app = server(software, version, instance={**recorded.MASTODON_42_INSTANCE, "version": version})
    async with make_client(transport=httpx.ASGITransport(app=app)) as client:
        target = await detect("https://x.example", client)
        flow = SignInFlow(client, secrets=secrets, paths=app_paths, open_url=lambda url: None)
        with pytest.raises(error):
            await flow.sign_in(target, within=1)
    assert not (app_paths.data / "oauth_apps.json").exists()


async def test_hostile_discovery_documents_are_tamed() -> None:
    async def hostile(request: Request) -> Response:
        if request.url.path == "/.well-known/nodeinfo":
            return JSONResponse(
                {
                    "links": [
                        {"rel": recorded.NODEINFO_INDEX["links"][0]["rel"], "href": "http://[::1"}
                    ]
                }
            )
        if request.url.path == "/api/v2/instance":
            return JSONResponse(
                {
                    "domain": "x",
                    "title": "Evil\x1b[2J\u202etitle" + "x" * 500,
                    "version": "4.4.0\n\x00",
                }
            )
        return JSONResponse({"error": "Not Found"}, 404)

    target = await _detect(Starlette(routes=[Route("/{path:path}", hostile)]))
    assert target.server.software == "unknown"
    assert target.server.title.startswith("Evil[2Jtitle")
    assert len(target.server.title) == 200
    assert target.server.version == "4.4.0"


async def test_a_weird_software_name_is_not_trusted() -> None:
    target = await _detect(
        server("Mastodon\n<script>", "4.4.0", instance=recorded.MASTODON_46_INSTANCE)
    )
    assert target.server.software == "unknown"
