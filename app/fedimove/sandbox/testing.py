"""Helpers that play a person and a browser against the practice servers (Qt-free, shipped:
the tests and the headless practice mode use them).

`complete_authorization` does what a person does in the browser: opens the authorize URL,
fills the real HTML sign-in form (with its CSRF token and session cookie), then answers the
consent form, and hands back where the server sends the browser (or the out-of-band code).
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urljoin, urlsplit

import httpx

from fedimove.core.errors import AuthDeniedError, AuthError
from fedimove.sandbox.network import PracticeNetwork, Served

MAX_STEPS = 12


class _Form:
    def __init__(self, action: str, method: str) -> None:
        self.action = action
        self.method = method.lower()
        self.inputs: list[tuple[str, str, str]] = []  # (name, type, value)
        self.classes = ""


class _FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.forms: list[_Form] = []
        self.oob_code: str | None = None
        self._current: _Form | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._current = _Form(values.get("action", ""), values.get("method", "get"))
            self._current.classes = values.get("class", "")
            self.forms.append(self._current)
        elif tag == "input":
            if "oauth-code" in values.get("class", "").split():
                self.oob_code = values.get("value")
            if self._current is not None and values.get("name"):
                self._current.inputs.append(
                    (values["name"], values.get("type", "text").lower(), values.get("value", ""))
                )

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._current = None


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class _Browser:
    """Just enough browser: per-origin cookies (cookies ignore ports, so several practice
    servers on 127.0.0.1 would share a jar otherwise) and manual redirects."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self._client = client
        self._cookies: dict[str, dict[str, str]] = {}

    def _remember(self, response: httpx.Response) -> None:
        jar = self._cookies.setdefault(_origin(str(response.request.url)), {})
        for header in response.headers.get_list("set-cookie"):
            parsed: SimpleCookie = SimpleCookie()
            parsed.load(header)
            for name, morsel in parsed.items():
                jar[name] = morsel.value

    async def request(
        self, method: str, url: str, data: dict[str, str] | None = None
    ) -> httpx.Response:
        jar = self._cookies.get(_origin(url), {})
        # Always set the header, even empty: it keeps the client's own cookie jar (perhaps a
        # session of another account) out of this private browsing window.
        headers = {"Accept": "text/html", "Cookie": "; ".join(f"{k}={v}" for k, v in jar.items())}
        response = await self._client.request(
            method, url, data=data, headers=headers, follow_redirects=False
        )
        self._remember(response)
        return response


def _fill(form: _Form, username: str, password: str) -> dict[str, str]:
    data: dict[str, str] = {}
    for name, kind, value in form.inputs:
        if kind == "password":
            data[name] = password
        elif kind in ("email", "text") and not value:
            data[name] = username
        else:
            data[name] = value
    return data


def _pick_consent(forms: list[_Form], approve: bool) -> _Form:
    for form in forms:
        is_deny = any(n == "_method" and v.lower() == "delete" for n, _, v in form.inputs)
        if is_deny != approve:
            return form
    raise AuthError("the consent page has no form to answer")


async def complete_authorization(
    client: httpx.AsyncClient,
    authorize_url: str,
    username: str,
    password: str,
    *,
    approve: bool = True,
) -> str:
    """Sign in and answer the consent page; return the redirect `Location` (with `code` and
    `state`, or `error`), or the code itself when the app asked for out-of-band display."""
    browser = _Browser(client)
    server = _origin(authorize_url)
    response = await browser.request("GET", authorize_url)
    for _ in range(MAX_STEPS):
        if response.is_redirect:
            location = urljoin(str(response.request.url), response.headers["location"])
            if _origin(location) != server:
                return location  # back to the app: done
            response = await browser.request("GET", location)
            continue
        page = _FormParser()
        page.feed(response.text)
        if page.oob_code:
            return page.oob_code
        if response.status_code >= 400 or not page.forms:
            if response.status_code == 422 and any(
                k == "password" for f in page.forms for _, k, _ in f.inputs
            ):
                raise AuthDeniedError("sign-in refused", status=response.status_code)
            raise AuthError("the authorization page failed", status=response.status_code)
        login = next((f for f in page.forms if any(k == "password" for _, k, _ in f.inputs)), None)
        form = login or _pick_consent(page.forms, approve)
        data = _fill(form, username, password) if login else {n: v for n, _, v in form.inputs}
        action = urljoin(str(response.request.url), form.action or str(response.request.url))
        response = await browser.request("POST", action, data=data)
    raise AuthError("too many steps while authorizing")


@contextlib.contextmanager
def serve_in_thread(network: PracticeNetwork, host: str = "127.0.0.1") -> Iterator[Served]:
    """Serve the network over loopback from a background thread, for synchronous clients
    (e.g. Mastodon.py, which uses `requests`). Stops when the block ends."""
    ready = threading.Event()
    holder: dict[str, object] = {}

    async def main() -> None:
        stop = asyncio.Event()
        holder["stop"], holder["loop"] = stop, asyncio.get_running_loop()
        try:
            async with network.serve_http(host=host) as served:
                holder["served"] = served
                ready.set()
                await stop.wait()
        except BaseException as exc:  # surfaced in the caller's thread
            holder["error"] = exc
            ready.set()

    thread = threading.Thread(target=asyncio.run, args=(main(),), daemon=True, name="practice-net")
    thread.start()
    if not ready.wait(timeout=60):
        raise RuntimeError("the practice network did not start in time")
    if "error" in holder:
        thread.join()
        error = holder["error"]
        assert isinstance(error, BaseException)
        raise RuntimeError("the practice network could not be served") from error
    try:
        served = holder["served"]
        assert isinstance(served, Served)
        yield served
    finally:
        loop, stop = holder["loop"], holder["stop"]
        assert isinstance(loop, asyncio.AbstractEventLoop)
        assert isinstance(stop, asyncio.Event)
        loop.call_soon_threadsafe(stop.set)
        thread.join()
