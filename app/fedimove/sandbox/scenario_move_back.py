"""The `move-back` scenario: anna goes back to an account she left earlier.

The world of `small`, plus a past: 200 days ago anna moved from anna@new.practice to
anna@old.practice. So anna@new.practice (the account she now wants to return to) still
redirects (`moved` set, its API login disabled), and anna@old.practice lists it in
`alsoKnownAs` (the alias that earlier Move needed) [fediverse-apis.md §6.1].

What Mastodon needs to move back, as the docs describe it, and as the sandbox plays it:
- the redirect on anna@new.practice must be cancelled first (`/settings/migration/redirect`,
  still reachable while moved, mastodon#11846): a moved account cannot be followed, so
  followers' servers refuse to follow it and drop a Move to it (mastodon discussion #20401);
- anna@new.practice then lists anna@old.practice as an alias (`/settings/aliases`);
- anna@old.practice moves (`/settings/migration`); her own 30-day cooldown is not running, as
  the earlier migration was the other account's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from fedimove.sandbox.federation import node_of

if TYPE_CHECKING:
    from fedimove.sandbox.network import PracticeNetwork

OLD, NEW = "old.practice", "new.practice"
EARLIER_MOVE_DAYS_AGO = 200


@dataclass(frozen=True)
class MoveBackFacts:
    """The past the scenario wrote (in-process URIs; serving rebases the stored ones)."""

    earlier_move_at: str  # ISO date of anna@new.practice -> anna@old.practice
    left_account: str  # anna@new.practice: moved, the account to return to
    current_account: str  # anna@old.practice: lists the left one in alsoKnownAs


def add_earlier_move(network: PracticeNetwork) -> MoveBackFacts:
    """Write the earlier Move new -> old into both instances and every copy other servers
    hold of anna@new.practice (they all saw its `movedTo`). Needs federation installed."""
    old, new = network.instance(OLD), network.instance(NEW)
    current, left = old.state.find("anna", OLD), new.state.find("anna", NEW)
    assert current is not None
    assert left is not None
    when = network.clock.now() - timedelta(days=EARLIER_MOVE_DAYS_AGO)
    current_uri, left_uri = old.actor_uri(current), new.actor_uri(left)
    left.moved_to, left.moved_at = current_uri, when
    node_of(new).migrations.setdefault(left.id, []).append((when, current_uri))
    current.also_known_as = [left_uri]
    alias_id = old.state.ids.next()
    node_of(old).aliases.setdefault(current.id, {})[alias_id] = (f"anna@{new.domain}", left_uri)
    for instance in network.instances:
        if instance is new:
            continue
        copy = instance.state.find("anna", NEW)
        if copy is not None:
            copy.moved_to = current_uri
    return MoveBackFacts(when.date().isoformat(), f"anna@{NEW}", f"anna@{OLD}")
