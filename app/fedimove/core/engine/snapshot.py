"""Read a whole account into a `Snapshot` (issue 5; fediverse-apis §2).

Requests are kept to the minimum: every collection at its largest page size, one walk by `Link`
headers, and one batched pass of `accounts/relationships` over the follows, blocks and mutes
together (it gives the follow flags, the mute notification flag and the private notes at once).
Progress is reported per category, with an ETA from the server's scheduler.
"""

from __future__ import annotations

import math
from collections.abc import AsyncIterator, Collection, Sized
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from fedimove.core.engine.scheduler import WaitNotice
from fedimove.core.models import AccountRef, Category, Snapshot
from fedimove.core.progress import CancelToken, Phase, ProgressEvent, ProgressSink
from fedimove.core.servers import rest_parse as parse
from fedimove.core.servers.rest import RestClient
from fedimove.core.servers.rest_reads import RELATIONSHIP_BATCH, OwnAccount

T = TypeVar("T")

#: What `read_snapshot` reads unless told otherwise (posts are opt-in).
DEFAULT_CATEGORIES = frozenset(Category) - {Category.POSTS}


@dataclass(frozen=True, slots=True)
class MediaFile:
    url: str
    content_type: str
    data: bytes


@dataclass(slots=True)
class AccountSnapshot(Snapshot):
    """A `Snapshot` plus what does not fit the shared model yet: the profile images and, when
    asked for, the account's own posts (raw Status objects, for the archive's outbox)."""

    avatar: MediaFile | None = None
    header: MediaFile | None = None
    posts: list[dict[str, Any]] = field(default_factory=list)
    #: Counts the server announced (verify_credentials), to compare with what was read.
    announced: dict[str, int] = field(default_factory=dict)


class _Reporter:
    """Turns reads and scheduler waits into progress events with an ETA."""

    def __init__(
        self, client: RestClient, progress: ProgressSink, remaining: tuple[int, int]
    ) -> None:
        self.client = client
        self.progress = progress
        # Estimated requests still to send, and how many of them carry a paging cursor.
        self.remaining, self.paged = remaining
        self.category = ""

    def eta_event(self, **kwargs: Any) -> ProgressEvent:
        eta = self.client.eta(max(0, self.remaining), paged=max(0, self.paged))
        return ProgressEvent(Phase.READ, category=self.category, eta=eta, **kwargs)

    def start(self, category: Category, total: int | None) -> None:
        self.category = category.value
        self.progress(self.eta_event(total=total, status="reading"))

    def page(self, done: int, total: int | None, *, paged: bool = False) -> None:
        self.remaining -= 1
        self.paged -= paged
        self.progress(self.eta_event(done=done, total=total, status="reading"))

    def finish(self, done: int) -> None:
        self.progress(self.eta_event(done=done, total=done, status="read"))

    def waiting(self, notice: WaitNotice) -> None:
        params = {"host": notice.host, "until": notice.until.isoformat(), "reason": notice.reason}
        self.progress(self.eta_event(status="waiting_rate_limit", params=params))


def _pages_for(count: int, size: int) -> int:
    # A full last page still has a `next` link, so Mastodon needs one more (empty) answer.
    return count // size + 1 if size > 0 else 1


def _estimate(
    client: RestClient, own: OwnAccount, categories: Collection[Category]
) -> tuple[int, int]:
    """(requests, of which paged): one first page per category, the further pages of the
    collections whose size the account announces, and the relationship batches."""
    paged = 0
    for category, count in (
        (Category.FOLLOWING, own.following_count),
        (Category.FOLLOWERS, own.followers_count),
        (Category.POSTS, own.statuses_count),
    ):
        if category in categories:
            paged += _pages_for(count, client.limit_for(category)) - 1
    batches = math.ceil(own.following_count / RELATIONSHIP_BATCH)
    return len(categories) + paged + (batches if Category.FOLLOWING in categories else 0), paged


async def _collect(
    pages: AsyncIterator[list[T]], report: _Reporter, cancel: CancelToken, total: int | None
) -> list[T]:
    items: list[T] = []
    first = True
    async for page in pages:
        items.extend(page)
        report.page(len(items), total, paged=not first)
        first = False
        cancel.raise_if_cancelled()
    return items


async def read_snapshot(
    client: RestClient,
    *,
    progress: ProgressSink,
    cancel: CancelToken,
    include_posts: bool = False,
    categories: Collection[Category] | None = None,
) -> AccountSnapshot:
    """Read every category of the signed-in account behind `client`."""
    wanted = set(categories if categories is not None else DEFAULT_CATEGORIES)
    if include_posts:
        wanted.add(Category.POSTS)
    client.cancel = cancel
    own = await client.verify_credentials()
    report = _Reporter(client, progress, _estimate(client, own, wanted))
    unsubscribe = client.scheduler.subscribe(report.waiting)
    try:
        snapshot = AccountSnapshot(account=own.ref, taken_at=client.scheduler.clock.now())
        snapshot.profile = own.profile
        snapshot.announced = {
            "following": own.following_count,
            "followers": own.followers_count,
            "statuses": own.statuses_count,
        }
        await _SnapshotReader(client, snapshot, wanted, report, cancel).read_all(own)
        return snapshot
    finally:
        unsubscribe()


async def _media(client: RestClient, url: str) -> MediaFile | None:
    fetched = await client.fetch_media(url)
    return MediaFile(url, fetched[1], fetched[0]) if fetched else None


@dataclass(slots=True)
class _SnapshotReader:
    client: RestClient
    snapshot: AccountSnapshot
    wanted: set[Category]
    report: _Reporter
    cancel: CancelToken

    async def _collect(self, pages: AsyncIterator[list[T]], total: int | None) -> list[T]:
        return await _collect(pages, self.report, self.cancel, total)

    async def read_all(self, own: OwnAccount) -> None:
        client, snapshot, wanted, report = self.client, self.snapshot, self.wanted, self.report
        me = own.ref.local_id
        if Category.PROFILE in wanted:
            report.start(Category.PROFILE, 1)
            snapshot.avatar = await _media(client, own.profile.avatar_url)
            snapshot.header = await _media(client, own.profile.header_url)
            report.finish(1)
        following: list[AccountRef] = []
        if Category.FOLLOWING in wanted:
            report.start(Category.FOLLOWING, own.following_count)
            following = await self._collect(client.following(me), own.following_count)
        if Category.FOLLOWERS in wanted:
            report.start(Category.FOLLOWERS, own.followers_count)
            snapshot.followers = await self._collect(client.followers(me), own.followers_count)
            report.finish(len(snapshot.followers))
        if Category.LISTS in wanted:
            await self.read_lists()
        await self.read_statuses()
        mutes = await self.read_blocks_and_mutes()
        await self.read_relationships(following, mutes)
        await self.read_small()
        if Category.POSTS in wanted:
            report.start(Category.POSTS, own.statuses_count)
            snapshot.posts = await self._collect(client.statuses(me), own.statuses_count)
            report.finish(len(snapshot.posts))

    async def read_lists(self) -> None:
        self.report.start(Category.LISTS, None)
        lists = await self.client.lists()
        self.report.remaining += len(lists)
        for index, entry in enumerate(lists):
            members = await self.client.list_members(entry.local_id)
            self.snapshot.lists.append(replace(entry, members=tuple(members)))
            self.report.page(index + 1, len(lists))
            self.cancel.raise_if_cancelled()
        self.report.finish(len(self.snapshot.lists))

    async def read_statuses(self) -> None:
        for category, pages in (
            (Category.BOOKMARKS, self.client.bookmarks),
            (Category.FAVOURITES, self.client.favourites),
        ):
            if category in self.wanted:
                self.report.start(category, None)
                items = await self._collect(pages(), None)
                setattr(self.snapshot, category.value, items)
                self.report.finish(len(items))

    async def read_blocks_and_mutes(self) -> list[tuple[dict[str, Any], AccountRef]]:
        if Category.BLOCKS in self.wanted:
            self.report.start(Category.BLOCKS, None)
            self.snapshot.blocks = await self._collect(self.client.blocks(), None)
            self.report.finish(len(self.snapshot.blocks))
        if Category.MUTES not in self.wanted:
            return []
        self.report.start(Category.MUTES, None)
        return await self._collect(self.client.mutes(), None)

    async def read_relationships(
        self, following: list[AccountRef], mutes: list[tuple[dict[str, Any], AccountRef]]
    ) -> None:
        """One batched pass: follow flags, mute notification flags and private notes."""
        snapshot, report = self.snapshot, self.report
        known = [*following, *snapshot.blocks, *(ref for _, ref in mutes)]
        ids = list(dict.fromkeys(ref.local_id for ref in known if ref.local_id))
        rels: dict[str, parse.Relationship] = {}
        report.category = Category.FOLLOWING.value  # the batches serve follows first
        for start in range(0, len(ids), RELATIONSHIP_BATCH):
            batch = ids[start : start + RELATIONSHIP_BATCH]
            rels.update(await self.client.relationship_batch(batch))
            report.page(len(rels), len(ids))
            self.cancel.raise_if_cancelled()
        snapshot.following = [parse.follow_entry(r, rels.get(r.local_id)) for r in following]
        if Category.FOLLOWING in self.wanted:
            report.category = Category.FOLLOWING.value
            report.finish(len(snapshot.following))
        snapshot.mutes = self.client.mute_entries(mutes, rels)
        if Category.MUTES in self.wanted:
            report.category = Category.MUTES.value
            report.finish(len(snapshot.mutes))
        for ref in known:
            rel = rels.get(ref.local_id)
            if rel is not None and rel.note.strip():
                snapshot.notes[ref.acct] = rel.note

    async def read_small(self) -> None:
        """The short collections: domain blocks, tags, filters, endorsements."""
        paged: list[tuple[Category, Any]] = [
            (Category.DOMAIN_BLOCKS, self.client.domain_blocks),
            (Category.FOLLOWED_TAGS, self.client.followed_tags),
            (Category.ENDORSEMENTS, self.client.endorsements),
        ]
        for category, pages in paged:
            if category in self.wanted:
                self.report.start(category, None)
                items = await self._collect(pages(), None)
                setattr(self.snapshot, category.value, items)
                self.report.finish(len(items))
        for category, read in (
            (Category.FILTERS, self.client.filters),
            (Category.FEATURED_TAGS, self.client.featured_tags),
        ):
            if category in self.wanted:
                self.report.start(category, None)
                items_read: Sized = await read()
                setattr(self.snapshot, category.value, items_read)
                self.report.page(len(items_read), None)
                self.report.finish(len(items_read))
