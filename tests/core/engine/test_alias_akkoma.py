"""An alias Akkoma refuses is reported at once with a coded reason, not half an hour later by
the visibility poll giving up (fediverse-apis §6.4, §12).

Akkoma looks the alias up only among accounts it knows (`User.get_cached_by_nickname`) and
answers 404 "Target account does not exist." otherwise; Fedimove makes it fetch the old account
first, so this is met when the old server cannot be reached. Its util endpoints also answer
some failures with HTTP 200 and `{"error": ...}`; the practice Akkoma produces that for the
Move (a wrong password, a missing alias) but no documented alias failure takes that form, so
the last test puts one such answer in front of the practice server.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from fedimove.core.engine.alias import Accounts, AliasTier, set_alias, verify_alias
from fedimove.core.errors import AliasRefusedError
from fedimove.core.http import make_client
from tests.e2e.test_move_akkoma import _network, no_browser
from tests.e2e.test_move_mastodon import MoveWorld, move_world

ALIASES = "/api/pleroma/aliases"


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[MoveWorld]:
    network = _network(("mold", "mastodon"), ("aknew", "akkoma"), seed=8)
    async for value in move_world(
        tmp_path, network, "kim@mold.practice", "kim@aknew.practice", "read write follow"
    ):
        yield value


def _accounts(world: MoveWorld) -> Accounts:
    return Accounts.from_options(world.journal.get_migration(world.migration_id).options)


async def _set(world: MoveWorld) -> None:
    await set_alias(
        world.journal,
        world.migration_id,
        world.new,
        _accounts(world),
        world.clock,
        open_url=no_browser,
    )


async def test_an_old_account_akkoma_cannot_find_is_refused_at_once(world: MoveWorld) -> None:
    world.world.network.instance("mold.practice").knobs.reachable = False
    started = world.clock.now()
    with pytest.raises(AliasRefusedError) as refused:
        await _set(world)
    assert refused.value.params == {"reason": "old_account_unknown", "status": 404}
    assert world.clock.now() == started  # no polling for an alias that cannot come
    assert "alias_visible_at" not in world.journal.get_migration(world.migration_id).options
    # Once the old server answers again, the same call links the accounts.
    world.world.network.instance("mold.practice").knobs.reachable = True
    await _set(world)
    status = await verify_alias(world.new, _accounts(world))
    assert (status.visible, status.tier) == (True, AliasTier.SERVER_API)


class RefusingAliases(httpx.AsyncBaseTransport):
    """The practice network, except that adding an alias is refused Akkoma's other way: HTTP
    200 with an error body (and nothing changed)."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.refused = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "PUT" and request.url.path == ALIASES:
            self.refused += 1
            return httpx.Response(200, json={"error": "Could not update the account."})
        return await self.inner.handle_async_request(request)


async def test_a_200_with_an_error_body_is_a_refusal(world: MoveWorld) -> None:
    transport = RefusingAliases(world.world.network.transport)
    started, practice = world.clock.now(), world.new.http
    async with make_client(transport=transport) as http:
        world.new.http = http
        with pytest.raises(AliasRefusedError) as refused:
            await _set(world)
    world.new.http = practice
    assert transport.refused == 1
    assert refused.value.params == {"reason": "refused", "status": 200}
    assert world.clock.now() == started
    assert (await world.new.get_object(ALIASES)) == {"aliases": []}
