"""Follow requests, blocks, mutes with duration, notes and endorsements through the API."""

from __future__ import annotations

import httpx

from fedimove.core.clock import SimulatedClock
from fedimove.sandbox.network import PracticeNetwork
from tests.sandbox.conftest import auth, sign_in, token_for

NEW = "https://new.practice"


async def _find(client: httpx.AsyncClient, h: dict[str, str], acct: str) -> str:
    found = await client.get(
        f"{NEW}/api/v2/search", headers=h, params={"q": acct, "resolve": "true", "type": "accounts"}
    )
    return str(found.json()["accounts"][0]["id"])


async def test_a_locked_account_gets_a_request_it_can_authorize(
    client: httpx.AsyncClient, net: PracticeNetwork
) -> None:
    new = net.instance("new.practice")
    anna = new.state.find("anna", new.name)
    assert anna is not None
    anna.locked = True
    follower = new.state.new_account("fan", new.name, net.clock.now())
    follower.password = "fan-pass"
    fan = auth(await sign_in(client, net, "fan@new.practice", "fan-pass"))
    rel = await client.post(
        f"{NEW}/api/v1/accounts/{anna.id}/follow", headers=fan, data={"reblogs": "false"}
    )
    assert (rel.json()["following"], rel.json()["requested"]) == (False, True)
    h = auth(await sign_in(client, net, *net.demo_logins[1]))
    pending = (await client.get(f"{NEW}/api/v1/follow_requests", headers=h)).json()
    assert [a["acct"] for a in pending] == ["fan"]
    ok = await client.post(f"{NEW}/api/v1/follow_requests/{follower.id}/authorize", headers=h)
    assert ok.json()["followed_by"] is True
    rel = (
        await client.get(f"{NEW}/api/v1/accounts/relationships?id[]={anna.id}", headers=fan)
    ).json()
    assert (rel[0]["following"], rel[0]["showing_reblogs"]) == (True, False)
    again = await client.post(f"{NEW}/api/v1/follow_requests/{follower.id}/reject", headers=h)
    assert again.status_code == 404


async def test_following_a_remote_locked_account_stays_requested_until_accepted(
    client: httpx.AsyncClient, net: PracticeNetwork
) -> None:
    gts = net.instance("gts.practice")
    cai = gts.state.find("cai2", gts.name)
    assert cai is not None
    cai.locked = True
    h = auth(await sign_in(client, net, *net.demo_logins[1]))
    remote_id = await _find(client, h, "cai2@gts.practice")
    rel = (await client.post(f"{NEW}/api/v1/accounts/{remote_id}/follow", headers=h)).json()
    assert (rel["following"], rel["requested"]) == (False, True)
    owner = auth(await token_for(client, net, "gts.practice", "cai2"))
    requests = (
        await client.get("https://gts.practice/api/v1/follow_requests", headers=owner)
    ).json()
    anna_there = next(a for a in requests if a["acct"] == "anna@new.practice")
    accepted = await client.post(
        f"https://gts.practice/api/v1/follow_requests/{anna_there['id']}/authorize", headers=owner
    )
    assert accepted.status_code == 200
    for _ in range(100):  # delivery may be asynchronous under the federation layer
        rel = (
            await client.get(f"{NEW}/api/v1/accounts/relationships?id[]={remote_id}", headers=h)
        ).json()[0]
        if rel["following"]:
            break
        await net.clock.sleep(1) if not isinstance(net.clock, SimulatedClock) else None
        if isinstance(net.clock, SimulatedClock):
            net.clock.advance(1)
    assert rel["following"] is True


async def test_mutes_expire_and_blocks_cut_follows(
    client: httpx.AsyncClient, net: PracticeNetwork, clock: SimulatedClock
) -> None:
    h = auth(await sign_in(client, net, *net.demo_logins[1]))
    other = await _find(client, h, "ada0@old.practice")
    muted = await client.post(
        f"{NEW}/api/v1/accounts/{other}/mute",
        headers=h,
        data={"duration": "3600", "notifications": "false"},
    )
    assert muted.json()["muting"] is True
    assert muted.json()["muting_notifications"] is False
    listed = (await client.get(f"{NEW}/api/v1/mutes", headers=h)).json()
    assert listed[0]["mute_expires_at"] == "2026-03-02T10:00:00.000Z"
    clock.advance(3601)
    assert (await client.get(f"{NEW}/api/v1/mutes", headers=h)).json() == []
    await client.post(f"{NEW}/api/v1/accounts/{other}/follow", headers=h)
    blocked = (await client.post(f"{NEW}/api/v1/accounts/{other}/block", headers=h)).json()
    assert (blocked["blocking"], blocked["following"]) == (True, False)
    refused = await client.post(f"{NEW}/api/v1/accounts/{other}/follow", headers=h)
    assert refused.status_code == 403


async def test_endorsements_need_a_follow_and_notes_are_private(
    client: httpx.AsyncClient, net: PracticeNetwork
) -> None:
    h = auth(await sign_in(client, net, *net.demo_logins[1]))
    other = await _find(client, h, "bo1@new.practice")
    refused = await client.post(f"{NEW}/api/v1/accounts/{other}/endorse", headers=h)
    assert refused.status_code == 422
    await client.post(f"{NEW}/api/v1/accounts/{other}/follow", headers=h)
    endorsed = await client.post(f"{NEW}/api/v1/accounts/{other}/endorse", headers=h)
    assert endorsed.json()["endorsed"] is True
    noted = await client.post(
        f"{NEW}/api/v1/accounts/{other}/note", headers=h, data={"comment": "hi"}
    )
    assert noted.json()["note"] == "hi"
    assert [
        a["id"] for a in (await client.get(f"{NEW}/api/v1/endorsements", headers=h)).json()
    ] == [other]


async def test_a_moved_account_is_disabled_but_public_routes_answer(
    client: httpx.AsyncClient, net: PracticeNetwork
) -> None:
    token = await sign_in(client, net, *net.demo_logins[0])
    h = auth(token)
    old = net.instance("old.practice")
    anna = old.state.find("anna", old.name)
    assert anna is not None
    await client.get(
        "https://old.practice/api/v2/search",
        headers=h,
        params={"q": "anna@new.practice", "resolve": "true"},
    )
    anna.moved_to = "https://new.practice/users/anna"
    me = await client.get("https://old.practice/api/v1/accounts/verify_credentials", headers=h)
    assert me.status_code == 403
    assert me.json() == {"error": "Your login is currently disabled"}
    assert (await client.get("https://old.practice/api/v1/bookmarks", headers=h)).status_code == 403
    app = await client.get("https://old.practice/api/v1/apps/verify_credentials", headers=h)
    assert app.status_code == 200
    followers = await client.get(
        f"https://old.practice/api/v1/accounts/{anna.id}/followers", headers=h
    )
    assert followers.status_code == 200
    shown = (await client.get(f"https://old.practice/api/v1/accounts/{anna.id}")).json()
    assert shown["moved"]["acct"] == "anna@new.practice"
