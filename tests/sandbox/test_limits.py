"""Limits like the real servers, on the simulated clock: per-token and paging windows, the
400 follows per UTC day, the follow cap, GoToSocial's per-IP limit and overload answer."""

from __future__ import annotations

from datetime import datetime

import httpx

from fedimove.core.clock import SimulatedClock, utc
from fedimove.sandbox.network import PracticeNetwork
from fedimove.sandbox.state import Follow
from tests.sandbox.conftest import auth, sign_in, token_for

OLD = "https://old.practice"


def _reset(response: httpx.Response) -> datetime:
    return datetime.fromisoformat(response.headers["X-RateLimit-Reset"].replace("Z", "+00:00"))


async def test_per_token_limit_is_300_per_five_minutes(
    client: httpx.AsyncClient, net: PracticeNetwork, clock: SimulatedClock
) -> None:
    h = auth(await sign_in(client, net, *net.demo_logins[0]))
    url = f"{OLD}/api/v1/accounts/verify_credentials"
    first = await client.get(url, headers=h)
    assert first.headers["X-RateLimit-Limit"] == "300"
    assert first.headers["X-RateLimit-Remaining"] == "299"
    assert _reset(first) == utc(2026, 3, 2, 9, 5)
    for _ in range(299):
        assert (await client.get(url, headers=h)).status_code == 200
    refused = await client.get(url, headers=h)
    assert refused.status_code == 429
    assert refused.json() == {"error": "Too many requests"}
    assert refused.headers["X-RateLimit-Remaining"] == "0"
    clock.set(_reset(refused))
    assert (await client.get(url, headers=h)).status_code == 200


async def test_paging_requests_share_a_per_user_budget_across_tokens(
    client: httpx.AsyncClient, net: PracticeNetwork, clock: SimulatedClock
) -> None:
    anna = net.instance("old.practice").state.find("anna", "old.practice")
    assert anna is not None
    url = f"{OLD}/api/v1/accounts/{anna.id}/followers?max_id=999999999999999999"
    tokens = [
        await sign_in(client, net, *net.demo_logins[0], scopes=s) for s in ("read", "read write")
    ]
    for index in range(300):
        clock.advance(1)  # 300 s stay inside one 15-minute window, but refill the token windows
        response = await client.get(url, headers=auth(tokens[index % 2]))
        assert response.status_code == 200, index
    refused = await client.get(url, headers=auth(tokens[0]))
    assert refused.status_code == 429
    assert _reset(refused) == utc(2026, 3, 2, 9, 15)
    unpaged = await client.get(
        f"{OLD}/api/v1/accounts/{anna.id}/followers", headers=auth(tokens[0])
    )
    assert unpaged.status_code == 200


async def test_400_api_follows_per_utc_day_then_429_until_midnight(
    client: httpx.AsyncClient, net: PracticeNetwork, clock: SimulatedClock
) -> None:
    new = net.instance("new.practice")
    targets = [new.state.new_account(f"target{i}", new.name, clock.now()) for i in range(402)]
    h = auth(await sign_in(client, net, *net.demo_logins[1]))
    for index, target in enumerate(targets[:400]):
        clock.advance(2)  # stay under the per-token window; all on one UTC day
        response = await client.post(
            f"https://new.practice/api/v1/accounts/{target.id}/follow", headers=h
        )
        assert response.status_code == 200, (index, response.text)
    assert response.headers["X-RateLimit-Limit"] == "400"
    assert response.headers["X-RateLimit-Remaining"] == "0"
    refused = await client.post(
        f"https://new.practice/api/v1/accounts/{targets[400].id}/follow", headers=h
    )
    assert refused.status_code == 429
    assert refused.json() == {"error": "Too many requests"}
    assert _reset(refused) == utc(2026, 3, 3)
    clock.set(utc(2026, 3, 3))
    allowed = await client.post(
        f"https://new.practice/api/v1/accounts/{targets[400].id}/follow", headers=h
    )
    assert allowed.status_code == 200
    assert allowed.json()["following"] is True


async def test_follow_cap_of_7500(
    client: httpx.AsyncClient, net: PracticeNetwork, clock: SimulatedClock
) -> None:
    new = net.instance("new.practice")
    anna = new.state.find("anna", new.name)
    assert anna is not None
    for index in range(7_500):
        target = new.state.new_account(f"f{index}", new.name, clock.now())
        new.state.follows.add(Follow(new.state.ids.next(), anna.id, target.id))
    one_more = new.state.new_account("one_more", new.name, clock.now())
    h = auth(await sign_in(client, net, *net.demo_logins[1]))
    refused = await client.post(
        f"https://new.practice/api/v1/accounts/{one_more.id}/follow", headers=h
    )
    assert refused.status_code == 422
    assert "7500" in refused.json()["error"]


async def test_gotosocial_limits_per_ip_and_answers_overload_with_503(
    client: httpx.AsyncClient, net: PracticeNetwork
) -> None:
    gts = net.instance("gts.practice")
    token = await token_for(client, net, "gts.practice", "cai2")
    url = "https://gts.practice/api/v1/accounts/verify_credentials"
    first = await client.get(url, headers=auth(token))
    remaining = int(first.headers["X-RateLimit-Remaining"])
    assert remaining < 299  # app registration and the OAuth steps count too
    statuses = [(await client.get(url, headers=auth(token))).status_code for _ in range(remaining)]
    assert set(statuses) == {200}
    assert (await client.get(url, headers=auth(token))).status_code == 429
    other = await client.get("https://gts.practice/api/v1/instance")
    assert other.status_code == 429  # the same IP, whatever the token
    gts.knobs.overloaded = True
    busy = await client.get(url, headers=auth(token))
    assert busy.status_code == 503
    assert busy.headers["Retry-After"] == "30"


async def test_app_registrations_can_be_limited_like_mastodon(
    client: httpx.AsyncClient, net: PracticeNetwork, clock: SimulatedClock
) -> None:
    net.instance("old.practice").knobs.limit_app_registrations = True
    form = {"client_name": "x", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob"}
    for _ in range(5):
        assert (await client.post(f"{OLD}/api/v1/apps", data=form)).status_code == 200
    refused = await client.post(f"{OLD}/api/v1/apps", data=form)
    assert refused.status_code == 429
    clock.set(_reset(refused))
    assert (await client.post(f"{OLD}/api/v1/apps", data=form)).status_code == 200
