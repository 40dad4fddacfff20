"""Steps that re-create relations to other accounts: follows (with their flags), blocks, mutes
(remaining duration, notification flag), endorsements and private notes (fediverse-apis §4).

Items are keyed by the account's `user@domain` (lower-cased), which both servers show alike.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import datetime, timedelta

from fedimove.core.engine.steps.base import Applied, ItemStep, StepContext, Wait
from fedimove.core.engine.steps.follow_gate import DailyLimitReached
from fedimove.core.engine.steps.follow_pacing import follow_eta, pace_follows
from fedimove.core.errors import ServerError
from fedimove.core.models import AccountRef, Category
from fedimove.core.storage.journal_records import Item, ItemState

#: How often follows over the cap are tried again after the Move.
CAP_RECHECK = timedelta(hours=6)


async def accts_of(pages: AsyncIterator[list[AccountRef]]) -> set[str]:
    found: set[str] = set()
    async for page in pages:
        found.update(ref.acct.lower() for ref in page)
    return found


async def remote_ids(ctx: StepContext, items: Sequence[Item]) -> dict[str, Item]:
    """The new server's account id of each item: journaled when done, else resolved (only
    in-flight items lack it, a handful after a crash)."""
    found: dict[str, Item] = {}
    for item in items:
        rid = item.remote_id
        if not rid:  # in flight, or found on the server by a reconciliation
            ref = await ctx.resolve(str(item.payload["acct"]))
            rid = ref.local_id if ref is not None else None
        if rid:
            found[rid] = item
    return found


async def relationship_keys(ctx: StepContext, items: Sequence[Item], wanted: str) -> set[str]:
    """Keys of items whose relationship on the new server has `wanted` set."""
    ids = await remote_ids(ctx, items)
    if not ids:
        return set()
    rels = await ctx.new.relationships(list(ids))
    return {ids[rid].key for rid, rel in rels.items() if rid in ids and getattr(rel, wanted)}


class AccountStep(ItemStep):
    """Resolve the account on the new server (skipping what cannot be had), then act."""

    async def target(self, ctx: StepContext, item: Item) -> AccountRef | str:
        acct = str(item.payload["acct"])
        if ctx.domain_blocked(acct):
            return "domain_blocked"
        ref = await ctx.resolve(acct)
        return ref if ref is not None and ref.local_id else "account_gone"

    async def apply(self, ctx: StepContext, item: Item) -> Applied:
        found = await self.target(ctx, item)
        if isinstance(found, str):
            return Applied(skipped=found)
        return await self.act(ctx, item, found)

    async def act(self, ctx: StepContext, item: Item, target: AccountRef) -> Applied:
        raise NotImplementedError


class FollowStep(AccountStep):
    name = "following"
    category = Category.FOLLOWING

    async def present(self, ctx: StepContext, items: Sequence[Item]) -> set[str]:
        following = await accts_of(ctx.new.following(ctx.new_account_id))
        keys = {item.key for item in items if item.key in following}
        rest = [item for item in items if item.key not in keys]
        return keys | await relationship_keys(ctx, rest, "requested")

    def eta(self, ctx: StepContext, remaining: int) -> datetime | None:
        gate = ctx.follow_gate
        daily = gate.finish_estimate(remaining) if gate is not None else None
        paced = follow_eta(ctx, remaining)
        return max(daily, paced) if daily is not None and paced is not None else daily or paced

    async def act(self, ctx: StepContext, item: Item, target: AccountRef) -> Applied:
        gate, client = ctx.follow_gate, ctx.follow_client or ctx.new
        if gate is not None:
            if (until := gate.next_free()) is not None:
                _remember_gate(ctx)
                raise Wait(until, "daily_follow_limit")
            gate.taken()
        pace_follows(ctx)
        payload = item.payload
        languages = payload.get("languages")
        try:
            await client.follow(
                target.local_id,
                reblogs=bool(payload.get("reblogs", True)),
                notify=bool(payload.get("notify", False)),
                languages=[str(code) for code in languages] if languages else None,
            )
        except DailyLimitReached as reached:
            _remember_gate(ctx)
            raise Wait(reached.until, "daily_follow_limit") from None
        except ServerError as error:
            if error.status != 422:
                raise
            # Over the follow cap. After the Move the cap grows as followers arrive (§0.1).
            if self.step_name == "following_after":
                raise Wait(ctx.clock.now() + CAP_RECHECK, "follow_cap") from None
            return Applied(skipped="follow_cap")
        return Applied(remote_id=target.local_id)


def _remember_gate(ctx: StepContext) -> None:
    """A resumed run must know today's allowance is spent (or it would meet a 429)."""
    if ctx.follow_gate is not None:
        ctx.journal.update_options(ctx.migration_id, {"follow_gate": ctx.follow_gate.dump()})


class BlockStep(AccountStep):
    name = "blocks"
    category = Category.BLOCKS

    async def present(self, ctx: StepContext, items: Sequence[Item]) -> set[str]:
        return await accts_of(ctx.new.blocks())

    async def act(self, ctx: StepContext, item: Item, target: AccountRef) -> Applied:
        await ctx.new.block(target.local_id)
        return Applied(remote_id=target.local_id)


class MuteStep(AccountStep):
    name = "mutes"
    category = Category.MUTES

    async def present(self, ctx: StepContext, items: Sequence[Item]) -> set[str]:
        found: set[str] = set()
        async for page in ctx.new.mutes():
            found.update(ref.acct.lower() for _, ref in page)
        return found

    async def act(self, ctx: StepContext, item: Item, target: AccountRef) -> Applied:
        expires = item.payload.get("expires_at")
        duration = 0
        if expires:
            left = datetime.fromisoformat(str(expires)) - ctx.clock.now()
            if left <= timedelta(0):
                return Applied(skipped="mute_expired")
            duration = max(1, int(left.total_seconds()))
        notifications = bool(item.payload.get("notifications", True))
        await ctx.new.mute(target.local_id, notifications=notifications, duration=duration)
        return Applied(remote_id=target.local_id)


class FollowDependentStep(AccountStep):
    """Endorsements (and the like) need an accepted follow first (DESIGN §0.11)."""

    async def ready(self, ctx: StepContext, item: Item, target: AccountRef) -> Applied | None:
        rel = await ctx.relationship(target.local_id)
        if rel.following:
            return None
        follow = _follow_item(ctx, str(item.payload["acct"]).lower())
        if follow is None or follow.state in (ItemState.SKIPPED, ItemState.REMOVED_BY_USER):
            return Applied(skipped="not_followed")
        if (rel is not None and rel.requested) or follow.state is not ItemState.DONE:
            started = follow.updated_at if follow.state is ItemState.DONE else None
            now = ctx.clock.now()
            if started is not None and now - started >= ctx.options.accept_timeout:
                return Applied(skipped="follow_not_accepted")
            raise Wait(now + ctx.options.recheck_every, "waiting_follow_accept")
        return Applied(skipped="not_followed")


def _follow_item(ctx: StepContext, key: str) -> Item | None:
    for step in ("following", "following_after"):
        found = ctx.journal.get_item(ctx.migration_id, step, key)
        if found is not None:
            return found
    return None


class EndorsementStep(FollowDependentStep):
    name = "endorsements"
    category = Category.ENDORSEMENTS

    async def present(self, ctx: StepContext, items: Sequence[Item]) -> set[str]:
        return await accts_of(ctx.new.endorsements())

    async def act(self, ctx: StepContext, item: Item, target: AccountRef) -> Applied:
        not_yet = await self.ready(ctx, item, target)
        if not_yet is not None:
            return not_yet
        await ctx.new.endorse(target.local_id)
        return Applied(remote_id=target.local_id)


class NoteStep(AccountStep):
    name = "notes"
    category = Category.NOTES

    async def present(self, ctx: StepContext, items: Sequence[Item]) -> set[str]:
        ids = await remote_ids(ctx, items)
        rels = await ctx.new.relationships(list(ids)) if ids else {}
        return {
            ids[rid].key
            for rid, rel in rels.items()
            if rid in ids and rel.note.strip() == str(ids[rid].payload.get("comment", "")).strip()
        }

    async def act(self, ctx: StepContext, item: Item, target: AccountRef) -> Applied:
        await ctx.new.set_note(target.local_id, str(item.payload.get("comment", "")))
        return Applied(remote_id=target.local_id)
