"""Practice mode: the practice Fediverse served over loopback on the app's own event loop.

`fedimove --practice` starts the `small` scenario's servers on 127.0.0.1 (so the system browser
can open their sign-in pages), a core service of its own (a throw-away data folder and an
in-memory keyring: nothing touches the person's real sign-ins or journal), and a clock that
runs faster than real time, so the 15-minute alias wait and the followers' arrivals take
seconds. The wizard opens with the demo accounts filled in.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import httpx

from fedimove.core.clock import Clock, ScaledClock
from fedimove.core.service import FedimoveService
from fedimove.core.service_context import OpenUrl
from fedimove.core.storage.paths import AppPaths
from fedimove.core.storage.secrets import SecretStore
from fedimove.sandbox.network import PracticeNetwork

SCENARIO = "small"
#: One real second is a practice minute.
SPEED = 60.0


@dataclass(frozen=True, slots=True)
class DemoLogin:
    handle: str  # as typed in the wizard: "@anna@127.0.0.1:PORT"
    login: str  # as typed in the practice sign-in page: "anna@old.practice"
    password: str


@dataclass(frozen=True, slots=True)
class PracticeSession:
    network: PracticeNetwork
    service: FedimoveService
    #: How a test's browser reaches the servers: None when served over loopback.
    transport: httpx.AsyncBaseTransport | None
    old: DemoLogin
    new: DemoLogin
    home: Path

    def login_for(self, url: str) -> DemoLogin | None:
        """The demo account of the server at `url` (a test playing the browser asks)."""
        host = httpx.URL(url).netloc.decode("ascii")
        for demo in (self.old, self.new):
            if demo.handle.endswith(f"@{host}"):
                return demo
        return None


def served_handle(network: PracticeNetwork, login: str) -> str:
    """`anna@old.practice` → `@anna@127.0.0.1:PORT` while the network is served (and
    `@anna@old.practice` when it is not)."""
    user, _, name = login.partition("@")
    return f"@{user}@{httpx.URL(network.origin(name)).netloc.decode('ascii')}"


@contextlib.asynccontextmanager
async def practice_session(
    *,
    open_url: OpenUrl | None = None,
    clock: Clock | None = None,
    home: Path | None = None,
    seed: int = 1,
    served: bool = True,
) -> AsyncIterator[PracticeSession]:
    """Serve the practice Fediverse and a service bound to it, for as long as the block runs.
    `served=False` keeps the servers in-process (tests: no sockets but Fedimove's own OAuth
    listener; the system browser cannot reach them then)."""
    clock = clock or ScaledClock(SPEED)
    network = PracticeNetwork.from_scenario(SCENARIO, clock=clock, seed=seed)
    with contextlib.ExitStack() as stack:
        root = home or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="fedimove-")))
        paths = AppPaths.under(root).ensure()
        async with contextlib.AsyncExitStack() as serving:
            if served:
                await serving.enter_async_context(network.serve_http())
            transport = None if served else network.transport
            demos = [
                DemoLogin(served_handle(network, login), login, password)
                for login, password in network.demo_logins
            ]
            service = FedimoveService.create(
                paths,
                SecretStore.session_only(),
                clock=clock,
                open_url=open_url,
                transport=transport,
                work_factor=12,
            )
            try:
                yield PracticeSession(network, service, transport, demos[0], demos[1], root)
            finally:
                await service.aclose()
                await _stop_federation(network)


async def _stop_federation(network: PracticeNetwork) -> None:
    from fedimove.sandbox.federation import layer_of

    with contextlib.suppress(Exception):  # a network without the federation layer
        await layer_of(network).jobs.close()
