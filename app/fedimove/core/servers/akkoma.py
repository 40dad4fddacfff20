"""Akkoma and Pleroma: experimental until a practice flavour exists (DESIGN §0.14).

Sources: fediverse-apis §1.3 (no PKCE, exact redirect match), §3 (import endpoints), §5.4
(`relations_actions` 10 per 10 s), §6.4 (alias and move API, no cooldown found).
"""

from __future__ import annotations

from datetime import timedelta

from fedimove.core.models import Category
from fedimove.core.servers.base import (
    ActionSupport,
    Capabilities,
    FollowPacing,
    ProfileLimits,
    RateBudget,
    RedirectRule,
    ServerProbe,
    SupportLevel,
)
from fedimove.core.servers.instance_config import profile_limits
from fedimove.core.servers.mastodon import PAGE_SIZES

RATE_BUDGETS = (RateBudget("relations_actions", 10, timedelta(seconds=10), "user"),)


class AkkomaAdapter:
    names: tuple[str, ...] = ("akkoma", "pleroma")

    def matches(self, probe: ServerProbe) -> bool:
        return probe.software in self.names

    def capabilities(self, probe: ServerProbe) -> Capabilities:
        return Capabilities(
            support=SupportLevel.EXPERIMENTAL,
            pkce=False,
            redirect_rule=RedirectRule.EXACT,
            oob=True,
            legacy_follow_scope=True,
            alias=ActionSupport.API,
            move=ActionSupport.API,
            move_needs_password=True,
            api_import=frozenset({Category.FOLLOWING, Category.BLOCKS, Category.MUTES}),
            follow_pacing=FollowPacing(per_window=10, window=timedelta(seconds=10)),
            page_sizes=PAGE_SIZES,
            rate_budgets=RATE_BUDGETS,
            profile_limits=profile_limits(probe.instance, ProfileLimits(max_fields=10)),
            limitations=("experimental", "no_pkce"),
        )
