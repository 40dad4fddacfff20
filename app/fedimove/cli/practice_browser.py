"""The person at the browser for `fedimove practice-move`: answers the sign-in, consent and
settings pages of the practice demo accounts, and refuses any other address (it never opens a
real server's page)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import httpx

from fedimove.core.errors import PracticeMoveStoppedError
from fedimove.core.http import make_client
from fedimove.sandbox.testing import complete_authorization
from fedimove.ui.practice import DemoLogin, PracticeSession

SETTINGS_FIELDS = {
    "/settings/aliases": "account_alias[acct]",
    "/settings/migration": "account_migration[acct]",
}
_CSRF = re.compile(r"""name=['"]authenticity_token['"][^>]*value=['"]([^'"]*)['"]""")


class PracticeBrowser:
    """The service's `open_url`: answers the pages a person would, on the practice servers."""

    def __init__(self) -> None:
        self.session: PracticeSession | None = None

    async def __call__(self, url: str) -> None:
        session = self.session
        demo = session.login_for(url) if session is not None else None
        if session is None or demo is None or session.transport is None:
            raise PracticeMoveStoppedError("not a practice page", host=urlsplit(url).netloc)
        path = urlsplit(url).path
        async with httpx.AsyncClient(transport=session.transport) as http:
            if path == "/oauth/authorize":
                back = await complete_authorization(http, url, demo.login, demo.password)
                await _return_to_fedimove(back)
            elif path in SETTINGS_FIELDS:
                other = session.old if demo is session.new else session.new
                await _fill_settings_page(http, url, demo, other.handle.lstrip("@"))
            else:
                raise PracticeMoveStoppedError("no practice page to play here", path=path)


async def _return_to_fedimove(location: str) -> None:
    """The browser's redirect to Fedimove's own sign-in listener (loopback only)."""
    if urlsplit(location).hostname != "127.0.0.1":
        raise PracticeMoveStoppedError("the practice sign-in did not return to Fedimove's listener")
    async with make_client() as loopback:
        await loopback.get(location)


async def _fill_settings_page(
    http: httpx.AsyncClient, url: str, demo: DemoLogin, other_handle: str
) -> None:
    """Sign in to the web page, then submit the alias or Move form as Fedimove asked."""
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}"
    sign_in = await http.get(f"{origin}/auth/sign_in")
    await http.post(
        f"{origin}/auth/sign_in",
        data={
            "authenticity_token": _csrf(sign_in.text),
            "user[email]": demo.login,
            "user[password]": demo.password,
        },
    )
    page = await http.get(url)
    fields = {"authenticity_token": _csrf(page.text), SETTINGS_FIELDS[parts.path]: other_handle}
    if parts.path == "/settings/migration":
        fields["current_password"] = demo.password
    response = await http.post(url, data=fields)
    if response.status_code != 302:
        raise PracticeMoveStoppedError(
            "the practice settings page refused", status=response.status_code
        )


def _csrf(html: str) -> str:
    found = _CSRF.search(html)
    return found.group(1) if found else ""
