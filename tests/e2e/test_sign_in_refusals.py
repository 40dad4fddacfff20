"""What a person meets when sign-in cannot succeed, each as a coded error (practice servers)."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from fedimove.core.accounts import AccountsRegistry
from fedimove.core.clock import SimulatedClock
from fedimove.core.errors import (
    AccountDisabledError,
    AccountMovedError,
    AccountSuspendedError,
    AuthCodeInvalidError,
    AuthDeniedError,
    FedimoveError,
)
from fedimove.core.http import make_client
from fedimove.core.oauth.flow import SignInFlow
from fedimove.core.servers.detect import detect
from fedimove.core.storage.paths import AppPaths
from fedimove.core.storage.secrets import SecretStore
from fedimove.sandbox.network import PracticeNetwork
from fedimove.sandbox.testing import complete_authorization


def _browser(
    network: PracticeNetwork,
    *,
    approve: bool = True,
    before_redirect: Callable[[], None] = lambda: None,
    tamper: Callable[[str], str] = lambda location: location,
) -> Callable[[str], object]:
    password = dict(network.demo_logins)["anna@old.practice"]

    async def play(url: str) -> None:
        async with httpx.AsyncClient(transport=network.transport) as browser_client:
            location = await complete_authorization(
                browser_client, url, "anna", password, approve=approve
            )
        before_redirect()
        async with httpx.AsyncClient() as real_http:
            await real_http.get(tamper(location))

    return play


async def _sign_in(
    network: PracticeNetwork,
    paths: AppPaths,
    secrets: SecretStore,
    after_detection: Callable[[], None] = lambda: None,
    **kw: object,
) -> None:
    async with make_client(transport=network.transport) as client:
        target = await detect("@anna@old.practice", client)
        after_detection()
        flow = SignInFlow(client, secrets=secrets, paths=paths, open_url=_browser(network, **kw))  # type: ignore[arg-type]
        await flow.sign_in(target, within=30)


@pytest.fixture
def network() -> PracticeNetwork:
    return PracticeNetwork.from_scenario("small", clock=SimulatedClock(), seed=2)


def _anna(network: PracticeNetwork):  # type: ignore[no-untyped-def]
    instance = network.instance("old.practice")
    return instance.state.find("anna", instance.name)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("moved", AccountMovedError),
        ("suspended", AccountSuspendedError),
        ("unapproved", AccountDisabledError),
    ],
)
async def test_accounts_that_cannot_use_the_api(
    network: PracticeNetwork,
    app_paths: AppPaths,
    secrets: SecretStore,
    change: str,
    expected: type[FedimoveError],
) -> None:
    anna = _anna(network)
    old = network.instance("old.practice")

    def change_account() -> None:  # after detection: a suspended account has no WebFinger
        if change == "moved":
            anna2 = old.state.new_account("anna2", old.name, network.clock.now())
            anna.moved_to = old.actor_uri(anna2)
        elif change == "suspended":
            anna.suspended = True
        else:
            anna.approved = False

    with pytest.raises(FedimoveError) as caught:
        await _sign_in(network, app_paths, secrets, after_detection=change_account)
    assert type(caught.value) is expected
    assert AccountsRegistry(app_paths).all() == []


async def test_access_denied_in_the_browser(
    network: PracticeNetwork, app_paths: AppPaths, secrets: SecretStore
) -> None:
    with pytest.raises(AuthDeniedError):
        await _sign_in(network, app_paths, secrets, approve=False)


async def test_an_expired_code(
    network: PracticeNetwork, app_paths: AppPaths, secrets: SecretStore
) -> None:
    clock = network.clock
    assert isinstance(clock, SimulatedClock)
    with pytest.raises(AuthCodeInvalidError):
        await _sign_in(network, app_paths, secrets, before_redirect=lambda: clock.advance(11 * 60))


async def test_a_wrong_code(
    network: PracticeNetwork, app_paths: AppPaths, secrets: SecretStore
) -> None:
    def wrong_code(location: str) -> str:
        return location.replace("code=", "code=x")

    with pytest.raises(AuthCodeInvalidError):
        await _sign_in(network, app_paths, secrets, tamper=wrong_code)
