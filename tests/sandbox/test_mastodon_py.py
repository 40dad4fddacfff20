"""A client written by others, Mastodon.py (sync, `requests`), signs in through the practice
server's real forms and pages through followers, following and bookmarks over loopback."""

from __future__ import annotations

import asyncio

import httpx
import requests
from mastodon import Mastodon

from fedimove.core.clock import SimulatedClock, utc
from fedimove.sandbox.network import PracticeNetwork
from fedimove.sandbox.testing import complete_authorization, serve_in_thread

SCOPES = ["read", "write", "follow"]


def _session() -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # never a proxy: loopback only
    return session


def _authorize(url: str, handle: str, password: str) -> str:
    async def run() -> str:
        async with httpx.AsyncClient(trust_env=False) as client:
            return await complete_authorization(client, url, handle, password)

    return asyncio.run(run())


def test_mastodon_py_signs_in_and_pages_everything() -> None:
    net = PracticeNetwork.from_scenario("small", clock=SimulatedClock(utc(2026, 3, 2, 9)), seed=1)
    truth = net.ground_truth
    handle, password = net.demo_logins[0]
    with serve_in_thread(net) as served:
        origin = served.origin("old.practice")
        client_id, client_secret = Mastodon.create_app(
            "Mastodon.py on the practice server",
            scopes=SCOPES,
            api_base_url=origin,
            session=_session(),
        )
        api = Mastodon(
            client_id=client_id,
            client_secret=client_secret,
            api_base_url=origin,
            version_check_mode="none",
            session=_session(),
        )
        url = api.auth_request_url(
            scopes=SCOPES, redirect_uris="urn:ietf:wg:oauth:2.0:oob", allow_http=True
        )
        code = _authorize(url, handle, password)
        api.log_in(code=code, scopes=SCOPES, allow_http=True)
        me = api.account_verify_credentials()
        assert me.acct == "anna"
        assert me.uri == f"{origin}/users/anna"
        followers = api.fetch_remaining(api.account_followers(me.id, limit=40))
        following = api.fetch_remaining(api.account_following(me.id, limit=80))
        bookmarks = api.fetch_remaining(api.bookmarks(limit=5))
    domain = origin.split("//", 1)[1]
    assert len(followers) == len(truth.followers)
    assert len({a.id for a in followers}) == len(truth.followers)
    assert {a.acct.split("@")[0] for a in following} == {h.split("@")[0] for h in truth.following}
    assert len(following) == len(truth.following)
    assert all("@127.0.0.1:" in a.acct or "@" not in a.acct for a in following)
    assert not any(a.acct.endswith(domain) for a in following)  # local accounts have no domain
    served_uris = {b.uri for b in bookmarks}
    assert len(served_uris) == len(truth.bookmarks)
    assert all(uri.startswith("http://127.0.0.1:") for uri in served_uris)
