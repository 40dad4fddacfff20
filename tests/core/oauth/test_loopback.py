"""The one-shot loopback listener, driven over real HTTP on 127.0.0.1."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from fedimove.core.errors import (
    AuthDeniedError,
    AuthStateMismatchError,
    AuthTimeoutError,
    CancelledError,
)
from fedimove.core.oauth.loopback import LoopbackListener
from fedimove.core.progress import CancelToken


async def _get(url: str) -> httpx.Response:
    async with httpx.AsyncClient() as client:
        return await client.get(url)


async def test_the_right_state_delivers_the_code_and_closes_the_listener() -> None:
    async with LoopbackListener() as listener:
        assert listener.redirect_uri.startswith("http://127.0.0.1:")
        waiting = asyncio.ensure_future(listener.wait_for_code("s1", within=10))
        favicon = await _get(f"http://127.0.0.1:{listener.port}/favicon.ico")
        assert favicon.status_code == 404
        page = await _get(f"{listener.redirect_uri}?code=abc&state=s1")
        assert page.status_code == 200
        assert "close this tab" in page.text
        assert await waiting == "abc"
        with pytest.raises(httpx.ConnectError):
            await _get(f"{listener.redirect_uri}?code=again&state=s1")


async def test_a_wrong_state_is_refused_and_the_right_one_still_accepted() -> None:
    async with LoopbackListener() as listener:
        waiting = asyncio.ensure_future(listener.wait_for_code("good", within=10))
        forged = await _get(f"{listener.redirect_uri}?code=evil&state=bad")
        assert forged.status_code == 400
        assert not waiting.done()
        await _get(f"{listener.redirect_uri}?code=real&state=good")
        assert await waiting == "real"


async def test_only_wrong_states_end_as_state_mismatch() -> None:
    async with LoopbackListener() as listener:
        waiting = asyncio.ensure_future(listener.wait_for_code("good", within=0.5))
        await _get(f"{listener.redirect_uri}?code=evil&state=bad")
        with pytest.raises(AuthStateMismatchError):
            await waiting


async def test_timeout_without_any_request() -> None:
    async with LoopbackListener() as listener:
        with pytest.raises(AuthTimeoutError):
            await listener.wait_for_code("s", within=0.05)


async def test_user_denial() -> None:
    async with LoopbackListener() as listener:
        waiting = asyncio.ensure_future(listener.wait_for_code("s", within=10))
        page = await _get(f"{listener.redirect_uri}?error=access_denied&state=s")
        assert page.status_code == 200
        with pytest.raises(AuthDeniedError):
            await waiting


async def test_cancel_ends_the_wait() -> None:
    cancel = CancelToken()
    async with LoopbackListener() as listener:
        waiting = asyncio.ensure_future(listener.wait_for_code("s", within=10, cancel=cancel))
        await asyncio.sleep(0)
        cancel.cancel()
        with pytest.raises(CancelledError):
            await waiting


async def test_a_silent_connection_does_not_block_the_right_one() -> None:
    async with LoopbackListener() as listener:
        waiting = asyncio.ensure_future(listener.wait_for_code("s", within=10))
        _reader, writer = await asyncio.open_connection("127.0.0.1", listener.port)
        await _get(f"{listener.redirect_uri}?code=ok&state=s")
        assert await waiting == "ok"
        writer.close()


async def test_a_spare_connection_is_closed_with_the_listener() -> None:
    # Browsers preconnect: a connection that never sends a request must not outlive the
    # listener (it would leak a socket for as long as the app runs).
    async with LoopbackListener() as listener:
        waiting = asyncio.ensure_future(listener.wait_for_code("s", within=10))
        reader, writer = await asyncio.open_connection("127.0.0.1", listener.port)
        await _get(f"{listener.redirect_uri}?code=ok&state=s")
        assert await waiting == "ok"
        assert await asyncio.wait_for(reader.read(), timeout=5) == b""  # closed by the listener
        writer.close()
        await writer.wait_closed()
