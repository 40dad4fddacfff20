"""Copy two items of every category from the old account to the new one, then read the new
account back and check they arrived (the self-test's small, real copy; fediverse-apis §4).

Favourites are left out (re-creating one notifies its author, DESIGN §0.11), as are the profile
(it would overwrite the new account's), followers (no API re-creates them) and posts.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from fedimove.core.clock import Clock
from fedimove.core.engine.snapshot import AccountSnapshot, read_snapshot
from fedimove.core.errors import FedimoveError
from fedimove.core.models import AccountRef, Category, ListEntry
from fedimove.core.progress import CancelToken, discard_progress
from fedimove.core.servers.rest import RestClient

SAMPLES = 2
VERIFY_READS = 4
VERIFY_PAUSE = 15.0  # seconds between reads of the new account
SKIPPED = {
    Category.PROFILE: "not copied: it would overwrite the new account's profile",
    Category.FOLLOWERS: "followers cannot be re-created; the Move brings them",
    Category.FAVOURITES: "not copied: re-creating a favourite notifies its author",
    Category.NOTES: "not copied by the self-test",
    Category.POSTS: "posts do not move",
}


@dataclass(frozen=True, slots=True)
class SampleResult:
    category: Category
    on_old: int
    copied: tuple[str, ...] = ()
    verified: tuple[str, ...] = ()
    note: str = ""

    @property
    def ok(self) -> bool:
        return bool(self.copied) and set(self.copied) <= set(self.verified)

    def as_json(self) -> dict[str, object]:
        return {
            "category": self.category.value,
            "on_old": self.on_old,
            "copied": list(self.copied),
            "verified": list(self.verified),
            "ok": self.ok,
            "note": self.note,
        }


Copier = Callable[[RestClient, AccountSnapshot, datetime], Awaitable[list[str]]]


async def _resolved(new: RestClient, refs: list[AccountRef]) -> list[AccountRef]:
    found = [await new.resolve_account(ref.acct) for ref in refs[:SAMPLES]]
    return [ref for ref in found if ref is not None]


async def _following(new: RestClient, old: AccountSnapshot, now: datetime) -> list[str]:
    entries = old.following[:SAMPLES]
    for entry, ref in zip(
        entries, await _resolved(new, [e.account for e in entries]), strict=False
    ):
        await new.follow(ref.local_id, reblogs=entry.show_reblogs, notify=entry.notify)
    return [e.account.acct.lower() for e in entries]


async def _blocks(new: RestClient, old: AccountSnapshot, now: datetime) -> list[str]:
    for ref in await _resolved(new, old.blocks):
        await new.block(ref.local_id)
    return [ref.acct.lower() for ref in old.blocks[:SAMPLES]]


async def _mutes(new: RestClient, old: AccountSnapshot, now: datetime) -> list[str]:
    entries = old.mutes[:SAMPLES]
    for entry, ref in zip(
        entries, await _resolved(new, [e.account for e in entries]), strict=False
    ):
        await new.mute(ref.local_id, notifications=entry.notifications)
    return [e.account.acct.lower() for e in entries]


async def _domain_blocks(new: RestClient, old: AccountSnapshot, now: datetime) -> list[str]:
    for domain in old.domain_blocks[:SAMPLES]:
        await new.block_domain(domain)
    return [d.lower() for d in old.domain_blocks[:SAMPLES]]


async def _followed_tags(new: RestClient, old: AccountSnapshot, now: datetime) -> list[str]:
    for name in old.followed_tags[:SAMPLES]:
        await new.follow_tag(name)
    return [n.lower() for n in old.followed_tags[:SAMPLES]]


async def _featured_tags(new: RestClient, old: AccountSnapshot, now: datetime) -> list[str]:
    for name in old.featured_tags[:SAMPLES]:
        await new.feature_tag(name)
    return [n.lower() for n in old.featured_tags[:SAMPLES]]


async def _bookmarks(new: RestClient, old: AccountSnapshot, now: datetime) -> list[str]:
    copied = []
    for status in old.bookmarks[:SAMPLES]:
        local = await new.resolve_status(status.uri)
        if local is not None:
            await new.bookmark(local.local_id)
            copied.append(status.uri)
    return copied


async def _filters(new: RestClient, old: AccountSnapshot, now: datetime) -> list[str]:
    for entry in old.filters[:SAMPLES]:
        await new.create_filter(entry, now=now)
    return [f.title for f in old.filters[:SAMPLES]]


async def _lists(new: RestClient, old: AccountSnapshot, now: datetime) -> list[str]:
    """A list with up to two members; members must be followed first (fediverse-apis §4)."""
    titles = []
    for entry in old.lists[:SAMPLES]:
        members = await _resolved(new, list(entry.members))
        for ref in members:
            await new.follow(ref.local_id)
        created = await new.create_list(ListEntry(entry.title, entry.replies_policy))
        if members:
            await new.add_list_members(created.local_id, [m.local_id for m in members])
        titles.append(entry.title)
    return titles


async def _endorsements(new: RestClient, old: AccountSnapshot, now: datetime) -> list[str]:
    for ref in await _resolved(new, old.endorsements):
        await new.follow(ref.local_id)  # endorsing needs a follow (fediverse-apis §4)
        await new.endorse(ref.local_id)
    return [ref.acct.lower() for ref in old.endorsements[:SAMPLES]]


COPIERS: dict[Category, Copier] = {
    Category.FOLLOWING: _following,
    Category.LISTS: _lists,
    Category.BOOKMARKS: _bookmarks,
    Category.BLOCKS: _blocks,
    Category.MUTES: _mutes,
    Category.DOMAIN_BLOCKS: _domain_blocks,
    Category.FOLLOWED_TAGS: _followed_tags,
    Category.FILTERS: _filters,
    Category.FEATURED_TAGS: _featured_tags,
    Category.ENDORSEMENTS: _endorsements,
}


def keys_on(snapshot: AccountSnapshot, category: Category) -> set[str]:
    """What the new account shows for a category, in the copiers' key form."""
    accounts = {
        Category.FOLLOWING: [e.account for e in snapshot.following],
        Category.BLOCKS: snapshot.blocks,
        Category.MUTES: [e.account for e in snapshot.mutes],
        Category.ENDORSEMENTS: snapshot.endorsements,
    }
    if category in accounts:
        return {ref.acct.lower() for ref in accounts[category]}
    plain: dict[Category, list[str]] = {
        Category.DOMAIN_BLOCKS: [d.lower() for d in snapshot.domain_blocks],
        Category.FOLLOWED_TAGS: [t.lower() for t in snapshot.followed_tags],
        Category.FEATURED_TAGS: [t.lower() for t in snapshot.featured_tags],
        Category.BOOKMARKS: [s.uri for s in snapshot.bookmarks],
        Category.FILTERS: [f.title for f in snapshot.filters],
        Category.LISTS: [entry.title for entry in snapshot.lists],
    }
    return set(plain.get(category, []))


async def _read_until_arrived(
    new: RestClient, copied: dict[Category, tuple[list[str], str]], clock: Clock
) -> AccountSnapshot:
    """Follows of remote accounts (and imports) complete in the background: read the new
    account again a few times before calling a sample missing."""
    for attempt in range(VERIFY_READS):
        after = await read_snapshot(
            new, progress=discard_progress, cancel=CancelToken(), categories=list(COPIERS)
        )
        missing = [k for c, (keys, _) in copied.items() for k in keys if k not in keys_on(after, c)]
        if not missing or attempt == VERIFY_READS - 1:
            break
        await clock.sleep(VERIFY_PAUSE)
    return after


async def copy_samples(old: AccountSnapshot, new: RestClient, clock: Clock) -> list[SampleResult]:
    """Copy two of each category, then check on the new account that they arrived."""
    now = clock.now()
    copied: dict[Category, tuple[list[str], str]] = {}
    for category, copier in COPIERS.items():
        if old.count(category) == 0:
            continue
        try:
            copied[category] = (await copier(new, old, now), "")
        except FedimoveError as error:
            copied[category] = ([], f"copy failed ({error.code})")
    after = await _read_until_arrived(new, copied, clock)
    results = []
    for category in Category:
        if category in SKIPPED:
            results.append(SampleResult(category, old.count(category), note=SKIPPED[category]))
        elif category not in copied:
            results.append(SampleResult(category, 0, note="nothing on the old account"))
        else:
            keys, note = copied[category]
            seen = keys_on(after, category)
            verified = tuple(k for k in keys if k in seen)
            results.append(SampleResult(category, old.count(category), tuple(keys), verified, note))
    return results
