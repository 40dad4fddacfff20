"""Secrets (access tokens, client secrets, a cached backup passphrase) live only in the keyring.

This is the only module that touches `keyring`. Rules:
- A usable backend is a real OS store (Secret Service, macOS Keychain, Windows Credential
  Locker, KWallet). The `fail`/`null` backends and the plaintext file stores of `keyrings.alt`
  are refused with `KeyringUnavailableError`: a token is never written to a plain file.
- Without a usable keyring the caller may choose a session store ("don't remember me"): secrets
  are then kept in this process's memory and vanish when it ends.
- Tests use `MemoryKeyring`, a real keyring backend that keeps values in a dict.
"""

from __future__ import annotations

from typing import Any

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from fedimove.core.errors import KeyringLockedError, KeyringUnavailableError

SERVICE = "Fedimove"

# Backends that would silently lose the secret or write it in the clear.
_REFUSED_MODULE_PREFIXES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


class _NeverViable:
    """A `priority` that raises when read, which keyring takes as "not usable here"."""

    def __get__(self, instance: object, owner: type | None = None) -> float:
        raise RuntimeError("this backend is used only when chosen explicitly")


class MemoryKeyring(KeyringBackend):
    """A keyring backend in memory: for tests and the "don't remember me" session."""

    # keyring registers every subclass it sees; a priority that raises makes this one "not
    # viable", so keyring never picks it on its own.
    priority = _NeverViable()

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.values[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError(username) from None


def backend_name(backend: KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _inner_backends(backend: KeyringBackend) -> list[KeyringBackend]:
    inner: Any = getattr(backend, "backends", None)
    return list(inner) if inner is not None else [backend]


def check_backend(backend: KeyringBackend) -> None:
    """Raise `KeyringUnavailableError` unless `backend` is a real secret store."""
    if isinstance(backend, MemoryKeyring):
        return
    candidates = _inner_backends(backend)
    usable = [
        b
        for b in candidates
        if not backend_name(b).startswith(_REFUSED_MODULE_PREFIXES) and _priority(b) > 0
    ]
    if not usable:
        raise KeyringUnavailableError("no usable keyring backend", backend=backend_name(backend))


def _priority(backend: KeyringBackend) -> float:
    try:
        return float(backend.priority)
    except Exception:  # a backend's priority property may probe the system and fail
        return 0.0


class SecretStore:
    """Get, set and delete named secrets in the keyring (or in memory for this session)."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        chosen = backend if backend is not None else keyring.get_keyring()
        check_backend(chosen)
        self._backend = chosen
        self.persistent = not isinstance(chosen, MemoryKeyring)

    @classmethod
    def session_only(cls) -> SecretStore:
        """A store that forgets everything when the process ends ("don't remember me")."""
        return cls(MemoryKeyring())

    @classmethod
    def open(cls, *, allow_session: bool) -> SecretStore:
        """The OS keyring, or with `allow_session` a memory store when none is usable."""
        try:
            return cls()
        except KeyringUnavailableError:
            if allow_session:
                return cls.session_only()
            raise

    @property
    def backend_description(self) -> str:
        return backend_name(self._backend)

    def get(self, key: str) -> str | None:
        try:
            return self._backend.get_password(SERVICE, key)
        except keyring.errors.KeyringLocked as exc:
            raise KeyringLockedError("keyring locked", backend=self.backend_description) from exc
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailableError(
                "keyring read failed", backend=self.backend_description
            ) from exc

    def set(self, key: str, value: str) -> None:
        if not value:
            raise ValueError("refusing to store an empty secret")
        try:
            self._backend.set_password(SERVICE, key, value)
        except keyring.errors.KeyringLocked as exc:
            raise KeyringLockedError("keyring locked", backend=self.backend_description) from exc
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailableError(
                "keyring write failed", backend=self.backend_description
            ) from exc

    def delete(self, key: str) -> bool:
        """Delete a secret; False if there was none."""
        try:
            self._backend.delete_password(SERVICE, key)
        except keyring.errors.PasswordDeleteError:
            return False
        except keyring.errors.KeyringLocked as exc:
            raise KeyringLockedError("keyring locked", backend=self.backend_description) from exc
        return True


def token_key(server: str, account: str) -> str:
    """The keyring name of an access token, e.g. `token:https://old.example:anna`."""
    return f"token:{server}:{account}"


def client_secret_key(server: str, client_id: str) -> str:
    return f"client-secret:{server}:{client_id}"


def passphrase_key(archive_id: str) -> str:
    return f"backup-passphrase:{archive_id}"
