"""A whole account move on the practice Fediverse with plain HTTP calls only (httpx and the
sandbox; no Fedimove client code): sign in through the HTML forms, set the alias (Mastodon:
settings page; GoToSocial: API), move, then move the simulated clock on and watch the followers
arrive on the new account through its REST followers list. Every failure case ends as the
scenario's ground truth predicts; cooldowns refuse a second move with the real texts; the moved
account's token is disabled while public endpoints keep answering."""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from html import unescape
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

import httpx
import pytest

from fedimove.core.clock import SimulatedClock, utc
from fedimove.sandbox.federation import FederationLayer, layer_of
from fedimove.sandbox.network import PracticeNetwork
from fedimove.sandbox.scenario_failures import (
    LOST,
    MOVED,
    REQUESTED,
    STAYED,
    expected_outcomes,
    facts_of,
)
from fedimove.sandbox.scenario_parts import Builder

REDIRECT = "http://127.0.0.1:8765/callback"
_BROWSERS: list[httpx.AsyncClient] = []
SCOPES = "read write"
DISABLED = {"error": "Your login is currently disabled"}
_INPUT = re.compile(r"<input\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""(\w[\w\-\[\]]*)\s*=\s*'([^']*)'|(\w[\w\-\[\]]*)\s*=\s*"([^"]*)\"""")


def inputs(html: str) -> dict[str, str]:
    """name → value of every <input> of a page (what a browser would submit)."""
    found: dict[str, str] = {}
    for tag in _INPUT.findall(html):
        attrs = {m[0] or m[2]: unescape(m[1] or m[3]) for m in _ATTR.findall(tag)}
        if "name" in attrs:
            found.setdefault(attrs["name"], attrs.get("value", ""))
    return found


@dataclass
class Browser:
    """One person's browser on one server: a cookie jar and a bearer token once signed in."""

    http: httpx.AsyncClient
    origin: str
    token: str = ""

    async def get(self, path: str) -> httpx.Response:
        return await self.http.get(urljoin(self.origin, path))

    async def submit(self, path: str, fields: dict[str, str]) -> httpx.Response:
        """GET the page, keep its hidden fields (CSRF), fill `fields`, POST the form."""
        page = await self.get(path)
        assert page.status_code == 200, page.text
        hidden = {k: v for k, v in inputs(page.text).items() if k == "authenticity_token"}
        return await self.http.post(urljoin(self.origin, path), data={**hidden, **fields})

    def api(self, path: str, **kwargs: object) -> httpx.Request:
        headers = {"Authorization": f"Bearer {self.token}"}
        return self.http.build_request(url=urljoin(self.origin, path), headers=headers, **kwargs)  # type: ignore[arg-type]

    async def call(self, method: str, path: str, **kwargs: object) -> httpx.Response:
        return await self.http.send(self.api(path, method=method, **kwargs))


async def sign_in(network: PracticeNetwork, name: str, login: str, password: str) -> Browser:
    """Register an app, sign in through the HTML form, approve, exchange the code (PKCE), in a
    browser of its own (its own cookie jar)."""
    origin = network.origin(name)
    http = httpx.AsyncClient(transport=network.transport)
    _BROWSERS.append(http)
    browser = Browser(http, origin)
    app = (
        await http.post(
            f"{origin}/api/v1/apps",
            data={"client_name": "plain http", "redirect_uris": REDIRECT, "scopes": SCOPES},
        )
    ).json()
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=")
    query = urlencode(
        {
            "response_type": "code",
            "client_id": app["client_id"],
            "scope": SCOPES,
            "redirect_uri": REDIRECT,
            "state": "s1",
            "code_challenge": challenge.decode(),
            "code_challenge_method": "S256",
        }
    )
    response = await browser.get(f"/oauth/authorize?{query}")
    assert response.headers["location"].endswith("/auth/sign_in")
    form = inputs((await browser.get("/auth/sign_in")).text)
    fields = {k: v for k, v in form.items() if k in ("authenticity_token", "csrf_token")}
    user_field, pass_field = (
        ("username", "password") if "csrf_token" in form else ("user[email]", "user[password]")
    )
    response = await http.post(
        f"{origin}/auth/sign_in", data={**fields, user_field: login, pass_field: password}
    )
    consent = await browser.get(response.headers["location"])
    approve = consent.text.split("class='deny'")[0]
    response = await http.post(f"{origin}/oauth/authorize", data=inputs(approve))
    code = parse_qs(urlsplit(response.headers["location"]).query)["code"][0]
    token = await http.post(
        f"{origin}/oauth/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "client_id": app["client_id"],
            "client_secret": app["client_secret"],
            "redirect_uri": REDIRECT,
            "code_verifier": verifier,
        },
    )
    browser.token = token.json()["access_token"]
    return browser


def handle_of(account: dict[str, object]) -> str:
    """`user@instance-name` from the actor URI (acct is bare for local accounts)."""
    uri = urlsplit(str(account["uri"]))
    return f"{uri.path.rsplit('/', 1)[-1]}@{uri.netloc}"


async def collection(browser: Browser, path: str) -> set[str]:
    """Every account of a paged collection, following the Link headers."""
    seen: set[str] = set()
    url: str | None = urljoin(browser.origin, f"{path}?limit=80")
    while url:
        response = await browser.http.send(browser.api(url, method="GET"))
        assert response.status_code == 200, response.text
        seen |= {handle_of(a) for a in response.json()}
        url = response.links.get("next", {}).get("url") if response.json() else None
    return seen


@pytest.fixture
def clock() -> SimulatedClock:
    return SimulatedClock(utc(2026, 3, 2, 9, 0))


@pytest.fixture
async def world(clock: SimulatedClock) -> AsyncIterator[tuple[PracticeNetwork, httpx.AsyncClient]]:
    network = PracticeNetwork.from_scenario("small", clock=clock, seed=1)
    async with httpx.AsyncClient(transport=network.transport) as http:
        yield network, http
    await _close(network)


async def _close(network: PracticeNetwork) -> None:
    await layer_of(network).jobs.close()
    while _BROWSERS:
        await _BROWSERS.pop().aclose()


async def watch_arrivals(layer: FederationLayer, new: Browser, account_id: str) -> list[int]:
    """Advance the clock in 4-second steps; the follower counts seen after each step."""
    counts: list[int] = []
    while layer.jobs.running or not counts:
        await layer.advance(4, step=2)
        counts.append(len(await collection(new, f"/api/v1/accounts/{account_id}/followers")))
        assert len(counts) < 500, "the move never finished"
    return counts


async def test_mastodon_move_end_to_end(world: tuple[PracticeNetwork, httpx.AsyncClient]) -> None:
    network, http = world
    truth = network.ground_truth
    old = await sign_in(network, "old.practice", truth.old, truth.passwords[truth.old])
    new = await sign_in(network, "new.practice", truth.new, truth.passwords[truth.new])
    me_old = (await old.call("GET", "/api/v1/accounts/verify_credentials")).json()
    me_new = (await new.call("GET", "/api/v1/accounts/verify_credentials")).json()
    assert await collection(old, f"/api/v1/accounts/{me_old['id']}/followers") == truth.followers

    # The alias, on the new account's settings page; verified through its actor document.
    response = await new.submit("/settings/aliases", {"account_alias[acct]": truth.old})
    assert response.status_code == 302
    actor = await http.get(me_new["uri"], headers={"Accept": "application/activity+json"})
    assert actor.json()["alsoKnownAs"] == [me_old["uri"]]

    # The Move, on the old account's migration page, with the current password.
    response = await old.submit(
        "/settings/migration",
        {"account_migration[acct]": truth.new, "current_password": truth.passwords[truth.old]},
    )
    assert response.status_code == 302
    assert "redirecting to" in (await old.get("/settings/migration")).text

    # The old token is disabled behind a signed-in user; public endpoints still answer.
    for path in ("/api/v1/accounts/verify_credentials", "/api/v1/bookmarks", "/api/v1/lists"):
        response = await old.call("GET", path)
        assert (response.status_code, response.json()) == (403, DISABLED)
    assert (await old.call("GET", "/api/v1/apps/verify_credentials")).status_code == 200
    shown = (await old.call("GET", f"/api/v1/accounts/{me_old['id']}")).json()
    assert shown["moved"]["uri"] == me_new["uri"]
    moved_actor = await http.get(me_old["uri"], headers={"Accept": "application/activity+json"})
    assert moved_actor.json()["movedTo"] == me_new["uri"]

    counts = await watch_arrivals(layer_of(network), new, me_new["id"])
    assert counts == sorted(counts)
    assert len(set(counts)) > 8, "followers arrive gradually"

    expected = expected_outcomes(network)
    on_new = await collection(new, f"/api/v1/accounts/{me_new['id']}/followers")
    requests = await collection(new, "/api/v1/follow_requests")
    on_old = await collection(old, f"/api/v1/accounts/{me_old['id']}/followers")
    assert on_new == {h for h, e in expected.items() if e.state == MOVED}
    assert requests == {h for h, e in expected.items() if e.state == REQUESTED}
    assert on_old == {h for h, e in expected.items() if e.state == STAYED}
    lost = {h for h, e in expected.items() if e.state == LOST}
    assert lost
    assert not lost & (on_new | requests | on_old)
    reasons = {e.reason for e in expected.values()}
    assert {"ok", "limited", "blocked", "no_move", "unreachable", "suspended"} <= reasons


async def test_mastodon_refuses_a_second_move_for_30_days(
    world: tuple[PracticeNetwork, httpx.AsyncClient], clock: SimulatedClock
) -> None:
    network, _http = world
    truth, facts = network.ground_truth, facts_of(network)
    old = await sign_in(network, "old.practice", truth.old, truth.passwords[truth.old])
    new = await sign_in(network, "new.practice", truth.new, truth.passwords[truth.new])
    other = await sign_in(
        network, "new.practice", facts.locked_target, facts.passwords[facts.locked_target]
    )
    for browser in (new, other):
        assert (
            await browser.submit("/settings/aliases", {"account_alias[acct]": truth.old})
        ).status_code == 302
    password = truth.passwords[truth.old]
    move = {"account_migration[acct]": truth.new, "current_password": password}
    assert (await old.submit("/settings/migration", move)).status_code == 302

    again = await old.submit("/settings/migration", move)
    assert again.status_code == 200
    assert "You are on cooldown" in again.text
    assert "is the same account you have already moved to" in again.text
    clock.advance(timedelta(days=29).total_seconds())
    elsewhere = {"account_migration[acct]": facts.locked_target, "current_password": password}
    assert "You are on cooldown" in (await old.submit("/settings/migration", elsewhere)).text
    clock.advance(timedelta(days=1, minutes=1).total_seconds())
    assert (await old.submit("/settings/migration", elsewhere)).status_code == 302


async def test_move_to_a_locked_account_leaves_follow_requests(
    world: tuple[PracticeNetwork, httpx.AsyncClient],
) -> None:
    network, _http = world
    truth, facts = network.ground_truth, facts_of(network)
    old = await sign_in(network, "old.practice", truth.old, truth.passwords[truth.old])
    locked = await sign_in(
        network, "new.practice", facts.locked_target, facts.passwords[facts.locked_target]
    )
    me_locked = (await locked.call("GET", "/api/v1/accounts/verify_credentials")).json()
    assert me_locked["locked"] is True
    await locked.submit("/settings/aliases", {"account_alias[acct]": truth.old})
    response = await old.submit(
        "/settings/migration",
        {
            "account_migration[acct]": facts.locked_target,
            "current_password": truth.passwords[truth.old],
        },
    )
    assert response.status_code == 302
    await watch_arrivals(layer_of(network), locked, me_locked["id"])

    expected = expected_outcomes(network, target_locked=True)
    followers = await collection(locked, f"/api/v1/accounts/{me_locked['id']}/followers")
    requests = await collection(locked, "/api/v1/follow_requests")
    assert requests == {h for h, e in expected.items() if e.state == REQUESTED}
    assert followers == {h for h, e in expected.items() if e.state == MOVED}
    # Followers on the new account's own server were accepted despite the lock.
    assert followers
    assert all(h.endswith("@new.practice") for h in followers)


# --- GoToSocial: alias and Move through its API ------------------------------------------------


@pytest.fixture
async def gts_world(
    clock: SimulatedClock,
) -> AsyncIterator[tuple[PracticeNetwork, httpx.AsyncClient]]:
    """GoToSocial old and new accounts, followers on a Mastodon and a GoToSocial server."""
    import random

    from fedimove.sandbox.federation import install

    network = PracticeNetwork(clock=clock, seed=3)
    builder = Builder(network, random.Random(3))
    gold, gnew = (
        network.add_instance("gold.practice", "gotosocial"),
        network.add_instance("gnew.practice", "gotosocial"),
    )
    homes = [
        network.add_instance("f1.practice", "mastodon"),
        network.add_instance("f2.practice", "gotosocial"),
    ]
    now = clock.now()
    for instance in (gold, gnew):
        builder.local(instance, "zoe", now).password = "practice-zoe"
    zoe = gold.state.find("zoe", "gold.practice")
    assert zoe is not None
    for index in range(10):
        home = homes[index % 2]
        builder.connect((home, builder.local(home, f"fan{index}", now)), (gold, zoe))
    install(network)
    async with httpx.AsyncClient(transport=network.transport) as http:
        yield network, http
    await _close(network)


async def test_gotosocial_move_through_its_api(
    gts_world: tuple[PracticeNetwork, httpx.AsyncClient], clock: SimulatedClock
) -> None:
    network, _http = gts_world
    old = await sign_in(network, "gold.practice", "zoe@gold.practice", "practice-zoe")
    new = await sign_in(network, "gnew.practice", "zoe@gnew.practice", "practice-zoe")
    me_old = (await old.call("GET", "/api/v1/accounts/verify_credentials")).json()
    me_new = (await new.call("GET", "/api/v1/accounts/verify_credentials")).json()
    move = {"password": "practice-zoe", "moved_to_uri": me_new["uri"]}

    refused = await old.call("POST", "/api/v1/accounts/move", files={}, data=move)
    assert refused.status_code == 422
    assert "is not aliased to this account via alsoKnownAs" in refused.json()["error"]
    clock.advance(16 * 60)  # past the old server's cached copy of the new actor

    response = await new.call(
        "POST", "/api/v1/accounts/alias", files={}, data={"also_known_as_uris[]": me_old["uri"]}
    )
    assert response.status_code == 200
    verified = (await new.call("GET", "/api/v1/accounts/verify_credentials")).json()
    assert verified["source"]["also_known_as_uris"] == [me_old["uri"]]

    response = await old.call("POST", "/api/v1/accounts/move", files={}, data=move)
    assert (response.status_code, response.json()) == (202, {"message": "accepted"})
    # GoToSocial keeps the moved account read/delete-only [fediverse-apis.md §6.3]: its token
    # still reads, but posting is refused.
    response = await old.call("GET", "/api/v1/accounts/verify_credentials")
    assert response.status_code == 200
    assert response.json()["id"] == me_old["id"]
    posted = await old.call("POST", "/api/v1/statuses", data={"status": "still here?"})
    assert (posted.status_code, posted.json()) == (403, DISABLED)
    assert (await old.call("GET", f"/api/v1/accounts/{me_old['id']}/followers")).status_code == 200

    counts = await watch_arrivals(layer_of(network), new, me_new["id"])
    assert counts[-1] == 10
    assert len(set(counts)) > 2
    assert await collection(old, f"/api/v1/accounts/{me_old['id']}/followers") == set()

    # Re-sending: refused within 5 minutes, then within 7 days of the success, then accepted.
    again = await old.call("POST", "/api/v1/accounts/move", files={}, data=move)
    assert again.status_code == 422
    assert "within the last 5 minutes" in again.json()["error"]
    clock.advance(10 * 60)
    again = await old.call("POST", "/api/v1/accounts/move", files={}, data=move)
    assert again.status_code == 422
    assert "within the last 7 days" in again.json()["error"]
    clock.advance(timedelta(days=7).total_seconds())
    again = await old.call("POST", "/api/v1/accounts/move", files={}, data=move)
    assert again.status_code == 202
