"""GoToSocial's own CSV exports (`/api/v1/exports/*.csv` on the practice GoToSocial) read as a
source give the same follows, followers, lists, blocks and mutes as the live read."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from fedimove.core.models import Handle, ListEntry
from fedimove.core.progress import CancelToken, discard_progress
from fedimove.core.servers.rest import RestClient
from fedimove.core.sources.base import SourceKind
from fedimove.core.sources.files import read_files
from fedimove.core.sources.live import LiveSource
from fedimove.sandbox.scenario_parts import Builder
from tests.core.engine.steps.practice_copy import CopyWorld, copy_world

GTS = "gts.practice"
EXPORTS = ("following", "followers", "lists", "blocks", "mutes")


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[CopyWorld]:
    async for value in copy_world(tmp_path):
        yield value


async def _gina(world: CopyWorld) -> RestClient:
    """A practice GoToSocial account that follows, is followed, blocks, mutes and lists."""
    network = world.network
    gts = network.instance(GTS)
    builder = Builder(network, random.Random(5))
    gina = builder.local(gts, "gina", world.clock.now())
    gina.password = "practice-gts-gina"
    people = [a for a in gts.state.accounts.values() if a.home == GTS and a.username != "gina"]
    for person in people[:3]:
        builder.connect((gts, person), (gts, gina))  # followers
    client = await world.client(f"gina@{GTS}", scopes="read write")  # GTS has no `follow`
    ids = []
    for index, person in enumerate(people[3:8]):
        ref = await client.resolve_account(f"{person.username}@{GTS}")
        assert ref is not None
        ids.append(ref.local_id)
        languages = ["en", "de"] if index == 0 else None
        await client.follow(
            ref.local_id, reblogs=index != 1, notify=index == 2, languages=languages
        )
    await client.block(ids[4])
    await client.mute(ids[3], notifications=False)
    friends = await client.create_list(ListEntry("Friends"))
    await client.add_list_members(friends.local_id, ids[:2])
    return client


async def test_gotosocial_exports_match_the_live_read(world: CopyWorld, tmp_path: Path) -> None:
    client = await _gina(world)
    handle = f"gina@{GTS}"
    paths = []
    for name in EXPORTS:
        reply = await world.http.get(
            f"{client.origin}/api/v1/exports/{name}.csv",
            headers={"Authorization": f"Bearer {client._token}"},
        )
        assert reply.status_code == 200, reply.text
        paths.append(tmp_path / f"{name}.csv")
        paths[-1].write_bytes(reply.content)
    live = await LiveSource(client).read(progress=discard_progress, cancel=CancelToken())
    files = read_files(paths, now=world.clock.now(), old=Handle.parse(handle))

    assert files.kind is SourceKind.GOTOSOCIAL_CSV
    want, got = live.snapshot, files.snapshot
    assert want.following, "the practice account should follow someone"
    flags = [(f.account.acct, f.show_reblogs, f.notify, f.languages) for f in want.following]
    assert sorted(flags) == sorted(
        (f.account.acct, f.show_reblogs, f.notify, f.languages) for f in got.following
    )
    assert sorted(a.acct for a in want.followers) == sorted(a.acct for a in got.followers)
    assert sorted(a.acct for a in want.blocks) == sorted(a.acct for a in got.blocks)
    mutes = sorted((m.account.acct, m.notifications) for m in want.mutes)
    assert mutes == sorted((m.account.acct, m.notifications) for m in got.mutes)
    lists = {lst.title: sorted(m.acct for m in lst.members) for lst in want.lists if lst.members}
    assert lists == {lst.title: sorted(m.acct for m in lst.members) for lst in got.lists}
