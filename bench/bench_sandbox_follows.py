"""Federated follows over loopback, as the wizard's copy makes them in `fedimove --practice`.

    .venv/bin/python bench/bench_sandbox_follows.py [--follows 60]

The `small` scenario is served on 127.0.0.1 ports; anna@new.practice signs in through the real
forms, then follows accounts of the other practice servers the way Fedimove's copy step does:
search with `resolve=true` (the new server does WebFinger and fetches the actor over HTTP),
then `POST /api/v1/accounts/:id/follow` (the new server delivers a Follow to the remote inbox,
whose server answers Accept to the new server's inbox). Every hop is real HTTP on loopback.
Prints the wall and CPU time per follow (median and 90th percentile), and the load average.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import hashlib
import os
import secrets
import statistics
import time
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx

from fedimove.core.clock import SimulatedClock, utc
from fedimove.sandbox.network import PracticeNetwork
from fedimove.sandbox.testing import complete_authorization

REDIRECT = "http://127.0.0.1:8765/callback"
NEW = "new.practice"


async def sign_in(client: httpx.AsyncClient, net: PracticeNetwork, username: str) -> str:
    """A user token through app registration, the HTML sign-in and the token endpoint."""
    origin = net.origin(NEW)
    instance = net.instance(NEW)
    account = instance.state.find(username, instance.name)
    assert account is not None
    account.password = account.password or "bench-" + username
    app = (
        await client.post(
            f"{origin}/api/v1/apps",
            data={"client_name": "bench", "redirect_uris": REDIRECT, "scopes": "read write"},
        )
    ).json()
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode()).digest()
    challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    query = {
        "response_type": "code",
        "client_id": app["client_id"],
        "redirect_uri": REDIRECT,
        "scope": "read write",
        "code_challenge": challenge,
        "code_challenge_method": "S256",
    }
    authorize = f"{origin}/oauth/authorize?{urlencode(query)}"
    back = await complete_authorization(client, authorize, f"{username}@{NEW}", account.password)
    token = await client.post(
        f"{origin}/oauth/token",
        data={
            "grant_type": "authorization_code",
            "code": parse_qs(urlsplit(back).query)["code"][0],
            "client_id": app["client_id"],
            "client_secret": app["client_secret"],
            "redirect_uri": REDIRECT,
            "code_verifier": verifier,
        },
    )
    value: str = token.json()["access_token"]
    return value


def remote_handles(net: PracticeNetwork, count: int) -> list[str]:
    """`user@host:port` of local accounts of the other served instances, round robin."""
    per_instance = [
        [f"{a.username}@{inst.domain}" for a in inst.state.accounts.values() if a.home == inst.name]
        for inst in net.instances
        if inst.name != NEW and inst.knobs.reachable
    ]
    handles: list[str] = []
    for index in range(max(map(len, per_instance))):
        handles += [names[index] for names in per_instance if index < len(names)]
    return handles[:count]


async def follows(count: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of each federated follow that succeeded."""
    net = PracticeNetwork.from_scenario("small", clock=SimulatedClock(utc(2026, 3, 2, 9)))
    walls: list[float] = []
    cpus: list[float] = []
    async with net.serve_http(), httpx.AsyncClient(trust_env=False, timeout=30) as client:
        headers = {"Authorization": f"Bearer {await sign_in(client, net, 'anna')}"}
        origin = net.origin(NEW)
        for handle in remote_handles(net, count):
            began, cpu = time.perf_counter(), time.process_time()
            found = await client.get(
                f"{origin}/api/v2/search",
                params={"q": handle, "resolve": "true", "type": "accounts"},
                headers=headers,
            )
            accounts = found.json().get("accounts") if found.status_code == 200 else None
            if not accounts:
                continue
            url = f"{origin}/api/v1/accounts/{accounts[0]['id']}/follow"
            if (await client.post(url, headers=headers)).status_code == 200:
                walls.append(time.perf_counter() - began)
                cpus.append(time.process_time() - cpu)
    return walls, cpus


def summary(seconds: list[float]) -> str:
    ordered = sorted(seconds)
    p90 = ordered[int(len(ordered) * 0.9) - 1]
    return f"median {1000 * statistics.median(ordered):.1f} ms, p90 {1000 * p90:.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--follows", type=int, default=60)
    args = parser.parse_args()
    print(f"load average before: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    walls, cpus = asyncio.run(follows(args.follows))
    print(f"federated follows over loopback: {len(walls)} made")
    print(f"  wall per follow: {summary(walls)}")
    print(f"  CPU per follow:  {summary(cpus)} (servers and client, one process)")
    print(f"load average after: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
