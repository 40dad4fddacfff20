"""Register Fedimove as an OAuth app once per server, and remember it (DESIGN §0.10).

Mastodon allows 5 registrations per 10 minutes per IP, so the client id and redirect URIs are
cached in a small JSON file in the data directory (not a secret); the client secret goes to
the keyring. A cached registration is reused while it covers the redirect URI and the scopes
the sign-in needs: on exact-match servers (GoToSocial, Akkoma) a new loopback port means a new
registration; Mastodon ignores the port of loopback IP literals (fediverse-apis §1.1).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import httpx

from fedimove.core.errors import (
    AppRegistrationError,
    MalformedResponseError,
    RateLimitedError,
    StorageError,
)
from fedimove.core.http import is_loopback_host
from fedimove.core.servers.base import RedirectRule, ServerInfo
from fedimove.core.servers.fetch import raise_if_server_down, request_json
from fedimove.core.storage.files import write_private_json
from fedimove.core.storage.secrets import SecretStore, client_secret_key

CLIENT_NAME = "Fedimove"
WEBSITE = "https://fedimove.app"
OOB_URI = "urn:ietf:wg:oauth:2.0:oob"
LOOPBACK_ANY_PORT_URI = "http://127.0.0.1/callback"
CACHE_FILE = "oauth_apps.json"


@dataclass(frozen=True, slots=True)
class AppRegistration:
    origin: str
    client_id: str
    redirect_uris: tuple[str, ...]
    scopes: tuple[str, ...]

    def covers(self, redirect_uri: str, scopes: tuple[str, ...], rule: RedirectRule) -> bool:
        if not set(scopes) <= set(self.scopes):
            return False
        return any(redirect_matches(r, redirect_uri, rule) for r in self.redirect_uris)


def redirect_matches(registered: str, requested: str, rule: RedirectRule) -> bool:
    """Doorkeeper's rule: equal, or equal but for the port when both are loopback IP literals."""
    if registered == requested:
        return True
    if rule is not RedirectRule.LOOPBACK_ANY_PORT or OOB_URI in (registered, requested):
        return False
    a, b = httpx.URL(registered), httpx.URL(requested)
    loopback_ip = is_loopback_host(a.host) and a.host != "localhost" and a.host == b.host
    return loopback_ip and (a.scheme, a.path, a.query) == (b.scheme, b.path, b.query)


def loopback_port(uri: str) -> int:
    """The port of a registered `http://127.0.0.1:PORT/...` redirect URI (0 for others)."""
    try:
        parsed = httpx.URL(uri)
    except (httpx.InvalidURL, ValueError):
        return 0
    return (parsed.port or 0) if parsed.scheme == "http" and parsed.host == "127.0.0.1" else 0


def redirect_uris_to_register(server: ServerInfo, redirect_uri: str) -> tuple[str, ...]:
    if server.capabilities.redirect_rule is RedirectRule.LOOPBACK_ANY_PORT:
        loopback = LOOPBACK_ANY_PORT_URI if redirect_uri != OOB_URI else ""
    else:
        loopback = redirect_uri if redirect_uri != OOB_URI else ""
    return tuple(uri for uri in (loopback, OOB_URI) if uri)


class RegistrationCache:
    """`{origin: {client_id, redirect_uris, scopes}}` in one JSON file, private to the user."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / CACHE_FILE

    def _load(self) -> dict[str, Any]:
        try:
            loaded = json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            return {}  # a damaged cache only costs a new registration
        return loaded if isinstance(loaded, dict) else {}

    def get(self, origin: str) -> AppRegistration | None:
        entry = self._load().get(origin)
        if not isinstance(entry, dict):
            return None
        try:
            return AppRegistration(
                origin=origin,
                client_id=str(entry["client_id"]),
                redirect_uris=tuple(str(u) for u in entry["redirect_uris"]),
                scopes=tuple(str(s) for s in entry["scopes"]),
            )
        except (KeyError, TypeError):
            return None

    def put(self, registration: AppRegistration) -> None:
        entries = self._load()
        entries[registration.origin] = asdict(registration)
        self._write(entries)

    def forget(self, origin: str) -> None:
        entries = self._load()
        if entries.pop(origin, None) is not None:
            self._write(entries)

    def _write(self, entries: dict[str, Any]) -> None:
        try:
            write_private_json(self.path, entries)
        except OSError as error:
            raise StorageError("could not write the app registration cache") from error


async def register_app(
    client: httpx.AsyncClient,
    server: ServerInfo,
    redirect_uris: tuple[str, ...],
    scopes: tuple[str, ...],
    secrets: SecretStore,
) -> AppRegistration:
    """`POST /api/v1/apps`; the client secret goes straight to `secrets`."""
    as_list = server.capabilities.redirect_uris_as_list
    body = {
        "client_name": CLIENT_NAME,
        "redirect_uris": list(redirect_uris) if as_list else "\n".join(redirect_uris),
        "scopes": " ".join(scopes),
        "website": WEBSITE,
    }
    reply = await request_json(client, "POST", f"{server.origin}/api/v1/apps", json_body=body)
    raise_if_server_down(reply, server.host)
    if reply.status == 429:
        # Mastodon: 5 registrations per 10 minutes per IP; the header says when to try again.
        reset = reply.headers.get("X-RateLimit-Reset", "")[:40] or None
        raise RateLimitedError(
            "app registration rate limited", status=429, host=server.host, reset=reset
        )
    if not reply.ok:
        raise AppRegistrationError("app registration refused", status=reply.status)
    document = reply.object or {}
    client_id, client_secret = document.get("client_id"), document.get("client_secret")
    if not isinstance(client_id, str) or not isinstance(client_secret, str) or not client_id:
        raise MalformedResponseError("app registration without credentials", host=server.host)
    secrets.set(client_secret_key(server.origin, client_id), client_secret)
    return AppRegistration(server.origin, client_id, redirect_uris, scopes)


async def ensure_registration(
    client: httpx.AsyncClient,
    server: ServerInfo,
    redirect_uri: str,
    scopes: tuple[str, ...],
    *,
    cache: RegistrationCache,
    secrets: SecretStore,
) -> tuple[AppRegistration, str]:
    """A registration that covers `redirect_uri` and `scopes`, and its client secret."""
    rule = server.capabilities.redirect_rule
    cached = cache.get(server.origin)
    if cached is not None and cached.covers(redirect_uri, scopes, rule):
        secret = secrets.get(client_secret_key(server.origin, cached.client_id))
        if secret:
            return cached, secret
    uris = redirect_uris_to_register(server, redirect_uri)
    registration = await register_app(client, server, uris, scopes, secrets)
    if cached is not None and cached.client_id != registration.client_id:
        secrets.delete(client_secret_key(server.origin, cached.client_id))
    cache.put(registration)
    secret = secrets.get(client_secret_key(server.origin, registration.client_id))
    assert secret is not None
    return registration, secret
