"""Follower tracking ends (issue 7's tracker through the wizard's service, on the practice
Fediverse): by itself when the tracking window (`tracking_days` after the Move) closes, or when
the person finishes it. Either way the final scan runs, so nobody is left "not arrived yet",
every follower ends where the scenario's ground truth puts them, and the migration reaches its
*finish* phase."""

from __future__ import annotations

import asyncio
import csv
from collections import Counter
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from tests.e2e.practice_tracking import MovedPractice, moved_practice_account, until

from fedimove.core.errors import StorageError
from fedimove.core.progress import CancelToken, Phase
from fedimove.core.service_api import FollowerState
from fedimove.core.storage.journal_records import MigrationPhase
from fedimove.core.storage.settings import TRACKING_DAYS, Settings

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
async def moved() -> AsyncIterator[MovedPractice]:
    async for world in moved_practice_account():
        yield world


def assert_as_predicted(world: MovedPractice) -> None:
    ended = {key: row.state for key, row in world.rows.items()}
    assert ended == world.expected
    not_yet = [row for row in world.rows.values() if row.reason == "not_yet"]
    assert not_yet == []
    journal_counts = world.journal.follower_counts(world.migration_id)
    assert Counter(ended.values()) == Counter(journal_counts)


async def test_tracking_ends_by_itself_when_the_window_closes(moved: MovedPractice) -> None:
    settings = Settings.load_default(moved.service.state.paths)
    settings.set(TRACKING_DAYS, 2)
    settings.save()
    tracking = asyncio.ensure_future(
        moved.service.track_followers(
            on_rows=moved.on_rows, progress=moved.progress, cancel=CancelToken()
        )
    )
    await until(moved.arrivals_settled, running=tracking)
    assert not tracking.done()
    assert moved.journal.get_migration(moved.migration_id).phase is MigrationPhase.TRACK
    moved.clock.advance(timedelta(days=2).total_seconds())

    outcome = await asyncio.wait_for(tracking, 30)  # nobody cancels it: the window closed
    # The first batch holds everyone; later rounds only who changed.
    assert moved.batches[0] == (120, 0)
    assert len(moved.batches) > 2
    assert all(same == 0 for _, same in moved.batches)

    assert outcome.status == "finished"
    assert moved.journal.get_migration(moved.migration_id).phase is MigrationPhase.FINISH
    assert_as_predicted(moved)
    last = moved.events[-1]
    assert last.phase is Phase.TRACK
    assert last.params["finished"] is True
    assert last.done == moved.journal.follower_counts(moved.migration_id)[FollowerState.MOVED]
    assert last.total == len(moved.expected)
    moved_at = moved.journal.get_migration(moved.migration_id).moved_at
    assert moved_at is not None
    assert last.params["moved_at"] == moved_at.isoformat()
    assert last.params["tracking_until"] == (moved_at + timedelta(days=2)).isoformat()
    assert last.params["resend_from"] is None  # a Mastodon old account never re-sends
    assert last.params["resend_ready"] is False
    software = Counter(row.software for row in moved.rows.values())
    assert software["mastodon"] > 0
    assert software["gotosocial"] > 0


async def test_finishing_stops_the_watching_and_keeps_the_final_verdicts(
    moved: MovedPractice,
) -> None:
    tracking = asyncio.ensure_future(
        moved.service.track_followers(
            on_rows=moved.on_rows, progress=moved.progress, cancel=CancelToken()
        )
    )
    await until(moved.arrivals_settled, running=tracking)
    # While the page still polls (never cancelled here): its next round must not put
    # "not arrived yet" back over the final scan's verdicts.
    finished = await moved.service.finish_tracking(
        on_rows=moved.on_rows, progress=moved.progress, cancel=CancelToken()
    )
    assert finished.status == "finished"
    assert finished.done == 86
    assert (await asyncio.wait_for(tracking, 30)).status == "finished"
    assert moved.journal.get_migration(moved.migration_id).phase is MigrationPhase.FINISH
    assert_as_predicted(moved)

    # Opening the followers page again afterwards shows where tracking ended, and returns.
    moved.rows.clear()
    again = await asyncio.wait_for(
        moved.service.track_followers(
            on_rows=moved.on_rows, progress=moved.progress, cancel=CancelToken()
        ),
        10,
    )
    assert again.status == "finished"
    assert_as_predicted(moved)
    # Finishing twice is harmless: no second scan, the same rows.
    twice = await moved.service.finish_tracking(
        on_rows=moved.on_rows, progress=moved.progress, cancel=CancelToken()
    )
    assert twice.done == finished.done


async def test_the_missing_list_names_who_did_not_arrive(
    moved: MovedPractice, tmp_path: Path
) -> None:
    cancel = CancelToken()
    tracking = asyncio.ensure_future(
        moved.service.track_followers(on_rows=moved.on_rows, progress=moved.progress, cancel=cancel)
    )
    await until(moved.arrivals_settled, running=tracking)
    cancel.cancel("the person finishes")
    await tracking
    await moved.service.finish_tracking(
        on_rows=moved.on_rows, progress=moved.progress, cancel=CancelToken()
    )
    written = await moved.service.export_missing_followers(
        tmp_path / "out" / "missing.csv", progress=moved.progress, cancel=CancelToken()
    )
    with written.open(encoding="utf-8", newline="") as handle:
        lines = list(csv.DictReader(handle))
    missing = {key for key, state in moved.expected.items() if state is not FollowerState.MOVED}
    assert {line["Account address"] for line in lines} == missing
    assert {line["State"] for line in lines} == {
        state.value for state in moved.expected.values() if state is not FollowerState.MOVED
    }
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    with pytest.raises(StorageError):
        await moved.service.export_missing_followers(
            blocked / "missing.csv", progress=moved.progress, cancel=CancelToken()
        )
