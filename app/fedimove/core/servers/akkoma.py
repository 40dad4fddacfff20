"""Akkoma (full support) and Pleroma (experimental).

The practice Fediverse has an `akkoma` flavour, and sign-in, alias, Move and follower
tracking are proven against it in both directions (tests/sandbox/test_akkoma*.py,
tests/e2e/test_move_akkoma.py), so Akkoma is supported like Mastodon and GoToSocial
(DESIGN §0.14). Pleroma shares the code but its alias and move endpoints are UNCONFIRMED
(fediverse-apis §13) and no practice flavour imitates it: it stays experimental.

Sources: fediverse-apis §1.3 (no PKCE, exact redirect match), §3 (import endpoints), §5.4
(`relations_actions` 10 per 10 s), §6.4 (alias and move API, no cooldown found).
"""

from __future__ import annotations

from datetime import timedelta

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

#: Akkoma has no API-wide window: its limiters sit on chosen actions only (§5.4). The one a
#: migration meets, `relations_actions` on follow/unfollow, is `follow_pacing` below (the copy
#: holds follows to it: engine/steps/follow_pacing.py); declared as a budget it would have
#: paced every request (reads too) to one per second.
RATE_BUDGETS: tuple[RateBudget, ...] = ()


class AkkomaAdapter:
    names: tuple[str, ...] = ("akkoma", "pleroma")

    def matches(self, probe: ServerProbe) -> bool:
        return probe.software in self.names

    def capabilities(self, probe: ServerProbe) -> Capabilities:
        proven = probe.software == "akkoma"
        return Capabilities(
            support=SupportLevel.FULL if proven else SupportLevel.EXPERIMENTAL,
            pkce=False,
            redirect_rule=RedirectRule.EXACT,
            oob=True,
            legacy_follow_scope=True,
            alias=ActionSupport.API,
            move=ActionSupport.API,
            move_needs_password=True,
            # Akkoma's imports are `/api/pleroma/*_import` (§3); the bulk step speaks only
            # GoToSocial's `/api/v1/import`, so follows go one by one, paced as below.
            api_import=frozenset(),
            follow_pacing=FollowPacing(per_window=10, window=timedelta(seconds=10)),
            page_sizes=PAGE_SIZES,
            rate_budgets=RATE_BUDGETS,
            profile_limits=profile_limits(probe.instance, ProfileLimits(max_fields=10)),
            limitations=("no_pkce",) if proven else ("experimental", "no_pkce"),
        )
