"""A broken or hostile server: coded errors, never a crash, never our token sent elsewhere."""

from __future__ import annotations

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from fedimove.core.clock import SimulatedClock
from fedimove.core.engine.scheduler import RequestScheduler
from fedimove.core.errors import MalformedResponseError, ServerBusyError
from fedimove.core.http import make_client
from fedimove.core.servers.mastodon import RATE_BUDGETS
from fedimove.core.servers.rest import RestClient

seen_hosts: list[str] = []


async def blocks(request: Request) -> Response:
    evil = '<https://evil.example/api/v1/blocks?max_id=1>; rel="next"'
    return JSONResponse([{"acct": "a@b.example", "id": "1"}], headers={"Link": evil})


async def junk_followers(request: Request) -> Response:
    # One real account among things that are not accounts (a number where the acct should be).
    return JSONResponse([{"acct": "a@b.example", "id": "1"}, {"nope": 1}, "x", {"acct": 12345}])


async def mutes(request: Request) -> Response:
    return PlainTextResponse("<html>oops</html>")


async def lists(request: Request) -> Response:
    return PlainTextResponse("Internal error: stack trace with secrets", status_code=500)


async def loop(request: Request) -> Response:
    here = str(request.url)
    return JSONResponse(
        [{"acct": "loop@b.example", "id": "2"}] * 80, headers={"Link": f'<{here}>; rel="next"'}
    )


APP = Starlette(
    routes=[
        Route("/api/v1/blocks", blocks),
        Route("/api/v1/mutes", mutes),
        Route("/api/v1/lists", lists),
        Route("/api/v1/endorsements", loop),
        Route("/api/v1/accounts/1/followers", junk_followers),
    ]
)


class Recording(httpx.AsyncBaseTransport):
    def __init__(self) -> None:
        self.inner = httpx.ASGITransport(app=APP)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        seen_hosts.append(request.url.host)
        return await self.inner.handle_async_request(request)


@pytest.fixture
async def client() -> RestClient:
    clock = SimulatedClock(autojump=True)
    http = make_client(transport=Recording())
    scheduler = RequestScheduler("broken.example", RATE_BUDGETS, clock=clock)
    return RestClient("https://broken.example", "tok", scheduler, http=http)


async def test_foreign_next_links_are_not_followed(client: RestClient) -> None:
    seen_hosts.clear()
    pages = [page async for page in client.blocks()]
    assert [[a.acct for a in page] for page in pages] == [["a@b.example"]]
    assert seen_hosts == ["broken.example"]


async def test_a_page_with_junk_entries_is_malformed_not_shortened(client: RestClient) -> None:
    # Dropping the junk would silently lose whatever the server garbled; the page is read again.
    with pytest.raises(MalformedResponseError):
        [page async for page in client.followers("1")]


async def test_non_json_body_is_a_coded_error(client: RestClient) -> None:
    with pytest.raises(MalformedResponseError):
        [page async for page in client.mutes()]


async def test_server_error_text_is_never_kept(client: RestClient) -> None:
    with pytest.raises(ServerBusyError) as raised:
        await client.lists()
    assert "secrets" not in repr(raised.value)
    assert "secrets" not in str(raised.value)


async def test_a_next_link_to_the_same_page_ends_the_walk(client: RestClient) -> None:
    pages = [page async for page in client.endorsements()]
    assert len(pages) == 1  # the next link points back at the page just read


async def test_media_urls_pointing_at_this_machine_are_not_fetched(client: RestClient) -> None:
    seen_hosts.clear()
    assert await client.fetch_media("http://127.0.0.1:8080/admin/secret.png") is None
    assert await client.fetch_media("http://localhost/x.png") is None
    assert seen_hosts == []
