"""Deterministic practice worlds, built from a seed straight into the instances' state (no
HTTP, so even `large` starts fast). Each scenario records a `GroundTruth` the tests compare
against.

`small` (the demo): anna@old.practice (Mastodon) with about 50 follows, 120 followers on
5 instances, lists, bookmarks, favourites, blocks, mutes, domain blocks, followed tags, filters,
featured tags, endorsements, notes, a profile with avatar and fields and a few posts; her new
account anna@new.practice (Mastodon, empty). `large` has the same shape at benchmark size:
5,000 follows, 25,000 followers on 40 instances, 10,000 bookmarks (issue 3). `move-back` is
`small` with a past: anna@new.practice is an account anna left for anna@old.practice earlier
and now wants to return to (scenario_move_back.py).

Option `secure`: every instance runs in authorized-fetch mode (Mastodon's `AUTHORIZED_FETCH`,
federation_actor.py), so unsigned reads of an actor do not show `alsoKnownAs` or `movedTo`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING

from fedimove.sandbox.instance import Instance
from fedimove.sandbox.network import PracticeNetwork
from fedimove.sandbox.png import solid_png
from fedimove.sandbox.scenario_parts import Builder
from fedimove.sandbox.state import Account

if TYPE_CHECKING:
    from fedimove.sandbox.scenario_move_back import MoveBackFacts

OLD, NEW = "old.practice", "new.practice"


@dataclass(frozen=True)
class ScenarioSpec:
    instances: list[tuple[str, str]]  # (name, flavour); the first two are old and new
    follows: int
    followers: int
    bookmarks: int
    lists: int = 3


SPECS: dict[str, ScenarioSpec] = {
    "small": ScenarioSpec(
        [
            (OLD, "mastodon"),
            (NEW, "mastodon"),
            ("gts.practice", "gotosocial"),
            ("legacy.practice", "mastodon-legacy"),
            ("nomove.practice", "no-move"),
        ],
        follows=50,
        followers=120,
        bookmarks=12,
    ),
    "large": ScenarioSpec(
        [(OLD, "mastodon"), (NEW, "mastodon")]
        + [
            (f"f{i:02d}.practice", ("mastodon", "gotosocial", "mastodon-legacy", "no-move")[i % 4])
            for i in range(38)
        ],
        follows=5_000,
        followers=25_000,
        bookmarks=10_000,
    ),
}
SPECS["move-back"] = SPECS["small"]
#: Scenarios with the failure cases of `small` (scenario_failures.py).
WITH_FAILURE_CASES = ("small", "move-back")


@dataclass
class GroundTruth:
    """What the old account holds, by `user@instance-name` (the in-process domains)."""

    old: str
    new: str
    passwords: dict[str, str]
    following: dict[str, dict[str, object]] = field(default_factory=dict)
    followers: set[str] = field(default_factory=set)
    followers_by_instance: dict[str, int] = field(default_factory=dict)
    lists: dict[str, list[str]] = field(default_factory=dict)
    bookmarks: list[str] = field(default_factory=list)  # status URIs (in-process origins)
    favourites: list[str] = field(default_factory=list)
    blocks: list[str] = field(default_factory=list)
    mutes: dict[str, dict[str, object]] = field(default_factory=dict)
    domain_blocks: list[str] = field(default_factory=list)
    followed_tags: list[str] = field(default_factory=list)
    featured_tags: list[str] = field(default_factory=list)
    endorsements: list[str] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)
    filters: dict[str, list[str]] = field(default_factory=dict)
    profile: dict[str, object] = field(default_factory=dict)
    statuses: int = 0
    secure: bool = False
    #: `move-back` only: the earlier Move from anna@new.practice to anna@old.practice.
    earlier_move: MoveBackFacts | None = None


def build_scenario(name: str, network: PracticeNetwork, *, secure: bool = False) -> None:
    if name not in SPECS:
        raise ValueError(f"unknown scenario {name!r}; choose from {sorted(SPECS)}")
    spec = SPECS[name]
    rng = random.Random(network.seed)  # noqa: S311 - deterministic practice data
    instances = [network.add_instance(n, flavour) for n, flavour in spec.instances]
    builder = Builder(network, rng)
    truth = GroundTruth(f"anna@{OLD}", f"anna@{NEW}", {})
    old = _make_anna(builder, instances[0], truth)
    _make_anna(builder, instances[1], truth, fresh=True)
    people = builder.population(instances, spec.follows + spec.followers + 40)
    builder.follows_and_followers(instances[0], old, people, spec, truth)
    builder.collections(instances[0], old, people, spec, truth)
    network.demo_logins = [
        (truth.old, truth.passwords[truth.old]),
        (truth.new, truth.passwords[truth.new]),
    ]
    network.ground_truth = truth
    # Increment b: the failure cases of `small`, and federation over HTTP (federation.py).
    if name in WITH_FAILURE_CASES:
        from fedimove.sandbox.scenario_failures import add_failure_cases

        add_failure_cases(network)
    from fedimove.sandbox.federation import install, node_of

    install(network)
    if name == "move-back":
        from fedimove.sandbox.scenario_move_back import add_earlier_move

        truth.earlier_move = add_earlier_move(network)
    truth.secure = secure
    for instance in network.instances:
        node_of(instance).knobs.authorized_fetch = secure


def _make_anna(
    builder: Builder, instance: Instance, truth: GroundTruth, *, fresh: bool = False
) -> Account:
    now = instance.clock.now()
    created = now - timedelta(days=30 if fresh else 1500)
    anna = builder.local(instance, "anna", created)
    password = f"practice-{instance.name.split('.')[0]}-anna"
    anna.password = password
    truth.passwords[f"anna@{instance.name}"] = password
    if fresh:
        anna.display_name = "Anna (new home)"
        return anna
    anna.display_name = "Anna Example"
    anna.note = "Birdwatcher, baker, occasional poet.\n\nMoving house soon."
    anna.fields = [
        ("Pronouns", "she/her"),
        ("Website", "https://anna.example"),
        ("Languages", "en, de"),
    ]
    anna.avatar = builder.media(instance, solid_png(48, 48, (70, 110, 180), (250, 200, 60)))
    anna.header = builder.media(instance, solid_png(96, 32, (40, 60, 90)))
    truth.profile = {
        "display_name": anna.display_name,
        "note": anna.note,
        "fields": list(anna.fields),
        "avatar": True,
        "header": True,
    }
    for index, text in enumerate(
        [
            "Hello from the old place!",
            "Bread day: rye and caraway.",
            "Spotted a kingfisher at the river this morning.",
        ]
    ):
        builder.post(instance, anna, text, created + timedelta(days=100 * (index + 1)))
    truth.statuses = 3
    return anna
