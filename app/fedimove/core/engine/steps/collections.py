"""Steps for what is not an account: lists (created with their settings, then their members),
bookmarks and favourites (each post resolved on the new server first), domain blocks, followed
and featured hashtags, filters with their keywords (fediverse-apis §4)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import datetime, timedelta

from fedimove.core.engine.steps.accounts import FollowDependentStep
from fedimove.core.engine.steps.base import Applied, ItemStep, StepContext
from fedimove.core.engine.steps.resolve import resolve_status
from fedimove.core.errors import AccountNotFoundError, ServerError
from fedimove.core.models import (
    AccountRef,
    Category,
    FilterEntry,
    FilterKeyword,
    ListEntry,
    StatusRef,
)
from fedimove.core.storage.journal_records import Item, ItemState

LIST_PREFIX, MEMBER_PREFIX = "list:", "member:"


def list_key(title: str) -> str:
    return f"{LIST_PREFIX}{title}"


def member_key(title: str, acct: str) -> str:
    return f"{MEMBER_PREFIX}{title}\x1f{acct.lower()}"


class ListStep(FollowDependentStep):
    """Lists first (claimed in insertion order: every list precedes its members), then members,
    each of whom must be followed (or requested, where the server allows it)."""

    name = "lists"
    category = Category.LISTS

    async def present(self, ctx: StepContext, items: Sequence[Item]) -> set[str]:
        found: set[str] = set()
        for entry in await ctx.new.lists():
            found.add(list_key(entry.title))
            for member in await ctx.new.list_members(entry.local_id):
                found.add(member_key(entry.title, member.acct))
        return found

    async def apply(self, ctx: StepContext, item: Item) -> Applied:
        if item.key.startswith(LIST_PREFIX):
            return await self._create(ctx, item)
        return await super().apply(ctx, item)

    async def _create(self, ctx: StepContext, item: Item) -> Applied:
        payload = item.payload
        existing = [e for e in await ctx.new.lists() if e.title == payload["title"]]
        if existing:  # re-created by a crashed run or by the user: use it, never a twin
            return Applied(remote_id=existing[0].local_id, commit_now=True)
        entry = ListEntry(
            title=str(payload["title"]),
            replies_policy=str(payload.get("replies_policy", "list")),
            exclusive=bool(payload.get("exclusive", False)),
        )
        created = await ctx.new.create_list(entry)
        return Applied(remote_id=created.local_id, commit_now=True)

    async def act(self, ctx: StepContext, item: Item, target: AccountRef) -> Applied:
        owner = ctx.journal.get_item(
            ctx.migration_id, self.step_name, list_key(item.payload["title"])
        )
        if owner is None or owner.state is not ItemState.DONE:
            return Applied(skipped="list_not_created")
        list_id = owner.remote_id or await self._list_id(ctx, str(item.payload["title"]))
        if list_id is None:
            return Applied(skipped="list_not_created")
        rel = await ctx.relationship(target.local_id)
        if not (rel.following or rel.requested):
            not_yet = await self.ready(ctx, item, target)
            if not_yet is not None:
                return not_yet
        try:
            await ctx.new.add_list_members(list_id, [target.local_id])
        except AccountNotFoundError:
            # GoToSocial wants an accepted follow; Mastodon a follow or a request.
            not_yet = await self.ready(ctx, item, target)
            if not_yet is not None:
                return not_yet
            raise
        except ServerError as error:
            if error.status != 422:  # 422: already a member
                raise
        return Applied(remote_id=target.local_id)

    @staticmethod
    async def _list_id(ctx: StepContext, title: str) -> str | None:
        """A list reconciled after a crash has no journaled id: find it by its title."""
        return next((e.local_id for e in await ctx.new.lists() if e.title == title), None)


class StatusStep(ItemStep):
    """Resolve the post on the new server (a deleted one ends as `post_gone`), then mark it."""

    def pages(self, ctx: StepContext) -> AsyncIterator[list[StatusRef]]:
        raise NotImplementedError

    async def mark(self, ctx: StepContext, status_id: str) -> None:
        raise NotImplementedError

    async def present(self, ctx: StepContext, items: Sequence[Item]) -> set[str]:
        found: set[str] = set()
        async for page in self.pages(ctx):
            found.update(ref.uri for ref in page)
        return found

    async def apply(self, ctx: StepContext, item: Item) -> Applied:
        status = await resolve_status(ctx.new, item.key)
        if status is None or not status.local_id:
            return Applied(skipped="post_gone")
        await self.mark(ctx, status.local_id)
        return Applied(remote_id=status.local_id)


class BookmarkStep(StatusStep):
    name = "bookmarks"
    category = Category.BOOKMARKS

    def pages(self, ctx: StepContext) -> AsyncIterator[list[StatusRef]]:
        return ctx.new.bookmarks()

    async def mark(self, ctx: StepContext, status_id: str) -> None:
        await ctx.new.bookmark(status_id)


class FavouriteStep(StatusStep):
    name = "favourites"
    category = Category.FAVOURITES

    def pages(self, ctx: StepContext) -> AsyncIterator[list[StatusRef]]:
        return ctx.new.favourites()

    async def mark(self, ctx: StepContext, status_id: str) -> None:
        await ctx.new.favourite(status_id)


class DomainBlockStep(ItemStep):
    name = "domain_blocks"
    category = Category.DOMAIN_BLOCKS

    async def present(self, ctx: StepContext, items: Sequence[Item]) -> set[str]:
        found: set[str] = set()
        async for page in ctx.new.domain_blocks():
            found.update(domain.lower() for domain in page)
        return found

    async def apply(self, ctx: StepContext, item: Item) -> Applied:
        await ctx.new.block_domain(item.key)
        return Applied(remote_id=item.key)


class FollowedTagStep(ItemStep):
    name = "followed_tags"
    category = Category.FOLLOWED_TAGS

    async def present(self, ctx: StepContext, items: Sequence[Item]) -> set[str]:
        found: set[str] = set()
        async for page in ctx.new.followed_tags():
            found.update(name.lower() for name in page)
        return found

    async def apply(self, ctx: StepContext, item: Item) -> Applied:
        await ctx.new.follow_tag(item.key)
        return Applied(remote_id=item.key)


class FeaturedTagStep(ItemStep):
    name = "featured_tags"
    category = Category.FEATURED_TAGS

    async def present(self, ctx: StepContext, items: Sequence[Item]) -> set[str]:
        return {name.lower() for name in await ctx.new.featured_tags()}

    async def apply(self, ctx: StepContext, item: Item) -> Applied:
        if item.key in await self.present(ctx, [item]):
            return Applied(remote_id=item.key)  # not idempotent on the server: look first
        try:
            await ctx.new.feature_tag(item.key)
        except ServerError as error:
            if error.status == 422:  # over the server's max_featured_tags
                return Applied(skipped="limit_reached")
            raise
        return Applied(remote_id=item.key)


class FilterStep(ItemStep):
    name = "filters"
    category = Category.FILTERS

    async def present(self, ctx: StepContext, items: Sequence[Item]) -> set[str]:
        return {entry.title for entry in await ctx.new.filters()}

    async def apply(self, ctx: StepContext, item: Item) -> Applied:
        entry = filter_from_payload(item.payload)
        now = ctx.clock.now()
        if entry.expires_at is not None and entry.expires_at - now <= timedelta(0):
            return Applied(skipped="filter_expired")
        if entry.title in await self.present(ctx, [item]):
            return Applied(remote_id=entry.title)  # creating is not idempotent: look first
        await ctx.new.create_filter(entry, now=now)
        return Applied(remote_id=entry.title)


def filter_from_payload(payload: dict[str, object]) -> FilterEntry:
    expires = payload.get("expires_at")
    keywords = payload.get("keywords")
    return FilterEntry(
        title=str(payload["title"]),
        context=tuple(str(c) for c in payload.get("context") or ()),  # type: ignore[attr-defined]
        action=str(payload.get("action", "warn")),
        expires_at=datetime.fromisoformat(str(expires)) if expires else None,
        keywords=tuple(
            FilterKeyword(str(k[0]), bool(k[1]))
            for k in (keywords if isinstance(keywords, list) else [])
        ),
    )
