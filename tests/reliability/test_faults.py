"""The practice servers' fault knobs do what they say, deterministically from their seed, both
in-process and over loopback."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from fedimove.core.clock import SimulatedClock, utc
from fedimove.sandbox.faults import Fault, FaultKind, Malformation, install_faults
from fedimove.sandbox.network import PracticeNetwork

OLD = "old.practice"
PATH = "/api/v1/instance"


@pytest.fixture
async def net() -> AsyncIterator[tuple[PracticeNetwork, SimulatedClock, httpx.AsyncClient]]:
    clock = SimulatedClock(utc(2026, 3, 2, 9), autojump=True)
    network = PracticeNetwork.from_scenario("small", clock=clock, seed=1)
    async with httpx.AsyncClient(transport=network.transport) as http:
        yield network, clock, http


async def _statuses(http: httpx.AsyncClient, url: str, n: int) -> list[int | str]:
    found: list[int | str] = []
    for _ in range(n):
        try:
            found.append((await http.get(url)).status_code)
        except httpx.HTTPError as error:
            found.append(type(error).__name__)
    return found


async def test_same_seed_same_faults_and_rate_is_honoured(net) -> None:  # type: ignore[no-untyped-def]
    network, _, http = net
    url = network.origin(OLD) + PATH
    runs = []
    for seed in (7, 7, 8):
        install_faults(network.instance(OLD), seed).add(Fault(FaultKind.SERVER_ERROR, rate=0.3))
        runs.append(await _statuses(http, url, 200))
    assert runs[0] == runs[1]
    assert runs[0] != runs[2]
    assert 30 < runs[0].count(500) < 90
    assert set(runs[0]) == {200, 500}


async def test_route_pattern_skip_and_burst_limit(net) -> None:  # type: ignore[no-untyped-def]
    network, _, http = net
    origin = network.origin(OLD)
    injector = install_faults(network.instance(OLD), 1)
    injector.add(Fault(FaultKind.SERVER_ERROR, path="/api/v1/inst*", status=502, skip=2, limit=3))
    assert await _statuses(http, origin + PATH, 7) == [200, 200, 502, 502, 502, 200, 200]
    assert (await http.get(origin + "/nodeinfo/2.0")).status_code != 502
    assert injector.injected["server_error"] == 3


async def test_each_kind_as_a_client_sees_it(net) -> None:  # type: ignore[no-untyped-def]
    network, clock, http = net
    url = network.origin(OLD) + PATH
    injector = install_faults(network.instance(OLD), 1)

    injector.add(Fault(FaultKind.LATENCY, seconds=5))
    before = clock.monotonic()
    assert (await http.get(url)).status_code == 200
    assert clock.monotonic() - before >= 5  # waited on the injected clock
    injector.clear()

    injector.add(Fault(FaultKind.TIMEOUT, seconds=30, limit=1))
    with pytest.raises(httpx.ReadTimeout):
        await http.get(url)
    injector.clear()

    injector.add(Fault(FaultKind.RESET, limit=1))
    with pytest.raises(httpx.RemoteProtocolError):
        await http.get(url)
    injector.clear()

    injector.add(Fault(FaultKind.RATE_LIMITED, seconds=60, limit=1))
    storm = await http.get(url)
    assert storm.status_code == 429
    assert storm.headers["X-RateLimit-Remaining"] == "0"
    assert storm.headers["Retry-After"] == "60"
    injector.clear()

    injector.add(Fault(FaultKind.UNAVAILABLE, seconds=30, limit=1))
    busy = await http.get(url)
    assert (busy.status_code, busy.headers["Retry-After"]) == (503, "30")
    injector.clear()
    assert (await http.get(url)).status_code == 200
    assert dict(injector.injected) == {
        "latency": 1,
        "timeout": 1,
        "reset": 1,
        "rate_limited": 1,
        "unavailable": 1,
    }


@pytest.mark.parametrize("kind", list(Malformation))
async def test_malformed_bodies(net, kind: Malformation) -> None:  # type: ignore[no-untyped-def]
    network, _, http = net
    url = network.origin(OLD) + PATH
    good = (await http.get(url)).json()
    install_faults(network.instance(OLD), 3).add(Fault(FaultKind.MALFORMED, malformation=kind))
    bad = await http.get(url)
    if kind is Malformation.TRUNCATED:
        with pytest.raises(ValueError):
            bad.json()
    elif kind is Malformation.HTML:
        assert bad.headers["content-type"].startswith("text/html")
        assert bad.status_code == 200
    else:
        data = bad.json()
        assert data.keys() == good.keys()
        assert type(data["uri"]) is not str


async def test_server_disappears_and_returns(net) -> None:  # type: ignore[no-untyped-def]
    network, clock, http = net
    url = network.origin(OLD) + PATH
    injector = install_faults(network.instance(OLD), 1).disappear(after=2, seconds=600)
    assert await _statuses(http, url, 4) == [200, 200, "ConnectError", "ConnectError"]
    clock.advance(601)
    assert await _statuses(http, url, 1) == [200]
    assert injector.injected["outage"] == 2


async def test_over_loopback_reset_and_hang_reach_the_socket() -> None:
    from fedimove.core.clock import SystemClock

    network = PracticeNetwork.from_scenario("small", clock=SystemClock(), seed=1)
    async with network.serve_http():
        url = network.origin(OLD) + PATH
        injector = install_faults(network.instance(OLD), 1)
        async with httpx.AsyncClient(timeout=0.5) as http:
            injector.add(Fault(FaultKind.RESET, limit=1))
            with pytest.raises(httpx.RemoteProtocolError):
                await http.get(url)
            injector.add(Fault(FaultKind.TIMEOUT, limit=1))
            with pytest.raises(httpx.ReadTimeout):
                await http.get(url)
            assert (await http.get(url)).status_code == 200
