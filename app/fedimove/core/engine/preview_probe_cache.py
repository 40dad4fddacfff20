"""Server probes remembered between runs (a day by default): a preview of 25,000 followers on
hundreds of servers should not probe them all again an hour later.

Only servers that answered are kept (an unreachable one may be back soon). The file lives in
the cache directory, holds no secrets, and is ignored when damaged.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from fedimove.core.clock import Clock
from fedimove.core.storage.files import write_private_json

DEFAULT_TTL = timedelta(days=1)
MAX_ENTRIES = 50_000


class ProbeCache:
    def __init__(self, path: Path, clock: Clock, ttl: timedelta = DEFAULT_TTL) -> None:
        self.path = path
        self.clock = clock
        self.ttl = ttl
        self._entries: dict[str, tuple[str, str, str]] = self._load()

    def _load(self) -> dict[str, tuple[str, str, str]]:
        try:
            raw = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(raw, dict):
            return {}
        entries = {}
        for domain, value in list(raw.items())[:MAX_ENTRIES]:
            if (
                isinstance(value, list)
                and len(value) == 3
                and all(isinstance(v, str) for v in value)
            ):
                entries[str(domain)[:253]] = (value[0][:64], value[1][:64], value[2][:40])
        return entries

    def get(self, domain: str) -> tuple[str, str] | None:
        """(software, version) when probed within the TTL."""
        entry = self._entries.get(domain)
        if entry is None:
            return None
        try:
            when = datetime.fromisoformat(entry[2])
        except ValueError:
            return None
        if self.clock.now() - when > self.ttl:
            return None
        return entry[0], entry[1]

    def put(self, domain: str, software: str, version: str) -> None:
        self._entries[domain] = (software, version, self.clock.now().isoformat())

    def save(self) -> None:
        """Write atomically; a cache that cannot be written is simply not kept."""
        try:
            write_private_json(self.path, {d: list(v) for d, v in self._entries.items()})
        except OSError:
            return
