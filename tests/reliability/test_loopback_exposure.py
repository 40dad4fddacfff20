"""The OAuth loopback listener is reachable from this machine only (issue 10). Its state and
one-shot behaviour are tested in tests/core/oauth/test_loopback.py; here: every socket it
listens on is bound to 127.0.0.1 (never 0.0.0.0 or ::), and the machine's other addresses get
no answer on its port."""

from __future__ import annotations

import asyncio
import contextlib
import socket

import pytest

from fedimove.core.oauth.loopback import LoopbackListener


def _other_addresses() -> list[str]:
    """This machine's non-loopback IPv4 addresses (none on an isolated runner)."""
    found = set()
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.add(str(info[4][0]))
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))  # no packet is sent: this only picks a route
        found.add(probe.getsockname()[0])
    return sorted(a for a in found if not a.startswith("127.") and a != "0.0.0.0")


async def test_listener_binds_loopback_only() -> None:
    async with LoopbackListener() as listener:
        server = listener._server
        assert server is not None
        bound = [s.getsockname()[0] for s in server.sockets]
        assert bound == ["127.0.0.1"]
        others = _other_addresses()
        for address in others:
            with pytest.raises(OSError):
                await asyncio.wait_for(asyncio.open_connection(address, listener.port), 2)
        print(f"loopback listener: bound {bound}, refused on {others or 'no other address'}")
