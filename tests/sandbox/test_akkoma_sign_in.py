"""Fedimove's real sign-in against the practice Akkoma: detection finds the Akkoma adapter, the
flow sends no PKCE, registers the exact loopback redirect it listens on (a new registration
when that port changes, as Akkoma compares redirect URIs exactly) and works out of band."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from fedimove.core.http import make_client
from fedimove.core.oauth.flow import SignInFlow
from fedimove.core.oauth.registration import RegistrationCache, loopback_port
from fedimove.core.oauth.scopes import Operation
from fedimove.core.oauth.tokens import verify_credentials
from fedimove.core.servers.base import ActionSupport, RedirectRule, SupportLevel
from fedimove.core.servers.detect import detect
from fedimove.core.storage.paths import AppPaths
from fedimove.core.storage.secrets import SecretStore
from fedimove.sandbox.network import PracticeNetwork
from fedimove.sandbox.testing import complete_authorization

PASSWORD = "practice-kim"


@pytest.fixture
def network() -> PracticeNetwork:
    network = PracticeNetwork(seed=2)
    ak = network.add_instance("ak.practice", "akkoma")
    kim = ak.state.new_account("kim", ak.name, network.clock.now())
    kim.email, kim.password = "kim@ak.practice", PASSWORD
    return network


@pytest.fixture
async def client(network: PracticeNetwork) -> AsyncIterator[httpx.AsyncClient]:
    async with make_client(transport=network.transport) as http:
        yield http


class Browser:
    """The person at the browser; the final redirect goes to the loopback listener."""

    def __init__(self, network: PracticeNetwork) -> None:
        self.network = network
        self.opened: list[str] = []
        self.delivered: list[int] = []

    async def __call__(self, url: str) -> None:
        self.opened.append(url)
        async with httpx.AsyncClient(transport=self.network.transport) as browser:
            location = await complete_authorization(browser, url, "kim", PASSWORD)
        async with httpx.AsyncClient() as real_http:  # over real loopback
            self.delivered.append((await real_http.get(location)).status_code)


async def test_detection_finds_akkoma(client: httpx.AsyncClient) -> None:
    target = await detect("@kim@ak.practice", client)
    server = target.server
    assert (server.software, server.version) == ("akkoma", "3.15.2")
    caps = server.capabilities
    assert caps.support is SupportLevel.FULL
    assert (caps.pkce, caps.redirect_rule, caps.oob) == (False, RedirectRule.EXACT, True)
    assert (caps.alias, caps.move, caps.move_needs_password) == (
        ActionSupport.API,
        ActionSupport.API,
        True,
    )
    assert caps.profile_limits.max_fields == 10
    assert target.actor_uri == "https://ak.practice/users/kim"


async def test_sign_in_without_pkce_on_the_exact_redirect(
    client: httpx.AsyncClient, network: PracticeNetwork, app_paths: AppPaths, secrets: SecretStore
) -> None:
    sent: list[httpx.Request] = []

    async def keep(request: httpx.Request) -> None:
        sent.append(request)

    client.event_hooks["request"].append(keep)
    target = await detect("@kim@ak.practice", client)
    browser = Browser(network)
    flow = SignInFlow(client, secrets=secrets, paths=app_paths, open_url=browser)
    account = await flow.sign_in(target, operation=Operation.WRITE, within=30)
    token = secrets.get(account.token_key)
    assert token
    assert (await verify_credentials(client, account.origin, token)).username == "kim"
    assert browser.delivered == [200]
    assert account.handle == "kim@ak.practice"
    authorize = parse_qs(urlsplit(browser.opened[0]).query)
    assert "code_challenge" not in authorize
    token_request = next(r for r in sent if r.url.path == "/oauth/token")
    assert b"code_verifier" not in token_request.content
    registered = RegistrationCache(app_paths.data).get("https://ak.practice")
    assert registered is not None
    assert authorize["redirect_uri"] == [registered.redirect_uris[0]]

    # The registered port is taken by another program: a new registration for the new port.
    with socket.socket() as squatter:
        squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        squatter.bind(("127.0.0.1", loopback_port(registered.redirect_uris[0])))
        squatter.listen()
        await flow.sign_in(target, operation=Operation.WRITE, within=30)
    assert browser.delivered == [200, 200]
    assert [r.url.path for r in sent].count("/api/v1/apps") == 2


async def test_out_of_band_sign_in(
    client: httpx.AsyncClient, network: PracticeNetwork, app_paths: AppPaths, secrets: SecretStore
) -> None:
    async def paste(url: str) -> str:
        assert "code_challenge" not in url
        async with httpx.AsyncClient(transport=network.transport) as browser:
            return await complete_authorization(browser, url, "kim", PASSWORD)

    target = await detect("@kim@ak.practice", client)
    flow = SignInFlow(client, secrets=secrets, paths=app_paths, read_pasted=paste)
    account = await flow.sign_in(target, use_browser=False)
    assert account.handle == "kim@ak.practice"
