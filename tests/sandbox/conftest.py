"""Fixtures for the practice Fediverse's own tests: a `small` network on a simulated clock,
an httpx client routed in-process, and a sign-in helper that goes through the real forms."""

from __future__ import annotations

import base64
import hashlib
import secrets
from collections.abc import AsyncIterator
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest

from fedimove.core.clock import SimulatedClock, utc
from fedimove.sandbox.network import PracticeNetwork
from fedimove.sandbox.testing import complete_authorization

REDIRECT = "http://127.0.0.1:8765/callback"
ALL_READ_WRITE = "read write"


@pytest.fixture
def clock() -> SimulatedClock:
    return SimulatedClock(utc(2026, 3, 2, 9, 0))


@pytest.fixture
def net(clock: SimulatedClock) -> PracticeNetwork:
    return PracticeNetwork.from_scenario("small", clock=clock, seed=1)


@pytest.fixture
async def client(net: PracticeNetwork) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=net.transport) as http:
        yield http


@dataclass
class App:
    origin: str
    client_id: str
    client_secret: str
    redirect_uri: str


def pkce_pair() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=")
    return verifier, challenge.decode()


async def register(
    client: httpx.AsyncClient,
    origin: str,
    scopes: str = ALL_READ_WRITE,
    redirect_uri: str = REDIRECT,
) -> App:
    response = await client.post(
        f"{origin}/api/v1/apps",
        data={"client_name": "Fedimove tests", "redirect_uris": redirect_uri, "scopes": scopes},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    return App(origin, body["client_id"], body["client_secret"], redirect_uri)


def authorize_url(
    app: App,
    scopes: str,
    state: str = "xyz",
    challenge: str | None = None,
    redirect_uri: str | None = None,
) -> str:
    query = {
        "response_type": "code",
        "client_id": app.client_id,
        "redirect_uri": redirect_uri or app.redirect_uri,
        "scope": scopes,
        "state": state,
    }
    if challenge:
        query |= {"code_challenge": challenge, "code_challenge_method": "S256"}
    return f"{app.origin}/oauth/authorize?{urlencode(query)}"


def code_from(location: str) -> str:
    return parse_qs(urlsplit(location).query)["code"][0]


async def exchange(
    client: httpx.AsyncClient,
    app: App,
    code: str,
    verifier: str | None = None,
    redirect_uri: str | None = None,
) -> httpx.Response:
    data = {
        "grant_type": "authorization_code",
        "code": code,
        "client_id": app.client_id,
        "client_secret": app.client_secret,
        "redirect_uri": redirect_uri or app.redirect_uri,
    }
    if verifier:
        data["code_verifier"] = verifier
    return await client.post(f"{app.origin}/oauth/token", data=data)


async def sign_in(
    client: httpx.AsyncClient,
    net: PracticeNetwork,
    handle: str,
    password: str,
    scopes: str = ALL_READ_WRITE,
) -> str:
    """A user token for `handle` through registration, the HTML forms and the token endpoint."""
    name = handle.split("@", 1)[1]
    app = await register(client, net.origin(name), scopes)
    verifier, challenge = pkce_pair()
    location = await complete_authorization(
        client, authorize_url(app, scopes, challenge=challenge), handle, password
    )
    response = await exchange(client, app, code_from(location), verifier)
    assert response.status_code == 200, response.text
    token: str = response.json()["access_token"]
    return token


async def token_for(
    client: httpx.AsyncClient,
    net: PracticeNetwork,
    name: str,
    username: str,
    scopes: str = ALL_READ_WRITE,
) -> str:
    """Sign in any local account of the scenario (gives it a password first)."""
    instance = net.instance(name)
    account = instance.state.find(username, instance.name)
    assert account is not None
    account.password = account.password or "pass-" + username
    return await sign_in(client, net, f"{username}@{name}", account.password, scopes)


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
