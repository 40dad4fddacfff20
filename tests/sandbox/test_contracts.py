"""The practice servers answer with the shapes the real APIs document: Mastodon flavours
against the Mastodon OpenAPI schema, the GoToSocial flavour against GoToSocial's swagger."""

from __future__ import annotations

import httpx
import pytest

from fedimove.sandbox.network import PracticeNetwork
from tests.sandbox.conftest import auth, register, sign_in, token_for
from tests.sandbox.contract import check_gotosocial, check_mastodon

OLD = "https://old.practice"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


async def _me(client: httpx.AsyncClient, origin: str, token: str) -> str:
    response = await client.get(f"{origin}/api/v1/accounts/verify_credentials", headers=auth(token))
    return str(response.json()["id"])


async def test_mastodon_account_routes_match_the_openapi_schema(
    client: httpx.AsyncClient, net: PracticeNetwork
) -> None:
    token = await sign_in(client, net, *net.demo_logins[0])
    h = auth(token)
    me = await _me(client, OLD, token)
    r = await client.get(f"{OLD}/api/v1/accounts/verify_credentials", headers=h)
    check_mastodon(r, "/api/v1/accounts/verify_credentials")
    r = await client.patch(
        f"{OLD}/api/v1/accounts/update_credentials",
        headers=h,
        data={
            "display_name": "Anna E.",
            "locked": "true",
            "fields_attributes[0][name]": "A",
            "fields_attributes[0][value]": "B",
        },
        files={"avatar": ("a.png", PNG, "image/png")},
    )
    check_mastodon(r, "/api/v1/accounts/update_credentials", "patch")
    assert r.json()["locked"] is True
    assert r.json()["source"]["fields"] == [{"name": "A", "value": "B", "verified_at": None}]
    avatar = await client.get(r.json()["avatar"])
    assert avatar.content == PNG
    for path, template in (
        (f"/api/v1/accounts/{me}", "/api/v1/accounts/{id}"),
        (f"/api/v1/accounts/{me}/followers", "/api/v1/accounts/{id}/followers"),
        (f"/api/v1/accounts/{me}/following", "/api/v1/accounts/{id}/following"),
        (f"/api/v1/accounts/{me}/statuses", "/api/v1/accounts/{id}/statuses"),
        (f"/api/v1/accounts/{me}/featured_tags", "/api/v1/accounts/{id}/featured_tags"),
        ("/api/v1/accounts/lookup?acct=anna", "/api/v1/accounts/lookup"),
        (f"/api/v1/accounts/relationships?id[]={me}", "/api/v1/accounts/relationships"),
        ("/api/v2/search?q=anna@new.practice&resolve=true", "/api/v2/search"),
        ("/api/v1/accounts/search?q=cai2@gts.practice&resolve=true", "/api/v1/accounts/search"),
        ("/api/v1/apps/verify_credentials", "/api/v1/apps/verify_credentials"),
    ):
        r = await client.get(OLD + path, headers=h)
        assert r.status_code == 200, (path, r.text)
        check_mastodon(r, template)


async def test_mastodon_collection_routes_match_the_openapi_schema(
    client: httpx.AsyncClient, net: PracticeNetwork
) -> None:
    h = auth(await sign_in(client, net, *net.demo_logins[0]))
    for path in (
        "/api/v1/bookmarks",
        "/api/v1/favourites",
        "/api/v1/blocks",
        "/api/v1/mutes",
        "/api/v1/domain_blocks",
        "/api/v1/followed_tags",
        "/api/v1/lists",
        "/api/v2/filters",
        "/api/v1/featured_tags",
        "/api/v1/endorsements",
        "/api/v1/follow_requests",
        "/api/v1/instance",
        "/api/v2/instance",
        "/api/v1/instance/domain_blocks",
        "/.well-known/oauth-authorization-server",
    ):
        r = await client.get(OLD + path, headers=h)
        assert r.status_code == 200, (path, r.text)
        check_mastodon(r, path)
    lists = (await client.get(f"{OLD}/api/v1/lists", headers=h)).json()
    r = await client.get(f"{OLD}/api/v1/lists/{lists[0]['id']}", headers=h)
    check_mastodon(r, "/api/v1/lists/{id}")
    r = await client.get(f"{OLD}/api/v1/lists/{lists[0]['id']}/accounts", headers=h)
    check_mastodon(r, "/api/v1/lists/{id}/accounts")


async def test_mastodon_write_routes_match_the_openapi_schema(
    client: httpx.AsyncClient, net: PracticeNetwork
) -> None:
    h = auth(await sign_in(client, net, *net.demo_logins[1]))  # the new, empty account
    new = "https://new.practice"
    found = (
        await client.get(
            f"{new}/api/v2/search", headers=h, params={"q": "ada0@old.practice", "resolve": "true"}
        )
    ).json()
    other = found["accounts"][0]["id"]
    steps = [
        (
            "post",
            f"/api/v1/accounts/{other}/follow",
            "/api/v1/accounts/{id}/follow",
            {"reblogs": "false", "notify": "true", "languages[]": "en"},
        ),
        ("post", f"/api/v1/accounts/{other}/note", "/api/v1/accounts/{id}/note", {"comment": "hi"}),
        ("post", f"/api/v1/accounts/{other}/endorse", "/api/v1/accounts/{id}/endorse", {}),
        (
            "post",
            f"/api/v1/accounts/{other}/mute",
            "/api/v1/accounts/{id}/mute",
            {"duration": "60"},
        ),
        ("post", f"/api/v1/accounts/{other}/unmute", "/api/v1/accounts/{id}/unmute", {}),
        ("post", "/api/v1/lists", "/api/v1/lists", {"title": "Friends"}),
        ("post", "/api/v1/tags/birds/follow", "/api/v1/tags/{name}/follow", {}),
        ("post", "/api/v1/featured_tags", "/api/v1/featured_tags", {"name": "birds"}),
        (
            "post",
            "/api/v2/filters",
            "/api/v2/filters",
            {"title": "F", "context[]": "home", "keywords_attributes[][keyword]": "x"},
        ),
        ("post", "/api/v1/statuses", "/api/v1/statuses", {"status": "Hello"}),
        ("post", f"/api/v1/accounts/{other}/unfollow", "/api/v1/accounts/{id}/unfollow", {}),
        ("post", f"/api/v1/accounts/{other}/block", "/api/v1/accounts/{id}/block", {}),
    ]
    for method, path, template, data in steps:
        r = await client.request(method.upper(), new + path, headers=h, data=data)
        assert r.status_code == 200, (path, r.text)
        check_mastodon(r, template, method)
    r = await client.post(
        f"{new}/api/v1/apps",
        data={"client_name": "x", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob"},
    )
    check_mastodon(r, "/api/v1/apps", "post")
    await _more_write_routes(client, new, h)


async def _more_write_routes(client: httpx.AsyncClient, new: str, h: dict[str, str]) -> None:
    status = (await client.post(f"{new}/api/v1/statuses", headers=h, data={"status": "x"})).json()
    filters = (await client.get(f"{new}/api/v2/filters", headers=h)).json()
    lists = (await client.get(f"{new}/api/v1/lists", headers=h)).json()
    for method, path, template, data in (
        ("get", f"/api/v1/statuses/{status['id']}", "/api/v1/statuses/{id}", {}),
        ("post", f"/api/v1/statuses/{status['id']}/bookmark", "/api/v1/statuses/{id}/bookmark", {}),
        (
            "post",
            f"/api/v1/statuses/{status['id']}/favourite",
            "/api/v1/statuses/{id}/favourite",
            {},
        ),
        ("get", f"/api/v2/filters/{filters[0]['id']}", "/api/v2/filters/{id}", {}),
        (
            "post",
            f"/api/v2/filters/{filters[0]['id']}/keywords",
            "/api/v2/filters/{filter_id}/keywords",
            {"keyword": "y"},
        ),
        (
            "post",
            f"/api/v2/filters/{filters[0]['id']}/statuses",
            "/api/v2/filters/{filter_id}/statuses",
            {"status_id": status["id"]},
        ),
        ("put", f"/api/v1/lists/{lists[0]['id']}", "/api/v1/lists/{id}", {"title": "Renamed"}),
        ("get", "/api/v1/tags/birds", "/api/v1/tags/{name}", {}),
        ("post", "/api/v1/tags/birds/unfollow", "/api/v1/tags/{name}/unfollow", {}),
        ("get", "/api/v1/bookmarks", "/api/v1/bookmarks", {}),
    ):
        r = await client.request(method.upper(), new + path, headers=h, data=data or None)
        assert r.status_code == 200, (path, r.text)
        check_mastodon(r, template, method)
    outside = await client.post(f"{new}/api/v1/statuses", headers=h, data={"status": ""})
    assert outside.status_code == 422
    check_mastodon(outside, "/api/v1/statuses", "post")


async def test_mastodon_errors_match_the_openapi_schema(
    client: httpx.AsyncClient, net: PracticeNetwork
) -> None:
    r = await client.get(f"{OLD}/api/v1/accounts/lookup?acct=nobody@nowhere.example")
    assert r.status_code == 404
    check_mastodon(r, "/api/v1/accounts/lookup")
    r = await client.get(f"{OLD}/api/v1/bookmarks", headers=auth("not-a-token"))
    assert r.status_code == 401
    check_mastodon(r, "/api/v1/bookmarks")


async def test_legacy_mastodon_shapes_match_the_openapi_schema(
    client: httpx.AsyncClient, net: PracticeNetwork
) -> None:
    legacy = "https://legacy.practice"
    h = auth(await token_for(client, net, "legacy.practice", "dee3"))
    me = await _me(client, legacy, h["Authorization"][7:])
    for path, template in (
        ("/api/v1/accounts/verify_credentials", "/api/v1/accounts/verify_credentials"),
        (f"/api/v1/accounts/{me}/following", "/api/v1/accounts/{id}/following"),
        ("/api/v1/instance", "/api/v1/instance"),
    ):
        r = await client.get(legacy + path, headers=h)
        assert r.status_code == 200, r.text
        check_mastodon(r, template)


async def test_gotosocial_routes_match_its_swagger(
    client: httpx.AsyncClient, net: PracticeNetwork
) -> None:
    gts = "https://gts.practice"
    token = await token_for(client, net, "gts.practice", "cai2")
    h = auth(token)
    me = await _me(client, gts, token)
    for path, template in (
        ("/api/v1/accounts/verify_credentials", "/api/v1/accounts/verify_credentials"),
        (f"/api/v1/accounts/{me}", "/api/v1/accounts/{id}"),
        (f"/api/v1/accounts/{me}/followers", "/api/v1/accounts/{id}/followers"),
        (f"/api/v1/accounts/{me}/following", "/api/v1/accounts/{id}/following"),
        (f"/api/v1/accounts/relationships?id[]={me}", "/api/v1/accounts/relationships"),
        ("/api/v1/bookmarks", "/api/v1/bookmarks"),
        ("/api/v1/blocks", "/api/v1/blocks"),
        ("/api/v1/mutes", "/api/v1/mutes"),
        ("/api/v1/lists", "/api/v1/lists"),
        ("/api/v1/exports/stats", "/api/v1/exports/stats"),
        ("/api/v2/search?q=anna@old.practice&resolve=true", "/api/{api_version}/search"),
        ("/api/v1/followed_tags", "/api/v1/followed_tags"),
        ("/api/v2/filters", "/api/v2/filters"),
        ("/api/v1/follow_requests", "/api/v1/follow_requests"),
        ("/api/v1/follow_requests/outgoing", "/api/v1/follow_requests/outgoing"),
    ):
        r = await client.get(gts + path, headers=h)
        assert r.status_code == 200, (path, r.text)
        check_gotosocial(r, template)
    app = await register(client, gts)
    assert app.client_id
    r = await client.post(
        f"{gts}/api/v1/apps",
        data={"client_name": "x", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob"},
    )
    check_gotosocial(r, "/api/v1/apps", "post")


@pytest.mark.parametrize("name", ["old.practice", "gts.practice", "legacy.practice"])
async def test_nodeinfo_names_the_flavours_software(
    client: httpx.AsyncClient, net: PracticeNetwork, name: str
) -> None:
    origin = net.origin(name)
    links = (await client.get(f"{origin}/.well-known/nodeinfo")).json()["links"]
    doc = (await client.get(links[0]["href"])).json()
    flavour = net.instance(name).flavour
    assert doc["software"] == {"name": flavour.software, "version": flavour.version}
    assert doc["version"] == "2.0"
