"""Items: idempotent adding, claiming (intent before the remote change), outcomes, counts."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from fedimove.core.clock import SimulatedClock, utc
from fedimove.core.errors import JournalError, JournalNotFoundError, JournalStateError
from fedimove.core.storage.journal import Journal
from fedimove.core.storage.journal_records import ItemCounts, ItemState, StepState

from .journal_helpers import make_migration

STEP = "following"


@pytest.fixture
def clock() -> SimulatedClock:
    return SimulatedClock(utc(2026, 5, 4, 10))


@pytest.fixture
def journal(tmp_path: Path, clock: SimulatedClock) -> Iterator[Journal]:
    with Journal.open(tmp_path / "journal.sqlite", clock) as opened:
        yield opened


@pytest.fixture
def migration(journal: Journal) -> int:
    return make_migration(journal).id


def follows(*names: str) -> list[tuple[str, dict[str, object]]]:
    return [(f"https://x.example/users/{name}", {"acct": f"{name}@x.example"}) for name in names]


def test_adding_the_same_keys_again_adds_nothing_and_keeps_states(
    journal: Journal, migration: int
) -> None:
    assert journal.add_items(migration, STEP, follows("a", "b", "c")) == 3
    first = journal.claim_items(migration, STEP)[0]
    journal.mark_done(first.id, "remote-a")

    assert journal.add_items(migration, STEP, follows("a", "b", "c", "d")) == 1

    counts = journal.step_counts(migration, STEP)
    assert counts == ItemCounts(pending=3, done=1)
    assert journal.get_item(migration, STEP, first.key) == journal.list_items(migration)[0]
    assert journal.list_items(migration)[0].state is ItemState.DONE


def test_a_repeated_key_within_one_batch_is_stored_once(journal: Journal, migration: int) -> None:
    assert journal.add_items(migration, STEP, follows("a", "a", "b")) == 2


def test_a_later_read_refreshes_the_payload_of_pending_items_only(
    journal: Journal, migration: int
) -> None:
    journal.add_items(migration, STEP, [("k1", {"v": 1}), ("k2", {"v": 1})])
    claimed = journal.claim_items(migration, STEP)[0]

    journal.add_items(migration, STEP, [("k1", {"v": 2}), ("k2", {"v": 2})])

    by_key = {item.key: item for item in journal.list_items(migration)}
    assert by_key[claimed.key].payload == {"v": 1}  # in flight: keeps what it is made from
    assert by_key["k2"].payload == {"v": 2}


def test_claims_take_pending_items_oldest_first_and_never_twice(
    journal: Journal, migration: int
) -> None:
    journal.add_items(migration, STEP, follows(*"abcde"))

    first = journal.claim_items(migration, STEP, limit=2)
    second = journal.claim_items(migration, STEP, limit=10)

    assert [item.key[-1] for item in first] == ["a", "b"]
    assert [item.key[-1] for item in second] == ["c", "d", "e"]
    assert all(item.state is ItemState.IN_FLIGHT and item.attempts == 1 for item in first)
    assert journal.claim_items(migration, STEP) == []
    assert {item.id for item in journal.items_in_flight(migration)} == {
        item.id for item in first + second
    }


def test_claim_is_committed_before_the_caller_acts(
    tmp_path: Path, journal: Journal, migration: int, clock: SimulatedClock
) -> None:
    journal.add_items(migration, STEP, follows("a"))
    claimed = journal.claim_items(migration, STEP)[0]
    # Another process (here: another journal object) sees the intent at once.
    with Journal.open(tmp_path / "journal.sqlite", clock) as other:
        assert [item.id for item in other.items_in_flight(migration)] == [claimed.id]


def test_outcomes_record_reason_remote_id_and_attempts(journal: Journal, migration: int) -> None:
    journal.add_items(migration, STEP, follows(*"abcd"))
    a, b, c, d = journal.claim_items(migration, STEP, limit=4)

    assert journal.mark_done(a.id, "111").remote_id == "111"
    assert journal.mark_skipped(b.id, "account_suspended").reason == "account_suspended"
    failed = journal.mark_failed(c.id, "server.busy", attempts=5)
    assert (failed.state, failed.reason, failed.attempts) == (ItemState.FAILED, "server.busy", 5)
    released = journal.release(d.id, "network.timeout")
    assert released.state is ItemState.PENDING

    again = journal.claim_items(migration, STEP)[0]
    assert (again.id, again.attempts) == (d.id, 2)
    assert journal.reason_counts(migration) == {"account_suspended": 1}
    assert journal.reason_counts(migration, STEP, ItemState.FAILED) == {"server.busy": 1}


@pytest.mark.parametrize(
    ("setup", "target"),
    [
        ("pending", "failed"),  # a failure needs an attempt, so a claim first
        ("pending", "removed_by_user"),
        ("done", "pending"),  # done is never redone...
        ("done", "skipped"),
        ("removed_by_user", "pending"),  # ...and what the user removed stays removed
    ],
)
def test_state_changes_outside_the_rules_are_refused(
    journal: Journal, migration: int, setup: str, target: str
) -> None:
    journal.add_items(migration, STEP, follows("a"))
    item = journal.list_items(migration)[0]
    if setup in ("done", "removed_by_user"):
        journal.claim_items(migration, STEP)
        journal.mark_done(item.id, "1")
    if setup == "removed_by_user":
        journal.mark_removed_by_user(item.id)
    change = {
        "failed": lambda: journal.mark_failed(item.id, "x"),
        "removed_by_user": lambda: journal.mark_removed_by_user(item.id),
        "pending": lambda: journal.release(item.id),
        "skipped": lambda: journal.mark_skipped(item.id, "x"),
    }[target]

    with pytest.raises(JournalStateError) as raised:
        change()
    assert raised.value.code == "journal.invalid_transition"
    assert raised.value.params["state"] == setup


def test_an_item_already_on_the_new_account_is_done_without_a_claim(
    journal: Journal, migration: int
) -> None:
    journal.add_items(migration, STEP, follows("a"))
    item = journal.list_items(migration)[0]
    assert journal.mark_done(item.id, "9").attempts == 0


def test_unknown_items_and_migrations_are_reported(journal: Journal, migration: int) -> None:
    with pytest.raises(JournalNotFoundError):
        journal.mark_done(12345)
    with pytest.raises(JournalNotFoundError) as raised:
        journal.add_items(migration + 1, STEP, follows("a"))
    assert raised.value.code == "journal.not_found"


def test_bulk_done_and_retry_of_failed_items(journal: Journal, migration: int) -> None:
    journal.add_items(migration, STEP, follows(*"abcd"))
    a, b, c, d = journal.claim_items(migration, STEP, limit=4)
    assert journal.mark_done_many([(a.id, "1"), (b.id, None)]) == 2
    journal.mark_failed(c.id, "server.error")
    journal.mark_failed(d.id, "server.error")

    assert journal.retry_failed(migration, STEP) == 2
    assert journal.step_counts(migration, STEP) == ItemCounts(pending=2, done=2)


def test_a_bulk_done_with_one_bad_item_changes_nothing(journal: Journal, migration: int) -> None:
    journal.add_items(migration, STEP, follows("a", "b"))
    a, b = journal.list_items(migration)
    journal.claim_items(migration, STEP)  # only a is in flight; b is pending
    journal.mark_skipped(b.id, "gone")
    with pytest.raises(JournalStateError):
        journal.mark_done_many([(a.id, "1"), (b.id, "2")])
    assert journal.step_counts(migration, STEP) == ItemCounts(in_flight=1, skipped=1)


def test_listing_pages_by_id_and_filters_by_step_and_state(
    journal: Journal, migration: int
) -> None:
    journal.add_items(migration, STEP, follows(*"abcde"))
    journal.add_items(migration, "bookmarks", [("https://s.example/1", {})])
    journal.claim_items(migration, STEP, limit=2)

    page = journal.list_items(migration, STEP, limit=3)
    rest = journal.list_items(migration, STEP, after_id=page[-1].id)
    assert [item.key[-1] for item in page + rest] == list("abcde")
    pending = journal.list_items(migration, STEP, states=[ItemState.PENDING])
    assert [item.key[-1] for item in pending] == list("cde")
    counts = journal.item_counts(migration)
    assert counts["bookmarks"] == ItemCounts(pending=1)
    assert (counts[STEP].total, counts[STEP].open) == (5, 5)


def test_steps_keep_plan_order_state_and_next_attempt(
    journal: Journal, migration: int, clock: SimulatedClock
) -> None:
    journal.ensure_steps(migration, ["profile", STEP, "lists"])
    journal.add_items(migration, "bookmarks", [("k", {})])  # a new step goes last
    journal.ensure_steps(migration, [STEP, "profile"])  # existing ones keep their place

    assert [step.name for step in journal.list_steps(migration)] == [
        "profile",
        STEP,
        "lists",
        "bookmarks",
    ]
    midnight = utc(2026, 5, 5)
    clock.advance(60)
    waiting = journal.set_step_state(
        migration,
        STEP,
        StepState.WAITING,
        last_error="server.rate_limited",
        next_attempt_at=midnight,
    )
    assert (waiting.state, waiting.next_attempt_at) == (StepState.WAITING, midnight)
    assert waiting.updated_at == clock.now()
    assert journal.get_step(migration, STEP) == waiting
    done = journal.set_step_state(migration, STEP, StepState.DONE)
    assert (done.last_error, done.next_attempt_at) == (None, None)
    with pytest.raises(JournalNotFoundError):
        journal.set_step_state(migration, "nope", StepState.DONE)


def test_timestamps_come_from_the_injected_clock(
    journal: Journal, migration: int, clock: SimulatedClock
) -> None:
    journal.add_items(migration, STEP, follows("a"))
    clock.advance(timedelta(hours=3).total_seconds())
    item = journal.claim_items(migration, STEP)[0]
    assert item.created_at == utc(2026, 5, 4, 10)
    assert item.updated_at == utc(2026, 5, 4, 13)


async def test_batches_from_worker_threads_use_their_own_connection(
    journal: Journal, migration: int
) -> None:
    batch = [(f"k{index}", {"i": index}) for index in range(5000)]
    added = await asyncio.to_thread(journal.add_items, migration, STEP, batch)
    assert added == 5000
    assert journal.step_counts(migration, STEP).pending == 5000  # read on the loop's thread
    assert len(journal._connections) == 2
    journal.close()
    assert journal._connections == []
    with pytest.raises(JournalError):
        journal.step_counts(migration, STEP)


def test_a_given_item_can_be_claimed_once_it_may_go(journal: Journal, migration: int) -> None:
    journal.add_items(migration, "list_members", [("list-1/a", {}), ("list-1/b", {})])
    second = journal.list_items(migration)[1]
    claimed = journal.claim_item(second.id)
    assert (claimed.state, claimed.attempts) == (ItemState.IN_FLIGHT, 1)
    with pytest.raises(JournalStateError):
        journal.claim_item(second.id)
    assert [item.key for item in journal.claim_items(migration, "list_members")] == ["list-1/a"]
