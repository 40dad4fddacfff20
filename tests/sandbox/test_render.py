"""The fast JSON of collection pages decodes to exactly the entity `render.account` builds."""

from __future__ import annotations

import json

from fedimove.sandbox import render, render_json
from fedimove.sandbox.network import PracticeNetwork
from fedimove.sandbox.state import Media


def _check_every_account(net: PracticeNetwork) -> int:
    checked = 0
    for instance in net.instances:
        for account in list(instance.state.accounts.values()):
            fragment = json.loads(render_json.account_fragment(instance, account))
            assert fragment == render.account(instance, account), (instance.name, account.username)
            checked += 1
    return checked


async def test_fragments_equal_the_entities_in_process_and_served(net: PracticeNetwork) -> None:
    old = net.instance("old.practice")
    anna = old.state.find("anna", old.name)
    assert anna is not None
    odd = old.state.new_account("odd", old.name, net.clock.now())
    odd.display_name = 'Quote " back\\slash <b>é</b> \u2603'
    odd.note = "line\n\nnext & more"
    odd.fields = [("K<", 'v&"x'), ("", "")]
    odd.suspended = True
    odd.header = Media(old.state.ids.next(), "image/png", b"x")
    assert _check_every_account(net) > 300
    async with net.serve_http():
        _check_every_account(net)
    anna.display_name = "Changed"  # the cache notices profile changes
    assert json.loads(render_json.account_fragment(old, anna))["display_name"] == "Changed"
