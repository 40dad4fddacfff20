"""The practice Fediverse: several instances in one process.

Reached in-process through `transport` (an httpx transport that routes each request by host to
that instance's ASGI app; origins `https://<name>`), or over loopback with `serve_http()`
(uvicorn, one port per instance; origins `http://127.0.0.1:PORT`). Instances reach each other
the same way: through the transport in-process, over loopback when served.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import socket
from collections.abc import AsyncIterator, Callable, Generator
from typing import Any

import httpx
import uvicorn

from fedimove.core.clock import Clock, SystemClock
from fedimove.sandbox.asgi_bridge import AsgiBridge
from fedimove.sandbox.flavours import FLAVOURS, Flavour
from fedimove.sandbox.instance import Federation, Instance
from fedimove.sandbox.mirror import DirectFederation


class RoutingTransport(httpx.AsyncBaseTransport):
    """Routes by `host[:port]` to the instance's ASGI app; unknown or dead hosts fail to connect."""

    def __init__(self, network: PracticeNetwork) -> None:
        self._network = network
        self._asgi: dict[str, AsgiBridge] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        instance = self._network.find(request.url.netloc.decode("ascii"))
        if instance is None or not instance.knobs.reachable:
            raise httpx.ConnectError(f"cannot connect to {request.url.host}", request=request)
        transport = self._asgi.get(instance.name)
        if transport is None:
            transport = AsgiBridge(instance.app)
            self._asgi[instance.name] = transport
        return await transport.handle_async_request(request)


class _LoopbackOnly(httpx.AsyncBaseTransport):
    """Instances served on loopback talk to each other over real HTTP, and to nothing else.

    One per served network, shared by every instance-to-instance client: building a transport
    builds an SSL context (~0.1 s), and a Move makes hundreds of deliveries. The clients come
    and go (`async with`), so closing one leaves this open; `shutdown()` closes it when
    serving stops. Its connections belong to the serving event loop, where the instances'
    handlers and background jobs run.
    """

    def __init__(self, network: PracticeNetwork) -> None:
        self._network = network
        self._inner = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        instance = self._network.find(request.url.netloc.decode("ascii"))
        if instance is None or not instance.knobs.reachable:
            raise httpx.ConnectError(f"cannot connect to {request.url.host}", request=request)
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        """A client closing: the shared pool stays."""

    async def shutdown(self) -> None:
        await self._inner.aclose()


class _QuietServer(uvicorn.Server):
    """Signals belong to whoever runs the network (the CLI), not to each of its servers."""

    @contextlib.contextmanager
    def capture_signals(self) -> Generator[None, None, None]:
        yield


class Served:
    def __init__(self, network: PracticeNetwork) -> None:
        self._network = network

    def origin(self, name: str) -> str:
        return self._network.origin(name)

    @property
    def hosts(self) -> list[str]:
        return self._network.hosts


class PracticeNetwork:
    def __init__(self, *, clock: Clock | None = None, seed: int = 0) -> None:
        self.clock: Clock = clock or SystemClock()
        self.seed = seed
        self._instances: dict[str, Instance] = {}
        self._by_host: dict[str, Instance] = {}
        self.transport: httpx.AsyncBaseTransport = RoutingTransport(self)
        self.demo_logins: list[tuple[str, str]] = []
        #: Scenario facts the tests compare against (filled by the scenario builder).
        self.ground_truth: Any = None
        self.federation: Federation = DirectFederation()
        self._served = False
        self._loopback: _LoopbackOnly | None = None
        self._client_factory: Callable[[], httpx.AsyncClient] = self._in_process_client

    @classmethod
    def from_scenario(
        cls,
        name: str = "small",
        *,
        clock: Clock | None = None,
        seed: int = 1,
        secure: bool = False,
    ) -> PracticeNetwork:
        """`secure`: every instance in authorized-fetch mode (scenarios.py)."""
        from fedimove.sandbox.scenarios import build_scenario

        network = cls(clock=clock, seed=seed)
        # Building allocates hundreds of thousands of long-lived objects: the cyclic GC would
        # rescan them again and again. Pause it while building; for big worlds, also move
        # what was built out of its sight (`gc.freeze`), so serving pages stays fast.
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            build_scenario(name, network, secure=secure)
        finally:
            if was_enabled:
                gc.enable()
        if name == "large":
            gc.freeze()
        return network

    # --- instances ------------------------------------------------------------------------

    def add_instance(self, name: str, flavour: Flavour | str = "mastodon") -> Instance:
        chosen = FLAVOURS[flavour] if isinstance(flavour, str) else flavour
        instance = Instance(
            name,
            chosen,
            clock=self.clock,
            directory=self,
            federation=self.federation,
            seed=self.seed * 1000 + len(self._instances),
        )
        self._instances[name] = instance
        self._by_host[instance.domain] = instance
        return instance

    def find(self, name_or_host: str) -> Instance | None:
        return self._instances.get(name_or_host) or self._by_host.get(name_or_host)

    def instance(self, name: str) -> Instance:
        found = self.find(name)
        if found is None:
            raise KeyError(name)
        return found

    def has(self, name: str) -> bool:
        return name in self._instances

    @property
    def instances(self) -> list[Instance]:
        return list(self._instances.values())

    @property
    def hosts(self) -> list[str]:
        return [i.domain for i in self._instances.values()]

    def origin(self, name: str) -> str:
        return self.instance(name).origin

    # --- Directory (what instances ask about each other) -------------------------------------

    def origin_of(self, name: str) -> str:
        found = self.find(name)
        return found.origin if found else f"https://{name}"

    def domain_of(self, name: str) -> str:
        found = self.find(name)
        return found.domain if found else name

    def name_for_host(self, host: str) -> str | None:
        found = self._by_host.get(host)
        return found.name if found else None

    def http_client(self) -> httpx.AsyncClient:
        """A client for one instance to reach another (WebFinger, actor fetch, delivery)."""
        return self._client_factory()

    def _in_process_client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=self.transport, timeout=10.0)

    def _loopback_client(self) -> httpx.AsyncClient:
        assert self._loopback is not None, "only while served"
        # trust_env=False: a proxy from the environment must not carry loopback traffic.
        return httpx.AsyncClient(transport=self._loopback, timeout=10.0, trust_env=False)

    def _set_origins(self, origins: dict[str, str]) -> None:
        changes = {
            inst.origin + "/": origins[name].rstrip("/") + "/"
            for name, inst in self._instances.items()
            if inst.origin != origins[name].rstrip("/")
        }
        self._by_host.clear()
        for name, origin in origins.items():
            instance = self._instances[name]
            instance.set_origin(origin)
            self._by_host[instance.domain] = instance
        if changes:
            self._rebase_uris(changes)

    def _rebase_uris(self, changes: dict[str, str]) -> None:
        """Stored actor URIs (aliases, Move targets) follow their instance to its new origin."""

        def rebase(uri: str) -> str:
            for old, new in changes.items():
                if uri.startswith(old):
                    return new + uri[len(old) :]
            return uri

        for instance in self._instances.values():
            for account in instance.state.accounts.values():
                if account.also_known_as:
                    account.also_known_as = [rebase(u) for u in account.also_known_as]
                if account.moved_to:
                    account.moved_to = rebase(account.moved_to)

    # --- serving over loopback ---------------------------------------------------------------

    @contextlib.asynccontextmanager
    async def serve_http(
        self, host: str = "127.0.0.1", first_port: int = 0
    ) -> AsyncIterator[Served]:
        if self._served:
            raise RuntimeError("the practice network is already served")
        before = {name: inst.origin for name, inst in self._instances.items()}
        sockets = [_bind(host, first_port + i if first_port else 0) for i in range(len(before))]
        servers: list[uvicorn.Server] = []
        tasks: list[asyncio.Task[None]] = []
        try:
            self._set_origins(
                {
                    name: f"http://{host}:{sock.getsockname()[1]}"
                    for name, sock in zip(before, sockets, strict=True)
                }
            )
            self._loopback = _LoopbackOnly(self)
            self._served, self._client_factory = True, self._loopback_client
            for inst, sock in zip(self._instances.values(), sockets, strict=True):
                config = uvicorn.Config(
                    inst.app, log_level="warning", lifespan="off", access_log=False
                )
                server: uvicorn.Server = _QuietServer(config)
                servers.append(server)
                tasks.append(asyncio.create_task(server.serve(sockets=[sock])))
            while not all(s.started for s in servers):
                if any(t.done() for t in tasks):
                    raise RuntimeError("a practice server failed to start")
                await asyncio.sleep(0.01)
            yield Served(self)
        finally:
            for server in servers:
                server.should_exit = True
            await asyncio.gather(*tasks, return_exceptions=True)
            for sock in sockets:
                sock.close()
            if self._loopback is not None:
                await self._loopback.shutdown()
                self._loopback = None
            self._set_origins(before)
            self._served, self._client_factory = False, self._in_process_client


def _bind(host: str, port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Answers go out in two writes (headers, body): without TCP_NODELAY, accepted sockets
    # (which inherit it) make every keep-alive answer wait ~40 ms for a delayed ACK.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock
