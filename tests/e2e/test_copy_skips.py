"""What cannot be re-created ends as skipped with its reason, and the run goes on: a deleted
post, a suspended account, a domain the new server suspends, a follow never accepted."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from tests.core.engine.steps.practice_copy import CopyWorld, copy_world, holdings

from fedimove.core.models import Category
from fedimove.core.storage.journal_records import ItemState

OLD, NEW = "old.practice", "new.practice"


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[CopyWorld]:
    async for value in copy_world(tmp_path):
        yield value


def _home_account(world: CopyWorld, handle: str):  # type: ignore[no-untyped-def]
    user, name = handle.split("@")
    account = world.network.instance(name).state.find(user, name)
    assert account is not None
    return account


def _skipped(world: CopyWorld, migration_id: int, step: str) -> dict[str, str | None]:
    items = world.journal.list_items(migration_id, step, states=(ItemState.SKIPPED,), limit=None)
    return {item.key: item.reason for item in items}


async def test_unrecreatable_items_are_skipped_with_reasons(world: CopyWorld) -> None:
    truth = world.network.ground_truth
    # A bookmarked post deleted by its author (on its home server).
    gone_uri = next(u for u in truth.bookmarks if f"//{OLD}/" not in u and f"//{NEW}/" not in u)
    home = world.network.instance(gone_uri.split("//")[1].split("/")[0])
    status_id = int(gone_uri.rsplit("/", 1)[1])
    del home.state.statuses[status_id]
    # The new server suspends a whole domain some follows live on.
    world.network.instance(NEW).state.server_blocks["gts.practice"] = ("suspend", "test")
    # A followed account suspended on its home server.
    followed = [h for h in truth.following if not h.endswith("@gts.practice")]
    endorsed = set(truth.endorsements)
    suspended = next(h for h in followed if h not in endorsed and h not in truth.notes)
    _home_account(world, suspended).suspended = True
    # An endorsed account that became locked and never answers the new follow request.
    locked = next(h for h in truth.endorsements if not h.endswith("@gts.practice"))
    _home_account(world, locked).locked = True

    old_client = await world.client(f"anna@{OLD}")
    new_client = await world.client(f"anna@{NEW}")
    chosen = {Category.FOLLOWING, Category.BOOKMARKS, Category.ENDORSEMENTS}
    engine = world.engine(accept_timeout=timedelta(hours=6))
    migration, result = await engine.start(old_client, new_client, chosen)
    assert result.finished

    follows = _skipped(world, migration.id, "following")
    on_gts = {h.lower() for h in truth.following if h.endswith("@gts.practice")}
    assert {k for k, r in follows.items() if r == "domain_blocked"} == on_gts
    assert follows.get(suspended.lower()) in {"account_gone", "not_permitted"}
    assert _skipped(world, migration.id, "bookmarks") == {gone_uri: "post_gone"}
    assert _skipped(world, migration.id, "endorsements") == {locked.lower(): "follow_not_accepted"}
    after = holdings(world.network.instance(NEW), "anna")
    assert locked in after["requests"]
    assert len(after["bookmarks"]) == len(truth.bookmarks) - 1
    done = world.journal.step_counts(migration.id, "following").done
    assert done == len(after["following"]) + len(after["requests"])
