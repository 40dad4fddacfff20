"""Signed-in REST clients against the practice Fediverse, for engine tests.

Tokens are obtained the way a user gets them: register an app, play the browser through the
sandbox's real sign-in and consent pages (out-of-band code), exchange the code.
"""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from dataclasses import dataclass
from urllib.parse import urlencode

import httpx
import pytest

from fedimove.core.clock import SimulatedClock, utc
from fedimove.core.engine.scheduler import RequestScheduler
from fedimove.core.http import make_client
from fedimove.core.servers.mastodon import RATE_BUDGETS
from fedimove.core.servers.rest import RestClient
from fedimove.sandbox.network import PracticeNetwork
from fedimove.sandbox.testing import complete_authorization

OOB = "urn:ietf:wg:oauth:2.0:oob"
SCOPES = "read write follow"


async def sign_in(
    http: httpx.AsyncClient, origin: str, username: str, password: str, scopes: str = SCOPES
) -> str:
    """A token for `username` on `origin`, through the server's own OAuth pages."""
    app = await http.post(
        f"{origin}/api/v1/apps",
        data={"client_name": "Fedimove tests", "redirect_uris": OOB, "scopes": scopes},
    )
    app.raise_for_status()
    client = app.json()
    query = urlencode(
        {
            "response_type": "code",
            "client_id": client["client_id"],
            "redirect_uri": OOB,
            "scope": scopes,
        }
    )
    code = await complete_authorization(
        http, f"{origin}/oauth/authorize?{query}", username, password
    )
    token = await http.post(
        f"{origin}/oauth/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": OOB,
            "client_id": client["client_id"],
            "client_secret": client["client_secret"],
            "scope": scopes,
        },
    )
    token.raise_for_status()
    return str(token.json()["access_token"])


@dataclass
class Practice:
    network: PracticeNetwork
    clock: SimulatedClock
    http: httpx.AsyncClient

    def scheduler(self, name: str) -> RequestScheduler:
        return RequestScheduler(
            self.network.instance(name).domain,
            RATE_BUDGETS,
            clock=self.clock,
            rng=random.Random(3),
        )

    async def client(
        self, handle: str, scheduler: RequestScheduler | None = None, scopes: str = SCOPES
    ) -> RestClient:
        user, name = handle.split("@")
        origin = self.network.origin(name)
        password = self.network.ground_truth.passwords[handle]
        token = await sign_in(self.http, origin, f"{user}@{name}", password, scopes)
        return RestClient(origin, token, scheduler or self.scheduler(name), http=self.http)


async def practice_for(scenario: str) -> AsyncIterator[Practice]:
    clock = SimulatedClock(utc(2026, 3, 2, 9, 0), autojump=True)
    network = PracticeNetwork.from_scenario(scenario, clock=clock, seed=1)
    async with make_client(transport=network.transport) as http:
        yield Practice(network, clock, http)


@pytest.fixture
async def practice() -> AsyncIterator[Practice]:
    async for value in practice_for("small"):
        yield value
