"""The practice Fediverse in its own long-lived process, served over loopback, so its state
survives every client that is killed (the crash harness, DESIGN §0.18).

Run: `python -m tests.e2e.crash.practice_server SCENARIO SEED`. It prints one JSON line when
ready (`origins`, `passwords`), then answers commands on stdin, one JSON line each:
`tokens` (signs the demo accounts in through the real OAuth pages), `holdings` (what anna's
new account holds), `quit`.
"""

from __future__ import annotations

import asyncio
import json
import sys
from typing import Any

from tests.core.engine.steps.practice_copy import holdings

from fedimove.core.clock import SystemClock
from fedimove.sandbox.network import PracticeNetwork

OLD, NEW = "old.practice", "new.practice"


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items() if k != "me"}
    if isinstance(value, list | tuple | set):
        items = [_plain(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, set) else items
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def _profile(network: PracticeNetwork) -> dict[str, Any]:
    anna = network.instance(NEW).state.find("anna", NEW)
    assert anna is not None
    return {
        "display_name": anna.display_name,
        "note": anna.note,
        "fields": [list(f) for f in anna.fields],
        "avatar": len(anna.avatar.data) if anna.avatar else 0,
        "header": len(anna.header.data) if anna.header else 0,
        "locked": anna.locked,
    }


async def _tokens(network: PracticeNetwork) -> dict[str, str]:
    import httpx
    from tests.core.engine.conftest import sign_in

    truth = network.ground_truth
    found = {}
    async with httpx.AsyncClient() as http:
        for handle in (truth.old, truth.new):
            user, name = handle.split("@")
            found[handle] = await sign_in(
                http, network.origin(name), f"{user}@{name}", truth.passwords[handle]
            )
    return found


async def serve(scenario: str, seed: int) -> None:
    network = PracticeNetwork.from_scenario(scenario, clock=SystemClock(), seed=seed)
    loop = asyncio.get_running_loop()
    async with network.serve_http():
        # The client comes over loopback; the instances keep talking to each other in-process
        # (the same ASGI apps, found by their loopback host), which is much faster than
        # loopback HTTP between them and changes nothing the client can see.
        network._client_factory = network._in_process_client
        ready = {"origins": {i.name: i.origin for i in network.instances}}
        print(json.dumps(ready), flush=True)
        while True:
            line = await loop.run_in_executor(None, sys.stdin.readline)
            command = line.strip()
            if command in ("", "quit"):
                return
            if command == "tokens":
                answer: Any = await _tokens(network)
            elif command == "holdings":
                answer = _plain(holdings(network.instance(NEW), "anna"))
                answer["profile"] = _profile(network)
                # Post ids come from the clock, so posts compare with the old account's own.
                old = holdings(network.instance(OLD), "anna")
                answer["old_bookmarks"] = old["bookmarks"]
            else:
                answer = {"error": command}
            print(json.dumps(answer), flush=True)


def _scale_request_budgets(factor: int) -> None:
    """Multiply the per-token, per-user and paging budgets (not the daily follow allowance)."""
    from dataclasses import replace

    from fedimove.sandbox import limits

    for name in ("PER_TOKEN", "AUTHENTICATED_API", "AUTHENTICATED_PAGING"):
        throttle = getattr(limits, name)
        setattr(limits, name, replace(throttle, limit=throttle.limit * factor))


if __name__ == "__main__":
    if len(sys.argv) > 3 and int(sys.argv[3]) > 1:
        _scale_request_budgets(int(sys.argv[3]))
    asyncio.run(serve(sys.argv[1], int(sys.argv[2])))
