"""Federated follows over loopback (what `fedimove --practice` makes while copying) keep their
connections: the served instances reach each other through one pool, and a follow's four
instance-to-instance requests (WebFinger, actor, Follow, Accept) reuse open connections
instead of opening new ones. A transport per request once made every follow take about
half a second (docs/benchmarks-sandbox.md)."""

from __future__ import annotations

from typing import Any

import httpcore
import httpx
import pytest

from fedimove.core.clock import SimulatedClock, utc
from fedimove.sandbox.network import PracticeNetwork

from .conftest import auth, token_for

_REAL_TRANSPORT = httpx.AsyncHTTPTransport
FOLLOWS = 12


class _CountingBackend(httpcore.AsyncNetworkBackend):
    """The default network backend, counting the TCP connections it opens."""

    def __init__(self) -> None:
        self._inner = httpcore.AnyIOBackend()
        self.opened = 0

    async def connect_tcp(self, *args: Any, **kwargs: Any) -> httpcore.AsyncNetworkStream:
        self.opened += 1
        return await self._inner.connect_tcp(*args, **kwargs)

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class _CountingTransport(_REAL_TRANSPORT):
    def __init__(self, backend: _CountingBackend) -> None:
        super().__init__()
        self._pool = httpcore.AsyncConnectionPool(network_backend=backend)


def _remote_accounts(net: PracticeNetwork) -> list[str]:
    """`user@host:port` of accounts of every served instance but new.practice, round robin."""
    names = [
        [f"{a.username}@{i.domain}" for a in i.state.accounts.values() if a.home == i.name]
        for i in net.instances
        if i.name != "new.practice" and i.knobs.reachable
    ]
    return [group[n] for n in range(FOLLOWS) for group in names if n < len(group)][:FOLLOWS]


async def test_federated_follows_over_loopback_reuse_connections(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backend = _CountingBackend()
    monkeypatch.setattr(httpx, "AsyncHTTPTransport", lambda: _CountingTransport(backend))
    net = PracticeNetwork.from_scenario("small", clock=SimulatedClock(utc(2026, 3, 2, 9)))
    new = net.instance("new.practice")
    anna = new.state.find("anna", new.name)
    assert anna is not None
    async with net.serve_http(), httpx.AsyncClient(trust_env=False) as client:
        token = await token_for(client, net, "new.practice", "anna")
        targets = _remote_accounts(net)
        for acct in targets:
            found = await client.get(
                f"{new.origin}/api/v2/search",
                params={"q": acct, "type": "accounts", "resolve": "true"},
                headers=auth(token),
            )
            account_id = found.json()["accounts"][0]["id"]
            answer = await client.post(
                f"{new.origin}/api/v1/accounts/{account_id}/follow", headers=auth(token)
            )
            assert answer.status_code == 200, answer.text
        delivered = [d for d in _deliveries(net) if d.kind in ("Follow", "Accept")]

    assert len(targets) == FOLLOWS
    assert len(delivered) >= 2 * FOLLOWS  # every Follow went out and was answered over HTTP
    assert all(d.delivered for d in delivered)
    # At most a couple of connections per pair of servers, whatever the number of follows
    # (a connection per request would be four per follow).
    assert backend.opened <= 2 * len(net.instances) < 4 * FOLLOWS


def _deliveries(net: PracticeNetwork) -> list[Any]:
    from fedimove.sandbox.federation import layer_of

    return list(layer_of(net).deliveries)
