"""The followers table model: 100,000 rows updated by key, sorted, filtered and counted."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from fedimove.core.service_api import FollowerState
from fedimove.ui.models.follower_rows import FollowerColumn, FollowerFilter, sort_value
from fedimove.ui.models.follower_table import ROW_ROLE, FollowerTableModel
from fedimove.ui.models.paced_feed import PacedRowFeed
from fedimove.ui.models.sorted_ids import SortedIds, packed_key
from tests.ui.conftest import SERVERS, follower, followers

LARGE = 100_000


def column_values(model: FollowerTableModel, column: FollowerColumn) -> list[object]:
    return [sort_value(model.row_at(i), column) for i in range(model.rowCount())]


@pytest.fixture
def large_model(qapp: object) -> FollowerTableModel:
    model = FollowerTableModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.upsert(followers(LARGE))
    return model


def test_large_model_updates_by_key_without_reset(large_model: FollowerTableModel) -> None:
    resets: list[bool] = []
    large_model.modelAboutToBeReset.connect(lambda: resets.append(True))
    moved = [follower(n, FollowerState.MOVED, arrived_minutes=n / 100) for n in range(0, LARGE, 50)]
    waiting = [follower(n, FollowerState.AWAITING_APPROVAL) for n in range(1, LARGE, 500)]

    large_model.upsert(moved)
    large_model.upsert(waiting)

    assert resets == []
    assert large_model.rowCount() == LARGE
    counts = large_model.stats.state_counts
    assert counts[FollowerState.MOVED] == len(moved)
    assert counts[FollowerState.AWAITING_APPROVAL] == len(waiting)
    assert counts[FollowerState.STILL_ON_OLD] == LARGE - len(moved) - len(waiting)
    # Default order is by urgency: waiting for approval first, moved last.
    states = column_values(large_model, FollowerColumn.STATE)
    assert states == sorted(states)
    assert large_model.row_at(0).state is FollowerState.AWAITING_APPROVAL
    assert large_model.row_at(LARGE - 1).state is FollowerState.MOVED
    assert len(large_model.stats.arrivals) == len(moved)


def test_large_model_sorts_and_filters(large_model: FollowerTableModel) -> None:
    large_model.upsert([follower(n, FollowerState.MOVED) for n in range(0, LARGE, 10)])

    large_model.sort(FollowerColumn.HANDLE, Qt.SortOrder.DescendingOrder)
    handles = column_values(large_model, FollowerColumn.HANDLE)
    assert handles == sorted(handles, reverse=True)

    large_model.set_filter(FollowerFilter(states=frozenset({FollowerState.MOVED})))
    assert large_model.rowCount() == LARGE // 10
    assert {large_model.row_at(i).state for i in range(large_model.rowCount())} == {
        FollowerState.MOVED
    }
    large_model.set_filter(FollowerFilter(server=SERVERS[1]))
    assert large_model.rowCount() == LARGE // len(SERVERS)
    large_model.set_filter(FollowerFilter(search="USER9999@"))
    assert large_model.rowCount() == 1
    assert large_model.row_at(0).handle == f"@user9999@{SERVERS[9999 % len(SERVERS)]}"


def test_rows_leave_and_enter_the_filter_as_their_state_changes(qapp: object) -> None:
    model = FollowerTableModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.upsert(followers(300))
    model.set_filter(FollowerFilter(states=frozenset({FollowerState.STILL_ON_OLD})))
    removed: list[int] = []
    model.rowsRemoved.connect(lambda _parent, first, last: removed.append(last - first + 1))

    model.upsert([follower(n, FollowerState.MOVED) for n in range(0, 300, 3)])
    assert model.rowCount() == 200
    assert sum(removed) == 100

    model.upsert([follower(0), follower(3)])  # two come back
    assert model.rowCount() == 202
    handles = column_values(model, FollowerColumn.STATE)
    assert set(handles) == {sort_value(follower(1), FollowerColumn.STATE)}


def test_in_place_change_emits_batched_data_changed(qapp: object) -> None:
    model = FollowerTableModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.upsert(followers(1000))
    model.sort(FollowerColumn.HANDLE)
    changes: list[tuple[int, int]] = []
    model.dataChanged.connect(
        lambda first, last, _roles=(): changes.append((first.row(), last.row()))
    )
    layouts: list[bool] = []
    model.layoutChanged.connect(lambda *_: layouts.append(True))

    renamed = [dataclasses.replace(follower(n), display_name=f"Renamed {n}") for n in range(1000)]
    model.upsert(renamed)

    assert layouts == []  # the handle (sort column) did not change: nothing moves
    assert 1 <= len(changes) <= 64
    assert model.row_at(0).display_name.startswith("Renamed")


def test_selection_follows_a_row_that_moves(qapp: object) -> None:
    model = FollowerTableModel()
    model.upsert(followers(500))
    target = follower(250)
    position = next(i for i in range(500) if model.row_at(i).actor_uri == target.actor_uri)
    kept = QPersistentModelIndex(model.index(position, FollowerColumn.HANDLE))

    model.upsert([dataclasses.replace(target, state=FollowerState.AWAITING_APPROVAL)])

    assert kept.isValid()
    assert kept.row() == 0
    assert model.data(kept, ROW_ROLE).actor_uri == target.actor_uri


def test_remote_text_is_plain_one_line_and_capped(qapp: object) -> None:
    model = FollowerTableModel()
    hostile = "Evil\u202e\n<b>name</b>\x07" + "x" * 500
    model.upsert([follower(1, display_name=hostile)])
    shown = model.data(model.index(0, FollowerColumn.NAME))
    for unsafe in ("\n", "\u202e", "\x07"):
        assert unsafe not in shown
    assert shown.startswith("Evil <b>name</b>")
    assert len(shown) <= 200
    tip = model.data(model.index(0, FollowerColumn.NAME), Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;name&lt;/b&gt;" in tip  # escaped: Qt would render tooltip HTML


def test_counters_per_server_and_arrivals(qapp: object) -> None:
    model = FollowerTableModel()
    model.upsert(followers(100))
    model.upsert([follower(n, FollowerState.MOVED, arrived_minutes=n) for n in range(10)])
    model.upsert([follower(0, FollowerState.STILL_ON_OLD)])  # a correction: not arrived after all

    stats = model.stats
    assert stats.state_counts[FollowerState.MOVED] == 9
    assert stats.total == 100
    assert sum(c.total() for c in stats.server_counts.values()) == 100
    top = stats.top_servers(2)
    assert len(top) == 2
    assert top[0][1].total() == 20
    first = follower(1, FollowerState.MOVED, arrived_minutes=1).arrived_at
    assert first is not None
    assert stats.arrived_by(first.timestamp()) == 1


def test_an_update_with_new_remote_text_is_cleaned_too(qapp: object) -> None:
    model = FollowerTableModel()
    model.upsert([follower(1)])
    model.upsert([follower(1, FollowerState.MOVED, display_name="New\nname\u202e")])
    assert model.row_at(0).display_name == "New name"
    assert model.row_at(0).state is FollowerState.MOVED


def test_packed_and_tuple_keys_give_the_same_order() -> None:
    values = {row_id: (row_id * 7919) % 5 for row_id in range(200)}
    packed = SortedIds(lambda i: packed_key(values[i], i), values)
    paired = SortedIds(lambda i: (values[i], i), values, descending=True)
    ascending = sorted(values, key=lambda i: (values[i], i))
    assert packed.ids() == ascending
    assert paired.ids() == ascending[::-1]
    assert [packed.at(p) for p in range(200)] == ascending
    assert all(packed.position(i) == ascending.index(i) for i in (0, 13, 199))
    assert 13 in packed
    packed.remove(13)
    assert 13 not in packed
    assert packed.insertion_position(13) == ascending.index(13)


def test_cells_show_the_new_row_after_a_move_at_the_same_position(qapp: object) -> None:
    model = FollowerTableModel()
    model.upsert(followers(3))
    first = model.index(0, FollowerColumn.HANDLE)
    shown = model.data(first)  # a view asks several roles per cell: the lookup is kept
    assert model.data(first) == shown

    model.upsert([follower(2, FollowerState.AWAITING_APPROVAL)])  # sorts first now

    assert model.data(model.index(0, FollowerColumn.HANDLE)) == follower(2).handle
    assert model.data(model.index(1, FollowerColumn.HANDLE)) == shown


def test_header_titles_and_arrival_times_are_shown(qapp: object) -> None:
    model = FollowerTableModel()
    model.upsert([follower(1, FollowerState.MOVED, arrived_minutes=5), follower(2)])
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in FollowerColumn]
    assert header[FollowerColumn.HANDLE] == "Follower"
    assert header[FollowerColumn.ARRIVED] == "Arrived"
    assert model.headerData(len(FollowerColumn), Qt.Orientation.Horizontal) is None
    arrived = [model.data(model.index(r, FollowerColumn.ARRIVED)) for r in range(2)]
    assert sorted(bool(text) for text in arrived) == [False, True]
    assert model.data(model.index(0, FollowerColumn.ARRIVED)) == arrived[0]  # cached, same


def test_paced_feed_applies_a_turns_rows_in_one_update_once_it_knows_their_cost(
    qtbot: QtBot,
) -> None:
    model = FollowerTableModel()
    model.upsert(followers(1000))
    feed = PacedRowFeed(model, chunk_rows=10, budget_ms=2000)
    sizes: list[int] = []
    before = [0]

    def counted() -> None:
        moved = model.stats.state_counts[FollowerState.MOVED]
        sizes.append(moved - before[0])
        before[0] = moved

    model.counts_changed.connect(counted)
    with qtbot.waitSignal(feed.drained, timeout=5000):
        feed.push([follower(n, FollowerState.MOVED) for n in range(1000)])

    # The first update measures (the smallest slice); the rest fit the budget in one more.
    assert sizes == [10, 990]
    assert model.stats.state_counts[FollowerState.MOVED] == 1000
