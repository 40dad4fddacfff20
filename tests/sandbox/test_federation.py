"""Federation between the practice instances over HTTP: follows travel as Follow / Accept /
Undo activities to inboxes, WebFinger and actor documents carry the alias and the redirect,
the authorized-fetch knob hides them from unsigned reads, dead and blocked servers behave as
the real ones would."""

from __future__ import annotations

import httpx
import pytest

from fedimove.sandbox.federation import layer_of, node_of
from fedimove.sandbox.network import PracticeNetwork

from .conftest import auth, sign_in, token_for

AP = {"Accept": "application/activity+json"}
_REAL_POOL = httpx.AsyncHTTPTransport


async def _resolve(client: httpx.AsyncClient, origin: str, token: str, acct: str) -> str:
    response = await client.get(
        f"{origin}/api/v2/search",
        params={"q": acct, "type": "accounts", "resolve": "true"},
        headers=auth(token),
    )
    accounts = response.json()["accounts"]
    assert accounts, response.text
    return str(accounts[0]["id"])


async def _anna_token(client: httpx.AsyncClient, net: PracticeNetwork) -> str:
    truth = net.ground_truth
    return await sign_in(client, net, truth.old, truth.passwords[truth.old])


async def test_follow_is_delivered_and_accepted(
    client: httpx.AsyncClient, net: PracticeNetwork
) -> None:
    old, token = net.origin("old.practice"), await _anna_token(client, net)
    gts = net.instance("gts.practice")
    following = net.ground_truth.following
    person = next(
        a
        for a in gts.local_accounts()
        if not a.locked and f"{a.username}@gts.practice" not in following
    )
    target_id = await _resolve(client, old, token, f"{person.username}@gts.practice")

    response = await client.post(f"{old}/api/v1/accounts/{target_id}/follow", headers=auth(token))
    assert response.json()["following"] is True
    kinds = [(d.sender, d.receiver, d.kind) for d in layer_of(net).deliveries]
    assert ("old.practice", "gts.practice", "Follow") in kinds
    assert ("gts.practice", "old.practice", "Accept") in kinds
    anna_there = gts.state.find("anna", "old.practice")
    assert anna_there is not None
    assert gts.state.follows.get(anna_there.id, person.id) is not None

    await client.post(f"{old}/api/v1/accounts/{target_id}/unfollow", headers=auth(token))
    assert gts.state.follows.get(anna_there.id, person.id) is None


async def test_locked_target_answers_later(client: httpx.AsyncClient, net: PracticeNetwork) -> None:
    old, token = net.origin("old.practice"), await _anna_token(client, net)
    legacy = net.instance("legacy.practice")
    following = net.ground_truth.following
    person = next(
        a
        for a in legacy.local_accounts()
        if f"{a.username}@legacy.practice" not in following and not a.suspended
    )
    person.locked = True
    target_id = await _resolve(client, old, token, f"{person.username}@legacy.practice")
    response = await client.post(f"{old}/api/v1/accounts/{target_id}/follow", headers=auth(token))
    assert response.json()["requested"] is True

    their_token = await token_for(client, net, "legacy.practice", person.username)
    origin = net.origin("legacy.practice")
    pending = (
        await client.get(f"{origin}/api/v1/follow_requests", headers=auth(their_token))
    ).json()
    assert [a["acct"] for a in pending] == ["anna@old.practice"]
    await client.post(
        f"{origin}/api/v1/follow_requests/{pending[0]['id']}/authorize", headers=auth(their_token)
    )
    relationship = await client.get(
        f"{old}/api/v1/accounts/relationships", params={"id[]": target_id}, headers=auth(token)
    )
    assert relationship.json()[0]["following"] is True


async def test_webfinger_and_actor_carry_alias_and_redirect(
    client: httpx.AsyncClient, net: PracticeNetwork
) -> None:
    new = net.instance("new.practice")
    anna = new.state.find("anna", "new.practice")
    assert anna is not None
    old_uri = f"{net.origin('old.practice')}/users/anna"
    anna.also_known_as = [old_uri]
    jrd = await client.get(
        f"{new.origin}/.well-known/webfinger", params={"resource": "acct:anna@new.practice"}
    )
    self_link = next(link["href"] for link in jrd.json()["links"] if link["rel"] == "self")
    actor = (await client.get(self_link, headers=AP)).json()
    assert actor["alsoKnownAs"] == [old_uri]
    assert "movedTo" not in actor


async def test_authorized_fetch_hides_aliases_from_unsigned_reads(
    client: httpx.AsyncClient, net: PracticeNetwork
) -> None:
    new = net.instance("new.practice")
    anna = new.state.find("anna", "new.practice")
    assert anna is not None
    anna.also_known_as = [f"{net.origin('old.practice')}/users/anna"]
    node_of(new).knobs.authorized_fetch = True
    uri = new.actor_uri(anna)

    unsigned = (await client.get(uri, headers=AP)).json()
    assert "alsoKnownAs" not in unsigned
    assert set(unsigned) <= {
        "@context",
        "id",
        "type",
        "preferredUsername",
        "inbox",
        "publicKey",
        "endpoints",
    }
    signed = await client.get(uri, headers={**AP, "Signature": 'keyId="x#main-key"'})
    assert signed.json()["alsoKnownAs"] == anna.also_known_as
    # Other servers fetch signed, so the Move check still sees the alias.
    from fedimove.sandbox.federation import fetch_actor

    seen = await fetch_actor(net.instance("gts.practice"), uri)
    assert seen is not None
    assert seen.also_known_as == anna.also_known_as


async def test_dead_instance_leaves_follows_pending(
    client: httpx.AsyncClient, net: PracticeNetwork
) -> None:
    old, token = net.origin("old.practice"), await _anna_token(client, net)
    dead = net.instance("dead.practice")
    person = dead.local_accounts()[0]
    target_id = str(
        net.instance("old.practice").ensure_account("dead.practice", person.username).id
    )
    response = await client.post(f"{old}/api/v1/accounts/{target_id}/follow", headers=auth(token))
    assert response.json()["requested"] is True
    assert ("old.practice", "dead.practice", "Follow", False) in [
        (d.sender, d.receiver, d.kind, d.delivered) for d in layer_of(net).deliveries
    ]


async def test_new_server_domain_blocks(client: httpx.AsyncClient, net: PracticeNetwork) -> None:
    """Suspended servers' follows are dropped unanswered; limited ones become requests."""
    new = net.instance("new.practice")
    anna = new.state.find("anna", "new.practice")
    assert anna is not None
    blocks = (await client.get(f"{new.origin}/api/v1/instance/domain_blocks")).json()
    assert {(b["domain"], b["severity"]) for b in blocks} == {
        ("limited.practice", "silence"),
        ("blocked.practice", "suspend"),
    }
    for name, expect_request in (("blocked.practice", False), ("limited.practice", True)):
        fan = net.instance(name).local_accounts()[0]
        token = await token_for(client, net, name, fan.username)
        origin = net.origin(name)
        anna_id = await _resolve(client, origin, token, "anna@new.practice")
        response = await client.post(
            f"{origin}/api/v1/accounts/{anna_id}/follow", headers=auth(token)
        )
        assert response.json()["requested"] is True
        copy = new.state.find(fan.username, name)
        has_request = (
            copy is not None and new.state.follow_requests.get(copy.id, anna.id) is not None
        )
        assert has_request is expect_request
        assert copy is None or new.state.follows.get(copy.id, anna.id) is None


async def test_a_move_federates_over_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """Served on 127.0.0.1 ports, instances deliver to each other over real HTTP, all through
    one connection pool (a pool per delivery cost ~0.1 s each), closed when serving stops."""
    import random

    pools: list[_CountedPool] = []
    monkeypatch.setattr(httpx, "AsyncHTTPTransport", lambda: _CountedPool(pools))

    from fedimove.core.clock import SimulatedClock, utc
    from fedimove.sandbox.federation import install
    from fedimove.sandbox.federation_move import start_move
    from fedimove.sandbox.scenario_parts import Builder

    net = PracticeNetwork(clock=SimulatedClock(utc(2026, 3, 2)), seed=2)
    builder = Builder(net, random.Random(2))
    old, new, fans = (net.add_instance(n) for n in ("a.practice", "b.practice", "c.practice"))
    now = net.clock.now()
    zoe_old, zoe_new = builder.local(old, "zoe", now), builder.local(new, "zoe", now)
    for index in range(2):
        builder.connect((fans, builder.local(fans, f"fan{index}", now)), (old, zoe_old))
    layer = install(net)
    async with net.serve_http():
        assert old.origin.startswith("http://127.0.0.1:")
        zoe_new.also_known_as = [old.actor_uri(zoe_old)]
        start_move(old, zoe_old, new.actor_uri(zoe_new))
        while layer.jobs.running:
            await layer.advance(2, step=2)
        assert new.state.followers_count(zoe_new.id) == 2
        assert old.state.followers_count(zoe_old.id) == 0
        assert len(pools) == 1
        assert not pools[0].closed
    assert pools[0].closed


class _CountedPool(_REAL_POOL):
    def __init__(self, made: list[_CountedPool]) -> None:
        super().__init__()
        self.closed = False
        made.append(self)

    async def aclose(self) -> None:
        self.closed = True
        await super().aclose()
