"""Sign in end to end against the practice Fediverse, through the real loopback redirect.

The test plays the browser: `complete_authorization` fills the practice server's real sign-in
and consent forms, then the redirect it ends on is delivered to Fedimove's loopback listener
over real HTTP. Every request Fedimove sends is checked against ../contracts/.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from tests.core.oauth.contract_check import ContractRecorder

from fedimove.core.accounts import AccountsRegistry
from fedimove.core.errors import AuthStateMismatchError, TokenInvalidError, WrongAccountError
from fedimove.core.http import make_client
from fedimove.core.oauth.flow import SignInFlow
from fedimove.core.oauth.loopback import LoopbackListener
from fedimove.core.oauth.registration import RegistrationCache, loopback_port
from fedimove.core.oauth.scopes import Operation
from fedimove.core.oauth.tokens import verify_credentials
from fedimove.core.servers.base import RedirectRule
from fedimove.core.servers.detect import detect
from fedimove.core.storage.paths import AppPaths
from fedimove.core.storage.secrets import MemoryKeyring, SecretStore
from fedimove.sandbox.network import PracticeNetwork
from fedimove.sandbox.testing import complete_authorization

FLAVOURS = {  # instance of the small scenario → (flavour, software, PKCE)
    "old.practice": ("mastodon", True),
    "legacy.practice": ("mastodon", False),
    "gts.practice": ("gotosocial", True),
}
TESTER_PASSWORD = "practice-tester-password"


def add_tester(network: PracticeNetwork, name: str) -> str:
    """A local account with a password on any practice instance; returns its handle."""
    if name == "old.practice":
        return "anna@old.practice"
    instance = network.instance(name)
    account = instance.state.new_account(
        "tester", instance.name, instance.clock.now() - timedelta(days=9)
    )
    account.email = f"tester@{instance.name}"
    account.password = TESTER_PASSWORD
    return f"tester@{name}"


def password_for(network: PracticeNetwork, handle: str) -> str:
    return dict(network.demo_logins).get(handle, TESTER_PASSWORD)


@pytest.fixture
def network() -> PracticeNetwork:
    return PracticeNetwork.from_scenario("small", seed=1)


@dataclass
class Browser:
    """Plays the person at the browser; delivers the final redirect to the loopback listener."""

    network: PracticeNetwork
    username: str
    password: str
    contracts: ContractRecorder
    tamper: Callable[[str], str] = lambda location: location
    opened: list[str] = field(default_factory=list)
    delivered: list[int] = field(default_factory=list)

    async def __call__(self, url: str) -> None:
        self.opened.append(url)
        self.contracts.check_url(url)
        async with httpx.AsyncClient(transport=self.network.transport) as browser_client:
            location = await complete_authorization(
                browser_client, url, self.username, self.password
            )
        async with httpx.AsyncClient() as real_http:  # the redirect goes over real loopback
            reply = await real_http.get(self.tamper(location))
        self.delivered.append(reply.status_code)


@pytest.fixture
def paths(app_paths: AppPaths) -> AppPaths:
    return app_paths


async def _client(network: PracticeNetwork, recorder: ContractRecorder) -> httpx.AsyncClient:
    client = make_client(transport=network.transport)
    client.event_hooks["request"].append(recorder)
    return client


@pytest.mark.parametrize("name", sorted(FLAVOURS))
async def test_detection_of_each_flavour(network: PracticeNetwork, name: str) -> None:
    software, pkce = FLAVOURS[name]
    recorder = ContractRecorder(software)
    async with await _client(network, recorder) as client:
        target = await detect(f"https://{name}", client)
    server = target.server
    assert server.software == software
    assert server.capabilities.pkce is pkce
    expected_rule = (
        RedirectRule.EXACT if software == "gotosocial" else RedirectRule.LOOPBACK_ANY_PORT
    )
    assert server.capabilities.redirect_rule is expected_rule
    assert server.capabilities.can_sign_in
    assert recorder.failures == []


async def test_detection_from_a_handle_finds_the_actor(network: PracticeNetwork) -> None:
    recorder = ContractRecorder("mastodon")
    async with await _client(network, recorder) as client:
        target = await detect("@anna@old.practice", client)
    assert target.handle is not None
    assert target.handle.acct == "anna@old.practice"
    assert target.actor_uri == "https://old.practice/users/anna"
    assert target.server.origin == "https://old.practice"
    assert recorder.failures == []


@pytest.mark.parametrize("name", sorted(FLAVOURS))
async def test_sign_in_through_the_loopback_redirect(
    network: PracticeNetwork, paths: AppPaths, secrets: SecretStore, name: str
) -> None:
    software, pkce = FLAVOURS[name]
    handle = add_tester(network, name)
    recorder = ContractRecorder(software)
    sent: list[httpx.Request] = []
    browser = Browser(network, handle.split("@")[0], password_for(network, handle), recorder)
    async with await _client(network, recorder) as client:
        client.event_hooks["request"].append(_keep(sent))
        target = await detect(f"@{handle}", client)
        flow = SignInFlow(client, secrets=secrets, paths=paths, open_url=browser)
        account = await flow.sign_in(target, operation=Operation.WRITE, within=30)
        token = secrets.get(account.token_key)
        assert token
        verified = await verify_credentials(client, account.origin, token)
    assert browser.delivered == [200]
    assert account.handle == handle
    assert verified.username == handle.split("@")[0]
    assert account.actor_uri.endswith(f"/users/{handle.split('@')[0]}")
    assert AccountsRegistry(paths).get(handle) == account
    authorize = parse_qs(urlsplit(browser.opened[0]).query)
    assert ("code_challenge" in authorize) is pkce
    token_request = next(r for r in sent if r.url.path == "/oauth/token")
    assert (b"code_verifier" in token_request.content) is pkce
    assert ("profile" in account.scopes) is pkce  # profile exists exactly where PKCE does here
    assert recorder.failures == []


def _keep(sent: list[httpx.Request]) -> Callable[[httpx.Request], Coroutine[Any, Any, None]]:
    async def hook(request: httpx.Request) -> None:
        sent.append(request)

    return hook


async def test_a_wrong_state_is_refused(
    network: PracticeNetwork, paths: AppPaths, secrets: SecretStore
) -> None:
    recorder = ContractRecorder("mastodon")

    def forge(location: str) -> str:
        return location.replace("state=", "state=forged")

    browser = Browser(network, "anna", password_for(network, "anna@old.practice"), recorder, forge)
    async with await _client(network, recorder) as client:
        target = await detect("@anna@old.practice", client)
        flow = SignInFlow(client, secrets=secrets, paths=paths, open_url=browser)
        with pytest.raises(AuthStateMismatchError):
            await flow.sign_in(target, within=30)
    assert browser.delivered == [400]
    assert AccountsRegistry(paths).all() == []


async def test_registration_is_cached_per_server_and_renewed_for_a_new_exact_port(
    network: PracticeNetwork, paths: AppPaths, secrets: SecretStore
) -> None:
    handle = add_tester(network, "gts.practice")
    recorder = ContractRecorder("gotosocial")
    sent: list[httpx.Request] = []
    async with await _client(network, recorder) as client:
        client.event_hooks["request"].append(_keep(sent))
        gts = await detect(f"@{handle}", client)
        mastodon = await detect("@anna@old.practice", client)

        async def sign_in_both() -> None:
            for target, user in ((gts, "tester"), (mastodon, "anna")):
                password = password_for(network, f"{user}@{target.server.host}")
                browser = Browser(network, user, password, ContractRecorder(target.server.software))
                flow = SignInFlow(client, secrets=secrets, paths=paths, open_url=browser)
                await flow.sign_in(target, within=30)

        await sign_in_both()
        await sign_in_both()  # GoToSocial's registered port is free again: reused
        registered = RegistrationCache(paths.data).get("https://gts.practice")
        assert registered is not None
        with socket.socket() as squatter:  # another program took that port meanwhile
            squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            squatter.bind(("127.0.0.1", loopback_port(registered.redirect_uris[0])))
            squatter.listen()
            await sign_in_both()
    registrations = [r.url.host for r in sent if r.url.path == "/api/v1/apps"]
    # GoToSocial matches the redirect exactly: only a new loopback port needs a registration;
    # Mastodon ignores the loopback port, so one registration serves every sign-in.
    assert registrations.count("gts.practice") == 2
    assert registrations.count("old.practice") == 1


async def test_sign_out_revokes_on_the_server_and_forgets_locally(
    network: PracticeNetwork, paths: AppPaths, secrets: SecretStore
) -> None:
    recorder = ContractRecorder("mastodon")
    browser = Browser(network, "anna", password_for(network, "anna@old.practice"), recorder)
    async with await _client(network, recorder) as client:
        target = await detect("@anna@old.practice", client)
        flow = SignInFlow(client, secrets=secrets, paths=paths, open_url=browser)
        account = await flow.sign_in(target, within=30)
        token = secrets.get(account.token_key)
        assert token
        assert await flow.sign_out(account) is True
        with pytest.raises(TokenInvalidError):
            await verify_credentials(client, account.origin, token)
    assert secrets.get(account.token_key) is None
    assert AccountsRegistry(paths).all() == []
    assert recorder.failures == []


async def test_signing_in_as_someone_else_is_refused(
    network: PracticeNetwork, paths: AppPaths, secrets: SecretStore, memory_keyring: MemoryKeyring
) -> None:
    add_tester(network, "gts.practice")
    other = network.instance("gts.practice").state.new_account(
        "bob", "gts.practice", network.clock.now()
    )
    other.email, other.password = "bob@gts.practice", "bob-password"
    recorder = ContractRecorder("gotosocial")
    browser = Browser(network, "bob", "bob-password", recorder)
    async with await _client(network, recorder) as client:
        target = await detect("@tester@gts.practice", client)
        flow = SignInFlow(client, secrets=secrets, paths=paths, open_url=browser)
        with pytest.raises(WrongAccountError):
            await flow.sign_in(target, within=30)
    assert not [key for _, key in memory_keyring.values if key.startswith("token:")]
    assert AccountsRegistry(paths).all() == []


async def test_out_of_band_code_when_there_is_no_browser(
    network: PracticeNetwork, paths: AppPaths, secrets: SecretStore
) -> None:
    recorder = ContractRecorder("mastodon")
    password = password_for(network, "anna@old.practice")

    async def paste(url: str) -> str:
        recorder.check_url(url)
        async with httpx.AsyncClient(transport=network.transport) as browser_client:
            return await complete_authorization(browser_client, url, "anna", password)

    async with await _client(network, recorder) as client:
        target = await detect("@anna@old.practice", client)
        flow = SignInFlow(client, secrets=secrets, paths=paths, read_pasted=paste)
        account = await flow.sign_in(target, use_browser=False)
    assert account.handle == "anna@old.practice"
    assert recorder.failures == []


async def test_paste_an_access_token_as_a_last_resort(
    network: PracticeNetwork, paths: AppPaths, secrets: SecretStore
) -> None:
    recorder = ContractRecorder("mastodon")
    password = password_for(network, "anna@old.practice")
    async with await _client(network, recorder) as client:
        target = await detect("@anna@old.practice", client)
        browser = Browser(network, "anna", password, recorder)
        first = await SignInFlow(client, secrets=secrets, paths=paths, open_url=browser).sign_in(
            target, within=30
        )
        token = secrets.get(first.token_key)
        assert token
        AccountsRegistry(paths).remove(first.handle)
        secrets.delete(first.token_key)
        flow = SignInFlow(client, secrets=secrets, paths=paths)
        account = await flow.sign_in_with_token(target, f"  {token}\n")
    assert account.account_id == first.account_id
    assert secrets.get(account.token_key) == token


@pytest.mark.parametrize(
    ("text", "acct"),
    [
        ("https://old.practice/@anna", "anna@old.practice"),
        ("https://gts.practice/@anna@old.practice", "anna@old.practice"),
        ("anna@old.practice", "anna@old.practice"),
    ],
)
async def test_a_profile_address_names_the_account(
    network: PracticeNetwork, text: str, acct: str
) -> None:
    async with make_client(transport=network.transport) as client:
        target = await detect(text, client)
    assert target.handle is not None
    assert target.handle.acct == acct
    assert target.server.origin == "https://old.practice"


async def test_sign_out_while_the_server_is_down_still_forgets_locally(
    network: PracticeNetwork, paths: AppPaths, secrets: SecretStore, memory_keyring: MemoryKeyring
) -> None:
    recorder = ContractRecorder("mastodon")
    browser = Browser(network, "anna", password_for(network, "anna@old.practice"), recorder)
    async with await _client(network, recorder) as client:
        target = await detect("@anna@old.practice", client)
        flow = SignInFlow(client, secrets=secrets, paths=paths, open_url=browser)
        account = await flow.sign_in(target, within=30)
        network.instance("old.practice").knobs.reachable = False
        assert await flow.sign_out(account) is False
        flow.forget_app(account.origin)
    assert AccountsRegistry(paths).all() == []
    assert memory_keyring.values == {}  # neither the token nor the client secret is left
    assert RegistrationCache(paths.data).get(account.origin) is None


async def test_no_loopback_port_falls_back_to_the_out_of_band_code(
    network: PracticeNetwork, paths: AppPaths, secrets: SecretStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def no_ports(self: LoopbackListener) -> LoopbackListener:
        raise OSError("no ports for you")

    monkeypatch.setattr(LoopbackListener, "start", no_ports)
    password = password_for(network, "anna@old.practice")
    pasted: list[str] = []

    async def paste(url: str) -> str:
        pasted.append(url)
        async with httpx.AsyncClient(transport=network.transport) as browser_client:
            return await complete_authorization(browser_client, url, "anna", password)

    async with make_client(transport=network.transport) as client:
        target = await detect("@anna@old.practice", client)
        flow = SignInFlow(client, secrets=secrets, paths=paths, read_pasted=paste)
        account = await flow.sign_in(target)
    assert account.handle == "anna@old.practice"
    assert "redirect_uri=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob" in pasted[0]


@pytest.mark.parametrize("name", ["old.practice", "legacy.practice"])
async def test_signing_in_from_a_server_address_learns_the_handle_and_actor(
    network: PracticeNetwork, paths: AppPaths, secrets: SecretStore, name: str
) -> None:
    handle = add_tester(network, name)
    user = handle.split("@")[0]
    recorder = ContractRecorder("mastodon")
    browser = Browser(network, user, password_for(network, handle), recorder)
    async with await _client(network, recorder) as client:
        target = await detect(f"https://{name}", client)
        assert target.handle is None
        flow = SignInFlow(client, secrets=secrets, paths=paths, open_url=browser)
        account = await flow.sign_in(target, within=30)
    assert account.handle == handle
    assert account.actor_uri == f"https://{name}/users/{user}"
    assert recorder.failures == []
