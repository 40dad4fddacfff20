"""The scenarios beyond `small`: `large` at the size issue 3 asks for and deterministic from its
seed, the `secure` (authorized-fetch) option, and `move-back` played through Mastodon's pages:
cancel the redirect on the account left earlier, alias it, move, followers arrive."""

from __future__ import annotations

import gc
import hashlib
from collections.abc import AsyncIterator, Iterator
from urllib.parse import urljoin

import httpx
import pytest

from fedimove.core.clock import SimulatedClock, utc
from fedimove.sandbox.federation import layer_of
from fedimove.sandbox.network import PracticeNetwork
from fedimove.sandbox.scenario_failures import MOVED, expected_outcomes
from fedimove.sandbox.state import Account

from .test_move_settings import Browser, browser_for, csrf_of

AP = {"Accept": "application/activity+json"}


@pytest.fixture
def unfreeze() -> Iterator[None]:
    """`large` freezes what it built out of the GC's sight; give it back after the test."""
    yield
    gc.unfreeze()


def _fingerprint(net: PracticeNetwork) -> str:
    truth = net.ground_truth
    facts = (sorted(truth.following), sorted(truth.followers), truth.bookmarks, truth.lists)
    return hashlib.sha256(repr(facts).encode()).hexdigest()


def test_large_has_the_size_of_issue_3_and_comes_from_its_seed(unfreeze: None) -> None:
    clock = SimulatedClock(utc(2026, 3, 2, 9))
    net = PracticeNetwork.from_scenario("large", clock=clock, seed=1)
    truth = net.ground_truth
    old = net.instance("old.practice")
    anna = old.state.find("anna", old.name)
    assert anna is not None
    assert len(net.instances) == 40
    assert (old.state.following_count(anna.id), len(truth.following)) == (5_000, 5_000)
    assert (old.state.followers_count(anna.id), len(truth.followers)) == (25_000, 25_000)
    assert len(truth.followers_by_instance) == 40
    assert len(truth.bookmarks) == len(set(truth.bookmarks)) == 10_000
    again = PracticeNetwork.from_scenario("large", clock=clock, seed=1)
    assert _fingerprint(again) == _fingerprint(net)


def test_small_differs_by_seed() -> None:
    clock = SimulatedClock(utc(2026, 3, 2, 9))
    one, two = (PracticeNetwork.from_scenario("small", clock=clock, seed=s) for s in (1, 2))
    assert _fingerprint(one) != _fingerprint(two)


async def test_secure_option_hides_aliases_from_unsigned_actor_reads() -> None:
    for secure in (False, True):
        net = PracticeNetwork.from_scenario("move-back", secure=secure)
        assert net.ground_truth.secure is secure
        async with httpx.AsyncClient(transport=net.transport) as http:
            actor = (await http.get("https://old.practice/users/anna", headers=AP)).json()
        assert ("alsoKnownAs" in actor) is not secure
        assert actor["preferredUsername"] == "anna"


# --- move-back --------------------------------------------------------------------------------


@pytest.fixture
def back() -> PracticeNetwork:
    return PracticeNetwork.from_scenario("move-back", clock=SimulatedClock(utc(2026, 3, 2, 9)))


async def _browser(net: PracticeNetwork, handle: str) -> AsyncIterator[Browser]:
    async for browser in browser_for(net, handle, net.ground_truth.passwords[handle]):
        yield browser


@pytest.fixture
async def current(back: PracticeNetwork) -> AsyncIterator[Browser]:
    async for browser in _browser(back, back.ground_truth.old):
        yield browser


@pytest.fixture
async def left(back: PracticeNetwork) -> AsyncIterator[Browser]:
    async for browser in _browser(back, back.ground_truth.new):
        yield browser


def _annas(net: PracticeNetwork) -> tuple[Account, Account]:
    current = net.instance("old.practice").state.find("anna", "old.practice")
    left = net.instance("new.practice").state.find("anna", "new.practice")
    assert current is not None
    assert left is not None
    return current, left


async def _move(current: Browser, net: PracticeNetwork) -> None:
    truth = net.ground_truth
    fields = {"account_migration[acct]": truth.new, "current_password": truth.passwords[truth.old]}
    assert (await current.submit("/settings/migration", fields)).status_code == 302
    layer = layer_of(net)
    while layer.jobs.running:
        await layer.advance(60, step=5)


async def test_move_back_starts_with_the_left_account_redirecting(
    back: PracticeNetwork, current: Browser, left: Browser
) -> None:
    anna_current, anna_left = _annas(back)
    earlier = back.ground_truth.earlier_move
    assert earlier is not None
    assert (earlier.left_account, earlier.current_account) == (
        back.ground_truth.new,
        back.ground_truth.old,
    )
    assert anna_left.moved_to == "https://old.practice/users/anna"
    assert anna_current.also_known_as == ["https://new.practice/users/anna"]
    refused = await left.api("GET", "/api/v1/accounts/verify_credentials")
    assert (refused.status_code, refused.json()) == (
        403,
        {"error": "Your login is currently disabled"},
    )
    assert "Cancel redirect" in (await left.page("/settings/migration")).text
    assert back.ground_truth.new in (await current.page("/settings/aliases")).text


async def test_moving_back_without_cancelling_the_redirect_brings_no_follower(
    back: PracticeNetwork, current: Browser, left: Browser
) -> None:
    assert (
        await left.submit("/settings/aliases", {"account_alias[acct]": back.ground_truth.old})
    ).status_code == 302
    await _move(current, back)
    anna_current, anna_left = _annas(back)
    # The page takes it (AccountMigration has no check on the target's redirect), but a moved
    # account cannot be followed: the followers' servers drop the Move.
    assert anna_current.moved_to == "https://new.practice/users/anna"
    assert back.instance("new.practice").state.followers_count(anna_left.id) == 0


async def test_moving_back_after_cancelling_the_redirect(
    back: PracticeNetwork, current: Browser, left: Browser
) -> None:
    page = await left.page("/settings/migration")
    redirect_url = urljoin(left.origin, "/settings/migration/redirect")
    forged = {"authenticity_token": "forged", "_method": "delete"}
    assert (await left.http.post(redirect_url, data=forged)).status_code == 422
    assert _annas(back)[1].moved_to is not None
    cancel = await left.http.post(
        urljoin(left.origin, "/settings/migration/redirect"),
        data={"authenticity_token": csrf_of(page.text), "_method": "delete"},
    )
    assert cancel.status_code == 302
    assert "Successfully cancelled the redirect" in (await left.page("/settings/migration")).text
    anna_current, anna_left = _annas(back)
    assert anna_left.moved_to is None
    assert (await left.api("GET", "/api/v1/accounts/verify_credentials")).status_code == 200

    alias = {"account_alias[acct]": back.ground_truth.old}
    assert (await left.submit("/settings/aliases", alias)).status_code == 302
    await _move(current, back)
    moved = [h for h, e in expected_outcomes(back).items() if e.state == MOVED]
    assert len(moved) > 80
    assert back.instance("new.practice").state.followers_count(anna_left.id) == len(moved)
    assert anna_current.moved_to == "https://new.practice/users/anna"
