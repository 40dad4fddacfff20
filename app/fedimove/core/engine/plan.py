"""The plan of a migration: which steps, in which phase, by which strategy, over which items.

Phases follow DESIGN §0.1: read → backup → copy (before) → alias → final delta read → Move →
copy (after) → track → finish. Copy steps live in COPY_BEFORE, except follows beyond the new
server's cap, which wait for COPY_AFTER (the cap grows as followers arrive). Steps of other
phases (alias, Move, tracking) are plain `PlannedStep`s too, passed in as `extra`.

Strategies are chosen from `Capabilities`, never from a software's name:
- `API`: one API call per item;
- `API_IMPORT`: the server's own bulk import API (GoToSocial `/api/v1/import`), then verify
  and fill the gaps per item;
- `CSV_ASSISTED`: a Mastodon-style server with more follows than a day's API allowance:
  Fedimove writes the CSV, the user uploads it at `/settings/imports` (merge), Fedimove watches
  and fills the gaps per item (fediverse-apis §3; DESIGN §0.9).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from fedimove.core.engine.steps.collections import list_key, member_key
from fedimove.core.engine.steps.profile import PROFILE_KEY, profile_payload
from fedimove.core.models import Category, Snapshot
from fedimove.core.servers.base import Capabilities
from fedimove.core.storage.journal_records import MigrationPhase

ItemSpec = tuple[str, Mapping[str, Any]]


class Strategy(StrEnum):
    API = "api"
    API_IMPORT = "api_import"
    CSV_ASSISTED = "csv_assisted"


@dataclass(frozen=True, slots=True)
class PlannedStep:
    name: str
    phase: MigrationPhase
    category: Category | None = None
    strategy: Strategy = Strategy.API

    def dump(self) -> dict[str, str]:
        return {
            "name": self.name,
            "phase": self.phase.value,
            "category": self.category.value if self.category else "",
            "strategy": self.strategy.value,
        }

    @classmethod
    def load(cls, data: Mapping[str, Any]) -> PlannedStep:
        category = str(data.get("category") or "")
        return cls(
            str(data["name"]),
            MigrationPhase(str(data["phase"])),
            Category(category) if category else None,
            Strategy(str(data.get("strategy", "api"))),
        )


@dataclass(frozen=True, slots=True)
class Plan:
    steps: tuple[PlannedStep, ...]

    @property
    def names(self) -> list[str]:
        return [step.name for step in self.steps]

    def in_phases(self, phases: Iterable[MigrationPhase]) -> list[PlannedStep]:
        wanted = set(phases)
        return [step for step in self.steps if step.phase in wanted]

    def get(self, name: str) -> PlannedStep | None:
        return next((step for step in self.steps if step.name == name), None)

    def dump(self) -> list[dict[str, str]]:
        return [step.dump() for step in self.steps]

    @classmethod
    def load(cls, data: Sequence[Mapping[str, Any]]) -> Plan:
        return cls(tuple(PlannedStep.load(step) for step in data))


#: Copy order: cheap, independent things first; follows before what depends on them.
COPY_ORDER: tuple[Category, ...] = (
    Category.PROFILE,
    Category.DOMAIN_BLOCKS,
    Category.BLOCKS,
    Category.MUTES,
    Category.FOLLOWING,
    Category.LISTS,
    Category.ENDORSEMENTS,
    Category.NOTES,
    Category.FOLLOWED_TAGS,
    Category.FEATURED_TAGS,
    Category.FILTERS,
    Category.BOOKMARKS,
    Category.FAVOURITES,
)
#: Copied unless the user leaves them out; favourites notify every author (DESIGN §0.11).
DEFAULT_COPY = frozenset(COPY_ORDER) - {Category.FAVOURITES}


def follow_strategy(caps: Capabilities, follows: int, *, api_only: bool) -> Strategy:
    if api_only or follows == 0:
        return Strategy.API
    if Category.FOLLOWING in caps.api_import:
        return Strategy.API_IMPORT
    per_day = caps.follow_pacing.per_day
    if per_day is not None and follows > per_day and Category.FOLLOWING in caps.web_csv_import:
        return Strategy.CSV_ASSISTED
    return Strategy.API


def follow_room(caps: Capabilities, *, following: int, followers: int) -> int | None:
    """How many more follows the new account may have now (None: no cap known)."""
    if caps.follow_cap is None:
        return None
    return max(0, caps.follow_cap.limit_for(followers) - following)


def build_plan(
    categories: Iterable[Category],
    caps: Capabilities,
    *,
    follows: int,
    room: int | None,
    api_only: bool = False,
    extra: Sequence[PlannedStep] = (),
) -> Plan:
    chosen = set(categories)
    steps: list[PlannedStep] = []
    for category in COPY_ORDER:
        if category not in chosen:
            continue
        strategy = Strategy.API
        if category is Category.FOLLOWING:
            strategy = follow_strategy(caps, min(follows, room or follows), api_only=api_only)
        steps.append(PlannedStep(category.value, MigrationPhase.COPY_BEFORE, category, strategy))
    if Category.FOLLOWING in chosen and room is not None and follows > room:
        steps.append(PlannedStep("following_after", MigrationPhase.COPY_AFTER, Category.FOLLOWING))
    order = list(MigrationPhase)
    merged = sorted([*steps, *extra], key=lambda step: order.index(step.phase))
    return Plan(tuple(merged))


def _acct_item(acct: str, **payload: Any) -> ItemSpec:
    return acct.lower(), {"acct": acct, **payload}


def plan_items(snapshot: Snapshot, plan: Plan, *, room: int | None) -> dict[str, list[ItemSpec]]:
    """The journal items of every copy step, from what was read on the old account."""
    items: dict[str, list[ItemSpec]] = {}
    names = set(plan.names)
    follows = [
        _acct_item(
            f.account.acct,
            uri=f.account.uri,
            reblogs=f.show_reblogs,
            notify=f.notify,
            languages=list(f.languages) if f.languages is not None else None,
        )
        for f in snapshot.following
    ]
    split = len(follows) if room is None or "following_after" not in names else room
    items["following"], items["following_after"] = follows[:split], follows[split:]
    items["profile"] = [(PROFILE_KEY, profile_payload(snapshot.profile))]
    items["blocks"] = [_acct_item(a.acct, uri=a.uri) for a in snapshot.blocks]
    items["mutes"] = [
        _acct_item(
            m.account.acct,
            notifications=m.notifications,
            expires_at=m.expires_at.isoformat() if m.expires_at else None,
        )
        for m in snapshot.mutes
    ]
    items["lists"] = _list_items(snapshot)
    items["endorsements"] = [_acct_item(a.acct) for a in snapshot.endorsements]
    items["notes"] = [_acct_item(acct, comment=note) for acct, note in snapshot.notes.items()]
    items["bookmarks"] = [(s.uri, {"url": s.url}) for s in snapshot.bookmarks if s.uri]
    items["favourites"] = [(s.uri, {"url": s.url}) for s in snapshot.favourites if s.uri]
    items["domain_blocks"] = [(d.lower(), {}) for d in snapshot.domain_blocks]
    items["followed_tags"] = [(t.lower(), {}) for t in snapshot.followed_tags]
    items["featured_tags"] = [(t.lower(), {}) for t in snapshot.featured_tags]
    items["filters"] = [(f.title, _filter_payload(f)) for f in snapshot.filters]
    return {name: specs for name, specs in items.items() if name in names}


def _list_items(snapshot: Snapshot) -> list[ItemSpec]:
    specs: list[ItemSpec] = []
    for entry in snapshot.lists:
        specs.append(
            (
                list_key(entry.title),
                {
                    "title": entry.title,
                    "replies_policy": entry.replies_policy,
                    "exclusive": entry.exclusive,
                },
            )
        )
    for entry in snapshot.lists:  # members after every list: claimed in insertion order
        for member in entry.members:
            specs.append(
                (member_key(entry.title, member.acct), {"title": entry.title, "acct": member.acct})
            )
    return specs


def _filter_payload(entry: Any) -> dict[str, Any]:
    return {
        "title": entry.title,
        "context": list(entry.context),
        "action": entry.action,
        "expires_at": entry.expires_at.isoformat() if entry.expires_at else None,
        "keywords": [[k.keyword, k.whole_word] for k in entry.keywords],
    }
