"""A one-shot HTTP listener on 127.0.0.1 that receives the OAuth redirect (RFC 8252 §7.3).

It binds an ephemeral port, answers the browser with a small "you can close this tab" page and
hands back the authorization code of the one request that carries the expected `state`. Other
requests (a favicon, a stale tab, a forged redirect) get an error page and are otherwise
ignored; the wait ends on success, the user's refusal, the timeout or the cancel token.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
from dataclasses import dataclass
from types import TracebackType
from urllib.parse import parse_qs, urlsplit

from fedimove.core.errors import AuthDeniedError, AuthStateMismatchError, AuthTimeoutError
from fedimove.core.oauth.pkce import same_state
from fedimove.core.progress import CancelToken

CALLBACK_PATH = "/callback"
LOOPBACK_HOST = "127.0.0.1"
_MAX_HEAD = 8192
_READ_TIMEOUT = 10.0

_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Fedimove</title></head><body style="font-family:sans-serif;margin:3em">
<h1>{title}</h1><p>{body}</p></body></html>"""
DONE_PAGE = ("Signed in", "Fedimove has what it needs. You can close this tab.")
DENIED_PAGE = ("Sign-in cancelled", "You can close this tab and return to Fedimove.")
WRONG_PAGE = ("Not the sign-in Fedimove is waiting for", "Start again from Fedimove.")


@dataclass(frozen=True, slots=True)
class _Callback:
    code: str = ""
    error: str = ""


class LoopbackListener:
    """`async with LoopbackListener() as listener:` then `await listener.wait_for_code(state)`."""

    def __init__(self, *, path: str = CALLBACK_PATH, port: int = 0) -> None:
        self._path = path
        self._requested_port = port
        self._server: asyncio.Server | None = None
        self._result: asyncio.Future[_Callback] | None = None
        self._state = ""
        self._port = 0
        self.mismatched_requests = 0
        # Browsers open spare connections (preconnects) that may never send a request; they
        # are closed with the listener, or they would outlive it.
        self._connections: set[asyncio.StreamWriter] = set()

    async def __aenter__(self) -> LoopbackListener:
        return await self.start()

    async def start(self) -> LoopbackListener:
        """Bind and listen (once); raises OSError when the requested port is taken."""
        if self._server is None:
            self._result = asyncio.get_running_loop().create_future()
            self._server = await asyncio.start_server(
                self._handle, LOOPBACK_HOST, self._requested_port
            )
            self._port = int(self._server.sockets[0].getsockname()[1])
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            for writer in list(self._connections):
                writer.close()
            await self._server.wait_closed()
            self._server = None

    @property
    def port(self) -> int:
        assert self._port, "listener not started"
        return self._port

    @property
    def redirect_uri(self) -> str:
        return f"http://{LOOPBACK_HOST}:{self.port}{self._path}"

    async def wait_for_code(
        self, state: str, *, within: float, cancel: CancelToken | None = None
    ) -> str:
        """The authorization code of the request carrying `state`; closes the listener."""
        assert self._result is not None, "listener not started"
        self._state = state
        cancel = cancel or CancelToken()
        cancel.on_cancel(lambda: self._finish(_Callback(error="cancelled")))
        try:
            async with asyncio.timeout(within):
                callback = await asyncio.shield(self._result)
        except TimeoutError:
            if self.mismatched_requests:
                raise AuthStateMismatchError("redirect with a wrong state") from None
            raise AuthTimeoutError("no redirect arrived", seconds=within) from None
        finally:
            await self.close()
        cancel.raise_if_cancelled()
        if callback.error:
            raise AuthDeniedError("authorization refused", reason=callback.error[:64])
        return callback.code

    def _finish(self, callback: _Callback) -> None:
        if self._result is not None and not self._result.done():
            self._result.set_result(callback)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._connections.add(writer)
        try:
            async with asyncio.timeout(_READ_TIMEOUT):
                head = await reader.readuntil(b"\r\n\r\n")
            status, page = self._route(head[:_MAX_HEAD])
            await _respond(writer, status, page)
        except (TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        except ConnectionError:
            pass
        finally:
            self._connections.discard(writer)
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    def _route(self, head: bytes) -> tuple[int, tuple[str, str]]:
        request_line = head.split(b"\r\n", 1)[0].decode("latin-1")
        parts = request_line.split(" ")
        if len(parts) != 3 or parts[0] != "GET":
            return 405, WRONG_PAGE
        target = urlsplit(parts[1])
        if target.path != self._path:
            return 404, WRONG_PAGE
        query = {key: values[0] for key, values in parse_qs(target.query).items()}
        if not self._state or not same_state(self._state, query.get("state")):
            self.mismatched_requests += 1
            return 400, WRONG_PAGE
        if "error" in query:
            self._finish(_Callback(error=query["error"]))
            return 200, DENIED_PAGE
        if not query.get("code"):
            return 400, WRONG_PAGE
        self._finish(_Callback(code=query["code"]))
        return 200, DONE_PAGE


async def _respond(writer: asyncio.StreamWriter, status: int, page: tuple[str, str]) -> None:
    body = _PAGE.format(title=html.escape(page[0]), body=html.escape(page[1])).encode()
    reason = {200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed"}[status]
    head = (
        f"HTTP/1.1 {status} {reason}\r\n"
        "Content-Type: text/html; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Cache-Control: no-store\r\n"
        "Referrer-Policy: no-referrer\r\n"
        "Connection: close\r\n\r\n"
    )
    writer.write(head.encode("ascii") + body)
    await writer.drain()
