"""The `akkoma` flavour against what fediverse-apis.md says Akkoma does (there is no Akkoma
contract in ../contracts): NodeInfo and instance shape (§7), OAuth without PKCE and with exact
redirects (§1.3), `relations_actions` / `relation_id_action` (§5.4), the Pleroma alias and move
API with its 200-plus-error answers (§6.4), and `fedimove sandbox --akkoma`. The Move itself
and the imports: test_akkoma_move.py."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator

import httpx
import pytest

from fedimove.core.clock import SimulatedClock
from fedimove.sandbox.federation import install, layer_of
from fedimove.sandbox.network import PracticeNetwork
from fedimove.sandbox.scenario_parts import Builder
from fedimove.sandbox.testing import complete_authorization

from .conftest import App, auth, authorize_url, code_from, exchange, register, sign_in

PASSWORD = "practice-kim"


def akkoma_world(clock: SimulatedClock) -> PracticeNetwork:
    """kim on ak.practice (Akkoma) with followers on her own server, another Akkoma server, a
    Mastodon and a GoToSocial server; kim's new account on gts.practice."""
    network = PracticeNetwork(clock=clock, seed=5)
    builder = Builder(network, random.Random(5))
    ak = network.add_instance("ak.practice", "akkoma")
    homes = [
        ak,
        network.add_instance("ak2.practice", "akkoma"),
        network.add_instance("m.practice", "mastodon"),
        network.add_instance("gts.practice", "gotosocial"),
    ]
    kim = builder.local(ak, "kim", clock.now())
    kim.password = PASSWORD
    builder.local(homes[3], "kim", clock.now()).password = PASSWORD
    for index, home in enumerate(homes):
        fan = builder.local(home, f"fan{index}", clock.now())
        fan.password = PASSWORD
        builder.connect((home, fan), (ak, kim))
    install(network)
    return network


@pytest.fixture
async def world(clock: SimulatedClock) -> AsyncIterator[PracticeNetwork]:
    network = akkoma_world(clock)
    yield network
    await layer_of(network).jobs.close()


@pytest.fixture
async def http(world: PracticeNetwork) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=world.transport) as client:
        yield client


async def run_jobs(world: PracticeNetwork) -> None:
    """Let the servers' background work (Move distribution, migrations, imports) finish."""
    jobs = layer_of(world).jobs
    await jobs.advance(60, step=2)
    jobs.raise_failures()
    assert not jobs.running


async def kim_token(http: httpx.AsyncClient, world: PracticeNetwork, name: str) -> str:
    return await sign_in(http, world, f"kim@{name}", PASSWORD, "read write follow")


async def test_nodeinfo_and_instance_say_akkoma(
    http: httpx.AsyncClient, world: PracticeNetwork
) -> None:
    origin = world.origin("ak.practice")
    links = (await http.get(f"{origin}/.well-known/nodeinfo")).json()["links"]
    assert [link["href"].rsplit("/", 1)[-1] for link in links] == ["2.0", "2.1"]
    software = (await http.get(f"{origin}/nodeinfo/2.1")).json()["software"]
    assert software == {
        "name": "akkoma",
        "version": "3.15.2",
        "repository": "https://akkoma.dev/AkkomaGang/akkoma",
    }
    v1 = (await http.get(f"{origin}/api/v1/instance")).json()
    assert v1["version"] == "2.7.2 (compatible; Akkoma 3.15.2)"
    assert "pleroma_api" in v1["pleroma"]["metadata"]["features"]
    assert v1["pleroma"]["metadata"]["fields_limits"]["max_fields"] == 10
    assert "api_versions" not in (await http.get(f"{origin}/api/v2/instance")).json()
    no_metadata = await http.get(f"{origin}/.well-known/oauth-authorization-server")
    assert no_metadata.status_code == 404


async def test_oauth_has_no_pkce_and_matches_redirects_exactly(
    http: httpx.AsyncClient, world: PracticeNetwork
) -> None:
    origin = world.origin("ak.practice")
    app = await register(http, origin, "read write follow")
    registered = await http.post(
        f"{origin}/api/v1/apps",
        data={"client_name": "x", "redirect_uris": app.redirect_uri, "scopes": "read"},
    )
    assert "redirect_uris" not in registered.json(), "the pre-4.3 Application shape"
    other_port = app.redirect_uri.replace(":8765", ":8766")
    refused = await http.get(authorize_url(app, "read", redirect_uri=other_port))
    assert refused.status_code == 400, "a loopback redirect on another port is not the same URI"

    # A code challenge is not understood: the code is exchanged without any verifier.
    location = await _authorize(http, app, "read write follow", challenge="ignored")
    token = await exchange(http, app, code_from(location))
    assert token.status_code == 200, token.text
    assert set(token.json()["scope"].split()) == {"read", "write", "follow"}

    oob = await register(http, origin, "read", "urn:ietf:wg:oauth:2.0:oob")
    code = await _authorize(http, oob, "read")
    assert (await exchange(http, oob, code)).status_code == 200


async def _authorize(
    http: httpx.AsyncClient, app: App, scopes: str, challenge: str | None = None
) -> str:
    url = authorize_url(app, scopes, challenge=challenge)
    return await complete_authorization(http, url, "kim@ak.practice", PASSWORD)


async def test_relations_actions_limit_follows_not_other_calls(
    http: httpx.AsyncClient, world: PracticeNetwork, clock: SimulatedClock
) -> None:
    ak = world.instance("ak.practice")
    builder = Builder(world, random.Random(1))
    targets = [builder.local(ak, f"t{i}", clock.now()) for i in range(12)]
    token = await kim_token(http, world, "ak.practice")
    origin = world.origin("ak.practice")
    for _ in range(320):  # no rack-attack-style API throttle on Akkoma
        reply = await http.get(f"{origin}/api/v1/accounts/verify_credentials", headers=auth(token))
        assert reply.status_code == 200
        assert "X-RateLimit-Limit" not in reply.headers
    clock.advance(10 - clock.now().timestamp() % 10)  # the start of a 10-second window

    async def follow(index: int, action: str = "follow") -> httpx.Response:
        url = f"{origin}/api/v1/accounts/{targets[index].id}/{action}"
        return await http.post(url, headers=auth(token))

    assert [(await follow(i)).status_code for i in range(10)] == [200] * 10
    throttled = await follow(10)
    assert (throttled.status_code, throttled.json()) == (429, {"error": "Throttled"})
    assert "X-RateLimit-Reset" not in throttled.headers
    clock.advance(10)
    assert (await follow(10)).status_code == 200
    # relation_id_action: two actions per target and minute.
    assert (await follow(11)).status_code == 200
    assert (await follow(11, "unfollow")).status_code == 200
    assert (await follow(11)).status_code == 429


async def test_aliases_need_a_known_account(
    http: httpx.AsyncClient, world: PracticeNetwork
) -> None:
    ak2 = world.origin("ak2.practice")
    token = await sign_in(http, world, "fan1@ak2.practice", PASSWORD, "read write")

    async def aliases(method: str, alias: str | None = None) -> httpx.Response:
        body = {"alias": alias} if alias is not None else None
        return await http.request(
            method, f"{ak2}/api/pleroma/aliases", headers=auth(token), json=body
        )

    assert (await aliases("GET")).json() == {"aliases": []}
    unknown = await aliases("PUT", "nobody@m.practice")
    assert (unknown.status_code, unknown.json()) == (
        404,
        {"error": "Target account does not exist."},
    )
    added = await aliases("PUT", "kim@ak.practice")  # known there: fan1 follows kim
    assert (added.status_code, added.json()) == (200, {"status": "success"})
    await aliases("PUT", "@kim@ak.practice")
    assert (await aliases("GET")).json() == {"aliases": ["kim@ak.practice"]}
    me = await http.get(f"{ak2}/users/fan1", headers={"Accept": "application/activity+json"})
    assert me.json()["alsoKnownAs"] == [f"{world.origin('ak.practice')}/users/kim"]
    assert (await aliases("DELETE", "kim@ak.practice")).json() == {"status": "success"}
    gone = await aliases("DELETE", "kim@ak.practice")
    assert (gone.status_code, gone.json()) == (404, {"error": "Account has no such alias."})
    assert (await aliases("PUT")).status_code == 400
    read_only = await sign_in(http, world, "fan1@ak2.practice", PASSWORD, "read")
    forbidden = await http.put(
        f"{ak2}/api/pleroma/aliases", headers=auth(read_only), json={"alias": "kim@ak.practice"}
    )
    assert forbidden.status_code == 403


async def test_move_account_answers_errors_with_200(
    http: httpx.AsyncClient, world: PracticeNetwork
) -> None:
    origin = world.origin("ak.practice")
    token = await kim_token(http, world, "ak.practice")

    async def move(password: str, target: str) -> httpx.Response:
        data = {"password": password, "target_account": target}
        return await http.post(f"{origin}/api/pleroma/move_account", headers=auth(token), data=data)

    wrong = await move("wrong", "kim@gts.practice")
    assert (wrong.status_code, wrong.json()) == (200, {"error": "Invalid password."})
    missing = await move(PASSWORD, "nobody@gts.practice")
    assert (missing.status_code, missing.json()) == (404, {"error": "Target account not found."})
    not_aliased = await move(PASSWORD, "kim@gts.practice")
    assert not_aliased.status_code == 200
    assert not_aliased.json() == {"error": "Target account must have the origin in `alsoKnownAs`"}
    assert (
        await http.post(f"{origin}/api/pleroma/move_account", headers=auth(token))
    ).status_code == 400


async def test_the_sandbox_command_can_add_an_akkoma_server() -> None:
    import argparse
    import asyncio
    import io

    from fedimove.cli.sandbox import serve

    out = io.StringIO()
    stop = asyncio.Event()
    args = argparse.Namespace(
        scenario="small", speed=60.0, port=0, seed=1, secure=False, akkoma=True
    )
    task = asyncio.create_task(serve(args, out, stop))
    while "practice-akkoma-kim" not in out.getvalue():
        assert not task.done(), out.getvalue()
        await asyncio.sleep(0.01)
    line = next(x for x in out.getvalue().splitlines() if x.strip().startswith("akkoma.practice"))
    assert line.split()[1] == "akkoma"
    async with httpx.AsyncClient(trust_env=False) as client:
        software = (await client.get(f"{line.split()[-1]}/nodeinfo/2.0")).json()["software"]
        actor = await client.get(
            f"{line.split()[-1]}/users/kim", headers={"Accept": "application/activity+json"}
        )
    stop.set()
    await task
    assert software["name"] == "akkoma"
    assert actor.status_code == 200, "federation is installed on the added server"
