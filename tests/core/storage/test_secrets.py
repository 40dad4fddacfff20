from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail, null

from fedimove.core.errors import KeyringUnavailableError
from fedimove.core.storage.secrets import MemoryKeyring, SecretStore, token_key


def test_round_trip(memory_keyring: MemoryKeyring) -> None:
    store = SecretStore(memory_keyring)
    key = token_key("https://old.example", "anna")
    assert store.get(key) is None
    store.set(key, "s3cret")
    assert store.get(key) == "s3cret"
    assert memory_keyring.values == {("Fedimove", key): "s3cret"}
    assert store.delete(key) is True
    assert store.delete(key) is False
    assert store.get(key) is None


def test_empty_secret_is_refused(secrets: SecretStore) -> None:
    with pytest.raises(ValueError, match="empty"):
        secrets.set("k", "")


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()])
def test_unusable_backends_are_refused_with_a_coded_error(
    backend: keyring.backend.KeyringBackend,
) -> None:
    with pytest.raises(KeyringUnavailableError) as raised:
        SecretStore(backend)
    assert raised.value.code == "keyring.unavailable"
    assert "keyring.backends" in str(raised.value.params["backend"])


def test_plaintext_file_backends_are_refused() -> None:
    from fedimove.core.storage.secrets import check_backend

    class FileBackend(keyring.backend.KeyringBackend):
        priority = 5  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            return None

        def set_password(self, service: str, username: str, password: str) -> None:
            raise AssertionError("must never be written")

        def delete_password(self, service: str, username: str) -> None:
            return None

    FileBackend.__module__ = "keyrings.alt.file"
    with pytest.raises(KeyringUnavailableError):
        check_backend(FileBackend())


def test_open_falls_back_to_a_session_store_only_when_allowed() -> None:
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(KeyringUnavailableError):
        SecretStore.open(allow_session=False)
    store = SecretStore.open(allow_session=True)
    assert store.persistent is False
    store.set("k", "v")
    assert store.get("k") == "v"


def test_memory_backend_is_never_picked_by_keyring_itself() -> None:
    # keyring registers every KeyringBackend subclass; ours must not become the default.
    assert MemoryKeyring.viable is False
