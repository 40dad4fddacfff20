"""Sign in to both accounts through the real OAuth flow and build the probes' `Side`s.

The sign-in is Fedimove's own (`SignInFlow`); the self-test only watches it: the authorize URL
the browser is sent to (redirect URI, PKCE challenge) and the registration it used.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Any

import httpx

from fedimove.core.accounts import SignedInAccount, token_for
from fedimove.core.engine.scheduler import SchedulerPool
from fedimove.core.errors import FedimoveError
from fedimove.core.models import Handle
from fedimove.core.oauth.flow import OpenUrl, SignInFlow
from fedimove.core.oauth.scopes import Operation, scopes_for
from fedimove.core.oauth.tokens import ClientCredentials, revoke_token
from fedimove.core.selftest.context import RunRecord, Side, SignInRecord
from fedimove.core.selftest.facts import Role
from fedimove.core.servers.base import ServerInfo
from fedimove.core.servers.detect import DetectedTarget, Locator, detect
from fedimove.core.servers.rest import RestClient
from fedimove.core.storage.secrets import SecretStore, client_secret_key


@dataclass
class WatchingBrowser:
    """Passes the authorize URL on to the real browser opener and remembers it."""

    open_url: OpenUrl
    opened: list[str] = field(default_factory=list)

    def __call__(self, url: str) -> Any:
        self.opened.append(url)
        return self.open_url(url)

    async def open(self, url: str) -> None:
        result = self(url)
        if inspect.isawaitable(result):
            await result


def record_from(
    flow: SignInFlow,
    account: SignedInAccount,
    target: DetectedTarget,
    operation: Operation,
    authorize_url: str,
) -> SignInRecord:
    server = target.server
    query = httpx.URL(authorize_url).params if authorize_url else httpx.QueryParams()
    cached = flow.cache.get(server.origin)
    return SignInRecord(
        succeeded=True,
        authorize_redirect_uri=query.get("redirect_uri", ""),
        registered_redirect_uris=cached.redirect_uris if cached else (),
        pkce_sent="code_challenge" in query,
        requested_scopes=scopes_for(operation, server.software, server.version),
        granted_scopes=account.scopes,
    )


@dataclass
class SideMaker:
    """Everything needed to turn a handle into a signed-in, detected, probe-ready side."""

    http: httpx.AsyncClient
    flow: SignInFlow
    browser: WatchingBrowser
    secrets: SecretStore
    pool: SchedulerPool
    run: RunRecord
    locator: Locator | None = None
    shadowed: list[tuple[SignedInAccount, str]] = field(default_factory=list)

    async def make(self, role: Role, handle: str) -> tuple[Side, SignedInAccount]:
        target = await detect(handle, self.http, locator=self.locator)
        # The old account is read with a read-only token (DESIGN §0.10); the new one writes.
        operation = Operation.READ if role is Role.OLD else Operation.WRITE
        before = len(self.browser.opened)
        account = await self.flow.sign_in(target, operation=operation)
        url = self.browser.opened[-1] if len(self.browser.opened) > before else ""
        record = record_from(self.flow, account, target, operation, url)
        server = target.server
        rest = self._rest(server, account)
        side = Side(
            role=role,
            http=self.http,
            server=server,
            rest=rest,
            account_id=account.account_id,
            acct=account.handle,
            actor_uri=account.actor_uri,
            sign_in=record,
            run=self.run,
        )
        return side, account

    def _rest(self, server: ServerInfo, account: SignedInAccount) -> RestClient:
        host = httpx.URL(server.origin).netloc.decode("ascii")
        scheduler = self.pool.for_host(host, server.capabilities.rate_budgets)
        rest = RestClient(
            server.origin,
            token_for(account, self.secrets),
            scheduler,
            http=self.http,
            local_domain=Handle.parse(account.handle).domain,
        )
        rest.use_capabilities(server.capabilities)
        return rest

    async def may_write(self, side: Side, account: SignedInAccount) -> RestClient:
        """A session on `side`'s account that may write (a Move by API needs one): a second
        sign-in, so the read-only token's facts stay measured with a read-only token. The
        keyring then holds the new token; the read-only one is remembered to be revoked."""
        self.shadowed.append((account, token_for(account, self.secrets)))
        target = await detect(side.acct, self.http, locator=self.locator)
        writer = await self.flow.sign_in(target, operation=Operation.WRITE)
        return self._rest(target.server, writer)

    async def revoke_shadowed(self) -> bool:
        """Revoke the tokens `may_write` replaced in the keyring; True when all were."""
        revoked = True
        while self.shadowed:
            account, token = self.shadowed.pop()
            secret = self.secrets.get(client_secret_key(account.origin, account.client_id))
            credentials = ClientCredentials(account.client_id, secret or "")
            try:
                done = await revoke_token(self.http, account.origin, credentials, token)
            except FedimoveError:
                done = False
            revoked = revoked and done
        return revoked
