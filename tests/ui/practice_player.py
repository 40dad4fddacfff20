"""The person at the browser, for the wizard's end-to-end tests: receives every address the
service opens and does what a person would there, on the practice servers served over loopback
(OAuth consent; the alias and Move settings pages)."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable, Coroutine
from html import unescape
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx
from pytestqt.qtbot import QtBot

from fedimove.sandbox.testing import complete_authorization
from fedimove.ui.practice import DemoLogin, PracticeSession

T = TypeVar("T")
_INPUT = re.compile(r"<input\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([\w\-\[\]]+)\s*=\s*(?:'([^']*)'|"([^"]*)")""")
GUIDED_FIELDS = {
    "/settings/aliases": "account_alias[acct]",
    "/settings/migration": "account_migration[acct]",
}


def run(qtbot: QtBot, work: Coroutine[Any, Any, T] | Awaitable[T], timeout: int = 60_000) -> T:
    """Run `work` on the qasync loop while Qt keeps processing events; return its result."""
    task = asyncio.ensure_future(work)
    qtbot.waitUntil(task.done, timeout=timeout)
    return task.result()


def inputs(html: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for tag in _INPUT.findall(html):
        attrs = {m[0]: unescape(m[1] or m[2]) for m in _ATTR.findall(tag)}
        if "name" in attrs:
            found.setdefault(attrs["name"], attrs.get("value", ""))
    return found


class BrowserPlayer:
    """Pass as the service's `open_url`; set `session` once the practice session exists."""

    def __init__(self) -> None:
        self.session: PracticeSession | None = None
        self.opened: list[str] = []
        #: Addresses for which the person waits until `release()` (a test looks first).
        self.hold: Callable[[str], bool] = lambda url: False
        self.held: list[str] = []

    async def __call__(self, url: str) -> None:
        self.opened.append(url)
        if self.hold(url):
            self.held.append(url)
            return
        await self.act(url)

    async def release(self) -> None:
        held, self.held = self.held, []
        for url in held:
            await self.act(url)

    async def act(self, url: str) -> None:
        assert self.session is not None
        demo = self.session.login_for(url)
        assert demo is not None, url
        path = urlsplit(url).path
        async with httpx.AsyncClient(transport=self.session.transport) as http:
            if path == "/oauth/authorize":
                location = await complete_authorization(http, url, demo.login, demo.password)
                async with httpx.AsyncClient() as loopback:  # Fedimove's own listener
                    await loopback.get(location)
            elif path in GUIDED_FIELDS:
                await self._settings_form(http, url, demo, path)

    async def _settings_form(
        self, http: httpx.AsyncClient, url: str, demo: DemoLogin, path: str
    ) -> None:
        assert self.session is not None
        origin = f"{urlsplit(url).scheme}://{urlsplit(url).netloc}"
        form = inputs((await http.get(f"{origin}/auth/sign_in")).text)
        token = {k: v for k, v in form.items() if k in ("authenticity_token", "csrf_token")}
        await http.post(
            f"{origin}/auth/sign_in",
            data={**token, "user[email]": demo.login, "user[password]": demo.password},
        )
        other = self.session.old if demo is self.session.new else self.session.new
        page = inputs((await http.get(url)).text)
        fields = {
            "authenticity_token": page.get("authenticity_token", ""),
            GUIDED_FIELDS[path]: other.handle.lstrip("@"),
        }
        if path == "/settings/migration":
            fields["current_password"] = demo.password
        response = await http.post(url, data=fields)
        assert response.status_code == 302, response.text
