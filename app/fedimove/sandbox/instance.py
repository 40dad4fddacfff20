"""One practice instance: a flavour, a domain, its state, its OAuth records, its limits, and
the Starlette app that serves them.

Extension points for the federation layer and the HTML settings pages (increment b):
- `add_routes(routes)` mounts extra routes (e.g. `/settings/migration`) in front of the rest;
- `inbox_handlers` receive every activity POSTed to an inbox of this instance;
- `federation` decides how relations with remote accounts travel (default: mirrored directly
  into the other instance's state; replace it to deliver over HTTP).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Receive, Scope, Send

from fedimove.core.clock import Clock
from fedimove.sandbox.flavours import Flavour
from fedimove.sandbox.limits import GTS_RETRY_AFTER_SECONDS, RateLimiter
from fedimove.sandbox.oauth_store import OAuthStore
from fedimove.sandbox.state import Account, Follow, InstanceState, Media, Status

if TYPE_CHECKING:
    import httpx

    from fedimove.sandbox.faults import FaultInjector

InboxHandler = Callable[["Instance", dict[str, Any]], Awaitable[None]]


@dataclass
class Knobs:
    """Per-instance switches for tests and scenarios (fault knobs grow in increment c)."""

    #: GoToSocial's "throttling queue full": 503 + Retry-After [fediverse-apis.md §5.3].
    overloaded: bool = False
    #: A dead instance: connections to it fail.
    reachable: bool = True
    #: Accept new accounts without approval (a pending account is not "functional").
    approval_required: bool = False
    #: Mastodon's `throttle_oauth_application_registrations/ip` (5 per 10 minutes) on
    #: `POST /api/v1/apps` [M: config/initializers/rack_attack.rb; DESIGN §0.10]. Off by
    #: default because test suites register many apps from one address.
    limit_app_registrations: bool = False


class Directory(Protocol):
    """What an instance needs to know about the network it lives in."""

    def origin_of(self, name: str) -> str: ...

    def domain_of(self, name: str) -> str: ...

    def name_for_host(self, host: str) -> str | None: ...

    def instance(self, name: str) -> Instance: ...

    def has(self, name: str) -> bool: ...

    def http_client(self) -> httpx.AsyncClient: ...


class Federation(Protocol):
    """How relations with accounts on other instances reach them."""

    async def follow(self, instance: Instance, follow: Follow) -> bool:
        """Tell the target's instance; True when the follow is accepted at once."""
        ...

    async def unfollow(self, instance: Instance, owner: Account, target: Account) -> None: ...

    async def answer_request(self, instance: Instance, request: Follow, accept: bool) -> None: ...


class Instance:
    def __init__(
        self,
        name: str,
        flavour: Flavour,
        *,
        clock: Clock,
        directory: Directory,
        federation: Federation,
        seed: int = 0,
    ) -> None:
        self.name = name
        self.flavour = flavour
        self.clock = clock
        self.directory = directory
        self.federation = federation
        self.knobs = Knobs()
        self.state = InstanceState(name, clock.now())
        self.oauth = OAuthStore(seed)
        self.limiter = RateLimiter(clock)
        self.inbox_handlers: list[InboxHandler] = []
        #: Fault knobs (fedimove.sandbox.faults.install_faults); None serves normally.
        self.faults: FaultInjector | None = None
        self.origin = f"https://{name}"
        self.app = self._build_app()

    # --- identity and URLs ------------------------------------------------------------------

    @property
    def origin(self) -> str:
        return self._origin

    @origin.setter
    def origin(self, origin: str) -> None:
        self._origin = origin.rstrip("/")
        self._domain = urlsplit(self._origin).netloc

    @property
    def domain(self) -> str:
        return self._domain

    def set_origin(self, origin: str) -> None:
        self.origin = origin

    def origin_of(self, home: str) -> str:
        return self.origin if home == self.name else self.directory.origin_of(home)

    def domain_of(self, home: str) -> str:
        return self.domain if home == self.name else self.directory.domain_of(home)

    def acct(self, account: Account) -> str:
        if account.home == self.name:
            return account.username
        return f"{account.username}@{self.domain_of(account.home)}"

    def actor_uri(self, account: Account) -> str:
        return f"{self.origin_of(account.home)}/users/{account.username}"

    def profile_url(self, account: Account) -> str:
        return f"{self.origin_of(account.home)}/@{account.username}"

    def status_uri(self, status: Status) -> str:
        author = self.state.accounts[status.owner]
        return f"{self.actor_uri(author)}/statuses/{status.home_id or status.id}"

    def status_url(self, status: Status) -> str:
        author = self.state.accounts[status.owner]
        return f"{self.profile_url(author)}/{status.home_id or status.id}"

    def media_url(self, media: Media | None, kind: str) -> str:
        if media is None:
            # Mastodon's default images [M: app/models/concerns/account/avatar.rb].
            return f"{self.origin}/{kind}/original/missing.png"
        return f"{self.origin}/system/media/{media.id}"

    # --- accounts across instances ------------------------------------------------------------

    def home_view(self, account: Account) -> tuple[Instance, Account] | None:
        """The account as its home instance holds it (for profile data and counts)."""
        if account.home == self.name or not self.directory.has(account.home):
            return None
        home = self.directory.instance(account.home)
        original = home.state.accounts.get(account.home_id) if account.home_id else None
        if original is None or original.username != account.username:
            original = home.state.find(account.username, home.name)
        return (home, original) if original is not None else None

    def parse_actor_uri(self, uri: str) -> tuple[str, str] | None:
        """(home name, username) for `<origin>/users/<username>` (or the profile URL
        `<origin>/@<username>`) on a known instance."""
        parts = urlsplit(uri)
        name = (
            self.name if parts.netloc == self.domain else self.directory.name_for_host(parts.netloc)
        )
        segments = parts.path.strip("/").split("/")
        if name is None:
            return None
        if len(segments) == 2 and segments[0] == "users":
            return name, segments[1]
        if len(segments) == 1 and segments[0].startswith("@") and len(segments[0]) > 1:
            return name, segments[0][1:]  # the profile URL names the same account
        return None

    def account_by_uri(self, uri: str) -> Account | None:
        parsed = self.parse_actor_uri(uri)
        return self.state.find(parsed[1], parsed[0]) if parsed else None

    def ensure_account(self, home: str, username: str) -> Account:
        """This instance's copy of `username@home` (created on first sight, as after a fetch)."""
        existing = self.state.find(username, home)
        if existing is not None:
            return existing
        copy = self.state.new_account(username, home, self.clock.now())
        if self.directory.has(home):
            original = self.directory.instance(home).state.find(username, home)
            if original is not None:
                copy.home_id = original.id
                copy.created_at = original.created_at
        return copy

    def moved_target(self, account: Account) -> Account | None:
        return self.account_by_uri(account.moved_to) if account.moved_to else None

    def is_functional(self, account: Account, method: str = "GET") -> bool:
        """`User#functional?`: a moved, suspended or unapproved account cannot use the API
        [fediverse-apis.md §6.1; M: app/models/user.rb]. GoToSocial instead keeps a moved
        account read/delete-only [fediverse-apis.md §6.3; GTS: internal/processing/account/
        move.go]: its reads and deletes still work, its other writes are refused."""
        if account.suspended or not account.approved:
            return False
        if account.moved_to is None:
            return True
        return self.flavour.is_gotosocial and method in ("GET", "HEAD", "DELETE")

    def local_accounts(self) -> list[Account]:
        return [a for a in self.state.accounts.values() if a.home == self.name]

    # --- app ---------------------------------------------------------------------------------

    def overload_response(self) -> Response | None:
        if not self.knobs.overloaded:
            return None
        headers = {"Retry-After": str(GTS_RETRY_AFTER_SECONDS)}
        return JSONResponse({"error": "Service Unavailable"}, status_code=503, headers=headers)

    def add_routes(self, routes: Sequence[BaseRoute]) -> None:
        """Mount extra routes; they win over the built-in ones with the same path."""
        self.app.router.routes[0:0] = list(routes)

    def _build_app(self) -> Starlette:
        from fedimove.sandbox.routes import all_routes

        middleware = [Middleware(_DeadWhenUnreachable, instance=self)]
        app = Starlette(routes=all_routes(self.flavour), middleware=middleware)
        app.state.instance = self
        return app


class _DeadWhenUnreachable:
    """Over loopback a dead instance still has a port: answer like a proxy in front of a dead
    backend (502), so clients see the failure in served mode as well as in-process (where the
    transport refuses to connect)."""

    def __init__(self, app: ASGIApp, instance: Instance) -> None:
        self._app = app
        self._instance = instance

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not self._instance.knobs.reachable:
            response = Response("Bad Gateway", status_code=502, media_type="text/plain")
            await response(scope, receive, send)
            return
        faults = self._instance.faults
        if scope["type"] == "http" and faults is not None:
            await faults.handle(scope, receive, send, self._app)
            return
        await self._app(scope, receive, send)
