"""Detection meets things that are not Fediverse servers: a coded error each time, no crash."""

from __future__ import annotations

import socket

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import (
    HTMLResponse,
    JSONResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)
from starlette.routing import Route

from fedimove.core.errors import (
    FedimoveError,
    InvalidHandleError,
    InvalidUrlError,
    NotFediverseError,
    ResponseTooLargeError,
    ServerBusyError,
    ServerUnreachableError,
    TooManyRedirectsError,
)
from fedimove.core.http import make_client
from fedimove.core.servers.detect import Locator, detect


def _client(app: Starlette) -> httpx.AsyncClient:
    return make_client(transport=httpx.ASGITransport(app=app))


def _blog() -> Starlette:
    """A plain web site that answers every path with an HTML page (like many SPAs do)."""

    async def page(request: Request) -> Response:
        return HTMLResponse("<html><body>My blog</body></html>")

    return Starlette(routes=[Route("/{path:path}", page)])


async def test_a_plain_website_is_not_fediverse() -> None:
    async with _client(_blog()) as client:
        with pytest.raises(NotFediverseError) as caught:
            await detect("https://blog.example", client)
    assert caught.value.code == "server.not_fediverse"
    assert caught.value.params["host"] == "blog.example"


async def test_a_handle_on_a_plain_website_is_not_fediverse() -> None:
    async with _client(_blog()) as client:
        with pytest.raises(NotFediverseError):
            await detect("@anna@blog.example", client)


async def test_a_redirect_loop_is_named() -> None:
    async def loop(request: Request) -> Response:
        return RedirectResponse("https://loop.example/.well-known/nodeinfo")

    app = Starlette(routes=[Route("/{path:path}", loop)])
    async with _client(app) as client:
        with pytest.raises(TooManyRedirectsError):
            await detect("loop.example", client)


async def test_a_redirect_to_plain_http_is_refused() -> None:
    async def downgrade(request: Request) -> Response:
        return RedirectResponse("http://evil.example/.well-known/nodeinfo")

    app = Starlette(routes=[Route("/{path:path}", downgrade)])
    async with _client(app) as client:
        with pytest.raises(FedimoveError) as caught:
            await detect("https://down.example", client)
    assert caught.value.code == "network.insecure_url"


@pytest.mark.parametrize("declared", [True, False])
async def test_an_endless_response_is_cut_off(declared: bool) -> None:
    chunk = b"[" + b"0," * 32_768

    async def huge(request: Request) -> Response:
        if declared:
            return Response(b"{" + b" " * (3 * 1024 * 1024) + b"}", media_type="application/json")

        async def body():  # type: ignore[no-untyped-def]
            for _ in range(1000):  # 64 MiB if nobody stops reading
                yield chunk

        return StreamingResponse(body(), media_type="application/json")

    app = Starlette(routes=[Route("/{path:path}", huge)])
    async with _client(app) as client:
        with pytest.raises(ResponseTooLargeError):
            await detect("huge.example", client)


async def test_a_failing_server_is_busy_not_absent() -> None:
    async def broken(request: Request) -> Response:
        return JSONResponse({"error": "oops"}, status_code=503)

    app = Starlette(routes=[Route("/{path:path}", broken)])
    async with _client(app) as client:
        with pytest.raises(ServerBusyError) as caught:
            await detect("busy.example", client)
    assert caught.value.retryable


async def test_a_dead_host_is_unreachable() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again before the request: nobody listens
    async with make_client(timeout=5) as client:
        with pytest.raises(ServerUnreachableError):
            await detect(f"http://127.0.0.1:{port}", client)


async def test_locator_sends_a_practice_domain_to_its_loopback_origin() -> None:
    locator = Locator({"old.practice": "http://127.0.0.1:9/"})
    assert locator.origin_for("OLD.practice") == "http://127.0.0.1:9"
    assert locator.origin_for("127.0.0.1:8000") == "http://127.0.0.1:8000"
    assert locator.origin_for("social.example") == "https://social.example"


@pytest.mark.parametrize("text", ["", "two words", "ftp://x.example", "a/b"])
async def test_nonsense_input_is_refused_before_any_request(text: str) -> None:
    async with make_client(transport=httpx.MockTransport(lambda r: httpx.Response(500))) as client:
        with pytest.raises((InvalidUrlError, InvalidHandleError)):
            await detect(text, client)
