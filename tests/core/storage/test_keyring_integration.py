"""The secrets store against a real OS keyring (Secret Service over D-Bus).

CI runs it inside `dbus-run-session` with an unlocked gnome-keyring and sets
FEDIMOVE_REQUIRE_KEYRING=1, so a missing keyring fails there instead of skipping.
"""

from __future__ import annotations

import os
import secrets as random_secrets

import keyring
import pytest

from fedimove.core.storage.secrets import SecretStore

pytestmark = pytest.mark.keyring_integration


def _secret_service() -> keyring.backend.KeyringBackend:
    from keyring.backends import SecretService

    backend = SecretService.Keyring()
    try:
        backend.priority  # noqa: B018 - raises when no Secret Service is reachable
    except Exception as exc:
        if os.environ.get("FEDIMOVE_REQUIRE_KEYRING"):
            raise AssertionError(f"Secret Service required but unusable: {exc}") from exc
        pytest.skip(f"no Secret Service here: {exc}")
    return backend


def test_round_trip_in_the_real_keyring() -> None:
    store = SecretStore(_secret_service())
    assert store.persistent
    assert "SecretService" in store.backend_description
    key = f"test:{random_secrets.token_hex(8)}"
    value = random_secrets.token_urlsafe(24)
    try:
        store.set(key, value)
        assert store.get(key) == value
        # A second store (a new process would do the same) reads it back from the OS keyring.
        assert SecretStore(_secret_service()).get(key) == value
    finally:
        store.delete(key)
    assert store.get(key) is None
