"""What differs between the server software the practice instances imitate.

Server differences are data here too: routes ask the flavour, never its name.
"""

from __future__ import annotations

from dataclasses import dataclass

from fedimove.sandbox.limits import Throttle

# Mastodon's granular scopes [fediverse-apis.md §1.1; MD: api/oauth-scopes.md].
_MASTODON_GRANULAR = [
    "read:accounts",
    "read:blocks",
    "read:bookmarks",
    "read:favourites",
    "read:filters",
    "read:follows",
    "read:lists",
    "read:mutes",
    "read:notifications",
    "read:search",
    "read:statuses",
    "write:accounts",
    "write:blocks",
    "write:bookmarks",
    "write:conversations",
    "write:favourites",
    "write:filters",
    "write:follows",
    "write:lists",
    "write:media",
    "write:mutes",
    "write:notifications",
    "write:reports",
    "write:statuses",
]


@dataclass(frozen=True, slots=True)
class Flavour:
    name: str
    software: str  # NodeInfo software.name [fediverse-apis.md §7.1]
    version: str  # NodeInfo software.version and instance `version`
    #: PKCE S256: Mastodon 4.3.0+ [fediverse-apis.md §1.1], GoToSocial v0.12+ [§1.2].
    pkce: bool
    #: RFC 8414 metadata: Mastodon 4.3.0+ only; GoToSocial has none as of v0.20 [§1.2].
    oauth_metadata: bool
    #: Doorkeeper ignores the port for loopback IP literals; GoToSocial matches
    #: exactly [§1.1, §1.2].
    loopback_any_port: bool
    scopes: frozenset[str]
    #: 4.3+ answers `/api/v1/apps` with `redirect_uris[]` and `scopes[]` [MD: methods/apps.md].
    apps_v43_shape: bool
    #: Whether the instance processes an incoming Move (`no-move` imitates software without it).
    processes_move: bool
    #: Mastodon's per-token/per-user limits vs GoToSocial's per-IP limiter [§5.1, §5.3].
    per_ip_limits: bool
    #: Mastodon's 400 follows per UTC day and the 7,500 cap [§5.2]; none found in GoToSocial.
    follow_limits: bool
    api_versions: int  # `api_versions.mastodon` [§7.2]; 0 = field absent
    #: The instance document's `version`, from NodeInfo's: GoToSocial may inject a Mastodon
    #: version, Akkoma names the Mastodon API level it speaks [§7.2].
    instance_version: str = "{version}"
    #: NodeInfo 2.1 is served (with this `software.repository`) when set [§7.1].
    nodeinfo_repository: str = ""
    #: Where alias and Move live: Mastodon's HTML settings pages, GoToSocial's REST API, or
    #: Akkoma's Pleroma API [§6.1, §6.3, §6.4].
    migration_api: str = "settings_pages"
    #: How an incoming Move is processed: Mastodon's MoveWorker (GoToSocial alike) or
    #: Akkoma's `move_following` [§6.2; AK: lib/pleroma/following_relationship.ex].
    move_receiver: str = "mastodon"
    #: Mastodon's rack-attack API throttles (per token, user, IP, paging) [§5.1].
    general_throttles: bool = True
    #: Per-action limiters on follow/unfollow, each counted per user or (`True`) per user and
    #: target: Akkoma's `relations_actions` and `relation_id_action` [§5.4].
    relation_throttles: tuple[tuple[Throttle, bool], ...] = ()

    @property
    def is_gotosocial(self) -> bool:
        return self.software == "gotosocial"


MASTODON = Flavour(
    name="mastodon",
    software="mastodon",
    version="4.4.3",
    pkce=True,
    oauth_metadata=True,
    loopback_any_port=True,
    scopes=frozenset(["read", "write", "follow", "push", "profile", *_MASTODON_GRANULAR]),
    apps_v43_shape=True,
    processes_move=True,
    per_ip_limits=False,
    follow_limits=True,
    api_versions=3,
)

MASTODON_LEGACY = Flavour(
    name="mastodon-legacy",
    software="mastodon",
    version="4.2.10",
    pkce=False,
    oauth_metadata=False,
    loopback_any_port=True,
    # No `profile` before 4.3 [fediverse-apis.md §1.6].
    scopes=frozenset(["read", "write", "follow", "push", *_MASTODON_GRANULAR]),
    apps_v43_shape=False,
    processes_move=True,
    per_ip_limits=False,
    follow_limits=True,
    api_versions=0,
)

GOTOSOCIAL = Flavour(
    name="gotosocial",
    software="gotosocial",
    version="0.20.0",
    pkce=True,
    oauth_metadata=False,
    loopback_any_port=False,
    # Its scopes: Mastodon's granular ones plus profile, read:applications,
    # read:custom_emojis; no `follow` [GTS: internal/api/util/scopes.go].
    scopes=frozenset(
        ["read", "write", "push", "profile", "read:applications", "read:custom_emojis"]
        + [s for s in _MASTODON_GRANULAR if s != "write:conversations"]
    ),
    apps_v43_shape=True,
    processes_move=True,
    per_ip_limits=True,
    follow_limits=False,
    api_versions=0,
    instance_version="3.5.3+{version}",
    nodeinfo_repository="https://codeberg.org/superseriousbusiness/gotosocial",
    migration_api="gotosocial",
)

NO_MOVE = Flavour(
    name="no-move",
    software="mastodon",
    version="4.4.3",
    pkce=True,
    oauth_metadata=True,
    loopback_any_port=True,
    scopes=MASTODON.scopes,
    apps_v43_shape=True,
    processes_move=False,
    per_ip_limits=False,
    follow_limits=True,
    api_versions=3,
)

#: `config :pleroma, :rate_limit` defaults; the sandbox counts fixed windows where Akkoma's
#: Cachex buckets expire `scale` after they start [fediverse-apis.md §5.4;
#: AK: config/config.exs, lib/pleroma/web/plugs/rate_limiter.ex].
RELATIONS_ACTIONS = Throttle("relations_actions", 10, 10)
RELATION_ID_ACTION = Throttle("relation_id_action", 2, 60)

AKKOMA = Flavour(
    name="akkoma",
    software="akkoma",  # the lower-cased application name [fediverse-apis.md §7.1]
    version="3.15.2",
    # No PKCE; redirect URIs matched exactly, OOB supported [§1.3].
    pkce=False,
    oauth_metadata=False,
    loopback_any_port=False,
    # Mastodon-style scopes, legacy `follow` accepted [§1.3; AK: lib/pleroma/web/o_auth/scopes.ex].
    scopes=frozenset(["read", "write", "follow", "push", *_MASTODON_GRANULAR]),
    apps_v43_shape=False,
    processes_move=True,
    per_ip_limits=False,
    follow_limits=False,
    api_versions=0,
    instance_version="2.7.2 (compatible; Akkoma {version})",
    nodeinfo_repository="https://akkoma.dev/AkkomaGang/akkoma",
    migration_api="pleroma",
    move_receiver="akkoma",
    general_throttles=False,
    relation_throttles=((RELATIONS_ACTIONS, False), (RELATION_ID_ACTION, True)),
)

FLAVOURS: dict[str, Flavour] = {
    f.name: f for f in (MASTODON, MASTODON_LEGACY, GOTOSOCIAL, NO_MOVE, AKKOMA)
}
