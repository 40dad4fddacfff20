"""The profile: display name, bio, fields, avatar, header and flags (fediverse-apis §4).

`locked` is never copied here: a locked new account would turn every arriving follower into a
request. The original is recorded for *finish* to offer (DESIGN §0.3). Fields beyond the new
server's limits are cut to fit, and the cut is reported as the item's reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, replace
from typing import Any

from fedimove.core.engine.steps.base import Applied, ItemStep, StepContext
from fedimove.core.models import Category, ProfileData, ProfileField
from fedimove.core.storage.journal_records import Item

PROFILE_KEY = "profile"


def profile_payload(profile: ProfileData) -> dict[str, Any]:
    data = asdict(profile)
    data["fields"] = [[f.name, f.value] for f in profile.fields]
    return data


def profile_from_payload(payload: dict[str, Any]) -> ProfileData:
    values = {k: v for k, v in payload.items() if k in ProfileData.__dataclass_fields__}
    values["fields"] = tuple(ProfileField(str(n), str(v)) for n, v in payload.get("fields", ()))
    return ProfileData(**values)


class ProfileStep(ItemStep):
    name = "profile"
    category = Category.PROFILE

    async def present(self, ctx: StepContext, items: Sequence[Item]) -> None:
        return None  # an update can be sent again without harm

    async def apply(self, ctx: StepContext, item: Item) -> Applied:
        profile = profile_from_payload(item.payload)
        limits = ctx.capabilities.profile_limits
        fitted = replace(
            profile,
            display_name=profile.display_name[: limits.display_name_chars],
            note=profile.note[: limits.note_chars],
            fields=tuple(
                ProfileField(f.name[: limits.field_name_chars], f.value[: limits.field_value_chars])
                for f in profile.fields[: limits.max_fields]
            ),
        )
        avatar = await ctx.new.fetch_media(profile.avatar_url)
        header = await ctx.new.fetch_media(profile.header_url)
        await ctx.new.update_credentials(fitted, avatar=avatar, header=header)
        return Applied(remote_id=PROFILE_KEY)
