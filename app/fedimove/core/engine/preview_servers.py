"""Where the followers live, and whether their servers will follow the Move (DESIGN §0.7).

Each follower server is probed once (NodeInfo and the instance document, through
`core/servers/detect.probe_server`) and the answer cached for the run. The prediction comes from
the new server's published domain blocks first (a suspended domain can never arrive; a silenced
one arrives as a follow request), then from a small, sourced table of which software processes
an incoming `Move` and since which version. Each prediction carries its confidence.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

import httpx

from fedimove.core.engine.preview_probe_cache import ProbeCache
from fedimove.core.errors import FedimoveError, NetworkError
from fedimove.core.servers.detect import probe_server
from fedimove.core.servers.versions import Version, at_least
from fedimove.core.service_api import Prediction


class Confidence(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def score(self) -> float:
        """The 0..1 number the service API carries."""
        return {"high": 0.9, "medium": 0.6, "low": 0.3}[self.value]


@dataclass(frozen=True, slots=True)
class MoveSupport:
    processes_move: bool
    since: Version | None
    confidence: Confidence
    source: str


#: Which software follows an incoming Move, and since when. Sources named per row; rows marked
#: UNCONFIRMED are best knowledge, hence their lower confidence.
MOVE_SUPPORT: Mapping[str, MoveSupport] = {
    # Move handler mastodon/mastodon#9629, account migration UI #11846, released in 3.0.0.
    "mastodon": MoveSupport(True, (3, 0, 0), Confidence.HIGH, "mastodon PR #9629, #11846"),
    "hometown": MoveSupport(True, (3, 0, 0), Confidence.HIGH, "Mastodon fork"),
    # "Incoming and outgoing Move Activities are now processed" — GoToSocial v0.15.0 notes.
    "gotosocial": MoveSupport(True, (0, 15, 0), Confidence.HIGH, "GoToSocial v0.15.0 release"),
    # Pleroma/Akkoma follow Moves (fediverse-apis §6.4); first version UNCONFIRMED.
    "akkoma": MoveSupport(True, None, Confidence.MEDIUM, "fediverse-apis §6.4"),
    "pleroma": MoveSupport(True, None, Confidence.MEDIUM, "fediverse-apis §6.4 (UNCONFIRMED)"),
    # Misskey account migration (fediverse-apis §6.5); forks assumed alike (UNCONFIRMED).
    "misskey": MoveSupport(True, (13, 0, 0), Confidence.MEDIUM, "fediverse-apis §6.5"),
    "sharkey": MoveSupport(True, None, Confidence.MEDIUM, "Misskey fork (UNCONFIRMED)"),
    "firefish": MoveSupport(True, None, Confidence.LOW, "Misskey fork (UNCONFIRMED)"),
    "iceshrimp": MoveSupport(True, None, Confidence.LOW, "Misskey fork (UNCONFIRMED)"),
    # No Move processing known (UNCONFIRMED absences).
    "pixelfed": MoveSupport(False, None, Confidence.MEDIUM, "fediverse-apis §6.6"),
    "lemmy": MoveSupport(False, None, Confidence.LOW, "UNCONFIRMED"),
    "peertube": MoveSupport(False, None, Confidence.LOW, "UNCONFIRMED"),
    "wordpress": MoveSupport(False, None, Confidence.LOW, "UNCONFIRMED"),
}


@dataclass(frozen=True, slots=True)
class ServerFacts:
    domain: str
    reachable: bool
    software: str = ""
    version: str = ""


@dataclass(frozen=True, slots=True)
class ServerForecast:
    domain: str
    followers: int
    software: str
    version: str
    prediction: Prediction
    confidence: Confidence
    reason: str  # a stable code: "domain_suspended", "software_table", "too_old", ...


class ServerProber:
    """Probes follower servers, each at most once (a cache shared by every preview)."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        concurrency: int = 8,
        remembered: ProbeCache | None = None,
    ) -> None:
        self.http = http
        self.remembered = remembered
        self._cache: dict[str, ServerFacts] = {}
        self._limit = asyncio.Semaphore(concurrency)
        self.probes = 0

    async def facts(self, domain: str, origin: str) -> ServerFacts:
        cached = self._cache.get(domain)
        if cached is not None:
            return cached
        known = self.remembered.get(domain) if self.remembered else None
        if known is not None:
            self._cache[domain] = ServerFacts(domain, True, *known)
            return self._cache[domain]
        async with self._limit:
            self.probes += 1
            try:
                probe = await probe_server(origin, self.http)
                facts = ServerFacts(domain, True, probe.software, probe.version)
            except NetworkError:
                facts = ServerFacts(domain, False)
            except FedimoveError:
                facts = ServerFacts(domain, True)  # answers, but not as a Fediverse server
        self._cache[domain] = facts
        if self.remembered is not None and facts.reachable:
            self.remembered.put(domain, facts.software, facts.version)
        return facts

    async def facts_for(self, origins: Mapping[str, str]) -> dict[str, ServerFacts]:
        found = await asyncio.gather(*(self.facts(d, o) for d, o in origins.items()))
        if self.remembered is not None:
            self.remembered.save()
        return {facts.domain: facts for facts in found}


def origin_of(actor_uri: str, domain: str) -> str:
    """The follower server's origin: from the actor URI when known (it may differ from the
    handle's domain), else https://domain."""
    parts = urlsplit(actor_uri)
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return f"https://{domain}"


def blocked_severity(domain: str, blocks: Iterable[tuple[str, str]]) -> str | None:
    """The new server's block on `domain` or one of its parents (blocks cover subdomains);
    obfuscated entries (`sha256:<digest>`) match by the digest of the domain or a parent."""
    labels = domain.lower().split(".")
    candidates = {".".join(labels[i:]) for i in range(len(labels))}
    digests = {f"sha256:{hashlib.sha256(c.encode()).hexdigest()}" for c in candidates}
    for blocked, severity in blocks:
        if blocked in candidates or blocked in digests:
            return severity
    return None


def _software_verdict(facts: ServerFacts) -> tuple[Prediction, Confidence, str]:
    """What the software table says about a reachable server."""
    support = MOVE_SUPPORT.get(facts.software)
    if support is None:
        return Prediction.UNKNOWN, Confidence.LOW, "software_unknown"
    if not support.processes_move:
        return Prediction.NO_MOVE_SUPPORT, support.confidence, "software_table"
    if support.since is not None and facts.version and not at_least(facts.version, support.since):
        return Prediction.NO_MOVE_SUPPORT, support.confidence, "too_old"
    return Prediction.WILL_MOVE, support.confidence, "software_table"


def forecast(
    domain: str, followers: int, facts: ServerFacts, new_blocks: Iterable[tuple[str, str]]
) -> ServerForecast:
    severity = blocked_severity(domain, new_blocks)
    if severity == "suspend":
        verdict = (Prediction.BLOCKED, Confidence.HIGH, "domain_suspended")
    elif not facts.reachable:
        verdict = (Prediction.UNREACHABLE, Confidence.MEDIUM, "probe_failed")
    else:
        verdict = _software_verdict(facts)
        if verdict[0] is Prediction.WILL_MOVE and severity == "silence":
            verdict = (Prediction.ARRIVES_AS_REQUEST, Confidence.HIGH, "domain_silenced")
    prediction, confidence, reason = verdict
    return ServerForecast(
        domain, followers, facts.software, facts.version, prediction, confidence, reason
    )
