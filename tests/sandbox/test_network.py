"""The network as a whole: in-process and loopback origins, instances resolving each other,
the scenario's ground truth as the API shows it, ActivityPub documents, the command."""

from __future__ import annotations

import argparse
import asyncio
import io
import subprocess
import sys
from urllib.parse import urlsplit

import httpx
import pytest

from fedimove.cli.sandbox import serve
from fedimove.sandbox.network import PracticeNetwork
from tests.sandbox.conftest import auth, sign_in, token_for

OLD = "https://old.practice"
AP = {"Accept": "application/activity+json"}


async def test_in_process_origins_are_https_names(net: PracticeNetwork) -> None:
    assert net.hosts[:5] == [
        "old.practice",
        "new.practice",
        "gts.practice",
        "legacy.practice",
        "nomove.practice",
    ]
    assert net.origin("old.practice") == OLD
    assert net.instance("gts.practice").flavour.name == "gotosocial"
    assert [h for h, _ in net.demo_logins] == ["anna@old.practice", "anna@new.practice"]


async def test_served_instances_render_their_loopback_origin_and_resolve_each_other(
    net: PracticeNetwork,
) -> None:
    async with net.serve_http() as served, httpx.AsyncClient(trust_env=False) as client:
        old, new = served.origin("old.practice"), served.origin("new.practice")
        assert old.startswith("http://127.0.0.1:")
        assert old != new
        token = await sign_in(client, net, f"anna@{urlsplit(new).netloc}", net.demo_logins[1][1])
        me = (
            await client.get(f"{new}/api/v1/accounts/verify_credentials", headers=auth(token))
        ).json()
        assert me["uri"] == f"{new}/users/anna"
        assert me["avatar"].startswith(new)
        old_domain = urlsplit(old).netloc
        found = await client.get(
            f"{new}/api/v2/search",
            headers=auth(token),
            params={"q": f"anna@{old_domain}", "resolve": "true"},
        )
        account = found.json()["accounts"][0]
        assert account["acct"] == f"anna@{old_domain}"
        assert account["uri"] == f"{old}/users/anna"
        followers = await client.get(f"{new}/api/v1/accounts/{account['id']}/followers?limit=2")
        assert followers.status_code == 200
        anna_old = net.instance("old.practice").state.find("anna", "old.practice")
        assert anna_old is not None
        page = await client.get(f"{old}/api/v1/accounts/{anna_old.id}/followers?limit=2")
        assert page.headers["link"].startswith(f"<{old}/api/v1/accounts/{anna_old.id}/followers?")
    assert net.origin("old.practice") == OLD  # back to in-process afterwards


async def test_search_resolves_accounts_and_posts_on_other_instances(
    client: httpx.AsyncClient, net: PracticeNetwork
) -> None:
    h = auth(await sign_in(client, net, *net.demo_logins[1]))
    new = "https://new.practice"
    assert (
        await client.get(f"{new}/api/v1/accounts/lookup?acct=cai2@gts.practice")
    ).status_code == 404
    unresolved = await client.get(
        f"{new}/api/v2/search", headers=h, params={"q": "cai2@gts.practice"}
    )
    assert unresolved.json()["accounts"] == []
    resolved = await client.get(
        f"{new}/api/v2/search",
        headers=h,
        params={"q": "cai2@gts.practice", "resolve": "true", "type": "accounts"},
    )
    assert resolved.json()["accounts"][0]["acct"] == "cai2@gts.practice"
    assert (
        await client.get(f"{new}/api/v1/accounts/lookup?acct=cai2@gts.practice")
    ).status_code == 200
    bookmark_uri = net.ground_truth.bookmarks[0]
    post = await client.get(
        f"{new}/api/v2/search",
        headers=h,
        params={"q": bookmark_uri, "resolve": "true", "type": "statuses"},
    )
    status = post.json()["statuses"][0]
    assert status["uri"] == bookmark_uri
    marked = await client.post(f"{new}/api/v1/statuses/{status['id']}/bookmark", headers=h)
    assert marked.json()["bookmarked"] is True
    by_url = await client.get(
        f"{new}/api/v2/search", headers=h, params={"q": "https://gts.practice/@cai2"}
    )
    assert by_url.json()["accounts"][0]["acct"] == "cai2@gts.practice"
    unknown = await client.get(
        f"{new}/api/v2/search",
        headers=h,
        params={"q": "someone@elsewhere.example", "resolve": "true"},
    )
    assert unknown.json()["accounts"] == []
    anonymous = await client.get(
        f"{new}/api/v2/search", params={"q": "x@gts.practice", "resolve": "true"}
    )
    assert anonymous.status_code == 401


async def test_the_api_shows_the_ground_truth(
    client: httpx.AsyncClient, net: PracticeNetwork
) -> None:
    truth = net.ground_truth
    h = auth(await sign_in(client, net, *net.demo_logins[0]))
    me = (await client.get(f"{OLD}/api/v1/accounts/verify_credentials", headers=h)).json()
    assert me["display_name"] == truth.profile["display_name"]
    assert [(f["name"], f["value"]) for f in me["source"]["fields"]] == truth.profile["fields"]
    assert (await client.get(me["avatar"])).content.startswith(b"\x89PNG")
    assert me["following_count"] == len(truth.following)
    assert me["statuses_count"] == truth.statuses
    following = (await client.get(f"{OLD}/api/v1/accounts/{me['id']}/following?limit=80")).json()
    ids = "&".join(f"id[]={a['id']}" for a in following)
    relations = (await client.get(f"{OLD}/api/v1/accounts/relationships?{ids}", headers=h)).json()
    by_id = {a["id"]: a["acct"] for a in following}
    for rel in relations:
        acct = by_id[rel["id"]]
        flags = truth.following[acct if "@" in acct else f"{acct}@old.practice"]
        assert rel["following"] is True
        assert (rel["showing_reblogs"], rel["notifying"], rel["languages"]) == (
            flags["show_reblogs"],
            flags["notify"],
            flags["languages"],
        )
    mutes = (await client.get(f"{OLD}/api/v1/mutes", headers=h)).json()
    assert len(mutes) == len(truth.mutes)
    assert sum(1 for m in mutes if m["mute_expires_at"]) == 1
    tags = (await client.get(f"{OLD}/api/v1/followed_tags", headers=h)).json()
    assert sorted(t["name"] for t in tags) == sorted(truth.followed_tags)
    filters = (await client.get(f"{OLD}/api/v2/filters", headers=h)).json()
    assert {f["title"]: [k["keyword"] for k in f["keywords"]] for f in filters} == truth.filters
    endorsed = (await client.get(f"{OLD}/api/v1/endorsements", headers=h)).json()
    assert len(endorsed) == len(truth.endorsements)


async def test_actor_documents_carry_alias_and_move_fields_when_set(
    client: httpx.AsyncClient, net: PracticeNetwork
) -> None:
    finger = await client.get(f"{OLD}/.well-known/webfinger?resource=acct:anna@old.practice")
    self_link = next(link for link in finger.json()["links"] if link["rel"] == "self")
    assert self_link["href"] == f"{OLD}/users/anna"
    actor = (await client.get(self_link["href"], headers=AP)).json()
    assert actor["id"] == f"{OLD}/users/anna"
    assert "alsoKnownAs" not in actor
    assert "movedTo" not in actor
    old = net.instance("old.practice")
    anna = old.state.find("anna", old.name)
    assert anna is not None
    anna.also_known_as = ["https://new.practice/users/anna"]
    anna.moved_to = "https://new.practice/users/anna"
    actor = (await client.get(f"{OLD}/users/anna", headers=AP)).json()
    assert actor["alsoKnownAs"] == ["https://new.practice/users/anna"]
    assert actor["movedTo"] == "https://new.practice/users/anna"
    async with net.serve_http() as served:
        assert anna.moved_to == f"{served.origin('new.practice')}/users/anna"
    assert anna.moved_to == "https://new.practice/users/anna"
    assert (
        await client.get(f"{OLD}/.well-known/webfinger?resource=acct:nobody@old.practice")
    ).status_code == 404


async def test_gotosocial_exports_csv(client: httpx.AsyncClient, net: PracticeNetwork) -> None:
    h = auth(await token_for(client, net, "gts.practice", "cai2"))
    following = await client.get("https://gts.practice/api/v1/exports/following.csv", headers=h)
    assert following.headers["content-type"].startswith("text/csv")
    lines = following.text.splitlines()
    assert lines[0] == "Account address,Show boosts,Notify on new posts,Languages"
    cai = net.instance("gts.practice").state.find("cai2", "gts.practice")
    assert cai is not None
    assert len(lines) - 1 == net.instance("gts.practice").state.following_count(cai.id)
    assert (
        await client.get("https://old.practice/api/v1/exports/following.csv", headers=h)
    ).status_code == 404


async def test_the_command_prints_every_instance_and_the_demo_logins() -> None:
    out, stop = io.StringIO(), asyncio.Event()
    args = argparse.Namespace(scenario="small", speed=60.0, port=0, seed=1)
    task = asyncio.create_task(serve(args, out, stop))
    while "Demo sign-ins" not in out.getvalue() or "practice-new-anna" not in out.getvalue():
        assert not task.done()
        await asyncio.sleep(0.01)
    printed = out.getvalue()
    stop.set()
    await task
    for name in (
        "old.practice",
        "new.practice",
        "gts.practice",
        "legacy.practice",
        "nomove.practice",
    ):
        assert name in printed
    expected = len(PracticeNetwork.from_scenario("small", seed=1).instances)
    assert printed.count("http://127.0.0.1:") == expected
    assert "practice-old-anna" in printed


def test_the_sandbox_imports_no_client_logic_and_no_qt() -> None:
    code = (
        "import sys\n"
        "import fedimove.sandbox.network, fedimove.sandbox.scenarios, fedimove.sandbox.testing\n"
        "import fedimove.sandbox.oauth, fedimove.sandbox.resolve\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'qasync',"
        " 'fedimove.core.engine', 'fedimove.core.servers', 'fedimove.core.oauth',"
        " 'fedimove.core.storage', 'fedimove.ui'))]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


async def test_a_dead_instance_fails_in_process_and_over_loopback(net: PracticeNetwork) -> None:
    net.instance("nomove.practice").knobs.reachable = False
    async with httpx.AsyncClient(transport=net.transport) as client:
        with pytest.raises(httpx.ConnectError):
            await client.get("https://nomove.practice/api/v2/instance")
    async with net.serve_http() as served, httpx.AsyncClient(trust_env=False) as client:
        response = await client.get(f"{served.origin('nomove.practice')}/api/v2/instance")
        assert response.status_code == 502
        alive = await client.get(f"{served.origin('old.practice')}/api/v2/instance")
        assert alive.status_code == 200
