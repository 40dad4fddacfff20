"""Mastodon's alias and migration settings pages on the practice servers: session cookie and
CSRF required, Mastodon's validations with its texts, and no API for either (while GoToSocial
has its API and no pages). Also holds the browser helper the other move tests share."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from html import unescape
from typing import Any
from urllib.parse import urljoin

import httpx
import pytest

from fedimove.sandbox.network import PracticeNetwork
from fedimove.sandbox.testing import complete_authorization

from .conftest import authorize_url, code_from, exchange, pkce_pair, register

_INPUT = re.compile(r"<input\b[^>]*>")
_ATTR = re.compile(r"([\w\-\[\]]+)='([^']*)'")


@dataclass
class Browser:
    http: httpx.AsyncClient
    origin: str
    token: str = ""

    async def page(self, path: str) -> httpx.Response:
        return await self.http.get(urljoin(self.origin, path))

    async def submit(
        self, path: str, fields: dict[str, str], csrf: str | None = None
    ) -> httpx.Response:
        page = await self.page(path)
        token = csrf if csrf is not None else csrf_of(page.text)
        return await self.http.post(
            urljoin(self.origin, path), data={"authenticity_token": token, **fields}
        )

    async def api(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self.token}"}
        return await self.http.request(
            method, urljoin(self.origin, path), headers=headers, **kwargs
        )


def csrf_of(html: str) -> str:
    for tag in _INPUT.findall(html):
        attrs = {k: unescape(v) for k, v in _ATTR.findall(tag)}
        if attrs.get("name") == "authenticity_token":
            return attrs["value"]
    raise AssertionError("no authenticity token on the page")


async def browser_for(net: PracticeNetwork, handle: str, password: str) -> AsyncIterator[Browser]:
    """A signed-in browser (session cookie kept) with a user token, through the real forms."""
    user, name = handle.split("@", 1)
    async with httpx.AsyncClient(transport=net.transport) as http:
        app = await register(http, net.origin(name), "read write")
        verifier, challenge = pkce_pair()
        location = await complete_authorization(
            http, authorize_url(app, "read write", challenge=challenge), handle, password
        )
        token = (await exchange(http, app, code_from(location), verifier)).json()["access_token"]
        browser = Browser(http, net.origin(name), token)
        # complete_authorization keeps its cookies to itself: sign in again for the session.
        page = await http.get(f"{browser.origin}/auth/sign_in")
        fields = {
            "authenticity_token": csrf_of(page.text),
            "user[email]": f"{user}@{name}",
            "user[password]": password,
        }
        if "csrf_token" in page.text:
            fields = {
                "csrf_token": page.text.split("name='csrf_token' value='")[1].split("'")[0],
                "username": f"{user}@{name}",
                "password": password,
            }
        response = await http.post(f"{browser.origin}/auth/sign_in", data=fields)
        assert response.status_code == 302, response.text
        yield browser


@pytest.fixture
async def old(net: PracticeNetwork) -> AsyncIterator[Browser]:
    truth = net.ground_truth
    async for browser in browser_for(net, truth.old, truth.passwords[truth.old]):
        yield browser


@pytest.fixture
async def new(net: PracticeNetwork) -> AsyncIterator[Browser]:
    truth = net.ground_truth
    async for browser in browser_for(net, truth.new, truth.passwords[truth.new]):
        yield browser


async def test_pages_need_the_signed_in_session(
    client: httpx.AsyncClient, net: PracticeNetwork
) -> None:
    for path in ("/settings/aliases", "/settings/migration", "/settings/imports"):
        response = await client.get(f"{net.origin('old.practice')}{path}")
        assert response.status_code == 302
        assert response.headers["location"] == "/auth/sign_in"


async def test_forms_need_the_csrf_token(old: Browser, net: PracticeNetwork) -> None:
    move = {"account_migration[acct]": net.ground_truth.new, "current_password": "x"}
    response = await old.submit("/settings/migration", move, csrf="forged")
    assert response.status_code == 422
    response = await old.submit("/settings/aliases", {"account_alias[acct]": "x@y"}, csrf="")
    assert response.status_code == 422


async def test_alias_validations_and_unlinking(new: Browser, net: PracticeNetwork) -> None:
    truth = net.ground_truth
    missing = await new.submit("/settings/aliases", {"account_alias[acct]": "nobody@old.practice"})
    assert (missing.status_code, "could not be found" in missing.text) == (200, True)
    itself = await new.submit("/settings/aliases", {"account_alias[acct]": truth.new})
    assert "cannot be current account" in itself.text

    created = await new.submit("/settings/aliases", {"account_alias[acct]": "@" + truth.old})
    assert created.status_code == 302
    page = await new.page("/settings/aliases")
    assert "Successfully created a new alias" in page.text
    assert truth.old in page.text
    anna = net.instance("new.practice").state.find("anna", "new.practice")
    assert anna is not None
    assert anna.also_known_as == [f"{net.origin('old.practice')}/users/anna"]

    unlink = re.search(r"action='(/settings/aliases/\d+)'", page.text)
    assert unlink is not None
    response = await new.http.post(
        urljoin(new.origin, unlink[1]),
        data={"authenticity_token": csrf_of(page.text), "_method": "delete"},
    )
    assert response.status_code == 302
    assert anna.also_known_as == []


async def test_migration_validations(old: Browser, new: Browser, net: PracticeNetwork) -> None:
    truth = net.ground_truth
    password = truth.passwords[truth.old]
    wrong = await old.submit(
        "/settings/migration", {"account_migration[acct]": truth.new, "current_password": "not-it"}
    )
    assert (wrong.status_code, "is invalid" in wrong.text) == (200, True)
    no_alias = await old.submit(
        "/settings/migration", {"account_migration[acct]": truth.new, "current_password": password}
    )
    assert "is not an alias of this account" in no_alias.text
    itself = await old.submit(
        "/settings/migration", {"account_migration[acct]": truth.old, "current_password": password}
    )
    assert "cannot be current account" in itself.text
    unknown = await old.submit(
        "/settings/migration",
        {"account_migration[acct]": "ghost@new.practice", "current_password": password},
    )
    assert "could not be found" in unknown.text
    anna = net.instance("old.practice").state.find("anna", "old.practice")
    assert anna is not None
    assert anna.moved_to is None


async def test_mastodon_has_no_move_api_and_gotosocial_no_pages(
    old: Browser, client: httpx.AsyncClient, net: PracticeNetwork
) -> None:
    for path in ("/api/v1/accounts/alias", "/api/v1/accounts/move", "/api/v1/import"):
        assert (await old.api("POST", path, data={"x": "1"})).status_code == 404
    gts = net.origin("gts.practice")
    for path in ("/settings/aliases", "/settings/migration", "/settings/imports"):
        assert (await client.get(f"{gts}{path}")).status_code == 404
