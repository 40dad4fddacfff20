"""Plain data that moves through Fedimove: handles, accounts, and what an account holds.

These are the server-neutral shapes the adapters produce, the archive stores, the preview counts
and the copy steps re-create. Server-local ids (`local_id`) are only meaningful on the server
they came from; accounts are identified across servers by `uri` (the ActivityPub actor id) or,
when that is unknown, by `acct`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from fedimove.core.errors import InvalidHandleError

_HANDLE_RE = re.compile(r"^@?(?P<user>[A-Za-z0-9_.\-]+)@(?P<domain>[A-Za-z0-9.\-]+(?::\d{1,5})?)$")
_MAX_HANDLE = 320


@dataclass(frozen=True, slots=True, order=True)
class Handle:
    """`user@domain` (shown as `@user@domain`). The domain is lower-cased; it may carry a port
    (practice servers on 127.0.0.1)."""

    user: str
    domain: str

    @classmethod
    def parse(cls, text: str, *, default_domain: str | None = None) -> Handle:
        """Parse `@user@domain`, `user@domain`, `acct:user@domain`, or a bare `user` when a
        `default_domain` is given (Mastodon's CSV files write local accounts that way)."""
        cleaned = text.strip()
        if cleaned.lower().startswith("acct:"):
            cleaned = cleaned[5:]
        if len(cleaned) > _MAX_HANDLE or not cleaned:
            raise InvalidHandleError("invalid handle", length=len(cleaned))
        if "@" not in cleaned.lstrip("@") and default_domain:
            cleaned = f"{cleaned.lstrip('@')}@{default_domain}"
        match = _HANDLE_RE.match(cleaned)
        if not match:
            raise InvalidHandleError("invalid handle")
        domain = match["domain"].lower().strip(".")
        if not domain or ".." in domain:
            raise InvalidHandleError("invalid handle")
        return cls(match["user"], domain)

    @property
    def acct(self) -> str:
        return f"{self.user}@{self.domain}"

    def __str__(self) -> str:
        return f"@{self.user}@{self.domain}"


class Category(StrEnum):
    """What an account holds, in the order a migration handles it."""

    PROFILE = "profile"
    FOLLOWING = "following"
    FOLLOWERS = "followers"
    LISTS = "lists"
    BOOKMARKS = "bookmarks"
    FAVOURITES = "favourites"
    BLOCKS = "blocks"
    MUTES = "mutes"
    DOMAIN_BLOCKS = "domain_blocks"
    FOLLOWED_TAGS = "followed_tags"
    FILTERS = "filters"
    FEATURED_TAGS = "featured_tags"
    ENDORSEMENTS = "endorsements"
    NOTES = "notes"
    POSTS = "posts"


@dataclass(frozen=True, slots=True)
class AccountRef:
    """Another account as seen from one server."""

    acct: str  # always `user@domain`, also for local accounts
    uri: str = ""  # ActivityPub actor id, when known
    url: str = ""  # profile page
    local_id: str = ""  # the id on the server this came from
    display_name: str = ""

    @property
    def handle(self) -> Handle:
        return Handle.parse(self.acct)

    @property
    def key(self) -> str:
        """Identity across servers: the actor URI, else the acct."""
        return self.uri or self.acct.lower()


@dataclass(frozen=True, slots=True)
class FollowEntry:
    account: AccountRef
    show_reblogs: bool = True
    notify: bool = False
    languages: tuple[str, ...] | None = None  # None: all languages


@dataclass(frozen=True, slots=True)
class MuteEntry:
    account: AccountRef
    notifications: bool = True  # also hide notifications from them
    expires_at: datetime | None = None  # None: forever


@dataclass(frozen=True, slots=True)
class ListEntry:
    title: str
    replies_policy: str = "list"  # followed | list | none
    exclusive: bool = False
    members: tuple[AccountRef, ...] = ()
    local_id: str = ""


@dataclass(frozen=True, slots=True)
class StatusRef:
    uri: str  # ActivityPub id, stable across servers
    url: str = ""
    local_id: str = ""
    author_acct: str = ""


@dataclass(frozen=True, slots=True)
class FilterKeyword:
    keyword: str
    whole_word: bool = True


@dataclass(frozen=True, slots=True)
class FilterEntry:
    title: str
    context: tuple[str, ...]
    action: str = "warn"  # warn | hide | blur
    expires_at: datetime | None = None
    keywords: tuple[FilterKeyword, ...] = ()


@dataclass(frozen=True, slots=True)
class ProfileField:
    name: str
    value: str


@dataclass(frozen=True, slots=True)
class ProfileData:
    display_name: str = ""
    note: str = ""  # plain-text source of the bio
    fields: tuple[ProfileField, ...] = ()
    avatar_url: str = ""
    header_url: str = ""
    locked: bool = False
    bot: bool = False
    discoverable: bool | None = None
    indexable: bool | None = None
    hide_collections: bool | None = None
    privacy: str = "public"
    sensitive: bool = False
    language: str = ""


@dataclass(slots=True)
class Snapshot:
    """Everything read from one account at one moment."""

    account: AccountRef
    taken_at: datetime
    profile: ProfileData = field(default_factory=ProfileData)
    following: list[FollowEntry] = field(default_factory=list)
    followers: list[AccountRef] = field(default_factory=list)
    lists: list[ListEntry] = field(default_factory=list)
    bookmarks: list[StatusRef] = field(default_factory=list)
    favourites: list[StatusRef] = field(default_factory=list)
    blocks: list[AccountRef] = field(default_factory=list)
    mutes: list[MuteEntry] = field(default_factory=list)
    domain_blocks: list[str] = field(default_factory=list)
    followed_tags: list[str] = field(default_factory=list)
    filters: list[FilterEntry] = field(default_factory=list)
    featured_tags: list[str] = field(default_factory=list)
    endorsements: list[AccountRef] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)  # acct -> private note

    def count(self, category: Category) -> int:
        if category is Category.PROFILE:
            return 1
        if category is Category.POSTS:
            return 0
        value = getattr(self, category.value)
        return len(value)
