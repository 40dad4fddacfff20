from __future__ import annotations

import logging

import httpx
import pytest

from fedimove.core.errors import InsecureUrlError, ResponseTooLargeError, TooManyRedirectsError
from fedimove.core.http import (
    USER_AGENT,
    is_loopback_host,
    make_client,
    read_bounded,
    translate_transport_error,
)

SECRET = "tok-7f3a9c1e-distinctive"


def _echo(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/loop":
        return httpx.Response(302, headers={"Location": "/loop"})
    if request.url.path == "/downgrade":
        return httpx.Response(302, headers={"Location": "http://evil.example/steal"})
    if request.url.path == "/big":
        return httpx.Response(200, content=b"x" * 5000)
    return httpx.Response(200, json={"ua": request.headers["user-agent"]})


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("[::1]", True),
        ("localhost", True),
        ("old.localhost", True),
        ("example.com", False),
        ("10.0.0.1", False),
        ("localhost.example.com", False),
    ],
)
def test_loopback_hosts(host: str, expected: bool) -> None:
    assert is_loopback_host(host) is expected


async def test_user_agent_and_https_allowed() -> None:
    async with make_client(transport=httpx.MockTransport(_echo)) as client:
        response = await client.get("https://old.example/api")
    assert response.json() == {"ua": USER_AGENT}
    assert USER_AGENT.startswith("Fedimove/")


async def test_plain_http_is_refused_except_on_loopback() -> None:
    async with make_client(transport=httpx.MockTransport(_echo)) as client:
        with pytest.raises(InsecureUrlError) as raised:
            await client.get("http://old.example/api")
        assert raised.value.params["host"] == "old.example"
        assert (await client.get("http://127.0.0.1:8080/api")).status_code == 200


async def test_a_redirect_cannot_downgrade_to_http() -> None:
    async with make_client(transport=httpx.MockTransport(_echo)) as client:
        with pytest.raises(InsecureUrlError):
            await client.get("https://old.example/downgrade")


async def test_redirect_loops_end_with_a_coded_error() -> None:
    async with make_client(transport=httpx.MockTransport(_echo)) as client:
        with pytest.raises(httpx.TooManyRedirects) as raised:
            await client.get("https://old.example/loop")
    assert isinstance(translate_transport_error(raised.value, "old.example"), TooManyRedirectsError)


async def test_bounded_read_refuses_a_huge_body() -> None:
    async with make_client(transport=httpx.MockTransport(_echo)) as client:
        async with client.stream("GET", "https://old.example/big") as response:
            with pytest.raises(ResponseTooLargeError):
                await read_bounded(response, max_bytes=1000)
        async with client.stream("GET", "https://old.example/big") as response:
            assert len(await read_bounded(response, max_bytes=10_000)) == 5000


async def test_logs_never_show_the_token(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="fedimove.http")
    async with make_client(transport=httpx.MockTransport(_echo)) as client:
        await client.get(
            f"https://old.example/api?access_token={SECRET}",
            headers={"Authorization": f"Bearer {SECRET}"},
        )
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert "old.example/api" in text  # the request was logged ...
    assert "[redacted]" in text
    assert SECRET not in text  # ... without its secret
