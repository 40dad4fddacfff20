"""OAuth records of one instance: registered apps, authorization codes, tokens, browser
sessions. Doorkeeper's rules are the model [fediverse-apis.md §1.1; DK: lib/doorkeeper/]."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

#: Doorkeeper's default `authorization_code_expires_in` [DK: lib/doorkeeper/config.rb].
CODE_LIFETIME = timedelta(minutes=10)


@dataclass(slots=True)
class App:
    id: int
    name: str
    website: str | None
    redirect_uris: list[str]
    scopes: frozenset[str]
    client_id: str
    client_secret: str
    created_at: datetime


@dataclass(slots=True)
class Grant:
    code: str
    app_id: int
    account_id: int
    redirect_uri: str
    scopes: frozenset[str]
    created_at: datetime
    code_challenge: str | None = None
    used: bool = False


@dataclass(slots=True)
class Token:
    value: str
    app_id: int
    account_id: int | None  # None for client_credentials (app tokens)
    scopes: frozenset[str]
    created_at: datetime
    revoked: bool = False


@dataclass(slots=True)
class Session:
    """A browser session (cookie): CSRF token and, once signed in, the account."""

    id: str
    csrf: str
    account_id: int | None = None
    return_to: str | None = None
    data: dict[str, str] = field(default_factory=dict)


class OAuthStore:
    def __init__(self, seed: int) -> None:
        # Deterministic secrets for a deterministic network; never real credentials.
        self._random = random.Random(seed)  # noqa: S311 - practice data, not security
        self.apps: dict[int, App] = {}
        self.apps_by_client_id: dict[str, App] = {}
        self.grants: dict[str, Grant] = {}
        self.tokens: dict[str, Token] = {}
        self.sessions: dict[str, Session] = {}
        self._reusable: dict[tuple[int, int, frozenset[str]], str] = {}

    def secret(self, nbytes: int = 32) -> str:
        raw = self._random.getrandbits(nbytes * 8).to_bytes(nbytes, "big")
        return hashlib.sha256(raw).hexdigest()[: nbytes + nbytes // 3]

    def add_app(self, app: App) -> App:
        self.apps[app.id] = app
        self.apps_by_client_id[app.client_id] = app
        return app

    def new_session(self) -> Session:
        session = Session(id=self.secret(), csrf=self.secret())
        self.sessions[session.id] = session
        return session

    def new_grant(self, app: App, account_id: int, fields: dict[str, str], now: datetime) -> Grant:
        scopes = frozenset((fields.get("scope") or "read").replace("+", " ").split())
        grant = Grant(
            code=self.secret(),
            app_id=app.id,
            account_id=account_id,
            redirect_uri=fields["redirect_uri"],
            scopes=scopes,
            created_at=now,
            code_challenge=fields.get("code_challenge") or None,
        )
        self.grants[grant.code] = grant
        return grant

    def issue_token(
        self, app: App, account_id: int | None, scopes: frozenset[str], now: datetime
    ) -> Token:
        """Doorkeeper's `reuse_access_token`: the same live token per user, app and scopes
        [M: config/initializers/doorkeeper.rb]."""
        if account_id is not None:
            existing = self._reusable.get((app.id, account_id, scopes))
            token = self.tokens.get(existing) if existing else None
            if token is not None and not token.revoked:
                return token
        token = Token(self.secret(), app.id, account_id, scopes, now)
        self.tokens[token.value] = token
        if account_id is not None:
            self._reusable[(app.id, account_id, scopes)] = token.value
        return token

    def live_token(self, value: str) -> Token | None:
        token = self.tokens.get(value)
        return token if token is not None and not token.revoked else None
