"""CSV imports: Mastodon's upload → confirm pages and GoToSocial's `/api/v1/import`, in the
formats of fediverse-apis.md §3; no 400/day limit, but the 7,500 cap; overwrite removes."""

from __future__ import annotations

import random
import re
from collections.abc import AsyncIterator

import httpx
import pytest

from fedimove.sandbox.federation import layer_of
from fedimove.sandbox.network import PracticeNetwork
from fedimove.sandbox.scenario_parts import Builder

from .conftest import auth, token_for
from .test_move_settings import Browser, browser_for, csrf_of


@pytest.fixture
async def anna_new(net: PracticeNetwork) -> AsyncIterator[Browser]:
    truth = net.ground_truth
    async for browser in browser_for(net, truth.new, truth.passwords[truth.new]):
        yield browser


async def _upload(browser: Browser, kind: str, mode: str, data: str) -> httpx.Response:
    page = await browser.page("/settings/imports")
    return await browser.http.post(
        f"{browser.origin}/settings/imports",
        data={
            "authenticity_token": csrf_of(page.text),
            "form_import[type]": kind,
            "form_import[mode]": mode,
        },
        files={"form_import[data]": ("import.csv", data.encode(), "text/csv")},
    )


async def _import(browser: Browser, net: PracticeNetwork, kind: str, mode: str, data: str) -> None:
    uploaded = await _upload(browser, kind, mode, data)
    assert uploaded.status_code == 302, uploaded.text
    confirm_page = await browser.page(uploaded.headers["location"])
    action = re.search(r"action='(/settings/imports/\d+/confirm)'", confirm_page.text)
    assert action is not None
    confirmed = await browser.http.post(
        f"{browser.origin}{action[1]}", data={"authenticity_token": csrf_of(confirm_page.text)}
    )
    assert confirmed.status_code == 302
    await layer_of(net).settle()


def _following(net: PracticeNetwork) -> dict[str, tuple[bool, bool, list[str] | None]]:
    new = net.instance("new.practice")
    anna = new.state.find("anna", "new.practice")
    assert anna is not None
    out = {}
    for row in list(new.state.follows.owned(anna.id).oldest_first()):
        target = new.state.accounts[row.target]
        out[f"{target.username}@{target.home}"] = (row.show_reblogs, row.notify, row.languages)
    return out


async def test_mastodon_imports_following_with_its_options(
    anna_new: Browser, net: PracticeNetwork
) -> None:
    people = [
        a.username
        for a in net.instance("gts.practice").local_accounts()
        if not a.locked and not a.suspended
    ][:3]
    csv = (
        "Account address,Show boosts,Notify on new posts,Languages\n\n"
        f"{people[0]}@gts.practice,true,false,\n"
        f'{people[1]}@gts.practice,false,true,"en,fr"\n'
    )
    await _import(anna_new, net, "following", "merge", csv)
    assert _following(net) == {
        f"{people[0]}@gts.practice": (True, False, None),
        f"{people[1]}@gts.practice": (False, True, ["en", "fr"]),
    }
    page = (await anna_new.page("/settings/imports")).text
    assert "<td class='state'>finished</td>" in page

    # Overwrite: only what the file lists stays.
    await _import(anna_new, net, "following", "overwrite", f"{people[2]}@gts.practice\n")
    assert list(_following(net)) == [f"{people[2]}@gts.practice"]


async def test_imports_bypass_the_daily_limit_but_not_the_cap(
    anna_new: Browser, net: PracticeNetwork
) -> None:
    many = net.add_instance("many.practice", "mastodon")
    builder = Builder(net, random.Random(5))
    for index in range(450):
        builder.local(many, f"m{index}", net.clock.now())
    from fedimove.sandbox.federation import install

    install(net)
    await _import(
        anna_new, net, "following", "merge", "".join(f"m{i}@many.practice\n" for i in range(450))
    )
    assert len(_following(net)) == 450  # more than 400 in one UTC day

    too_many = "".join(f"x{i}@many.practice\n" for i in range(7_500))
    refused = await _upload(anna_new, "following", "merge", too_many)
    assert refused.status_code == 200
    assert "You cannot follow more than 7500 people" in refused.text


async def test_mastodon_imports_blocks_and_lists(anna_new: Browser, net: PracticeNetwork) -> None:
    legacy = [
        a.username for a in net.instance("legacy.practice").local_accounts() if not a.suspended
    ][:2]
    await _import(anna_new, net, "blocking", "merge", f"{legacy[0]}@legacy.practice\n")
    await _import(anna_new, net, "lists", "merge", f"Birds,{legacy[1]}@legacy.practice\n")
    new = net.instance("new.practice")
    anna = new.state.find("anna", "new.practice")
    assert anna is not None
    blocked = [
        new.state.accounts[b.target].username
        for b in new.state.blocks.owned(anna.id).oldest_first()
    ]
    assert blocked == [legacy[0]]
    lists = list(new.state.lists_of[anna.id].values())
    assert [x.title for x in lists] == ["Birds"]
    # A lists row follows the account first.
    assert f"{legacy[1]}@legacy.practice" in _following(net)


async def test_gotosocial_import_api_needs_top_level_write(
    client: httpx.AsyncClient, net: PracticeNetwork
) -> None:
    gts = net.instance("gts.practice")
    me = gts.local_accounts()[-1]
    others = [
        a.username
        for a in net.instance("legacy.practice").local_accounts()
        if not a.suspended and not a.locked
    ][:2]
    data = "".join(f"{u}@legacy.practice\n" for u in others)
    files = {"data": ("following.csv", data.encode(), "text/csv")}
    narrow = await token_for(client, net, "gts.practice", me.username, "write:follows read")
    response = await client.post(
        f"{gts.origin}/api/v1/import", headers=auth(narrow), data={"type": "following"}, files=files
    )
    assert response.status_code == 403
    token = await token_for(client, net, "gts.practice", me.username, "write read")
    response = await client.post(
        f"{gts.origin}/api/v1/import",
        headers=auth(token),
        data={"type": "following", "mode": "merge"},
        files=files,
    )
    assert response.status_code == 202
    await layer_of(net).settle()
    followed = {
        gts.state.accounts[r.target].username for r in gts.state.follows.owned(me.id).oldest_first()
    }
    assert set(others) <= followed
    bad = await client.post(
        f"{gts.origin}/api/v1/import", headers=auth(token), data={"type": "lists"}, files=files
    )
    assert bad.status_code == 400
