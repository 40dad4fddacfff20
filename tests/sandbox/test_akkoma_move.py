"""The practice Akkoma's Move, sent and received as Akkoma does it (no moved state, no actor
`Update`, followers moved by `move_following` without their lists, no receiver cooldown), and
its bulk imports [fediverse-apis.md §3, §6.4; AK: activity_pub.ex, transmogrifier.ex,
following_relationship.ex]."""

from __future__ import annotations

import httpx

from fedimove.sandbox.federation import layer_of
from fedimove.sandbox.network import PracticeNetwork
from fedimove.sandbox.state import AccountList, Follow, ListMember

from .conftest import auth, sign_in
from .test_akkoma import PASSWORD, http, kim_token, run_jobs, world

__all__ = ["http", "world"]  # fixtures used here


async def test_a_move_from_akkoma_reaches_every_kind_of_follower(
    http: httpx.AsyncClient, world: PracticeNetwork
) -> None:
    ak, ak2 = world.instance("ak.practice"), world.instance("ak2.practice")
    new_kim = world.instance("gts.practice").state.find("kim", "gts.practice")
    assert new_kim is not None
    old_uri = f"{world.origin('ak.practice')}/users/kim"
    new_kim.also_known_as = [old_uri]
    # fan1 on ak2.practice keeps kim in a list: Akkoma's move_following does not carry it.
    fan1 = ak2.state.find("fan1", "ak2.practice")
    kim_there = ak2.state.find("kim", "ak.practice")
    assert fan1 is not None
    assert kim_there is not None
    listed = AccountList(ak2.state.ids.next(), fan1.id, "friends")
    ak2.state.lists[listed.id] = listed
    ak2.state.lists_of.setdefault(fan1.id, {})[listed.id] = listed
    listed.members.add(ListMember(ak2.state.ids.next(), listed.id, kim_there.id))

    token = await kim_token(http, world, "ak.practice")
    origin = world.origin("ak.practice")
    reply = await http.post(
        f"{origin}/api/pleroma/move_account",
        headers=auth(token),
        json={"password": PASSWORD, "target_account": "kim@gts.practice"},
    )
    assert (reply.status_code, reply.json()) == (200, {"status": "success"})
    await run_jobs(world)

    kim = ak.state.find("kim", "ak.practice")
    assert kim is not None
    assert kim.moved_to is None, "Akkoma keeps no moved state"
    own = (await http.get(f"{origin}/api/v1/accounts/{kim.id}")).json()
    assert own.get("moved") is None
    actor = (await http.get(old_uri, headers={"Accept": "application/activity+json"})).json()
    assert "movedTo" not in actor
    still = await http.get(f"{origin}/api/v1/accounts/verify_credentials", headers=auth(token))
    assert still.status_code == 200, "the old Akkoma account stays usable"

    gts = world.instance("gts.practice")
    followers_of_new = {
        gts.acct(gts.state.accounts[row.owner])
        for row in gts.state.follows.targeting(new_kim.id).oldest_first()
    }
    assert followers_of_new == {
        "fan0@ak.practice",  # a follower on the old server itself
        "fan1@ak2.practice",  # another Akkoma server
        "fan2@m.practice",
        "fan3",  # local to the new server
    }
    assert not list(ak.state.follows.targeting(kim.id).oldest_first())
    types = {(d.receiver, d.kind) for d in layer_of(world).deliveries if d.sender == "ak.practice"}
    assert ("m.practice", "Update") not in types, "no actor Update goes out with Akkoma's Move"
    assert ("m.practice", "Move") in types
    assert listed.members.get(listed.id, kim_there.id) is not None
    new_there = ak2.state.find("kim", "gts.practice")
    assert new_there is not None
    assert listed.members.get(listed.id, new_there.id) is None, "lists are not carried over"


async def test_akkoma_receivers_need_the_alias_and_reprocess_a_repeat(
    http: httpx.AsyncClient, world: PracticeNetwork
) -> None:
    ak2 = world.instance("ak2.practice")
    fan1 = ak2.state.find("fan1", "ak2.practice")
    kim_there = ak2.state.find("kim", "ak.practice")
    assert fan1 is not None
    assert kim_there is not None
    gts = world.instance("gts.practice")
    new_kim = gts.state.find("kim", "gts.practice")
    assert new_kim is not None
    old_uri, new_uri = (
        f"{world.origin('ak.practice')}/users/kim",
        f"{world.origin('gts.practice')}/users/kim",
    )
    move = {"type": "Move", "actor": old_uri, "object": old_uri, "target": new_uri}
    headers = {"Content-Type": "application/activity+json"}
    inbox = f"{world.origin('ak2.practice')}/inbox"

    assert (await http.post(inbox, json=move, headers=headers)).status_code < 300
    await run_jobs(world)
    assert ak2.state.follows.get(fan1.id, kim_there.id) is not None, "no alias: dropped"

    new_kim.also_known_as = [old_uri]  # the receiver refetches the target (5 s max age)
    await http.post(inbox, json=move, headers=headers)
    await run_jobs(world)
    assert ak2.state.follows.get(fan1.id, kim_there.id) is None
    assert kim_there.moved_to is None

    # fan1 goes back to kim: a repeated Move is processed again (no cooldown found).
    ak2.state.follows.add(Follow(ak2.state.ids.next(), fan1.id, kim_there.id))
    await http.post(inbox, json=move, headers=headers)
    await run_jobs(world)
    assert ak2.state.follows.get(fan1.id, kim_there.id) is None


async def test_imports_take_a_list(http: httpx.AsyncClient, world: PracticeNetwork) -> None:
    token = await sign_in(http, world, "fan1@ak2.practice", PASSWORD, "read follow")
    ak2 = world.origin("ak2.practice")
    csv = "Account address,Show boosts\nfan2@m.practice,true\nfan3@gts.practice,false\n"
    reply = await http.post(
        f"{ak2}/api/pleroma/follow_import", headers=auth(token), data={"list": csv}
    )
    assert (reply.status_code, reply.json()) == (200, "job started")
    blocks = await http.post(
        f"{ak2}/api/pleroma/blocks_import",
        headers=auth(token),
        files={"list": ("blocks.txt", b"fan0@ak.practice\n", "text/plain")},
    )
    assert blocks.json() == "job started"
    await run_jobs(world)
    instance = world.instance("ak2.practice")
    fan1 = instance.state.find("fan1", "ak2.practice")
    assert fan1 is not None
    followed = {
        instance.acct(instance.state.accounts[r.target])
        for r in instance.state.follows.owned(fan1.id).oldest_first()
    }
    assert {"fan2@m.practice", "fan3@gts.practice"} <= followed
    blocked = {
        instance.acct(instance.state.accounts[r.target])
        for r in instance.state.blocks.owned(fan1.id).oldest_first()
    }
    assert blocked == {"fan0@ak.practice"}
    no_scope = await sign_in(http, world, "fan1@ak2.practice", PASSWORD, "read")
    refused = await http.post(
        f"{ak2}/api/pleroma/follow_import", headers=auth(no_scope), data={"list": csv}
    )
    assert refused.status_code == 403
