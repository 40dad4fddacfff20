"""Shared by the copy tests: signed-in clients (with the servers' declared capabilities) on a
practice Fediverse, and what anna's new account holds, read straight from the server's state."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from fedimove.core.clock import SimulatedClock, utc
from fedimove.core.engine.migration import MigrationEngine
from fedimove.core.engine.scheduler import RequestScheduler
from fedimove.core.engine.steps.base import CopyOptions
from fedimove.core.http import make_client
from fedimove.core.servers.detect import detect_server
from fedimove.core.servers.rest import RestClient
from fedimove.core.storage.journal import Journal
from fedimove.sandbox.instance import Instance
from fedimove.sandbox.network import PracticeNetwork
from tests.core.engine.conftest import sign_in

START = utc(2026, 3, 2, 9, 0)


@dataclass
class CopyWorld:
    network: PracticeNetwork
    clock: SimulatedClock
    http: httpx.AsyncClient
    journal: Journal
    exports: Path
    schedulers: dict[str, RequestScheduler] = field(default_factory=dict)

    async def client(
        self, handle: str, scopes: str = "read write follow", token: str | None = None
    ) -> RestClient:
        user, name = handle.split("@")
        origin = self.network.origin(name)
        if token is None:
            password = self.network.ground_truth.passwords.get(handle) or _password(self, handle)
            token = await sign_in(self.http, origin, f"{user}@{name}", password, scopes)
        server = await detect_server(origin, self.http)
        scheduler = self.schedulers.get(name)
        if scheduler is None:
            host = httpx.URL(origin).netloc.decode("ascii")
            scheduler = RequestScheduler(
                host, server.capabilities.rate_budgets, clock=self.clock, rng=random.Random(3)
            )
            self.schedulers[name] = scheduler
        client = RestClient(origin, token, scheduler, http=self.http)
        client.use_capabilities(server.capabilities)
        return client

    def engine(self, **options: Any) -> MigrationEngine:
        return MigrationEngine(
            self.journal, self.clock, exports_dir=self.exports, options=CopyOptions(**options)
        )


def _password(world: CopyWorld, handle: str) -> str:
    user, name = handle.split("@")
    account = world.network.instance(name).state.find(user, name)
    assert account is not None
    assert account.password
    return account.password


async def copy_world(
    tmp_path: Path, scenario: str = "small", *, seed: int = 1
) -> AsyncIterator[CopyWorld]:
    clock = SimulatedClock(START, autojump=True)
    network = PracticeNetwork.from_scenario(scenario, clock=clock, seed=seed)
    journal = Journal.open(tmp_path / "journal.sqlite", clock)
    async with make_client(transport=network.transport) as http:
        yield CopyWorld(network, clock, http, journal, tmp_path / "exports")
    journal.close()


def acct(instance: Instance, account_id: int) -> str:
    other = instance.state.accounts[account_id]
    return f"{other.username}@{other.home}"


def holdings(instance: Instance, username: str) -> dict[str, Any]:
    """What one account holds on its server, in ground-truth terms (`user@instance-name`)."""
    state = instance.state
    me = state.find(username, instance.name)
    assert me is not None
    follows = {
        acct(instance, r.target): {
            "show_reblogs": r.show_reblogs,
            "notify": r.notify,
            "languages": r.languages,
        }
        for r in state.follows.owned(me.id).oldest_first()
    }
    requests = {acct(instance, r.target) for r in state.follow_requests.owned(me.id).oldest_first()}
    lists = {
        lst.title: (
            lst.replies_policy,
            lst.exclusive,
            sorted(acct(instance, m.target) for m in lst.members.owned(lst.id).oldest_first()),
        )
        for lst in state.lists_of.get(me.id, {}).values()
    }

    def marks(index: Any) -> list[str]:
        return sorted(
            instance.status_uri(state.statuses[m.target]) for m in index.owned(me.id).oldest_first()
        )

    return {
        "me": me,
        "following": follows,
        "requests": requests,
        "lists": lists,
        "list_count": len(state.lists_of.get(me.id, {})),
        "bookmarks": marks(state.bookmarks),
        "bookmark_rows": len(state.bookmarks.owned(me.id)),
        "favourites": marks(state.favourites),
        "blocks": sorted(
            acct(instance, b.target) for b in state.blocks.owned(me.id).oldest_first()
        ),
        "mutes": {
            acct(instance, m.target): (m.hide_notifications, m.expires_at)
            for m in state.mutes.owned(me.id).oldest_first()
        },
        "domain_blocks": sorted(state.domain_block_names.get(me.id, {})),
        "followed_tags": sorted(state.followed_tag_names.get(me.id, {})),
        "featured_tags": sorted(t.name for t in state.featured_tags.get(me.id, {}).values()),
        "endorsements": sorted(
            acct(instance, e.target) for e in state.endorsements.owned(me.id).oldest_first()
        ),
        "notes": {acct(instance, t): n for (o, t), n in state.notes.items() if o == me.id},
        "filter_count": len(state.filters.get(me.id, {})),
        "filters": {
            f.title: (sorted(f.context), f.filter_action, sorted(k.keyword for k in f.keywords))
            for f in state.filters.get(me.id, {}).values()
        },
    }


def add_follows(world: CopyWorld, total: int, home: str = "new.practice") -> list[str]:
    """Make anna@old.practice follow `total` accounts in all (new, unlocked people on `home`;
    people on the new server itself keep federation out of the cost of big copies)."""
    from fedimove.sandbox.federation import install
    from fedimove.sandbox.scenario_parts import Builder

    network = world.network
    old, there = network.instance("old.practice"), network.instance(home)
    anna = old.state.find("anna", "old.practice")
    assert anna is not None
    builder = Builder(network, random.Random(11))
    missing = total - len(network.ground_truth.following)
    handles = []
    for index in range(missing):
        person = builder.local(there, f"many{index}", world.clock.now())
        builder.connect((old, anna), (there, person))
        handles.append(f"{person.username}@{home}")
    install(network)
    return handles


async def upload_import(
    world: CopyWorld, handle: str, files: list[str], mode: str = "merge"
) -> None:
    """Play the user: sign in on the server's web pages and import each CSV at
    /settings/imports (upload, then confirm), then let the server's import jobs finish."""
    import re

    from fedimove.sandbox.federation import layer_of

    user, name = handle.split("@")
    origin = world.network.origin(name)
    password = _password(world, handle)
    async with httpx.AsyncClient(transport=world.network.transport) as web:
        page = await web.get(f"{origin}/auth/sign_in")
        signed = await web.post(
            f"{origin}/auth/sign_in",
            data={
                "authenticity_token": _csrf(page.text),
                "user[email]": f"{user}@{name}",
                "user[password]": password,
            },
        )
        assert signed.status_code == 302, signed.text
        for path in files:
            form = await web.get(f"{origin}/settings/imports")
            uploaded = await web.post(
                f"{origin}/settings/imports",
                data={
                    "authenticity_token": _csrf(form.text),
                    "form_import[type]": "following",
                    "form_import[mode]": mode,
                },
                files={"form_import[data]": ("import.csv", _bytes_of(path), "text/csv")},
            )
            assert uploaded.status_code == 302, uploaded.text
            confirm = await web.get(f"{origin}{uploaded.headers['location']}")
            action = re.search(r"action='(/settings/imports/\d+/confirm)'", confirm.text)
            assert action is not None
            done = await web.post(
                f"{origin}{action[1]}", data={"authenticity_token": _csrf(confirm.text)}
            )
            assert done.status_code == 302
    await layer_of(world.network).settle()


def _csrf(html: str) -> str:
    import re

    found = re.search(r"name='authenticity_token' value='([^']*)'", html)
    if found is None:
        found = re.search(r"value='([^']*)' name='authenticity_token'", html)
    assert found is not None, "no authenticity token on the page"
    return found[1]


def _bytes_of(path: str) -> bytes:
    return Path(path).read_bytes()
