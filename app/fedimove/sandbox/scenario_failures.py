"""The failure cases of the `small` scenario, and the end state each follower should reach after
anna@old.practice moves (the ground truth the client's tracker is tested against).

Added to the base scenario (DESIGN §8; issue 3 "Scenarios include a dead instance, an instance
the new server has domain-blocked, and a suspended follower"):
- `dead.practice`: unreachable; the Move never arrives, its followers stay.
- `nomove.practice` (already in the base, flavour `no-move`): ignores the Move, followers stay.
- `limited.practice`: new.practice *silences* it; its followers arrive as follow requests
  (DESIGN §0.3) and have left the old account.
- `blocked.practice`: new.practice *suspends* it; the follows are refused, so its followers end
  following neither account (the old follow is dropped once the new one was delivered).
- a suspended follower (on legacy.practice): does nothing, keeps following the old account.
- `anna_locked@new.practice`: a locked variant of the new account; remote followers arrive as
  requests, followers on new.practice itself are accepted (`bypass_locked = target.local?`).

The scenario keeps its 120 followers: the newest 12 followers on the base instances make room
for the 12 on the failure instances.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING

from fedimove.sandbox.scenario_parts import Builder

if TYPE_CHECKING:
    from fedimove.sandbox.network import PracticeNetwork
    from fedimove.sandbox.scenarios import GroundTruth

OLD, NEW = "old.practice", "new.practice"
DEAD, LIMITED, BLOCKED = "dead.practice", "limited.practice", "blocked.practice"
SUSPENDED_ON = "legacy.practice"
LOCKED_TARGET = "anna_locked"
FOLLOWERS_PER_FAILURE_INSTANCE = 4

# End states of one follower, as seen from the two accounts.
MOVED = "moved"  # follows the new account, not the old one
REQUESTED = "requested"  # a pending follow request to the new account; left the old one
STAYED = "stayed"  # still follows the old account; never reached the new one
LOST = "lost"  # follows neither (the new server refused the follow)


@dataclass(frozen=True, slots=True)
class Expected:
    state: str
    reason: str  # "ok" | "locked" | "limited" | "blocked" | "no_move" | "unreachable" | "suspended"


@dataclass
class FailureFacts:
    dead: str = DEAD
    limited: str = LIMITED
    blocked: str = BLOCKED
    suspended_followers: set[str] = field(default_factory=set)
    locked_target: str = f"{LOCKED_TARGET}@{NEW}"
    passwords: dict[str, str] = field(default_factory=dict)


def add_failure_cases(network: PracticeNetwork) -> FailureFacts:
    truth: GroundTruth = network.ground_truth
    builder = Builder(network, random.Random(network.seed * 7919))  # noqa: S311 - practice data
    old = network.instance(OLD)
    anna = old.state.find("anna", OLD)
    assert anna is not None
    facts = FailureFacts()
    _make_room(network, truth, 3 * FOLLOWERS_PER_FAILURE_INSTANCE)
    for name in (DEAD, LIMITED, BLOCKED):
        instance = network.add_instance(name, "mastodon")
        now = instance.clock.now()
        for index in range(FOLLOWERS_PER_FAILURE_INSTANCE):
            person = builder.local(
                instance, f"{name.split('.')[0]}{index}", now - timedelta(days=90)
            )
            builder.connect((instance, person), (old, anna))
            truth.followers.add(f"{person.username}@{name}")
            truth.followers_by_instance[name] = truth.followers_by_instance.get(name, 0) + 1
    network.instance(DEAD).knobs.reachable = False
    new = network.instance(NEW)
    new.state.server_blocks[LIMITED] = ("silence", "Practice: limited server")
    new.state.server_blocks[BLOCKED] = ("suspend", "Practice: suspended server")
    facts.suspended_followers.add(_suspend_one_follower(network))
    locked = builder.local(new, LOCKED_TARGET, new.clock.now() - timedelta(days=30))
    locked.locked, locked.display_name = True, "Anna (locked new home)"
    locked.password = f"practice-new-{LOCKED_TARGET}"
    facts.passwords[facts.locked_target] = locked.password
    truth.passwords[facts.locked_target] = locked.password
    network.failure_facts = facts  # type: ignore[attr-defined]
    return facts


def facts_of(network: PracticeNetwork) -> FailureFacts:
    facts = getattr(network, "failure_facts", None)
    if not isinstance(facts, FailureFacts):
        raise LookupError("this network has no failure cases (only the `small` scenario has)")
    return facts


def _make_room(network: PracticeNetwork, truth: GroundTruth, count: int) -> None:
    """Unfollow the newest `count` followers on the base instances, so the scenario keeps its
    120 followers once the failure instances add theirs."""
    old = network.instance(OLD)
    anna = old.state.find("anna", OLD)
    assert anna is not None
    rows = list(old.state.follows.targeting(anna.id).newest_first())[:count]
    for row in rows:
        follower = old.state.accounts[row.owner]
        old.state.follows.remove(row.owner, anna.id)
        home = network.instance(follower.home)
        original = home.state.find(follower.username, home.name)
        anna_there = home.state.find("anna", OLD)
        if original is not None and anna_there is not None:
            home.state.follows.remove(original.id, anna_there.id)
        truth.followers.discard(f"{follower.username}@{follower.home}")
        truth.followers_by_instance[follower.home] -= 1


def _suspend_one_follower(network: PracticeNetwork) -> str:
    old = network.instance(OLD)
    anna = old.state.find("anna", OLD)
    assert anna is not None
    home = network.instance(SUSPENDED_ON)
    for row in old.state.follows.targeting(anna.id).oldest_first():
        follower = old.state.accounts[row.owner]
        if follower.home == SUSPENDED_ON:
            original = home.state.find(follower.username, SUSPENDED_ON)
            assert original is not None
            original.suspended = True
            return f"{follower.username}@{SUSPENDED_ON}"
    raise LookupError("no follower on the instance chosen for the suspended case")


def expected_outcomes(
    network: PracticeNetwork, *, target_locked: bool = False
) -> dict[str, Expected]:
    """Where each follower of anna@old.practice (by `user@instance-name`) ends after she moves
    to anna@new.practice (or to the locked variant), as the real software would leave it
    [fediverse-apis.md §6.2; DESIGN §0.3]."""
    facts = facts_of(network)
    truth: GroundTruth = network.ground_truth
    new = network.instance(NEW)
    outcomes: dict[str, Expected] = {}
    for handle in sorted(truth.followers):
        home = network.instance(handle.split("@", 1)[1])
        severity = new.state.server_blocks.get(home.name, (None, ""))[0]
        if handle in facts.suspended_followers:
            outcomes[handle] = Expected(STAYED, "suspended")
        elif not home.knobs.reachable:
            outcomes[handle] = Expected(STAYED, "unreachable")
        elif not home.flavour.processes_move:
            outcomes[handle] = Expected(STAYED, "no_move")
        elif severity == "suspend":
            outcomes[handle] = Expected(LOST, "blocked")
        elif severity == "silence":
            outcomes[handle] = Expected(REQUESTED, "limited")
        elif target_locked and home.name != NEW:
            outcomes[handle] = Expected(REQUESTED, "locked")
        else:
            outcomes[handle] = Expected(MOVED, "ok")
    return outcomes
