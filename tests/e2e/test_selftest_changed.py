"""A practice server with one fact deliberately changed: the self-test reports exactly that
fact as differed (with what it saw), and nothing else.

The change is made from outside the server: the transport Fedimove talks through rewrites one
header, or one request's page size, on its way to or from old.practice.
"""

from __future__ import annotations

from datetime import datetime

import httpx
import pytest
from tests.core.selftest.practice_world import NEW, OLD, live_run, practice_network

from fedimove.core.accounts import AccountsRegistry
from fedimove.core.errors import SelfTestRefusedError
from fedimove.core.selftest.facts import FactResult, Outcome
from fedimove.core.selftest.live import LiveOptions
from fedimove.core.storage.paths import AppPaths
from fedimove.core.storage.secrets import SecretStore

CHANGED_HOST = "old.practice"


class ResetAsEpochSeconds(httpx.AsyncBaseTransport):
    """The old server writes `X-RateLimit-Reset` as Unix seconds instead of ISO 8601."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        reset = response.headers.get("X-RateLimit-Reset")
        if request.url.host == CHANGED_HOST and reset:
            moment = datetime.fromisoformat(reset.replace("Z", "+00:00"))
            response.headers["X-RateLimit-Reset"] = str(int(moment.timestamp()))
        return response


class BlocksPageOf60(httpx.AsyncBaseTransport):
    """The old server pages blocks by at most 60 (Fedimove's reference says 80)."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        asked = url.params.get("limit", "")
        if url.host == CHANGED_HOST and url.path == "/api/v1/blocks" and asked.isdigit():
            request.url = url.copy_set_param("limit", str(min(int(asked), 60)))
        return await self.inner.handle_async_request(request)


def differed(results: list[FactResult]) -> list[tuple[str, str, object]]:
    return [(r.fact_id, r.role.value, r.observed) for r in results if r.outcome is Outcome.DIFFERED]


@pytest.mark.parametrize(
    ("flavour", "wrap", "expected"),
    [
        ("mastodon", ResetAsEpochSeconds, ("ratelimit.reset_format", "old", "epoch_seconds")),
        ("gotosocial", ResetAsEpochSeconds, ("ratelimit.reset_format", "old", "epoch_seconds")),
        ("mastodon", BlocksPageOf60, ("pagination.max_per_page.blocks", "old", 60)),
        ("mastodon-legacy", BlocksPageOf60, ("pagination.max_per_page.blocks", "old", 60)),
    ],
)
async def test_one_changed_fact_is_the_only_one_reported(
    flavour: str,
    wrap: type[httpx.AsyncBaseTransport],
    expected: tuple[str, str, object],
    app_paths: AppPaths,
    secrets: SecretStore,
) -> None:
    network = practice_network(flavour)
    options = LiveOptions(OLD, NEW, force=True)
    async with live_run(network, app_paths, secrets, options, wrap=wrap) as run:
        report = await run.run()
    assert differed(report.facts) == [expected]
    # The rest of the run still worked: the copy arrived, nothing else went unchecked.
    assert all(s.ok for s in report.samples if s.copied)
    unchecked = {r.fact_id for r in report.facts if r.outcome is Outcome.NOT_CHECKED}
    assert all(fact.startswith("move.") for fact in unchecked)


async def test_an_account_with_many_follows_is_refused_unless_forced(
    app_paths: AppPaths, secrets: SecretStore
) -> None:
    network = practice_network("mastodon")
    options = LiveOptions(OLD, NEW)
    async with live_run(network, app_paths, secrets, options) as run:
        with pytest.raises(SelfTestRefusedError) as refused:
            await run.run()
    assert refused.value.params["reason"] == "real_account"
    assert refused.value.params["count"] == 81
    nina = network.instance("new.practice").state.find("nina", "new.practice")
    assert nina is not None
    follows = network.instance("new.practice").state.follows
    assert len(follows.owned(nina.id)) == 0, "nothing was copied"
    assert AccountsRegistry(app_paths).all() == [], "the refused account's sign-in was revoked"
