"""2,000 follows to a Mastodon-flavour destination, on the simulated clock (issue 6):
API-only respects 400 per UTC day without a single 429 and finishes in the minimum number of
UTC days; the CSV-assisted path finishes the same copy with one import plus gap-filling."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from tests.core.engine.steps.practice_copy import (
    START,
    CopyWorld,
    add_follows,
    copy_world,
    holdings,
    upload_import,
)

from fedimove.core.clock import utc
from fedimove.core.engine.plan import Strategy
from fedimove.core.models import Category
from fedimove.core.progress import Phase, ProgressEvent
from fedimove.core.storage.journal_records import ItemState
from fedimove.sandbox.federation import node_of

OLD, NEW = "old.practice", "new.practice"
FOLLOWS = 2_000
PER_DAY = 400
SMALLER = 450  # two UTC days are enough to show a resume


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[CopyWorld]:
    async for value in copy_world(tmp_path):
        yield value


class DayCounter:
    """Follows done per UTC day, as the progress events report them."""

    def __init__(self, world: CopyWorld) -> None:
        self.world = world
        self.per_day: Counter[str] = Counter()
        self.events: list[ProgressEvent] = []

    def __call__(self, event: ProgressEvent) -> None:
        self.events.append(event)
        if event.category == "following" and event.status == "item_done":
            self.per_day[self.world.clock.now().date().isoformat()] += 1


def _followed(world: CopyWorld) -> set[str]:
    after = holdings(world.network.instance(NEW), "anna")
    return set(after["following"]) | after["requests"]


async def test_api_only_keeps_to_400_a_day_and_takes_the_minimum_days(world: CopyWorld) -> None:
    add_follows(world, FOLLOWS)
    old_client = await world.client(f"anna@{OLD}")
    new_client = await world.client(f"anna@{NEW}")
    counter = DayCounter(world)
    _migration, result = await world.engine().start(
        old_client, new_client, {Category.FOLLOWING}, api_only=True, progress=counter
    )
    assert result.finished
    assert len(_followed(world)) == FOLLOWS
    assert max(counter.per_day.values()) <= PER_DAY
    days_needed = math.ceil(FOLLOWS / PER_DAY)
    assert len(counter.per_day) == days_needed
    last_day = (world.clock.now() - START.replace(hour=0)).days
    assert last_day == days_needed - 1  # done on the 5th UTC day, soon after its 00:00 reset
    assert world.clock.now().hour == 0
    new_scheduler = world.schedulers["new.practice"]
    assert new_scheduler.stats.rate_limited == 0
    # The first follow already names the day it will all be done: the 4th 00:00 UTC reset.
    first = next(e for e in counter.events if e.phase is Phase.COPY and e.category == "following")
    assert first.eta == utc(2026, 3, 6)
    waits = [e for e in counter.events if e.status == "waiting"]
    assert waits
    assert all(e.eta is not None and e.eta.hour == 0 for e in waits)


async def test_resume_next_day_respects_what_the_user_unfollowed(world: CopyWorld) -> None:
    add_follows(world, SMALLER)
    old_client = await world.client(f"anna@{OLD}")
    new_client = await world.client(f"anna@{NEW}")
    engine = world.engine()
    migration, result = await engine.start(
        old_client, new_client, {Category.FOLLOWING}, api_only=True, keep_waiting=False
    )
    assert not result.finished
    assert result.waiting == {"following": "daily_follow_limit"}
    assert result.waiting_until is not None
    assert result.waiting_until.hour == 0
    status = engine.status(migration.id)
    assert [s.counts.done for s in status.steps] == [PER_DAY]
    assert status.eta == utc(2026, 3, 3)  # the 50 left go right after the reset
    # The user unfollows one of the copied accounts on the new server.
    done = world.journal.list_items(migration.id, "following", states=(ItemState.DONE,))
    gone = done[3]
    await new_client.call("POST", f"/api/v1/accounts/{gone.remote_id}/unfollow")
    # A fresh process resumes early: it must not try before 00:00 UTC (no 429).
    fresh = world.engine()
    early = await fresh.resume(migration.id, None, new_client, keep_waiting=False)
    assert early.waiting_until == result.waiting_until
    final = await fresh.resume(migration.id, None, new_client)
    assert final.finished
    assert world.journal.get_item(migration.id, "following", gone.key).state is (
        ItemState.REMOVED_BY_USER
    )
    assert gone.key not in {h.lower() for h in _followed(world)}
    assert len(_followed(world)) == SMALLER - 1
    assert world.schedulers["new.practice"].stats.rate_limited == 0


async def test_csv_assisted_path_is_one_import_plus_gap_filling(world: CopyWorld) -> None:
    add_follows(world, FOLLOWS)
    old_client = await world.client(f"anna@{OLD}")
    new_client = await world.client(f"anna@{NEW}")
    engine = world.engine()
    counter = DayCounter(world)
    migration, result = await engine.start(
        old_client, new_client, {Category.FOLLOWING}, progress=counter, keep_waiting=False
    )
    assert engine.status(migration.id).steps[0].strategy == Strategy.CSV_ASSISTED.value
    assert result.waiting == {"following": "waiting_upload"}
    asked = [e for e in counter.events if e.status == "csv_upload_needed"]
    assert len(asked) == 1
    assert asked[0].params["mode"] == "merge"
    assert str(asked[0].params["url"]).endswith("/settings/imports")
    files = str(asked[0].params["files"]).splitlines()
    assert len(files) == 1
    lines = _lines(files[0])
    assert lines[0] == "Account address,Show boosts,Notify on new posts,Languages"
    assert len(lines) == FOLLOWS + 1
    # The user uploads a file missing 25 rows (an edit gone wrong): gaps for the API to fill.
    _write(files[0], lines[:-25])
    await upload_import(world, f"anna@{NEW}", files)
    final = await engine.resume(migration.id, None, new_client, progress=counter)
    assert final.finished
    assert len(_followed(world)) == FOLLOWS
    assert counter.per_day.keys() == {START.date().isoformat()}  # all on the first day
    assert sum(counter.per_day.values()) == 25  # by API: only the gaps
    imports = node_of(world.network.instance(NEW)).imports.values()
    assert len([job for job in imports if job.kind == "following"]) == 1
    assert world.schedulers["new.practice"].stats.rate_limited == 0
    assert world.clock.now().date() == START.date()


def _lines(path: str) -> list[str]:
    return Path(path).read_text().splitlines()


def _write(path: str, lines: list[str]) -> None:
    Path(path).write_text("\n".join(lines) + "\n")


async def test_an_overwrite_import_is_noticed_and_reported(world: CopyWorld) -> None:
    add_follows(world, 450)
    old_client = await world.client(f"anna@{OLD}")
    new_client = await world.client(f"anna@{NEW}")
    # Before the copy, she already followed someone on the new account by hand.
    gts = world.network.instance("gts.practice")
    followed = world.network.ground_truth.following
    someone = next(
        a
        for a in gts.local_accounts()
        if not a.locked and not a.suspended and f"{a.username}@{gts.name}" not in followed
    )
    ref = await new_client.resolve_account(f"{someone.username}@{gts.domain}")
    assert ref is not None
    await new_client.follow(ref.local_id)
    engine = world.engine()
    counter = DayCounter(world)
    migration, _ = await engine.start(
        old_client, new_client, {Category.FOLLOWING}, progress=counter, keep_waiting=False
    )
    asked = next(e for e in counter.events if e.status == "csv_upload_needed")
    # The user picks "overwrite" by mistake: her own follow is gone.
    await upload_import(
        world, f"anna@{NEW}", str(asked.params["files"]).splitlines(), mode="overwrite"
    )
    assert (await engine.resume(migration.id, None, new_client, progress=counter)).finished
    alerts = [e for e in counter.events if e.status == "import_unexpected_change"]
    assert len(alerts) == 1
    assert alerts[0].params["unfollowed"] == 1
