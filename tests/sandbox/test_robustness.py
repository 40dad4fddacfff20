"""Hostile or odd parameters get an answer (2xx/4xx), never a crash (500 or an exception)."""

from __future__ import annotations

import asyncio

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fedimove.core.clock import SimulatedClock, utc
from fedimove.sandbox.network import PracticeNetwork
from tests.sandbox.conftest import auth, sign_in

NET = PracticeNetwork.from_scenario("small", clock=SimulatedClock(utc(2026, 3, 2, 9)), seed=1)
TOKEN: dict[str, str] = {}
PATHS = [
    "/api/v1/accounts/{me}/followers",
    "/api/v1/accounts/{me}/following",
    "/api/v1/bookmarks",
    "/api/v1/blocks",
    "/api/v1/mutes",
    "/api/v1/domain_blocks",
    "/api/v1/accounts/relationships",
    "/api/v1/accounts/lookup",
    "/api/v2/search",
    "/api/v1/lists",
    "/api/v1/accounts/{me}/statuses",
    "/api/v1/followed_tags",
    "/api/v1/endorsements",
    "/api/v1/accounts/search",
]
values = st.one_of(st.text(max_size=30), st.integers(-(10**20), 10**20).map(str))


async def _get(path: str, params: dict[str, str]) -> httpx.Response:
    async with httpx.AsyncClient(transport=NET.transport) as client:
        if not TOKEN:
            TOKEN["value"] = await sign_in(client, NET, *NET.demo_logins[0])
        me = NET.instance("old.practice").state.find("anna", "old.practice")
        assert me is not None
        url = "https://old.practice" + path.format(me=me.id)
        return await client.get(url, params=params, headers=auth(TOKEN["value"]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(PATHS),
    st.dictionaries(
        st.sampled_from(
            [
                "limit",
                "max_id",
                "since_id",
                "min_id",
                "id[]",
                "q",
                "acct",
                "resolve",
                "type",
                "offset",
            ]
        ),
        values,
        max_size=4,
    ),
)
def test_odd_parameters_never_crash_a_route(path: str, params: dict[str, str]) -> None:
    NET.clock.advance(400)  # type: ignore[attr-defined]  # keep clear of the rate limits
    response = asyncio.run(_get(path, params))
    assert response.status_code < 500, (path, params, response.text)


WRITES = [
    ("POST", "/api/v1/accounts/{other}/mute", ["duration", "notifications"]),
    ("POST", "/api/v1/accounts/{other}/follow", ["reblogs", "notify", "languages[]"]),
    ("POST", "/api/v1/lists", ["title", "replies_policy", "exclusive"]),
    (
        "POST",
        "/api/v2/filters",
        ["title", "context[]", "filter_action", "expires_in", "keywords_attributes[][keyword]"],
    ),
    ("POST", "/api/v1/statuses", ["status", "visibility", "language"]),
    ("POST", "/api/v1/domain_blocks", ["domain"]),
    ("POST", "/api/v1/featured_tags", ["name"]),
    (
        "PATCH",
        "/api/v1/accounts/update_credentials",
        ["display_name", "locked", "fields_attributes[0][name]", "fields_attributes[0][value]"],
    ),
    ("POST", "/api/v1/accounts/{other}/note", ["comment"]),
]


async def _write(method: str, path: str, data: dict[str, str]) -> httpx.Response:
    async with httpx.AsyncClient(transport=NET.transport) as client:
        if not TOKEN:
            TOKEN["value"] = await sign_in(client, NET, *NET.demo_logins[0])
        old = NET.instance("old.practice")
        other = old.state.find("bo1", "new.practice")
        assert other is not None
        url = "https://old.practice" + path.format(other=other.id)
        return await client.request(method, url, data=data, headers=auth(TOKEN["value"]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(WRITES), st.data())
def test_odd_form_values_never_crash_a_write(
    route: tuple[str, str, list[str]], data: st.DataObject
) -> None:
    method, path, fields = route
    form = data.draw(st.dictionaries(st.sampled_from(fields), values, max_size=len(fields)))
    NET.clock.advance(400)  # type: ignore[attr-defined]
    response = asyncio.run(_write(method, path, form))
    assert response.status_code < 500, (path, form, response.text)
