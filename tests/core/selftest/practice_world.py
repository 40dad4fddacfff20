"""A practice world for the self-test: `tess` on old.practice (any flavour) with more of each
collection than one page holds, `nina` on new.practice, and a person who plays the browser.

The self-test signs in through Fedimove's real OAuth flow: `PracticeBrowser` fills the practice
server's HTML sign-in and consent forms and delivers the redirect to the loopback listener.
"""

from __future__ import annotations

import random
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urlsplit

import httpx

from fedimove.core.clock import SimulatedClock
from fedimove.core.engine.alias import GuidedStep
from fedimove.core.engine.scheduler import SchedulerPool
from fedimove.core.http import make_client
from fedimove.core.oauth.flow import SignInFlow
from fedimove.core.selftest.context import RunRecord
from fedimove.core.selftest.live import LiveOptions, LiveRun
from fedimove.core.selftest.sides import SideMaker, WatchingBrowser
from fedimove.core.storage.paths import AppPaths
from fedimove.core.storage.secrets import SecretStore
from fedimove.sandbox.federation import install
from fedimove.sandbox.index import Rows
from fedimove.sandbox.instance import Instance
from fedimove.sandbox.network import PracticeNetwork
from fedimove.sandbox.scenario_parts import Builder
from fedimove.sandbox.state import Account, Block, DomainBlock, Mark, Mute, TagFollow
from tests.e2e.test_move_mastodon import START, browser, submit

PASSWORD = "practice-selftest"
OLD, NEW = "tess@old.practice", "nina@new.practice"
#: One more than the largest page of each collection (fediverse-apis §2).
SEED = {"follows": 81, "followers": 81, "blocks": 81, "mutes": 81, "marks": 41, "names": 201}


def practice_network(flavour: str, new_flavour: str | None = None) -> PracticeNetwork:
    # Autojump: waits (the alias settling, follows being accepted) pass in simulated time.
    network = PracticeNetwork(clock=SimulatedClock(START, autojump=True), seed=11)
    builder = Builder(network, random.Random(11))
    old = network.add_instance("old.practice", flavour)
    new = network.add_instance("new.practice", new_flavour or flavour)
    people = network.add_instance("people.practice", "mastodon")
    tess = _person(builder, old, "tess")
    _person(builder, new, "nina")
    _seed(builder, old, tess, people)
    install(network)
    return network


def _person(builder: Builder, instance: Instance, name: str) -> Account:
    account = builder.local(instance, name, START - timedelta(days=30))
    account.email, account.password = f"{name}@{instance.name}", PASSWORD
    return account


def _seed(builder: Builder, old: Instance, tess: Account, people: Instance) -> None:
    state, now = old.state, START
    crowd = [builder.local(people, f"p{i}", now - timedelta(days=60)) for i in range(330)]
    follows, followers = crowd[:81], crowd[81:162]
    for person in follows:
        builder.connect((old, tess), (people, person))
    for person in followers:
        builder.connect((people, person), (old, tess))
    for index, person in enumerate(crowd[162:324]):
        target = old.ensure_account(people.name, person.username)
        row = Block if index < 81 else Mute
        (state.blocks if row is Block else state.mutes).add(
            row(state.ids.next(), tess.id, target.id)
        )
    for index in range(82):
        original = builder.post(
            people, follows[index % 10], f"post {index}", now - timedelta(hours=index + 1)
        )
        local = builder.copy_status(old, original, people)
        marks = state.bookmarks if index < 41 else state.favourites
        marks.add(Mark(state.ids.next(), tess.id, local.id))
    domains = state.domain_blocks.setdefault(tess.id, Rows())
    tags = state.followed_tags.setdefault(tess.id, Rows())
    for index in range(201):
        block = DomainBlock(state.ids.next(), tess.id, f"d{index}.example")
        domains.add(block.id, block)
        state.domain_block_names.setdefault(tess.id, {})[block.domain] = block.id
        tag = TagFollow(state.ids.next(), tess.id, f"tag{index}")
        tags.add(tag.id, tag)
        state.followed_tag_names.setdefault(tess.id, {})[tag.tag] = tag.id


@dataclass
class PracticeBrowser:
    """The person at the browser: signs in to whichever practice server asks."""

    network: PracticeNetwork
    transport: httpx.AsyncBaseTransport

    async def __call__(self, url: str) -> None:
        from fedimove.sandbox.testing import complete_authorization

        host = urlsplit(url).hostname or ""
        username = {"old.practice": "tess", "new.practice": "nina"}[host]
        async with httpx.AsyncClient(transport=self.transport) as http:
            location = await complete_authorization(http, url, f"{username}@{host}", PASSWORD)
        async with httpx.AsyncClient() as real_http:  # the redirect goes over real loopback
            await real_http.get(location)


@dataclass
class PracticePerson:
    network: PracticeNetwork
    answers: list[str] = field(default_factory=list)
    said: list[str] = field(default_factory=list)
    guided_steps: list[GuidedStep] = field(default_factory=list)
    secrets_asked: int = 0

    async def guided(self, step: GuidedStep) -> None:
        self.guided_steps.append(step)
        http = await browser(self.network, step.account, PASSWORD)
        try:
            fields = {step.field: step.paste}
            if step.needs_password:
                fields["current_password"] = PASSWORD
            response = await submit(http, urlsplit(step.url).path, fields)
            assert response.status_code == 302, response.text
        finally:
            await http.aclose()

    async def ask(self, prompt: str) -> str:
        return self.answers.pop(0)

    async def ask_secret(self, prompt: str) -> str:
        self.secrets_asked += 1
        return PASSWORD

    def say(self, text: str) -> None:
        self.said.append(text)


Wrap = Callable[[httpx.AsyncBaseTransport], httpx.AsyncBaseTransport]


@asynccontextmanager
async def live_run(
    network: PracticeNetwork,
    paths: AppPaths,
    secrets: SecretStore,
    options: LiveOptions,
    *,
    wrap: Wrap | None = None,
    answers: list[str] | None = None,
) -> AsyncIterator[LiveRun]:
    """A self-test run wired to the practice world; `wrap` changes what Fedimove sees."""
    clock = network.clock
    assert isinstance(clock, SimulatedClock)
    transport = wrap(network.transport) if wrap else network.transport
    async with make_client(transport=transport) as http:
        opener = WatchingBrowser(PracticeBrowser(network, transport))
        flow = SignInFlow(http, secrets=secrets, paths=paths, open_url=opener, clock=clock)
        maker = SideMaker(http, flow, opener, secrets, SchedulerPool(clock), RunRecord())
        person = PracticePerson(network, list(answers or []))
        yield LiveRun(options, maker, clock, person)
