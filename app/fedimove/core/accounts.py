"""The signed-in accounts: which handles Fedimove can act for, and where (no secrets here).

One small JSON file in the data directory lists each account's handle, server origin, account
id and actor URI. Its token lives in the keyring under `token_key(origin, account_id)`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from fedimove.core.errors import NotSignedInError, StorageError
from fedimove.core.models import Handle
from fedimove.core.storage.files import write_private_json
from fedimove.core.storage.paths import AppPaths
from fedimove.core.storage.secrets import SecretStore, token_key

ACCOUNTS_FILE = "accounts.json"


@dataclass(frozen=True, slots=True)
class SignedInAccount:
    handle: str  # `user@domain` as the user knows it
    origin: str  # where the server's API answers
    account_id: str
    actor_uri: str
    software: str
    version: str
    client_id: str
    scopes: tuple[str, ...]
    signed_in_at: str  # ISO 8601, UTC
    display_name: str = ""

    @property
    def token_key(self) -> str:
        return token_key(self.origin, self.account_id)


class AccountsRegistry:
    def __init__(self, paths: AppPaths) -> None:
        self.path: Path = paths.data / ACCOUNTS_FILE

    def _load(self) -> dict[str, Any]:
        try:
            loaded = json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            raise StorageError("the accounts file cannot be read") from error
        return loaded if isinstance(loaded, dict) else {}

    def all(self) -> list[SignedInAccount]:
        accounts = [_from_entry(entry) for entry in self._load().values()]
        return sorted((a for a in accounts if a is not None), key=lambda a: a.handle)

    def find(self, handle: str) -> SignedInAccount | None:
        key = Handle.parse(handle).acct.lower()
        return _from_entry(self._load().get(key))

    def get(self, handle: str) -> SignedInAccount:
        account = self.find(handle)
        if account is None:
            raise NotSignedInError("not signed in", handle=Handle.parse(handle).acct)
        return account

    def put(self, account: SignedInAccount) -> None:
        entries = self._load()
        entries[account.handle.lower()] = asdict(account)
        self._write(entries)

    def remove(self, handle: str) -> bool:
        entries = self._load()
        removed = entries.pop(Handle.parse(handle).acct.lower(), None) is not None
        if removed:
            self._write(entries)
        return removed

    def _write(self, entries: dict[str, Any]) -> None:
        try:
            write_private_json(self.path, entries)
        except OSError as error:
            raise StorageError("the accounts file cannot be written") from error


def _from_entry(entry: Any) -> SignedInAccount | None:
    if not isinstance(entry, dict):
        return None
    try:
        return SignedInAccount(**{**entry, "scopes": tuple(entry.get("scopes", ()))})
    except TypeError:
        return None


def token_for(account: SignedInAccount, secrets: SecretStore) -> str:
    """The account's access token from the secret store; `auth.not_signed_in` when gone."""
    token = secrets.get(account.token_key)
    if not token:
        raise NotSignedInError("no token in the keyring", handle=account.handle)
    return token
