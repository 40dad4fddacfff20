"""Migration records and the follower snapshot."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fedimove.core.clock import SimulatedClock, utc
from fedimove.core.errors import JournalError, JournalNotFoundError, JournalStateError
from fedimove.core.models import AccountRef, Category
from fedimove.core.storage.journal import Journal
from fedimove.core.storage.journal_records import (
    Evidence,
    FollowerState,
    FollowerUpdate,
    MigrationPhase,
    MigrationState,
)

from .journal_helpers import make_migration


@pytest.fixture
def clock() -> SimulatedClock:
    return SimulatedClock(utc(2026, 5, 4, 10))


@pytest.fixture
def journal(tmp_path: Path, clock: SimulatedClock) -> Iterator[Journal]:
    with Journal.open(tmp_path / "journal.sqlite", clock) as opened:
        yield opened


def test_a_new_migration_starts_reading_and_active(journal: Journal) -> None:
    created = make_migration(journal, api_only=True)
    assert (created.phase, created.state) == (MigrationPhase.READ, MigrationState.ACTIVE)
    assert created.categories == (Category.FOLLOWING, Category.LISTS, Category.BOOKMARKS)
    assert created.options == {"api_only": True}
    assert (created.moved_at, created.new_locked_original) == (None, None)
    assert journal.get_migration(created.id) == created


def test_unfinished_migrations_come_most_recent_first(
    journal: Journal, clock: SimulatedClock
) -> None:
    first = make_migration(journal, old="a@one.example")
    second = make_migration(journal, old="b@two.example")
    finished = make_migration(journal, old="c@three.example")
    journal.set_state(finished.id, MigrationState.FINISHED)
    clock.advance(10)
    journal.set_state(first.id, MigrationState.PAUSED)  # touched last

    assert [m.id for m in journal.find_unfinished()] == [first.id, second.id]
    assert [m.id for m in journal.list_migrations([MigrationState.FINISHED])] == [finished.id]
    assert len(journal.list_migrations()) == 3


def test_phases_only_go_forward(journal: Journal, clock: SimulatedClock) -> None:
    migration = make_migration(journal)
    clock.advance(5)
    moved = journal.set_phase(migration.id, MigrationPhase.MOVE)
    assert (moved.phase, moved.updated_at) == (MigrationPhase.MOVE, clock.now())
    assert journal.set_phase(migration.id, MigrationPhase.MOVE).phase is MigrationPhase.MOVE
    with pytest.raises(JournalStateError) as raised:
        journal.set_phase(migration.id, MigrationPhase.COPY_BEFORE)
    assert raised.value.params == {"migration": migration.id, "phase": "move", "to": "copy_before"}


def test_finished_and_abandoned_are_final(journal: Journal) -> None:
    migration = make_migration(journal)
    journal.set_state(migration.id, MigrationState.PAUSED)
    journal.set_state(migration.id, MigrationState.ACTIVE)
    journal.set_state(migration.id, MigrationState.ABANDONED)
    with pytest.raises(JournalStateError):
        journal.set_state(migration.id, MigrationState.ACTIVE)


def test_the_move_moment_and_original_locked_are_kept_from_the_first_record(
    journal: Journal, clock: SimulatedClock
) -> None:
    migration = make_migration(journal)
    journal.record_new_locked(migration.id, True)
    journal.record_move(migration.id)
    clock.advance(3600)
    # A resumed run sees the account already unlocked by Fedimove and the Move already done.
    journal.record_new_locked(migration.id, False)
    again = journal.record_move(migration.id)
    assert again.new_locked_original is True
    assert again.moved_at == utc(2026, 5, 4, 10)


def test_options_merge_and_never_hold_secrets(journal: Journal) -> None:
    migration = make_migration(journal, api_only=True, note="x")
    merged = journal.update_options(migration.id, {"csv_assisted": ["following"], "note": None})
    assert merged.options == {"api_only": True, "csv_assisted": ["following"]}
    for bad in ({"access_token": "abc"}, {"nested": [{"Password": "x"}]}):
        with pytest.raises(JournalError):
            journal.update_options(migration.id, bad)
    with pytest.raises(JournalError):
        make_migration(journal, client_secret="s")
    assert journal.get_migration(migration.id).options == merged.options


def test_unknown_migrations_are_reported(journal: Journal) -> None:
    with pytest.raises(JournalNotFoundError) as raised:
        journal.get_migration(7)
    assert raised.value.code == "journal.not_found"
    with pytest.raises(JournalNotFoundError):
        journal.set_phase(7, MigrationPhase.BACKUP)


def account(name: str, domain: str = "a.example") -> AccountRef:
    return AccountRef(acct=f"{name}@{domain}", uri=f"https://{domain}/users/{name}")


def test_follower_snapshot_is_idempotent_and_keeps_tracking_state(
    journal: Journal, clock: SimulatedClock
) -> None:
    migration = make_migration(journal).id
    assert journal.snapshot_followers(migration, [account("a"), account("b", "b.example")]) == 2
    clock.advance(60)
    journal.set_follower_state(migration, FollowerUpdate(account("a").uri, FollowerState.MOVED))
    # A fresher read before the Move: one newcomer, a renamed acct, nobody reset.
    renamed = AccountRef(acct="bee@b.example", uri=account("b", "b.example").uri)
    assert journal.snapshot_followers(migration, [account("a"), renamed, account("c")]) == 1

    a = journal.get_follower(migration, account("a").uri)
    assert a is not None
    assert (a.state, a.arrived_at, a.first_seen_at) == (
        FollowerState.MOVED,
        utc(2026, 5, 4, 10, 1),
        utc(2026, 5, 4, 10),
    )
    b = journal.get_follower(migration, renamed.uri)
    assert b is not None
    assert (b.acct, b.domain, b.state) == ("bee@b.example", "b.example", FollowerState.STILL_ON_OLD)


def test_arrival_time_is_the_first_one_seen(journal: Journal, clock: SimulatedClock) -> None:
    migration = make_migration(journal).id
    journal.snapshot_followers(migration, [account("a")])
    uri = account("a").uri
    journal.set_follower_state(migration, FollowerUpdate(uri, FollowerState.MOVED))
    clock.advance(600)
    journal.set_follower_state(migration, FollowerUpdate(uri, FollowerState.UNKNOWN))
    later = journal.set_follower_state(migration, FollowerUpdate(uri, FollowerState.MOVED))
    assert later.arrived_at == utc(2026, 5, 4, 10)
    assert later.updated_at == utc(2026, 5, 4, 10, 10)


def test_followers_outside_the_snapshot_are_kept_apart(journal: Journal) -> None:
    migration = make_migration(journal).id
    journal.snapshot_followers(migration, [account("a"), account("b", "b.example")])
    newcomer = account("z", "z.example")
    journal.update_followers(
        migration,
        [
            FollowerUpdate(account("a").uri, FollowerState.AWAITING_APPROVAL),
            FollowerUpdate(
                account("b", "b.example").uri,
                FollowerState.NO_MOVE_SUPPORT,
                Evidence.INFERRED,
                reason="software_without_move",
            ),
            FollowerUpdate(newcomer.uri, FollowerState.MOVED, acct=newcomer.acct),
        ],
    )
    with pytest.raises(JournalError):
        journal.update_followers(migration, [FollowerUpdate("https://q/u", FollowerState.MOVED)])

    assert journal.follower_counts(migration) == {
        FollowerState.AWAITING_APPROVAL: 1,
        FollowerState.NO_MOVE_SUPPORT: 1,
    }
    assert journal.follower_counts(migration, snapshot_only=False)[FollowerState.MOVED] == 1
    assert journal.follower_counts_by_domain(migration) == {
        "a.example": {FollowerState.AWAITING_APPROVAL: 1},
        "b.example": {FollowerState.NO_MOVE_SUPPORT: 1},
    }
    b = journal.get_follower(migration, account("b", "b.example").uri)
    assert b is not None
    assert (b.evidence, b.reason) == (Evidence.INFERRED, "software_without_move")
    # Only those who followed before the Move may be approved as migrated followers.
    asked = [account("a").uri, newcomer.uri, "https://elsewhere/u"]
    assert journal.in_snapshot(migration, asked) == {account("a").uri}


def test_followers_page_by_actor_and_filter_by_state(journal: Journal) -> None:
    migration = make_migration(journal).id
    accounts = [account(f"u{index:04d}") for index in range(1200)]
    journal.snapshot_followers(migration, accounts)
    journal.set_follower_state(migration, FollowerUpdate(accounts[7].uri, FollowerState.GONE))

    seen: list[str] = []
    while page := journal.list_followers(migration, after_uri=seen[-1] if seen else "", limit=500):
        seen += [follower.actor_uri for follower in page]
    assert seen == sorted(a.uri for a in accounts)
    gone = journal.list_followers(migration, state=FollowerState.GONE)
    assert [f.actor_uri for f in gone] == [accounts[7].uri]
    assert len(journal.in_snapshot(migration, [a.uri for a in accounts])) == 1200
