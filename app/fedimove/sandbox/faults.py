"""Fault knobs for a practice instance (DESIGN §0.15(c)): an ASGI layer in front of the
instance's app that, per route pattern, adds latency, answers 5xx, hangs, resets the
connection, corrupts the body, storms with 429, answers 503 with `Retry-After`, or makes the
whole server disappear for a while and come back.

Decisions are deterministic from the seed: each (rule, method, path, n-th matching request)
draws its own number, so the same requests meet the same faults whatever order concurrent
tasks interleave in. Every wait goes through the instance's injected clock.

Install with `install_faults(instance, seed)`; the instance calls `FaultInjector.handle` for
every HTTP request (a one-attribute hook in `instance.py`).
"""

from __future__ import annotations

import asyncio
import enum
import json
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from fnmatch import fnmatchcase
from typing import TYPE_CHECKING, Any

import httpx
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fedimove.sandbox.asgi_bridge import CLIENT as IN_PROCESS_CLIENT

if TYPE_CHECKING:
    from fedimove.sandbox.instance import Instance


class FaultKind(enum.StrEnum):
    LATENCY = "latency"
    SERVER_ERROR = "server_error"  # 500/502/504 ... as `status`
    TIMEOUT = "timeout"  # hang until the client gives up
    RESET = "reset"  # the connection drops without an answer
    MALFORMED = "malformed"  # the real answer, corrupted (see `Malformation`)
    RATE_LIMITED = "rate_limited"  # 429 with rate-limit headers
    UNAVAILABLE = "unavailable"  # 503 with Retry-After (GoToSocial's queue full)


class Malformation(enum.StrEnum):
    TRUNCATED = "truncated"  # JSON cut in the middle
    HTML = "html"  # an HTML error page with status 200 where JSON was expected
    WRONG_TYPES = "wrong_types"  # valid JSON, every scalar of the wrong type


@dataclass(frozen=True)
class Fault:
    kind: FaultKind
    #: fnmatch pattern on the request path (`/api/v1/accounts/*/following`).
    path: str = "*"
    method: str = "*"
    #: fnmatch pattern on the User-Agent (`Fedimove/*`: only the app's requests, not the
    #: other practice servers' fetches).
    user_agent: str = "*"
    #: Probability per matching request, after `skip` matching requests.
    rate: float = 1.0
    skip: int = 0
    #: At most this many injections (None: no limit) — a burst is `limit=n`.
    limit: int | None = None
    status: int = 500
    seconds: float = 2.0  # latency, Retry-After, 429 reset, or how long a client is kept hanging
    malformation: Malformation = Malformation.TRUNCATED

    def matches(self, method: str, path: str, user_agent: str) -> bool:
        return (
            fnmatchcase(method, self.method)
            and fnmatchcase(path, self.path)
            and fnmatchcase(user_agent, self.user_agent)
        )


@dataclass
class Outage:
    """The server is gone (connections fail) from the `after`-th request on, for `seconds` of
    the instance's clock, then comes back."""

    after: int
    seconds: float
    started: float | None = None


@dataclass
class FaultInjector:
    instance: Instance
    seed: int = 0
    faults: list[Fault] = field(default_factory=list)
    outages: list[Outage] = field(default_factory=list)
    #: What was injected, by kind (and `outage`), for the reliability figures.
    injected: Counter[str] = field(default_factory=Counter)
    requests: int = 0
    _seen: Counter[tuple[int, str, str]] = field(default_factory=Counter)
    _fired: Counter[int] = field(default_factory=Counter)

    def add(self, fault: Fault) -> FaultInjector:
        self.faults.append(fault)
        return self

    def disappear(self, after: int, seconds: float) -> FaultInjector:
        self.outages.append(Outage(after, seconds))
        return self

    def clear(self) -> None:
        self.faults.clear()
        self.outages.clear()
        self._seen.clear()
        self._fired.clear()

    # --- decisions ---------------------------------------------------------------------------

    def _down(self) -> bool:
        now = self.instance.clock.monotonic()
        for outage in self.outages:
            if outage.started is None and self.requests > outage.after:
                outage.started = now
            if outage.started is not None and now - outage.started < outage.seconds:
                return True
        return False

    def _choose(self, method: str, path: str, user_agent: str) -> Fault | None:
        for index, fault in enumerate(self.faults):
            if not fault.matches(method, path, user_agent):
                continue
            key = (index, method, path)
            self._seen[key] += 1
            nth = self._seen[key]
            if nth <= fault.skip or (fault.limit is not None and self._fired[index] >= fault.limit):
                continue
            draw = random.Random(f"{self.seed}:{index}:{method}:{path}:{nth}")  # noqa: S311
            if draw.random() < fault.rate:
                self._fired[index] += 1
                return fault
        return None

    # --- serving -----------------------------------------------------------------------------

    async def handle(self, scope: Scope, receive: Receive, send: Send, app: ASGIApp) -> None:
        self.requests += 1
        method, path = str(scope["method"]), str(scope["path"])
        if self._down():
            self.injected["outage"] += 1
            await _drop(scope, send, connect=True)
            return
        headers = dict(scope.get("headers") or [])
        fault = self._choose(method, path, headers.get(b"user-agent", b"").decode("latin-1"))
        if fault is None:
            await app(scope, receive, send)
            return
        self.injected[fault.kind.value] += 1
        await self._inject(fault, scope, receive, send, app)

    async def _inject(
        self, fault: Fault, scope: Scope, receive: Receive, send: Send, app: ASGIApp
    ) -> None:
        kind = fault.kind
        if kind is FaultKind.LATENCY:
            await self.instance.clock.sleep(fault.seconds)
            await app(scope, receive, send)
        elif kind is FaultKind.SERVER_ERROR:
            await _answer(send, fault.status, b"Internal Server Error", "text/plain")
        elif kind is FaultKind.TIMEOUT:
            await self._hang(fault, scope, receive)
        elif kind is FaultKind.RESET:
            await _drop(scope, send, connect=False)
        elif kind is FaultKind.RATE_LIMITED:
            await _answer(send, 429, b'{"error":"Too many requests"}', headers=self._limits(fault))
        elif kind is FaultKind.UNAVAILABLE:
            retry = {"Retry-After": str(int(fault.seconds))}
            await _answer(send, 503, b'{"error":"Service Unavailable"}', headers=retry)
        else:
            await self._malformed(fault, scope, receive, send, app)

    def _limits(self, fault: Fault) -> dict[str, str]:
        reset = self.instance.clock.now() + timedelta(seconds=fault.seconds)
        return {
            "X-RateLimit-Limit": "300",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": reset.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            "Retry-After": str(int(fault.seconds)),
        }

    async def _hang(self, fault: Fault, scope: Scope, receive: Receive) -> None:
        """In-process nothing enforces the client's timeout, so the server waits `seconds` on
        the clock and then raises what httpx raises when it gives up; over loopback it waits
        for the client to hang up."""
        if scope.get("client") == IN_PROCESS_CLIENT:
            await self.instance.clock.sleep(fault.seconds)
            raise httpx.ReadTimeout("the server did not answer in time")
        while (await receive())["type"] != "http.disconnect":
            pass

    async def _malformed(
        self, fault: Fault, scope: Scope, receive: Receive, send: Send, app: ASGIApp
    ) -> None:
        status, headers, body = await _capture(app, scope, receive)
        rng = random.Random(f"{self.seed}:{scope['path']}")  # noqa: S311
        if fault.malformation is Malformation.HTML:
            page = b"<!DOCTYPE html><html><body><h1>We're sorry</h1></body></html>"
            await _answer(send, 200, page, "text/html; charset=utf-8")
            return
        if fault.malformation is Malformation.TRUNCATED:
            body = body[: max(1, len(body) // 2)] if len(body) > 1 else b"{"
        else:
            try:
                body = json.dumps(_wrong_types(json.loads(body), rng)).encode()
            except ValueError:
                body = b'{"id": []}'
        kept = [(k, v) for k, v in headers if k.lower() not in (b"content-length",)]
        kept.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": kept})
        await send({"type": "http.response.body", "body": body})


def install_faults(instance: Instance, seed: int = 0) -> FaultInjector:
    """Put a fault injector in front of `instance` (replacing any earlier one)."""
    injector = FaultInjector(instance, seed)
    instance.faults = injector
    return injector


def remove_faults(instance: Instance) -> None:
    instance.faults = None


# --- helpers ---------------------------------------------------------------------------------


async def _answer(
    send: Send,
    status: int,
    body: bytes,
    content_type: str = "application/json",
    headers: dict[str, str] | None = None,
) -> None:
    raw = [(b"content-type", content_type.encode()), (b"content-length", str(len(body)).encode())]
    raw += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


async def _drop(scope: Scope, send: Send, *, connect: bool) -> None:
    """In-process: raise what httpx raises for a refused or reset connection. Over loopback:
    promise a body and close the socket before it arrives (the client sees the peer hang up)."""
    if scope.get("client") == IN_PROCESS_CLIENT:
        if connect:
            raise httpx.ConnectError("connection refused")
        raise httpx.RemoteProtocolError("Server disconnected without sending a response.")
    headers = [(b"content-type", b"application/json"), (b"content-length", b"4096")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": b"{", "more_body": True})
    raise ConnectionResetError("fault knob: connection reset")


async def _capture(app: ASGIApp, scope: Scope, receive: Receive) -> tuple[int, list[Any], bytes]:
    status, headers, chunks = 500, [], []
    done = asyncio.Event()

    async def send(message: Message) -> None:
        nonlocal status, headers
        if message["type"] == "http.response.start":
            status, headers = message["status"], list(message.get("headers", []))
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                done.set()

    await app(scope, receive, send)
    return status, headers, b"".join(chunks)


def _wrong_types(value: Any, rng: random.Random) -> Any:
    """The same shape with each scalar swapped for another type (ids become lists, strings
    numbers, booleans strings...)."""
    if isinstance(value, dict):
        return {k: _wrong_types(v, rng) for k, v in value.items()}
    if isinstance(value, list):
        return [_wrong_types(v, rng) for v in value] if value else {"unexpected": True}
    if isinstance(value, str):
        return rng.choice([12345, None, ["x"], {"a": 1}, True])
    if isinstance(value, bool) or value is None:
        return rng.choice(["yes", 0, []])
    return rng.choice([str(value) + "x", None, {"n": value}])
