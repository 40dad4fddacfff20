"""FollowerTracker on a practice Fediverse without Move processing, where the test makes followers
arrive by hand: newest-first polling costs one request per 80 arrivals plus fixed calls, the
tracker resumes from the journal alone, only migrated followers' requests are approved, and the
actions (missing-followers CSV, message, wizard rows) say the truth."""

from __future__ import annotations

import csv
import math
import random
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from fedimove.core.clock import SimulatedClock
from fedimove.core.engine.alias import record_accounts
from fedimove.core.engine.followers import FollowerTracker
from fedimove.core.engine.followers_actions import (
    export_missing,
    message_template,
    to_rows,
)
from fedimove.core.engine.preview_servers import ServerProber
from fedimove.core.http import make_client
from fedimove.core.servers.rest import RestClient
from fedimove.core.storage.journal import Journal
from fedimove.core.storage.journal_records import FollowerState
from fedimove.sandbox.instance import Instance
from fedimove.sandbox.network import PracticeNetwork
from fedimove.sandbox.scenario_parts import Builder
from fedimove.sandbox.scenarios import GroundTruth
from fedimove.sandbox.state import Account, Follow
from tests.core.engine.steps.practice_copy import START, CopyWorld

FIXED = 1  # the follow-requests read of every poll


@dataclass
class Hand:
    """A tiny world: anna on old.practice with followers on fans.practice, moving to new."""

    network: PracticeNetwork
    builder: Builder
    fans: Instance
    journal: Journal
    old: RestClient
    new: RestClient
    migration_id: int
    people: list[Account]

    def instance(self, name: str) -> Instance:
        return self.network.instance(name)

    def anna(self, name: str) -> Account:
        found = self.instance(name).state.find("anna", name)
        assert found is not None
        return found

    def arrive(self, people: list[Account]) -> None:
        """These followers now follow the new account (as a Move would leave them)."""
        for person in people:
            self.builder.connect(
                (self.fans, person), (self.instance("new.practice"), self.anna("new.practice"))
            )

    def request(self, person: Account) -> None:
        """`person` asks to follow the (locked) new account."""
        new = self.instance("new.practice")
        owner = new.ensure_account(self.fans.name, person.username)
        new.state.follow_requests.add(
            Follow(new.state.ids.next(), owner.id, self.anna("new.practice").id)
        )

    def tracker(self, **options: bool) -> FollowerTracker:
        return FollowerTracker(
            self.journal,
            self.migration_id,
            self.old,
            self.new,
            prober=ServerProber(self.old.http),
            clock=self.network.clock,
            **options,
        )


@pytest.fixture
async def hand(tmp_path: Path) -> AsyncIterator[Hand]:
    clock = SimulatedClock(START, autojump=True)
    network = PracticeNetwork(clock=clock, seed=5)
    builder = Builder(network, random.Random(5))
    old, new = (
        network.add_instance("old.practice", "mastodon"),
        network.add_instance("new.practice", "mastodon"),
    )
    fans = network.add_instance("fans.practice", "mastodon")
    for instance in (old, new):
        builder.local(instance, "anna", clock.now()).password = "practice-anna"
    anna = old.state.find("anna", "old.practice")
    assert anna is not None
    people = [builder.local(fans, f"fan{i}", clock.now()) for i in range(400)]
    for person in people[:300]:
        builder.connect((fans, person), (old, anna))
    passwords = {"anna@old.practice": "practice-anna", "anna@new.practice": "practice-anna"}
    network.ground_truth = GroundTruth("anna@old.practice", "anna@new.practice", passwords)
    journal = Journal.open(tmp_path / "journal.sqlite", clock)
    async with make_client(transport=network.transport) as http:
        world = CopyWorld(network, clock, http, journal, tmp_path)
        old_client = await world.client("anna@old.practice")
        new_client = await world.client("anna@new.practice")
        migration = journal.create_migration(
            old_handle="anna@old.practice",
            old_server=old_client.origin,
            new_handle="anna@new.practice",
            new_server=new_client.origin,
            categories=[],
        )
        await record_accounts(journal, migration.id, old_client, new_client)
        yield Hand(network, builder, fans, journal, old_client, new_client, migration.id, people)
    journal.close()


@pytest.mark.parametrize("arrivals", [0, 1, 79, 80, 81, 170, 300])
async def test_polling_costs_one_request_per_80_arrivals(hand: Hand, arrivals: int) -> None:
    tracker = hand.tracker()
    assert await tracker.take_snapshot() == 300
    hand.arrive(hand.people[:arrivals])
    result = await tracker.poll()
    assert result.arrivals == arrivals
    # The page holding the first follower already seen ends the poll.
    assert result.requests == arrivals // 80 + 1 + FIXED
    assert result.requests / (math.ceil(arrivals / 80) + FIXED + 1) <= 1.0
    counts = hand.journal.follower_counts(hand.migration_id)
    assert counts.get(FollowerState.MOVED, 0) == arrivals


async def test_a_new_tracker_resumes_from_the_journal(hand: Hand) -> None:
    await hand.tracker().take_snapshot()
    hand.arrive(hand.people[:200])
    assert (await hand.tracker().poll()).arrivals == 200
    again = hand.tracker()  # a new process: only the journal is left
    hand.arrive(hand.people[200:210])
    result = await again.poll()
    assert (result.arrivals, result.requests) == (10, 1 + FIXED)


async def test_only_migrated_followers_are_approved(hand: Hand) -> None:
    await hand.tracker().take_snapshot()
    migrated, stranger = hand.people[0], hand.people[350]  # 350 never followed the old account
    hand.request(migrated)
    hand.request(stranger)
    waiting = await hand.tracker().poll()
    assert (waiting.pending, waiting.approved) == (1, 0)
    first = hand.journal.list_followers(hand.migration_id, state=FollowerState.AWAITING_APPROVAL)
    assert [f.acct for f in first] == ["fan0@fans.practice"]
    assert first[0].reason == "locked"

    approving = await hand.tracker(approve_migrated=True).poll()
    assert approving.approved == 1
    new = hand.instance("new.practice")
    pending = [
        new.state.accounts[r.owner].username
        for r in new.state.follow_requests.targeting(hand.anna("new.practice").id).oldest_first()
    ]
    assert pending == [stranger.username]
    moved = hand.journal.list_followers(hand.migration_id, state=FollowerState.MOVED)
    assert [(f.acct, f.reason) for f in moved] == [("fan0@fans.practice", "approved")]


async def test_actions_export_the_missing_and_tell_them(hand: Hand, tmp_path: Path) -> None:
    tracker = hand.tracker()
    await tracker.take_snapshot()
    hand.arrive(hand.people[:290])
    await tracker.poll()
    path = tmp_path / "missing.csv"
    assert export_missing(hand.journal, hand.migration_id, path) == 10
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["Account address"] for r in rows} == {
        f"fan{i}@fans.practice" for i in range(290, 300)
    }
    assert {r["State"] for r in rows} == {"still_on_old"}
    text = message_template("anna@old.practice", "anna@new.practice")
    assert "@anna@new.practice" in text
    rows_ui = to_rows(
        hand.journal.list_followers(hand.migration_id, limit=None), {"fans.practice": "mastodon"}
    )
    assert len(rows_ui) == 300
    assert {r.software for r in rows_ui} == {"mastodon"}
    assert sum(r.arrived_at is not None for r in rows_ui) == 290


async def test_a_move_within_one_server_polls_the_whole_list(hand: Hand) -> None:
    """Mastodon rewrites follows in place when both accounts share a server, so arrivals are
    not the newest rows: the tracker reads the new account's whole list (DESIGN §0.6)."""
    tracker = hand.tracker()
    await tracker.take_snapshot()
    hand.arrive(hand.people[:170])
    tracker.same_server = True  # as when old and new share an origin
    first = await tracker.poll()
    assert first.arrivals == 170
    again = await tracker.poll()
    assert again.arrivals == 0
    assert again.requests == math.ceil(170 / 80) + FIXED, "every page, not only the newest"
