"""Move processing on the receiving servers: the stale alias cache, the 7-day dedupe, follow
options and list memberships carried over, blocks and mutes re-applied, progress on the clock."""

from __future__ import annotations

from datetime import timedelta

from fedimove.core.clock import SimulatedClock
from fedimove.sandbox.federation import fetch_actor, layer_of, node_of
from fedimove.sandbox.federation_move import start_move
from fedimove.sandbox.instance import Instance
from fedimove.sandbox.network import PracticeNetwork
from fedimove.sandbox.state import Account, AccountList, Block, Follow, ListMember, Mute


def _annas(net: PracticeNetwork) -> tuple[Instance, Account, Instance, Account]:
    old, new = net.instance("old.practice"), net.instance("new.practice")
    anna_old, anna_new = old.state.find("anna", old.name), new.state.find("anna", new.name)
    assert anna_old is not None
    assert anna_new is not None
    return old, anna_old, new, anna_new


def _followers_of_old_on(net: PracticeNetwork, name: str) -> list[Account]:
    home = net.instance(name)
    copy = home.state.find("anna", "old.practice")
    assert copy is not None
    return [
        home.state.accounts[r.owner] for r in home.state.follows.targeting(copy.id).oldest_first()
    ]


async def _move(net: PracticeNetwork) -> None:
    old, anna_old, new, anna_new = _annas(net)
    anna_new.also_known_as = [old.actor_uri(anna_old)]
    start_move(old, anna_old, new.actor_uri(anna_new))
    layer = layer_of(net)
    while layer.jobs.running:
        await layer.advance(60, step=2)


async def _drain(net: PracticeNetwork) -> None:
    layer = layer_of(net)
    while layer.jobs.running:
        await layer.advance(60, step=2)


async def test_a_stale_alias_cache_drops_the_move(net: PracticeNetwork) -> None:
    _, anna_old, new, anna_new = _annas(net)
    gts = net.instance("gts.practice")
    # gts.practice looked at the new account just before the alias was set.
    assert await fetch_actor(gts, new.actor_uri(anna_new)) is not None
    before = _followers_of_old_on(net, "gts.practice")
    await _move(net)
    assert _followers_of_old_on(net, "gts.practice") == before
    # legacy.practice had no stale copy: only its suspended follower is left behind.
    assert [a.suspended for a in _followers_of_old_on(net, "legacy.practice")] == [True]
    # Once the cached copy is old, a re-sent Move is checked against a fresh fetch.
    clock = net.clock
    assert isinstance(clock, SimulatedClock)
    clock.advance(timedelta(minutes=16).total_seconds())
    gts.directory.instance("old.practice").state.accounts[anna_old.id].moved_to = None
    await _move(net)
    assert [a.suspended for a in _followers_of_old_on(net, "gts.practice")] == []


async def test_a_repeated_move_is_ignored_for_seven_days(
    net: PracticeNetwork, clock: SimulatedClock
) -> None:
    old, anna_old, new, anna_new = _annas(net)
    await _move(net)
    legacy = net.instance("legacy.practice")
    mark = node_of(legacy).move_marks["https://old.practice/users/anna"]
    assert mark > clock.now() + timedelta(days=6)
    # A second Move within 7 days: nothing new is processed (a follow written since stays).
    fan = next(a for a in legacy.local_accounts() if not a.suspended)
    copy = legacy.state.find("anna", "old.practice")
    assert copy is not None
    legacy.state.follows.add(Follow(legacy.state.ids.next(), fan.id, copy.id))
    start_move(old, anna_old, new.actor_uri(anna_new))
    await _drain(net)
    assert legacy.state.follows.get(fan.id, copy.id) is not None
    # After the 7 days the same Move is processed again.
    clock.advance(timedelta(days=7).total_seconds())
    start_move(old, anna_old, new.actor_uri(anna_new))
    await _drain(net)
    assert legacy.state.follows.get(fan.id, copy.id) is None


async def test_follow_options_and_lists_carry_over(net: PracticeNetwork) -> None:
    legacy = net.instance("legacy.practice")
    state = legacy.state
    fan = next(a for a in _followers_of_old_on(net, "legacy.practice") if not a.suspended)
    anna_copy = state.find("anna", "old.practice")
    assert anna_copy is not None
    row = state.follows.get(fan.id, anna_copy.id)
    assert row is not None
    row.show_reblogs, row.notify, row.languages = False, True, ["de"]
    lst = AccountList(state.ids.next(), fan.id, "Friends")
    state.lists[lst.id] = lst
    state.lists_of.setdefault(fan.id, {})[lst.id] = lst
    lst.members.add(ListMember(state.ids.next(), lst.id, anna_copy.id))
    blocker = next(a for a in legacy.local_accounts() if a is not fan and not a.suspended)
    state.blocks.add(Block(state.ids.next(), blocker.id, anna_copy.id))
    state.mutes.add(Mute(state.ids.next(), fan.id, anna_copy.id, hide_notifications=False))

    await _move(net)
    new_copy = state.find("anna", "new.practice")
    assert new_copy is not None
    follow = state.follows.get(fan.id, new_copy.id)
    assert follow is not None
    assert (follow.show_reblogs, follow.notify, follow.languages) == (False, True, ["de"])
    assert state.follows.get(fan.id, anna_copy.id) is None
    assert lst.members.get(lst.id, new_copy.id) is not None
    assert lst.members.get(lst.id, anna_copy.id) is None
    assert state.blocks.get(blocker.id, new_copy.id) is not None
    mute = state.mutes.get(fan.id, new_copy.id)
    assert mute is not None
    assert mute.hide_notifications is False


async def test_processing_is_gradual_on_the_clock(net: PracticeNetwork) -> None:
    old, anna_old, new, anna_new = _annas(net)
    layer_of(net).configure(move_delay_per_follower=30.0)
    anna_new.also_known_as = [old.actor_uri(anna_old)]
    start_move(old, anna_old, new.actor_uri(anna_new))
    layer = layer_of(net)
    await layer.settle()
    assert new.state.followers_count(anna_new.id) == 0
    await layer.advance(30, step=30)
    first = new.state.followers_count(anna_new.id)
    assert 0 < first < 20  # one follower per processing server per 30 s
    await layer.advance(30, step=30)
    assert new.state.followers_count(anna_new.id) > first


async def test_no_move_and_dead_servers_keep_their_followers(net: PracticeNetwork) -> None:
    nomove_before = _followers_of_old_on(net, "nomove.practice")
    await _move(net)
    assert _followers_of_old_on(net, "nomove.practice") == nomove_before
    assert any(
        not d.delivered and d.receiver == "dead.practice" and d.kind == "Move"
        for d in layer_of(net).deliveries
    )
    old, anna_old, _, _ = _annas(net)
    dead_followers = [
        r
        for r in old.state.follows.targeting(anna_old.id).oldest_first()
        if old.state.accounts[r.owner].home == "dead.practice"
    ]
    assert len(dead_followers) == 4
