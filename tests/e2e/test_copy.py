"""The copy on the practice Fediverse's `small` scenario, end to end: every item of every chosen
category exists on the new account with the right attributes, and what cannot be re-created is
skipped with its reason (issue 6)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from tests.core.engine.steps.practice_copy import CopyWorld, copy_world, holdings

from fedimove.core.models import Category
from fedimove.core.progress import ProgressRecorder

OLD, NEW = "old.practice", "new.practice"


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[CopyWorld]:
    async for value in copy_world(tmp_path):
        yield value


async def test_small_copies_every_category_with_its_attributes(world: CopyWorld) -> None:
    old_client = await world.client(f"anna@{OLD}")
    new_client = await world.client(f"anna@{NEW}")
    before = holdings(world.network.instance(OLD), "anna")
    recorder = ProgressRecorder()
    migration, result = await world.engine().start(
        old_client, new_client, set(Category) - {Category.POSTS}, progress=recorder
    )
    assert result.finished, result
    after = holdings(world.network.instance(NEW), "anna")

    # Follows: accepted ones with their flags, locked targets as requests.
    assert after["following"].keys() | after["requests"] == before["following"].keys()
    for handle, flags in after["following"].items():
        assert flags == before["following"][handle], handle
    assert after["lists"] == before["lists"]
    assert after["bookmarks"] == before["bookmarks"]
    assert after["favourites"] == before["favourites"]
    assert after["blocks"] == before["blocks"]
    assert after["domain_blocks"] == before["domain_blocks"]
    assert after["followed_tags"] == before["followed_tags"]
    assert after["featured_tags"] == before["featured_tags"]
    assert after["notes"] == before["notes"]
    assert after["filters"] == before["filters"]
    assert after["endorsements"] == before["endorsements"]
    # Mutes: the notification flag, and what was left of a timed mute.
    assert after["mutes"].keys() == before["mutes"].keys()
    for handle, (hide, expires) in before["mutes"].items():
        assert after["mutes"][handle][0] == hide
        if expires is None:
            assert after["mutes"][handle][1] is None
        else:
            assert abs(after["mutes"][handle][1] - expires) < timedelta(minutes=5)
    # Profile: texts, fields and both images; `locked` left alone (DESIGN §0.3).
    old_anna, new_anna = before["me"], after["me"]
    assert (new_anna.display_name, new_anna.note) == (old_anna.display_name, old_anna.note)
    assert new_anna.fields == old_anna.fields
    assert new_anna.avatar is not None
    assert old_anna.avatar is not None
    assert new_anna.avatar.data == old_anna.avatar.data
    assert new_anna.header is not None
    assert old_anna.header is not None
    assert new_anna.header.data == old_anna.header.data
    counts = world.journal.item_counts(migration.id)
    assert all(c.pending == c.in_flight == c.failed == 0 for c in counts.values()), counts
    assert recorder.events
