"""One copy step per category (`base.ItemStep` holds the shared protocol).

`STEPS` maps a plan step's name to the object that runs it. Later phases (alias, Move,
tracking) register theirs with `register_step`; the runner knows nothing else about them.
"""

from __future__ import annotations

from typing import Protocol

from fedimove.core.engine.steps.accounts import (
    BlockStep,
    EndorsementStep,
    FollowStep,
    MuteStep,
    NoteStep,
)
from fedimove.core.engine.steps.base import StepContext, StepOutcome
from fedimove.core.engine.steps.collections import (
    BookmarkStep,
    DomainBlockStep,
    FavouriteStep,
    FeaturedTagStep,
    FilterStep,
    FollowedTagStep,
    ListStep,
)
from fedimove.core.engine.steps.profile import ProfileStep
from fedimove.core.progress import CancelToken, ProgressSink


class Step(Protocol):
    async def run(
        self, ctx: StepContext, *, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome: ...


STEPS: dict[str, Step] = {
    "profile": ProfileStep(),
    "domain_blocks": DomainBlockStep(),
    "blocks": BlockStep(),
    "mutes": MuteStep(),
    "following": FollowStep(),
    "lists": ListStep(),
    "endorsements": EndorsementStep(),
    "notes": NoteStep(),
    "followed_tags": FollowedTagStep(),
    "featured_tags": FeaturedTagStep(),
    "filters": FilterStep(),
    "bookmarks": BookmarkStep(),
    "favourites": FavouriteStep(),
    #: Follows beyond the new server's cap, copied after the Move as followers arrive (§0.1).
    "following_after": FollowStep("following_after"),
}


def register_step(name: str, step: Step) -> None:
    """Plug in a step of a later phase (alias, Move, tracking...)."""
    STEPS[name] = step
