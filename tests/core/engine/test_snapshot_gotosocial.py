"""The same reader on a GoToSocial practice server (per-IP budget, its own flavour of pages)."""

from __future__ import annotations

import random

from fedimove.core.engine.scheduler import RequestScheduler
from fedimove.core.engine.snapshot import read_snapshot
from fedimove.core.models import ListEntry
from fedimove.core.progress import CancelToken, discard_progress
from fedimove.core.servers.gotosocial import RATE_BUDGETS as GTS_BUDGETS
from fedimove.core.servers.rest import RestClient

from .conftest import Practice, sign_in

GTS = "gts.practice"


async def test_gotosocial_account_reads_completely(practice: Practice) -> None:
    instance = practice.network.instance(GTS)
    state = instance.state
    person = max(
        instance.local_accounts(),
        key=lambda a: len(state.follows.owned(a.id)) + len(state.follows.targeting(a.id)),
    )
    person.password = "practice-gts-person"
    origin = practice.network.origin(GTS)
    token = await sign_in(practice.http, origin, person.username, person.password, "read write")
    scheduler = RequestScheduler(
        instance.domain, GTS_BUDGETS, clock=practice.clock, rng=random.Random(2)
    )
    client = RestClient(origin, token, scheduler, http=practice.http)
    followed = await client.resolve_account("anna@old.practice")
    assert followed is not None
    await client.follow(followed.local_id)
    birds = await client.create_list(ListEntry("Birds", replies_policy="list"))
    await client.add_list_members(birds.local_id, [followed.local_id])

    snap = await read_snapshot(client, progress=discard_progress, cancel=CancelToken())
    assert len(snap.following) == len(state.follows.owned(person.id))
    assert len(snap.followers) == len(state.follows.targeting(person.id))
    assert "anna@old.practice" in {f.account.acct for f in snap.following}
    assert [(entry.title, [m.acct for m in entry.members]) for entry in snap.lists] == [
        ("Birds", ["anna@old.practice"])
    ]
    assert scheduler.stats.rate_limited == 0
