"""What the probes work with: one signed-in side (server, REST session, how the sign-in went)
and what the live run recorded on the way (sample follows, alias timing, the Move's aftermath).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import httpx

from fedimove.core.models import AccountRef, Category, FollowEntry, MuteEntry
from fedimove.core.selftest.facts import Role
from fedimove.core.servers.base import ServerInfo
from fedimove.core.servers.rest import RestClient


@dataclass(slots=True)
class SignInRecord:
    """How the OAuth sign-in went, as seen from the client side."""

    succeeded: bool = False
    authorize_redirect_uri: str = ""
    registered_redirect_uris: tuple[str, ...] = ()
    pkce_sent: bool = False
    requested_scopes: tuple[str, ...] = ()
    granted_scopes: tuple[str, ...] = ()


@dataclass(slots=True)
class Answer:
    """A status code and the server's short error text (classification only, never a body)."""

    status: int
    text: str = ""


@dataclass(slots=True)
class RunRecord:
    """Filled by the live run's steps; move and alias facts read it."""

    sample_follows: list[FollowEntry] = field(default_factory=list)
    sample_blocks: list[AccountRef] = field(default_factory=list)
    sample_mutes: list[MuteEntry] = field(default_factory=list)
    alias_tier: str = ""  # where the alias was first seen ("server_api", "actor")
    alias_seconds: float | None = None
    alias_why_not: str = "the alias step did not run"
    moved: bool = False
    move_why_not: str = "the Move was not performed (run with --with-move on throwaway accounts)"
    old_token_verify: Answer | None = None
    old_token_health: Answer | None = None
    old_followers_read: Answer | None = None
    move_retry: Answer | None = None


@dataclass(slots=True)
class Side:
    role: Role
    http: httpx.AsyncClient
    server: ServerInfo
    rest: RestClient
    account_id: str
    acct: str
    actor_uri: str
    sign_in: SignInRecord
    run: RunRecord
    counts: dict[Category, int] = field(default_factory=dict)
    other: Side | None = None

    @property
    def origin(self) -> str:
        return self.server.origin
