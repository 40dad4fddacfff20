"""The followers page's numbers agree with each other and with the journal, round after round,
while the real tracker follows a Move on the practice Fediverse.

The page once showed "Arrived: 86 of 120" beside "Moved: 63": the chart painted the live row
totals while the counters showed those of their last (throttled) refresh. Here rows reach the
table exactly as in the app (the bridge's batches through the paced feed), and the numbers are
read both between two refreshes and after one."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator, Sequence

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from fedimove.core.progress import CancelToken, ProgressEvent
from fedimove.core.service_api import FollowerRow, FollowerState
from fedimove.ui.pages.followers import FollowersPage
from tests.e2e.practice_tracking import MovedPractice, moved_practice_account, until

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
async def moved(qapp: QApplication) -> AsyncIterator[MovedPractice]:
    async for world in moved_practice_account():
        yield world


def shown_counts(page: FollowersPage) -> dict[FollowerState, int]:
    """What the state counters say (their text, as the person reads it)."""
    counts: dict[FollowerState, int] = {}
    for state, button in page.counters.buttons.items():
        number = button.text().rpartition(": ")[2]
        value, ok = QLocale().toInt(number)
        assert ok, button.text()
        if value:
            counts[state] = value
    return counts


def shown_breakdown(page: FollowersPage) -> int:
    return sum(counts.total() for _, counts in page.breakdown._rows)


def assert_one_moment(page: FollowersPage) -> None:
    counts = shown_counts(page)
    moved = counts.get(FollowerState.MOVED, 0)
    assert page.chart.headline() == f"Arrived: {moved} of {sum(counts.values())}"
    assert shown_breakdown(page) == sum(counts.values())


async def test_the_page_counts_what_the_journal_counts(moved: MovedPractice) -> None:
    page = FollowersPage()
    page.resize(1000, 700)
    rounds: list[dict[FollowerState, int]] = []

    def on_rows(batch: Sequence[FollowerRow]) -> None:
        moved.on_rows(batch)
        page.apply_rows(tuple(batch))
        page.feed.flush()  # the rows are in the table; the summaries not refreshed yet
        assert_one_moment(page)

    def progress(event: ProgressEvent) -> None:
        """The round's report arrives after its rows (as in the app), before the refresh."""
        moved.progress(event)
        page.apply_progress((event,))  # the Move's time, the re-send date
        assert_one_moment(page)
        page.refresh_summaries()
        assert_one_moment(page)
        journal = moved.journal.follower_counts(moved.migration_id)
        assert shown_counts(page) == journal
        assert (event.done, event.total) == (journal.get(FollowerState.MOVED, 0), 120)
        by_server = moved.journal.follower_counts_by_domain(moved.migration_id)
        assert {s: c.total() for s, c in page.model.stats.server_counts.items()} == {
            s: sum(c.values()) for s, c in by_server.items()
        }
        rounds.append(journal)

    cancel = CancelToken()
    tracking = asyncio.ensure_future(
        moved.service.track_followers(on_rows=on_rows, progress=progress, cancel=cancel)
    )
    await until(moved.arrivals_settled, running=tracking)
    cancel.cancel("seen enough")
    await tracking
    await moved.service.finish_tracking(on_rows=on_rows, progress=progress, cancel=CancelToken())

    moved_counts = [r.get(FollowerState.MOVED, 0) for r in rounds]
    assert moved_counts[0] < moved_counts[-1] == 86  # the followers arrived while we watched
    assert len(set(moved_counts)) > 2, moved_counts  # over several rounds, not all at once
    final = rounds[-1]
    assert final == Counter(moved.expected.values())
    assert page.chart.headline() == "Arrived: 86 of 120"
    page.deleteLater()
