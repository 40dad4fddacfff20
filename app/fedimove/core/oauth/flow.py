"""Signing in and out: the desktop OAuth sequence of fediverse-apis §1.5.

1. refuse servers Fedimove cannot sign in to, with a coded reason;
2. listen on 127.0.0.1 (or, without a browser, use the out-of-band code);
3. reuse or make the app registration that covers that redirect and the operation's scopes;
4. open the authorize URL (`state` always, PKCE S256 where the server supports it);
5. take the code from the redirect (or the pasted text), exchange it, verify who it is;
6. keep the token in the secret store and the account in the registry.
"""

from __future__ import annotations

import asyncio
import inspect
import webbrowser
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlencode

import httpx

from fedimove.core.accounts import AccountsRegistry, SignedInAccount
from fedimove.core.clock import Clock, SystemClock
from fedimove.core.errors import (
    AccountDisabledError,
    AuthError,
    AuthStateMismatchError,
    NetworkError,
    ServerError,
    ServerTooOldError,
    UnsupportedServerError,
    WrongAccountError,
)
from fedimove.core.models import Handle
from fedimove.core.oauth.loopback import LoopbackListener
from fedimove.core.oauth.pasted import code_from_pasted
from fedimove.core.oauth.pkce import AuthorizationSecrets
from fedimove.core.oauth.registration import (
    OOB_URI,
    AppRegistration,
    RegistrationCache,
    ensure_registration,
    loopback_port,
)
from fedimove.core.oauth.scopes import Operation, scope_string, scopes_for
from fedimove.core.oauth.tokens import (
    ClientCredentials,
    VerifiedAccount,
    exchange_code,
    explain_disabled_login,
    fetch_actor_uri,
    revoke_token,
    verify_credentials,
)
from fedimove.core.progress import CancelToken
from fedimove.core.servers.base import RedirectRule, ServerInfo, SignInMethod
from fedimove.core.servers.detect import DetectedTarget
from fedimove.core.storage.paths import AppPaths
from fedimove.core.storage.secrets import SecretStore, client_secret_key

#: Opens a URL in the user's browser; may return an awaitable (tests play the browser).
OpenUrl = Callable[[str], Any]
#: Shows the URL to open and returns what the user pasted back (code or redirect URL).
ReadPasted = Callable[[str], Awaitable[str]]
DEFAULT_WAIT = 600.0
BROWSER_GRACE = 5.0


def refuse_unless_sign_in_possible(server: ServerInfo) -> None:
    capabilities = server.capabilities
    if "server_too_old" in capabilities.limitations:
        raise ServerTooOldError("server too old", software=server.software, version=server.version)
    if capabilities.sign_in is not SignInMethod.OAUTH:
        raise UnsupportedServerError(
            "Fedimove cannot sign in here",
            software=server.software,
            method=capabilities.sign_in.value,
        )


def authorize_url(
    server: ServerInfo,
    registration: AppRegistration,
    redirect_uri: str,
    scopes: tuple[str, ...],
    attempt: AuthorizationSecrets,
) -> str:
    params = {
        "response_type": "code",
        "client_id": registration.client_id,
        "redirect_uri": redirect_uri,
        "scope": scope_string(scopes),
        "state": attempt.state,
    }
    if server.capabilities.pkce:
        params["code_challenge"] = attempt.challenge
        params["code_challenge_method"] = "S256"
    return f"{server.origin}/oauth/authorize?{urlencode(params)}"


class SignInFlow:
    """Sign in to, or out of, one server at a time."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        secrets: SecretStore,
        paths: AppPaths,
        open_url: OpenUrl | None = None,
        read_pasted: ReadPasted | None = None,
        clock: Clock | None = None,
    ) -> None:
        self._client = client
        self._secrets = secrets
        self._open_url = open_url or webbrowser.open
        self._read_pasted = read_pasted
        self._clock = clock or SystemClock()
        self.cache = RegistrationCache(paths.data)
        self.accounts = AccountsRegistry(paths)

    async def sign_in(
        self,
        target: DetectedTarget,
        *,
        operation: Operation = Operation.READ,
        use_browser: bool = True,
        within: float = DEFAULT_WAIT,
        cancel: CancelToken | None = None,
        allow_moved: bool = False,
    ) -> SignedInAccount:
        server = target.server
        refuse_unless_sign_in_possible(server)
        scopes = scopes_for(operation, server.software, server.version)
        register_scopes = scopes_for(Operation.REGISTER, server.software, server.version)
        attempt = AuthorizationSecrets()
        listener = await self._listener(server) if use_browser else None
        if listener is not None:
            async with listener:
                redirect_uri = listener.redirect_uri
                registration, secret = await self._registration(
                    server, redirect_uri, register_scopes
                )
                url = authorize_url(server, registration, redirect_uri, scopes, attempt)
                code = await self._browser_code(listener, url, attempt.state, within, cancel)
        else:
            redirect_uri = OOB_URI
            registration, secret = await self._registration(server, redirect_uri, register_scopes)
            url = authorize_url(server, registration, redirect_uri, scopes, attempt)
            code = await self._pasted_code(url, attempt.state)
        credentials = ClientCredentials(registration.client_id, secret)
        verifier = attempt.verifier if server.capabilities.pkce else None
        token, granted = await self._exchange(server, credentials, code, redirect_uri, verifier)
        return await self._remember(target, registration, token, granted or scopes, allow_moved)

    async def _exchange(
        self,
        server: ServerInfo,
        credentials: ClientCredentials,
        code: str,
        redirect_uri: str,
        verifier: str | None,
    ) -> tuple[str, tuple[str, ...]]:
        try:
            return await exchange_code(
                self._client,
                server.origin,
                credentials,
                code=code,
                redirect_uri=redirect_uri,
                verifier=verifier,
            )
        except AuthError as error:
            if error.params.get("error") == "invalid_client":
                self.cache.forget(server.origin)  # the server forgot the app: register anew
            raise

    async def sign_in_with_token(
        self, target: DetectedTarget, token: str, *, allow_moved: bool = False
    ) -> SignedInAccount:
        """The last resort: a token the user created in the server's settings."""
        refuse_unless_sign_in_possible(target.server)
        return await self._remember(target, None, token.strip(), (), allow_moved)

    async def sign_out(self, account: SignedInAccount) -> bool:
        """Revoke on the server (when reachable) and forget locally; True if revoked."""
        token = self._secrets.get(account.token_key)
        secret = self._secrets.get(client_secret_key(account.origin, account.client_id))
        revoked = False
        if token and secret:
            credentials = ClientCredentials(account.client_id, secret)
            try:
                revoked = await revoke_token(self._client, account.origin, credentials, token)
            except (NetworkError, ServerError):
                revoked = False  # forget locally anyway; the user is told to revoke by hand
        self._secrets.delete(account.token_key)
        self.accounts.remove(account.handle)
        return revoked

    def forget_app(self, origin: str) -> None:
        """Drop the app registration for `origin` and its client secret (DESIGN §0.16 finish)."""
        cached = self.cache.get(origin)
        if cached is not None:
            self._secrets.delete(client_secret_key(origin, cached.client_id))
            self.cache.forget(origin)

    async def _listener(self, server: ServerInfo) -> LoopbackListener | None:
        """On exact-match servers, listen on the port already registered when it is free, so
        one registration serves many sign-ins; otherwise any free port. None when no port can
        be opened here and a pasted code can stand in (the out-of-band fallback)."""
        port = 0
        cached = self.cache.get(server.origin)
        if cached is not None and server.capabilities.redirect_rule is RedirectRule.EXACT:
            port = next((p for p in map(loopback_port, cached.redirect_uris) if p), 0)
        for candidate in dict.fromkeys((port, 0)):
            try:
                return await LoopbackListener(port=candidate).start()
            except OSError:
                continue
        if self._read_pasted is None or not server.capabilities.oob:
            raise AuthError("cannot listen on 127.0.0.1 for the redirect")
        return None

    async def _registration(
        self, server: ServerInfo, redirect_uri: str, scopes: tuple[str, ...]
    ) -> tuple[AppRegistration, str]:
        return await ensure_registration(
            self._client, server, redirect_uri, scopes, cache=self.cache, secrets=self._secrets
        )

    async def _browser_code(
        self,
        listener: LoopbackListener,
        url: str,
        state: str,
        within: float,
        cancel: CancelToken | None,
    ) -> str:
        opened = self._open_url(url)
        browser = asyncio.ensure_future(opened) if inspect.isawaitable(opened) else None
        waiting = asyncio.ensure_future(listener.wait_for_code(state, within=within, cancel=cancel))
        try:
            if browser is not None:
                await asyncio.wait({browser, waiting}, return_when=asyncio.FIRST_COMPLETED)
                if browser.done() and not waiting.done():
                    browser.result()  # raises the browser's failure, if any
                    if listener.mismatched_requests:
                        raise AuthStateMismatchError("redirect with a wrong state")
            code = await waiting
            if browser is not None:
                # An in-app browser (tests, practice mode) finishes reading its "close this
                # tab" page; its failure after delivering the code does not matter.
                await asyncio.wait({browser}, timeout=BROWSER_GRACE)
                if browser.done() and not browser.cancelled():
                    browser.exception()
            return code
        finally:
            for task in (browser, waiting):
                if task is not None and not task.done():
                    task.cancel()

    async def _pasted_code(self, url: str, state: str) -> str:
        if self._read_pasted is None:
            raise AuthError("no way to read a pasted code")
        return code_from_pasted(await self._read_pasted(url), state)

    async def _remember(
        self,
        target: DetectedTarget,
        registration: AppRegistration | None,
        token: str,
        scopes: tuple[str, ...],
        allow_moved: bool,
    ) -> SignedInAccount:
        server = target.server
        try:
            verified = await verify_credentials(
                self._client, server.origin, token, allow_moved=allow_moved
            )
        except AccountDisabledError:
            if target.handle is not None:
                await explain_disabled_login(self._client, server.origin, target.handle.user)
            raise
        handle = _handle_for(target, verified, server)
        actor_uri = target.actor_uri or verified.uri
        if not actor_uri and server.capabilities.userinfo:
            actor_uri = await fetch_actor_uri(self._client, server.origin, token)
        account = SignedInAccount(
            handle=handle.acct,
            origin=server.origin,
            account_id=verified.account_id,
            actor_uri=actor_uri,
            software=server.software,
            version=server.version,
            client_id=registration.client_id if registration else "",
            scopes=scopes,
            signed_in_at=self._clock.now().isoformat(),
            display_name=verified.display_name,
        )
        self._secrets.set(account.token_key, token)
        self.accounts.put(account)
        return account


def _handle_for(target: DetectedTarget, verified: VerifiedAccount, server: ServerInfo) -> Handle:
    if target.handle is not None:
        if target.handle.user.lower() != verified.username.lower():
            raise WrongAccountError(
                "signed in as another account", expected=target.handle.acct, got=verified.username
            )
        return target.handle
    return Handle.parse(verified.acct, default_domain=server.host)
