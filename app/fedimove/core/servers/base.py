"""What a server can do, as data, and the shape every server adapter has.

The engine asks a `Capabilities` value ("can I set the alias by API?", "how many follows per
day?"); it never checks the software's name. Each adapter module (`mastodon.py`,
`gotosocial.py`, ...) turns what detection read (NodeInfo, the instance document, the OAuth
metadata) into one of these values. Sources for every number are in
`fediverse-apis.md`; the section is named next to the field that uses it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Protocol

from fedimove.core.models import Category

JsonObject = Mapping[str, Any]


class SupportLevel(StrEnum):
    FULL = "full"  # Fedimove moves accounts here
    EXPERIMENTAL = "experimental"  # should work, not proven against a practice server
    DETECTED_ONLY = "detected_only"  # recognised and explained; guided steps only
    UNSUPPORTED = "unsupported"  # not a server Fedimove can sign in to


class SignInMethod(StrEnum):
    OAUTH = "oauth"
    MIAUTH = "miauth"  # Misskey's own flow (fediverse-apis §1.4)
    NONE = "none"


class RedirectRule(StrEnum):
    """How the server compares the redirect URI of an authorize request with the registered ones."""

    LOOPBACK_ANY_PORT = "loopback_any_port"  # RFC 8252 §7.3 (Doorkeeper ≥ 5.1, Mastodon)
    EXACT = "exact"  # string equality (GoToSocial, Akkoma)


class ActionSupport(StrEnum):
    API = "api"  # Fedimove does it through the REST API
    GUIDED = "guided"  # the user does it in the browser, Fedimove verifies through the API
    NONE = "none"


@dataclass(frozen=True, slots=True)
class PageSize:
    default: int
    maximum: int


@dataclass(frozen=True, slots=True)
class RateBudget:
    """`requests` per `window` keyed by `key` ("token", "user" or "ip")."""

    name: str
    requests: int
    window: timedelta
    key: str


@dataclass(frozen=True, slots=True)
class FollowPacing:
    """How fast follows may be created through the API (None: no limit known)."""

    per_day: int | None = None  # reset at 00:00 UTC on Mastodon (fediverse-apis §5.2)
    per_window: int | None = None
    window: timedelta | None = None


@dataclass(frozen=True, slots=True)
class FollowCap:
    """Mastodon's FollowLimitValidator: max(threshold, ratio × followers) (fediverse-apis §5.2)."""

    threshold: int
    followers_ratio: float

    def limit_for(self, followers: int) -> int:
        return max(self.threshold, int(self.followers_ratio * followers))


@dataclass(frozen=True, slots=True)
class ProfileLimits:
    max_fields: int = 4
    field_name_chars: int = 255
    field_value_chars: int = 255
    display_name_chars: int = 30
    note_chars: int = 500


def frozen_map(values: Mapping[Category, PageSize]) -> Mapping[Category, PageSize]:
    return MappingProxyType(dict(values))


@dataclass(frozen=True, slots=True)
class Capabilities:
    """Everything the engine needs to know about one server, declared by its adapter."""

    support: SupportLevel
    sign_in: SignInMethod = SignInMethod.OAUTH
    pkce: bool = False
    redirect_rule: RedirectRule = RedirectRule.EXACT
    oob: bool = True
    multiple_redirect_uris: bool = False
    #: `redirect_uris` sent as a JSON array (Mastodon 4.3+) rather than one newline-joined string.
    redirect_uris_as_list: bool = False
    profile_scope: bool = False
    legacy_follow_scope: bool = False
    #: Bulk import over the API needs the top-level `write` scope (GoToSocial §0.10).
    import_needs_write_scope: bool = False
    userinfo: bool = False  # /oauth/userinfo gives the actor URI (Mastodon 4.4+)
    alias: ActionSupport = ActionSupport.NONE
    move: ActionSupport = ActionSupport.NONE
    move_needs_password: bool = False
    move_cooldown: timedelta | None = None
    move_resend_after: timedelta | None = None  # None: a Move cannot be sent again
    api_import: frozenset[Category] = frozenset()
    web_csv_import: frozenset[Category] = frozenset()
    follow_pacing: FollowPacing = field(default_factory=FollowPacing)
    follow_cap: FollowCap | None = None
    page_sizes: Mapping[Category, PageSize] = field(default_factory=lambda: frozen_map({}))
    rate_budgets: tuple[RateBudget, ...] = ()
    profile_limits: ProfileLimits = field(default_factory=ProfileLimits)
    #: Stable codes of what Fedimove cannot do here; the UI turns each into a sentence.
    limitations: tuple[str, ...] = ()

    def page_size(self, category: Category) -> PageSize | None:
        return self.page_sizes.get(category)

    @property
    def can_sign_in(self) -> bool:
        return self.sign_in is SignInMethod.OAUTH


@dataclass(frozen=True, slots=True)
class ServerProbe:
    """What detection read from a server, before any adapter looked at it."""

    origin: str
    software: str  # NodeInfo `software.name`, lower-cased ("" when unknown)
    version: str  # NodeInfo `software.version` (or the instance document's `version`)
    nodeinfo: JsonObject | None = None
    instance: JsonObject | None = None  # /api/v2/instance, else /api/v1/instance
    instance_api: int = 0  # 2, 1 or 0 (none)
    oauth_metadata: JsonObject | None = None  # RFC 8414 document, when served


@dataclass(frozen=True, slots=True)
class ServerInfo:
    """A detected server: where it is, what runs it, and what it can do."""

    origin: str
    software: str
    version: str
    capabilities: Capabilities
    probe: ServerProbe
    title: str = ""

    @property
    def host(self) -> str:
        return self.origin.split("://", 1)[-1]


class ServerAdapter(Protocol):
    """One per server software. `matches` decides, `capabilities` declares."""

    #: The names this adapter answers for (NodeInfo `software.name`), for display only.
    names: tuple[str, ...]

    def matches(self, probe: ServerProbe) -> bool: ...

    def capabilities(self, probe: ServerProbe) -> Capabilities: ...
