"""What one practice instance knows: accounts (its own and copies of remote ones), statuses,
relations, lists, filters, tags, media.

Ids are local to an instance, as on a real server: the same person has a different id on each
instance that knows them. Accounts are tied to their home instance by its stable *name*
(`old.practice`), never by origin, so URIs are rendered from the home's current origin (which
changes when the network is served on loopback ports).

The federation layer (increment b) adds Move processing on top of this model: `also_known_as`,
`moved_to`, `suspended` and the follow flags (`show_reblogs`, `notify`, `languages`) are here
for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from fedimove.sandbox.index import PairIndex, Rows


class IdGenerator:
    """Snowflake-like ids: Mastodon's are `(milliseconds << 16) | sequence`
    [M: lib/mastodon/snowflake.rb]. A counter keeps them unique and strictly increasing;
    seeding the high bits with the start time keeps them opaque and large like real ones."""

    def __init__(self, start: datetime) -> None:
        self._next = (int(start.timestamp() * 1000) << 16) + 1

    def next(self) -> int:
        value = self._next
        self._next += 1
        return value


@dataclass(slots=True)
class Media:
    id: int
    content_type: str
    data: bytes


@dataclass(slots=True, eq=False)
class Account:
    id: int
    username: str
    home: (
        str  # name of the home instance ("old.practice"); equal to the instance's own name if local
    )
    created_at: datetime
    display_name: str = ""
    note: str = ""
    fields: list[tuple[str, str]] = field(default_factory=list)
    locked: bool = False
    bot: bool = False
    discoverable: bool = True
    indexable: bool = True
    hide_collections: bool = False
    avatar: Media | None = None
    header: Media | None = None
    privacy: str = "public"
    sensitive: bool = False
    language: str | None = None
    # Local accounts only: how the sign-in form and the Move form check who you are.
    email: str | None = None
    password: str | None = None
    # ActivityPub identity links (alias / Move); URIs, rebased when origins change.
    also_known_as: list[str] = field(default_factory=list)
    moved_to: str | None = None
    moved_at: datetime | None = None
    suspended: bool = False
    #: Users who must be approved are not "functional" [M: app/models/user.rb].
    approved: bool = True
    #: For remote copies: the account's id on its home instance (to build status URIs).
    home_id: int | None = None


@dataclass(slots=True, eq=False)
class Status:
    id: int
    owner: int  # author's local account id
    created_at: datetime
    content: str
    visibility: str = "public"
    language: str | None = "en"
    spoiler_text: str = ""
    sensitive: bool = False
    home_id: int | None = None  # the id on the author's home instance (remote copies)


@dataclass(slots=True, eq=False)
class Follow:
    """A follow or a follow request (same shape) [M: app/models/follow.rb, follow_request.rb]."""

    id: int
    owner: int
    target: int
    show_reblogs: bool = True
    notify: bool = False
    languages: list[str] | None = None


@dataclass(slots=True, eq=False)
class Block:
    id: int
    owner: int
    target: int


@dataclass(slots=True, eq=False)
class Mute:
    id: int
    owner: int
    target: int
    hide_notifications: bool = True
    expires_at: datetime | None = None


@dataclass(slots=True, eq=False)
class Mark:
    """A bookmark, a favourite or an endorsement: owner marks a target (status or account)."""

    id: int
    owner: int
    target: int


@dataclass(slots=True, eq=False)
class DomainBlock:
    id: int
    owner: int
    domain: str


@dataclass(slots=True, eq=False)
class TagFollow:
    id: int
    owner: int
    tag: str


@dataclass(slots=True, eq=False)
class FeaturedTag:
    id: int
    owner: int
    name: str
    created_at: datetime


@dataclass(slots=True, eq=False)
class ListMember:
    id: int
    owner: int  # list id
    target: int  # account id


@dataclass(slots=True, eq=False)
class AccountList:
    id: int
    owner: int
    title: str
    replies_policy: str = "list"
    exclusive: bool = False
    members: PairIndex[ListMember] = field(default_factory=PairIndex)


@dataclass(slots=True)
class FilterKeyword:
    id: int
    keyword: str
    whole_word: bool = True


@dataclass(slots=True, eq=False)
class Filter:
    id: int
    owner: int
    title: str
    context: list[str]
    filter_action: str = "warn"
    expires_at: datetime | None = None
    keywords: list[FilterKeyword] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)  # filter-status id -> status id


class InstanceState:
    """Every table of one instance, each with the indexes its routes need (no scans)."""

    def __init__(self, name: str, start: datetime) -> None:
        self.name = name
        self.ids = IdGenerator(start)
        self.accounts: dict[int, Account] = {}
        self.by_handle: dict[tuple[str, str], int] = {}  # (username lower, home name) -> id
        self.statuses: dict[int, Status] = {}
        self.statuses_by_home: dict[tuple[str, int], int] = {}  # (home, home id) -> local id
        self.statuses_of: dict[int, Rows[Status]] = {}
        self.follows: PairIndex[Follow] = PairIndex()
        self.follow_requests: PairIndex[Follow] = PairIndex()
        self.blocks: PairIndex[Block] = PairIndex()
        self.mutes: PairIndex[Mute] = PairIndex()
        self.bookmarks: PairIndex[Mark] = PairIndex()
        self.favourites: PairIndex[Mark] = PairIndex()
        self.endorsements: PairIndex[Mark] = PairIndex()
        self.domain_blocks: dict[int, Rows[DomainBlock]] = {}
        self.domain_block_names: dict[int, dict[str, int]] = {}
        self.followed_tags: dict[int, Rows[TagFollow]] = {}
        self.followed_tag_names: dict[int, dict[str, int]] = {}
        self.featured_tags: dict[int, dict[int, FeaturedTag]] = {}
        self.lists: dict[int, AccountList] = {}
        self.lists_of: dict[int, dict[int, AccountList]] = {}
        self.filters: dict[int, dict[int, Filter]] = {}
        self.notes: dict[tuple[int, int], str] = {}
        self.media: dict[int, Media] = {}
        self.tag_ids: dict[str, int] = {}
        #: The server's own domain blocks: domain -> (severity "silence" | "suspend", comment)
        #: [fediverse-apis.md §0.7 in DESIGN; MD: methods/instance.md#domain_blocks].
        self.server_blocks: dict[str, tuple[str, str]] = {}
        #: Follows created through the API per (account id, UTC day), for the 400/day family.
        self.api_follows_per_day: dict[tuple[int, str], int] = {}

    # --- accounts -------------------------------------------------------------------------

    def add_account(self, account: Account) -> Account:
        self.accounts[account.id] = account
        self.by_handle[(account.username.lower(), account.home)] = account.id
        return account

    def find(self, username: str, home: str) -> Account | None:
        account_id = self.by_handle.get((username.lower(), home))
        return self.accounts.get(account_id) if account_id is not None else None

    def is_local(self, account: Account) -> bool:
        return account.home == self.name

    def new_account(self, username: str, home: str, created_at: datetime) -> Account:
        return self.add_account(Account(self.ids.next(), username, home, created_at))

    # --- statuses ---------------------------------------------------------------------------

    def add_status(self, status: Status, home: str) -> Status:
        self.statuses[status.id] = status
        self.statuses_by_home[(home, status.home_id or status.id)] = status.id
        self.statuses_of.setdefault(status.owner, Rows()).add(status.id, status)
        return status

    def tag_id(self, name: str) -> int:
        key = name.lower()
        if key not in self.tag_ids:
            self.tag_ids[key] = self.ids.next()
        return self.tag_ids[key]

    # --- counts -----------------------------------------------------------------------------

    def followers_count(self, account_id: int) -> int:
        return len(self.follows.targeting(account_id))

    def following_count(self, account_id: int) -> int:
        return len(self.follows.owned(account_id))

    def statuses_count(self, account_id: int) -> int:
        rows = self.statuses_of.get(account_id)
        return len(rows) if rows is not None else 0
