"""Made-up followers for the UI screenshots and benchmarks (no server involved)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from fedimove.core.service_api import FollowerRow, FollowerState

STATE_WEIGHTS = {
    FollowerState.MOVED: 60,
    FollowerState.STILL_ON_OLD: 15,
    FollowerState.AWAITING_APPROVAL: 5,
    FollowerState.NO_MOVE_SUPPORT: 8,
    FollowerState.UNREACHABLE: 5,
    FollowerState.BLOCKED: 2,
    FollowerState.GONE: 2,
    FollowerState.UNKNOWN: 3,
}
REASONS = {
    FollowerState.MOVED: "",
    FollowerState.STILL_ON_OLD: "not_yet",
    FollowerState.AWAITING_APPROVAL: "account_locked",
    FollowerState.NO_MOVE_SUPPORT: "server_no_move",
    FollowerState.UNREACHABLE: "server_down",
    FollowerState.BLOCKED: "domain_blocked",
    FollowerState.GONE: "suspended",
    FollowerState.UNKNOWN: "",
}
BIG_SERVERS = [
    ("mastodon.social", "mastodon"),
    ("fosstodon.org", "mastodon"),
    ("hachyderm.io", "mastodon"),
    ("gts.example.net", "gotosocial"),
    ("a-very-long-server-name-that-needs-elision.example.social", "mastodon"),
    ("pleroma.example", "pleroma"),
    ("misskey.example", "misskey"),
]
NAMES = ["Alex", "Sam", "Kim", "Jo", "Robin", "Charlie", "Noor", "Yuki", "Ana", "Lars"]


def demo_followers(
    count: int, *, moved_at: datetime | None = None, seed: int = 7
) -> list[FollowerRow]:
    rng = random.Random(seed)
    moved_at = moved_at or datetime.now(UTC) - timedelta(hours=6)
    states = list(STATE_WEIGHTS)
    weights = list(STATE_WEIGHTS.values())
    rows = []
    for number in range(count):
        if rng.random() < 0.7:
            server, software = BIG_SERVERS[min(int(rng.expovariate(0.6)), len(BIG_SERVERS) - 1)]
        else:
            server, software = f"small{rng.randrange(count // 3 + 1)}.example", "mastodon"
        state = rng.choices(states, weights)[0]
        name = f"{rng.choice(NAMES)} {number}"
        if number % 97 == 0:
            name = "A remarkably long display name that goes on and on 🌈✨ " + name
        if number % 211 == 0:
            name = "<b>Not bold</b>\u202e evil"
        arrived = None
        if state is FollowerState.MOVED:
            arrived = moved_at + timedelta(minutes=rng.expovariate(1 / 45))
        rows.append(
            FollowerRow(
                actor_uri=f"https://{server}/users/u{number}",
                handle=f"@user{number}@{server}",
                display_name=name,
                server=server,
                software=software,
                state=state,
                reason=REASONS[state],
                observed=rng.random() < 0.8,
                arrived_at=arrived,
            )
        )
    return rows
