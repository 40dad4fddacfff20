"""A locked keyring stops the sign-in with `keyring.locked`; nothing falls back to a file."""

from __future__ import annotations

import keyring.errors
import pytest

from fedimove.core.accounts import AccountsRegistry, SignedInAccount, token_for
from fedimove.core.errors import KeyringLockedError, KeyringUnavailableError, NotSignedInError
from fedimove.core.http import make_client
from fedimove.core.oauth.flow import SignInFlow
from fedimove.core.servers.detect import detect
from fedimove.core.storage.paths import AppPaths
from fedimove.core.storage.secrets import MemoryKeyring, SecretStore
from fedimove.sandbox.network import PracticeNetwork


class LockedKeyring(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("locked")


async def test_a_locked_keyring_refuses_and_writes_no_secret_elsewhere(app_paths: AppPaths) -> None:
    network = PracticeNetwork.from_scenario("small", seed=1)
    secrets = SecretStore(LockedKeyring())
    opened: list[str] = []
    async with make_client(transport=network.transport) as client:
        target = await detect("@anna@old.practice", client)
        flow = SignInFlow(client, secrets=secrets, paths=app_paths, open_url=opened.append)
        with pytest.raises(KeyringLockedError):
            await flow.sign_in(target, within=5)
    assert opened == []  # stopped before the browser was sent anywhere
    assert not (app_paths.data / "oauth_apps.json").exists()


def test_no_usable_keyring_is_said_not_hidden() -> None:
    from keyring.backends.fail import Keyring as FailKeyring

    keyring.set_keyring(FailKeyring())
    with pytest.raises(KeyringUnavailableError):
        SecretStore()
    assert not SecretStore.open(allow_session=True).persistent


def test_accounts_registry_round_trip_and_missing_token(app_paths: AppPaths) -> None:
    registry = AccountsRegistry(app_paths)
    account = SignedInAccount(
        handle="anna@old.example",
        origin="https://old.example",
        account_id="7",
        actor_uri="https://old.example/users/anna",
        software="mastodon",
        version="4.4.0",
        client_id="cid",
        scopes=("read:accounts",),
        signed_in_at="2026-01-01T00:00:00+00:00",
    )
    registry.put(account)
    assert registry.get("@Anna@old.example") == account
    secrets = SecretStore(MemoryKeyring())
    with pytest.raises(NotSignedInError):
        token_for(account, secrets)
    secrets.set(account.token_key, "tok")
    assert token_for(account, secrets) == "tok"
    assert "tok" not in registry.path.read_text()
    assert registry.remove("anna@old.example")
    assert registry.find("anna@old.example") is None
