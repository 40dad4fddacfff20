"""Garbled answers are malformed, never a shorter truth (reliability finding 2): a list, filter,
tag, domain, post or relationship entry whose identifying fields are not text (a number, a
boolean, missing) makes the whole answer `server.malformed_response`, so the copy asks again
instead of reading "not there"; and a new list's answer that does not name the list leaves its
creation unknown instead of journaling a made-up id."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from fedimove.core.clock import SimulatedClock
from fedimove.core.engine.scheduler import RequestScheduler
from fedimove.core.errors import MalformedResponseError
from fedimove.core.http import make_client
from fedimove.core.models import ListEntry
from fedimove.core.servers.mastodon import RATE_BUDGETS
from fedimove.core.servers.rest import RestClient

GOOD_LIST = {"id": "7", "title": "Birds", "replies_policy": "list", "exclusive": False}
GOOD_STATUS = {"id": "9", "uri": "https://a.example/s/9", "url": "", "account": None}
#: Each route answers one good entry and one garbled the way the practice fault knob does.
ANSWERS: dict[str, list[Any]] = {
    "/api/v1/lists": [GOOD_LIST, {"id": 12345, "title": 12345, "replies_policy": True}],
    "/api/v2/filters": [{"id": "1", "title": "spoilers"}, {"id": "2", "title": 12345}],
    "/api/v1/featured_tags": [{"id": "1", "name": "birds"}, {"id": "2", "name": True}],
    "/api/v1/followed_tags": [{"name": "birds"}, {"name": 12345}],
    "/api/v1/domain_blocks": ["spam.example", 12345],
    "/api/v1/bookmarks": [GOOD_STATUS, {"id": "10", "uri": 12345}],
    "/api/v1/accounts/relationships": [{"id": "1", "following": True}, {"id": 12345}],
}
#: The answer to creating a list, by title asked for.
CREATED: dict[str, Any] = {
    "wrong types": {"id": ["x"], "title": 12345},
    "another list": {"id": "8", "title": "Not asked for"},
    "Birds": GOOD_LIST,
}


async def answer(request: Request) -> Response:
    if request.method == "POST":
        title = str((await request.form()).get("title"))
        return JSONResponse(CREATED[title])
    return JSONResponse(ANSWERS[request.url.path])


APP = Starlette(routes=[Route(path, answer, methods=["GET", "POST"]) for path in ANSWERS])


@pytest.fixture
async def client() -> RestClient:
    clock = SimulatedClock(autojump=True)
    http = make_client(transport=httpx.ASGITransport(app=APP))
    scheduler = RequestScheduler("garbled.example", RATE_BUDGETS, clock=clock)
    return RestClient("https://garbled.example", "tok", scheduler, http=http)


async def _read_all(client: RestClient, path: str) -> object:
    if path == "/api/v1/lists":
        return await client.lists()
    if path == "/api/v2/filters":
        return await client.filters()
    if path == "/api/v1/featured_tags":
        return await client.featured_tags()
    if path == "/api/v1/accounts/relationships":
        return await client.relationships(["1", "2"])
    pages = {
        "/api/v1/followed_tags": client.followed_tags,
        "/api/v1/domain_blocks": client.domain_blocks,
        "/api/v1/bookmarks": client.bookmarks,
    }[path]()
    return [page async for page in pages]


@pytest.mark.parametrize("path", sorted(ANSWERS))
async def test_a_garbled_entry_makes_the_answer_malformed(client: RestClient, path: str) -> None:
    with pytest.raises(MalformedResponseError):
        await _read_all(client, path)


@pytest.mark.parametrize("title", ["wrong types", "another list"])
async def test_a_new_list_answer_that_does_not_name_it_is_malformed(
    client: RestClient, title: str
) -> None:
    with pytest.raises(MalformedResponseError):
        await client.create_list(ListEntry(title=title))


async def test_a_readable_list_answer_gives_its_id(client: RestClient) -> None:
    created = await client.create_list(ListEntry(title="Birds"))
    assert (created.title, created.local_id) == ("Birds", "7")
