"""Link pagination as Mastodon does it: opaque row ids, page limits, next/prev links."""

from __future__ import annotations

import re

import httpx

from fedimove.sandbox.network import PracticeNetwork
from fedimove.sandbox.state import Follow
from tests.sandbox.conftest import auth, sign_in

OLD = "https://old.practice"
LINK = re.compile(r'<([^>]+)>; rel="(next|prev)"')


def links(response: httpx.Response) -> dict[str, str]:
    return {rel: url for url, rel in LINK.findall(response.headers.get("link", ""))}


async def _walk(client: httpx.AsyncClient, url: str, headers: dict[str, str]) -> list[list[str]]:
    pages = []
    while url:
        response = await client.get(url, headers=headers)
        assert response.status_code == 200
        pages.append([a.get("acct", a.get("id")) for a in response.json()])
        url = links(response).get("next", "")
    return pages


async def test_followers_pages_cover_everyone_once_newest_first(
    client: httpx.AsyncClient, net: PracticeNetwork
) -> None:
    token = await sign_in(client, net, *net.demo_logins[0])
    old = net.instance("old.practice")
    anna = old.state.find("anna", "old.practice")
    assert anna is not None
    pages = await _walk(client, f"{OLD}/api/v1/accounts/{anna.id}/followers", auth(token))
    total = len(net.ground_truth.followers)
    assert total >= 120
    assert [len(p) for p in pages] == [40] * (total // 40) + [total % 40]
    everyone = [acct for page in pages for acct in page]
    assert len(set(everyone)) == len(everyone) == total
    truth = {
        a if a.split("@")[1] != "old.practice" else a.split("@")[0]
        for a in net.ground_truth.followers
    }
    assert set(everyone) == truth
    rows = list(old.state.follows.targeting(anna.id).newest_first())
    assert everyone[0] == old.acct(old.state.accounts[rows[0].owner])


async def test_limit_is_capped_at_twice_the_default_and_ids_are_row_ids(
    client: httpx.AsyncClient, net: PracticeNetwork
) -> None:
    old = net.instance("old.practice")
    anna = old.state.find("anna", "old.practice")
    assert anna is not None
    response = await client.get(f"{OLD}/api/v1/accounts/{anna.id}/followers?limit=500")
    assert len(response.json()) == 80
    next_url = links(response)["next"]
    assert next_url.startswith(f"{OLD}/api/v1/accounts/{anna.id}/followers?limit=500&max_id=")
    assert "since_id=" in links(response)["prev"]  # relation lists page by max_id/since_id
    max_id = int(next_url.rsplit("=", 1)[1])
    row = old.state.follows.targeting(anna.id).get(max_id)
    assert isinstance(row, Follow)  # a Follow row id, not an account id
    assert str(max_id) not in {a["id"] for a in response.json()}
    newer = await client.get(links(response)["prev"])
    assert newer.json() == []
    older = await client.get(next_url)
    prev_of_older = await client.get(links(older)["prev"])
    assert [a["id"] for a in prev_of_older.json()] == [a["id"] for a in response.json()]


async def test_bookmark_and_domain_block_pages_use_their_own_sizes(
    client: httpx.AsyncClient, net: PracticeNetwork
) -> None:
    h = auth(await sign_in(client, net, *net.demo_logins[0]))
    first = await client.get(f"{OLD}/api/v1/bookmarks", headers=h)
    assert len(first.json()) == 12  # default page 20 holds all 12
    assert "next" not in links(first)
    capped = await client.get(f"{OLD}/api/v1/bookmarks?limit=5", headers=h)
    assert len(capped.json()) == 5
    assert "limit=5&" in links(capped)["next"]
    pages = await _walk(client, f"{OLD}/api/v1/bookmarks?limit=5", h)
    assert sum(len(p) for p in pages) == 12
    domains = await client.get(f"{OLD}/api/v1/domain_blocks", headers=h)
    assert sorted(domains.json()) == sorted(net.ground_truth.domain_blocks)


async def test_list_members_need_a_follow_and_limit_zero_returns_all(
    client: httpx.AsyncClient, net: PracticeNetwork
) -> None:
    h = auth(await sign_in(client, net, *net.demo_logins[0]))
    lists = (await client.get(f"{OLD}/api/v1/lists", headers=h)).json()
    assert {lst["title"] for lst in lists} == set(net.ground_truth.lists)
    close = next(lst for lst in lists if lst["title"] == "Close friends")
    everyone = await client.get(f"{OLD}/api/v1/lists/{close['id']}/accounts?limit=0", headers=h)
    assert len(everyone.json()) == len(net.ground_truth.lists["Close friends"])
    assert "link" not in everyone.headers
    old = net.instance("old.practice")
    stranger = old.state.find("tam175", "old.practice") or next(
        a for a in old.state.accounts.values() if a.username.startswith("zed")
    )
    refused = await client.post(
        f"{OLD}/api/v1/lists/{close['id']}/accounts",
        headers=h,
        data={"account_ids[]": str(stranger.id)},
    )
    assert refused.status_code == 404
    await client.post(f"{OLD}/api/v1/accounts/{stranger.id}/follow", headers=h)
    added = await client.post(
        f"{OLD}/api/v1/lists/{close['id']}/accounts",
        headers=h,
        data={"account_ids[]": str(stranger.id)},
    )
    assert added.status_code == 200
    again = await client.post(
        f"{OLD}/api/v1/lists/{close['id']}/accounts",
        headers=h,
        data={"account_ids[]": str(stranger.id)},
    )
    assert again.status_code == 422


async def test_gotosocial_pages_with_min_id_and_an_explicit_limit(
    client: httpx.AsyncClient, net: PracticeNetwork
) -> None:
    gts = net.instance("gts.practice")
    anna = gts.ensure_account("old.practice", "anna")
    page = await client.get(f"https://gts.practice/api/v1/accounts/{anna.id}/followers?limit=2")
    found = links(page)
    assert "limit=2&max_id=" in found["next"]
    assert "limit=2&min_id=" in found["prev"]
