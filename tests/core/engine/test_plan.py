"""The plan: strategies chosen from Capabilities (never from a software name), follows beyond
the new server's cap moved after the Move, later phases first-class, plans that survive the
journal (issue 6; DESIGN §0.1, §0.9)."""

from __future__ import annotations

from datetime import UTC, datetime

from fedimove.core.engine.csv_assisted import split_rows
from fedimove.core.engine.plan import (
    DEFAULT_COPY,
    Plan,
    PlannedStep,
    Strategy,
    build_plan,
    follow_room,
    follow_strategy,
    plan_items,
)
from fedimove.core.models import (
    AccountRef,
    Category,
    FollowEntry,
    ListEntry,
    MuteEntry,
    Snapshot,
)
from fedimove.core.servers.base import Capabilities, FollowCap, FollowPacing, SupportLevel
from fedimove.core.storage.journal_records import MigrationPhase

WEB_IMPORT = Capabilities(
    SupportLevel.FULL,
    web_csv_import=frozenset({Category.FOLLOWING}),
    follow_pacing=FollowPacing(per_day=400),
    follow_cap=FollowCap(7500, 1.1),
)
API_IMPORT = Capabilities(SupportLevel.FULL, api_import=frozenset({Category.FOLLOWING}))
PLAIN = Capabilities(SupportLevel.FULL)


def test_follow_strategy_follows_the_capabilities() -> None:
    assert follow_strategy(WEB_IMPORT, 401, api_only=False) is Strategy.CSV_ASSISTED
    assert follow_strategy(WEB_IMPORT, 400, api_only=False) is Strategy.API  # fits in a day
    assert follow_strategy(WEB_IMPORT, 5000, api_only=True) is Strategy.API  # user's choice
    assert follow_strategy(API_IMPORT, 10, api_only=False) is Strategy.API_IMPORT
    assert follow_strategy(PLAIN, 5000, api_only=False) is Strategy.API


def test_follows_beyond_the_cap_wait_for_after_the_move() -> None:
    room = follow_room(WEB_IMPORT, following=7400, followers=100)
    assert room == 100
    plan = build_plan([Category.FOLLOWING, Category.LISTS], WEB_IMPORT, follows=300, room=room)
    assert [(s.name, s.phase) for s in plan.steps] == [
        ("following", MigrationPhase.COPY_BEFORE),
        ("lists", MigrationPhase.COPY_BEFORE),
        ("following_after", MigrationPhase.COPY_AFTER),
    ]
    follows = [FollowEntry(AccountRef(f"p{i}@x.example")) for i in range(300)]
    snapshot = Snapshot(AccountRef("anna@old.example"), datetime(2026, 1, 1, tzinfo=UTC))
    snapshot.following = follows
    items = plan_items(snapshot, plan, room=room)
    assert [len(items["following"]), len(items["following_after"])] == [100, 200]
    assert items["following"][0][0] == "p0@x.example"


def test_later_phases_are_first_class_and_in_phase_order() -> None:
    extra = [
        PlannedStep("track", MigrationPhase.TRACK),
        PlannedStep("alias", MigrationPhase.ALIAS),
        PlannedStep("move", MigrationPhase.MOVE),
    ]
    plan = build_plan(DEFAULT_COPY, PLAIN, follows=10, room=None, extra=extra)
    phases = [step.phase for step in plan.steps]
    assert phases == sorted(phases, key=list(MigrationPhase).index)
    assert plan.names[-3:] == ["alias", "move", "track"]
    assert Category.FAVOURITES.value not in plan.names  # off unless asked (DESIGN §0.11)
    assert Plan.load(plan.dump()) == plan
    assert [s.name for s in plan.in_phases([MigrationPhase.MOVE])] == ["move"]


def test_items_carry_what_recreation_needs() -> None:
    snapshot = Snapshot(AccountRef("anna@old.example"), datetime(2026, 1, 1, tzinfo=UTC))
    friend = AccountRef("Bo@Far.example")
    snapshot.following = [FollowEntry(friend, show_reblogs=False, notify=True, languages=("de",))]
    snapshot.mutes = [
        MuteEntry(friend, notifications=False, expires_at=datetime(2026, 2, 1, tzinfo=UTC))
    ]
    snapshot.lists = [ListEntry("Birds", "none", True, members=(friend,))]
    plan = build_plan(
        [Category.FOLLOWING, Category.MUTES, Category.LISTS], PLAIN, follows=1, room=None
    )
    items = plan_items(snapshot, plan, room=None)
    key, follow = items["following"][0]
    assert key == "bo@far.example"
    assert (follow["reblogs"], follow["notify"], follow["languages"]) == (False, True, ["de"])
    assert items["mutes"][0][1]["expires_at"] == "2026-02-01T00:00:00+00:00"
    assert [k for k, _ in items["lists"]] == ["list:Birds", "member:Birds\x1fbo@far.example"]
    assert items["lists"][0][1] == {"title": "Birds", "replies_policy": "none", "exclusive": True}


def test_csv_files_fit_the_cap_and_20000_rows() -> None:
    assert split_rows(45_000, None) == [20_000, 20_000, 5_000]
    assert split_rows(45_000, 7_500) == [7_500]
    assert split_rows(10, 0) == []
