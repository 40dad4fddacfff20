"""What will move, what will not, and why — before anything changes (issue 5; DESIGN §0.7).

Per category: the count, a sample, what already exists on the new account (when it was read
too), what will be skipped with a stable reason code, and what waits until after the Move
(follows beyond the new server's cap, DESIGN §0.1). Followers are grouped by their server with a
forecast for each (`preview_servers.py`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from fedimove.core import service_api
from fedimove.core.engine.preview_servers import (
    ServerForecast,
    ServerProber,
    blocked_severity,
    forecast,
    origin_of,
)
from fedimove.core.models import AccountRef, Category, Snapshot
from fedimove.core.progress import CancelToken, Phase, ProgressEvent, ProgressSink
from fedimove.core.servers.base import FollowCap

SAMPLE_SIZE = 5


@dataclass(frozen=True, slots=True)
class Skipped:
    item: str
    reason: str  # "domain_blocked_by_new_server", "list_member_not_followed", ...


@dataclass(slots=True)
class CategoryPreview:
    category: Category
    count: int
    sample: tuple[str, ...] = ()
    existing: int = 0  # already on the new account
    skipped: list[Skipped] = field(default_factory=list)
    after_move: int = 0  # copied only once followers have arrived (follow cap)
    #: Parts of items left out (list members), which do not make the item itself skipped.
    skipped_parts: list[Skipped] = field(default_factory=list)

    @property
    def to_copy(self) -> int:
        return max(0, self.count - self.existing - len(self.skipped) - self.after_move)

    def skip_reasons(self) -> dict[str, int]:
        return dict(Counter(s.reason for s in [*self.skipped, *self.skipped_parts]))


@dataclass(slots=True)
class Preview:
    old: AccountRef
    new: AccountRef | None
    categories: list[CategoryPreview]
    follower_servers: list[ServerForecast]

    def category(self, category: Category) -> CategoryPreview:
        return next(c for c in self.categories if c.category is category)

    def followers_by_prediction(self) -> dict[str, int]:
        totals: Counter[str] = Counter()
        for server in self.follower_servers:
            totals[server.prediction.value] += server.followers
        return dict(totals)


@dataclass(frozen=True, slots=True)
class NewSide:
    """What is known about the destination: its snapshot (None if not read) and its blocks."""

    snapshot: Snapshot | None = None
    domain_blocks: tuple[tuple[str, str], ...] = ()
    follow_cap: FollowCap | None = None


def _domain(acct: str) -> str:
    return acct.rpartition("@")[2].lower()


class _Checker:
    def __init__(self, old: Snapshot, new: NewSide, now: datetime) -> None:
        self.new = new
        self.now = now
        self.new_acct = new.snapshot.account.acct.lower() if new.snapshot else ""
        self.followed = {f.account.acct.lower() for f in old.following}

    def account_reason(self, acct: str) -> str | None:
        if acct.lower() == self.new_acct:
            return "is_new_account"
        if blocked_severity(_domain(acct), self.new.domain_blocks) == "suspend":
            return "domain_blocked_by_new_server"
        return None

    def preview_accounts(
        self,
        category: Category,
        accts: list[str],
        existing: set[str],
        extra: Callable[[str], str | None] | None = None,
    ) -> CategoryPreview:
        result = CategoryPreview(category, len(accts), tuple(accts[:SAMPLE_SIZE]))
        for acct in accts:
            if acct.lower() in existing:
                result.existing += 1
            elif reason := self.account_reason(acct) or (extra(acct) if extra else None):
                result.skipped.append(Skipped(acct, reason))
        return result


def _names(values: Iterable[str]) -> set[str]:
    return {value.lower().lstrip("#") for value in values}


def _accts(values: Iterable[AccountRef]) -> list[str]:
    return [ref.acct for ref in values]


def category_previews(old: Snapshot, new: NewSide, now: datetime) -> list[CategoryPreview]:
    check = _Checker(old, new, now)
    target = new.snapshot
    have = target if target is not None else Snapshot(old.account, now)
    previews = [CategoryPreview(Category.PROFILE, 1, (old.profile.display_name,))]
    following = check.preview_accounts(
        Category.FOLLOWING,
        _accts(f.account for f in old.following),
        {f.account.acct.lower() for f in have.following},
    )
    if new.follow_cap is not None:
        room = new.follow_cap.limit_for(len(have.followers)) - len(have.following)
        following.after_move = max(0, following.to_copy - max(0, room))
    previews.append(following)
    previews.append(
        CategoryPreview(
            Category.FOLLOWERS, len(old.followers), tuple(_accts(old.followers[:SAMPLE_SIZE]))
        )
    )
    previews.append(_lists(old, have, check))
    previews.extend(_statuses(old, have, check))
    previews.append(
        check.preview_accounts(
            Category.BLOCKS, _accts(old.blocks), {a.acct.lower() for a in have.blocks}
        )
    )
    previews.append(_mutes(old, have, check))
    previews.extend(_named(old, have))
    previews.append(
        check.preview_accounts(
            Category.ENDORSEMENTS,
            _accts(old.endorsements),
            {a.acct.lower() for a in have.endorsements},
            lambda acct: None if acct.lower() in check.followed else "not_followed",
        )
    )
    previews.append(check.preview_accounts(Category.NOTES, list(old.notes), set()))
    return previews


def _lists(old: Snapshot, have: Snapshot, check: _Checker) -> CategoryPreview:
    result = CategoryPreview(
        Category.LISTS, len(old.lists), tuple(entry.title for entry in old.lists[:SAMPLE_SIZE])
    )
    titles = {entry.title for entry in have.lists}
    result.existing = sum(entry.title in titles for entry in old.lists)
    for entry in old.lists:
        for member in entry.members:
            reason = check.account_reason(member.acct)
            if reason is None and member.acct.lower() not in check.followed:
                reason = "list_member_not_followed"
            if reason:
                result.skipped_parts.append(Skipped(f"{entry.title}: {member.acct}", reason))
    return result


def _statuses(old: Snapshot, have: Snapshot, check: _Checker) -> list[CategoryPreview]:
    results = []
    for category, mine, theirs in (
        (Category.BOOKMARKS, old.bookmarks, have.bookmarks),
        (Category.FAVOURITES, old.favourites, have.favourites),
    ):
        result = CategoryPreview(category, len(mine), tuple(s.uri for s in mine[:SAMPLE_SIZE]))
        existing = {s.uri for s in theirs}
        for status in mine:
            if status.uri in existing:
                result.existing += 1
            elif status.author_acct and (reason := check.account_reason(status.author_acct)):
                result.skipped.append(Skipped(status.uri, reason))
            elif category is Category.FAVOURITES:
                # Re-favouriting notifies every author: off unless asked (DESIGN §0.11).
                result.skipped.append(Skipped(status.uri, "favourites_off_by_default"))
        results.append(result)
    return results


def _mutes(old: Snapshot, have: Snapshot, check: _Checker) -> CategoryPreview:
    def expired(acct: str) -> str | None:
        mute = next(m for m in old.mutes if m.account.acct == acct)
        return "mute_expired" if mute.expires_at and mute.expires_at <= check.now else None

    return check.preview_accounts(
        Category.MUTES,
        _accts(m.account for m in old.mutes),
        {m.account.acct.lower() for m in have.mutes},
        expired,
    )


def _named(old: Snapshot, have: Snapshot) -> list[CategoryPreview]:
    results = []
    for category, mine, theirs in (
        (Category.DOMAIN_BLOCKS, old.domain_blocks, have.domain_blocks),
        (Category.FOLLOWED_TAGS, old.followed_tags, have.followed_tags),
        (Category.FEATURED_TAGS, old.featured_tags, have.featured_tags),
        (Category.FILTERS, [f.title for f in old.filters], [f.title for f in have.filters]),
    ):
        existing = _names(theirs)
        results.append(
            CategoryPreview(
                category,
                len(mine),
                tuple(mine[:SAMPLE_SIZE]),
                sum(v.lower().lstrip("#") in existing for v in mine),
            )
        )
    return results


async def build_preview(
    old: Snapshot,
    *,
    new: NewSide,
    prober: ServerProber,
    now: datetime,
    progress: ProgressSink,
    cancel: CancelToken,
) -> Preview:
    """Compare, then probe each follower server once and forecast its followers."""
    categories = category_previews(old, new, now)
    by_domain = Counter(_domain(ref.acct) for ref in old.followers)
    origins: dict[str, str] = {}
    for ref in old.followers:
        origins.setdefault(_domain(ref.acct), origin_of(ref.uri, _domain(ref.acct)))
    progress(ProgressEvent(Phase.READ, "follower_servers", 0, len(origins), "probing"))
    cancel.raise_if_cancelled()
    facts = await prober.facts_for(origins)
    cancel.raise_if_cancelled()
    forecasts = [
        forecast(domain, count, facts[domain], new.domain_blocks)
        for domain, count in by_domain.most_common()
    ]
    progress(ProgressEvent(Phase.READ, "follower_servers", len(origins), len(origins), "read"))
    account = new.snapshot.account if new.snapshot else None
    return Preview(old.account, account, categories, forecasts)


def to_service_preview(preview: Preview) -> service_api.Preview:
    """The shape the UI's service protocol carries (`core/service_api.py`)."""
    categories = tuple(
        service_api.CategoryPreview(
            item.category, item.count, item.sample, item.existing, item.skip_reasons()
        )
        for item in preview.categories
    )
    servers = tuple(
        service_api.ServerPrediction(
            s.domain, s.followers, s.prediction, s.software, s.confidence.score
        )
        for s in preview.follower_servers
    )
    return service_api.Preview(categories, servers)
