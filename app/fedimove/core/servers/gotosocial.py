"""GoToSocial (fediverse-apis §1.2, §3, §5.3, §6.3)."""

from __future__ import annotations

from datetime import timedelta

from fedimove.core.models import Category
from fedimove.core.servers.base import (
    ActionSupport,
    Capabilities,
    ProfileLimits,
    RateBudget,
    RedirectRule,
    ServerProbe,
    SupportLevel,
)
from fedimove.core.servers.instance_config import profile_limits
from fedimove.core.servers.mastodon import PAGE_SIZES
from fedimove.core.servers.versions import at_least, parse_version

PKCE_VERSION = (0, 12, 0)
#: Scoped tokens (and with them the `profile` scope) are enforced from v0.19.0.
SCOPES_VERSION = (0, 19, 0)

RATE_BUDGETS = (RateBudget("client_api", 300, timedelta(minutes=5), "ip"),)

# `accounts-max-profile-fields` defaults to 6 (§4); the others follow Mastodon until the
# instance document says otherwise.
DEFAULT_PROFILE_LIMITS = ProfileLimits(
    max_fields=6,
    field_name_chars=255,
    field_value_chars=255,
    display_name_chars=30,
    note_chars=5000,
)


def _gts_version(probe: ServerProbe) -> str:
    """NodeInfo's version; an injected `3.5.3+0.17.0` instance version keeps the part after +."""
    if probe.version:
        return probe.version
    raw = str((probe.instance or {}).get("version", ""))
    return raw.split("+", 1)[1] if "+" in raw else raw


class GoToSocialAdapter:
    names: tuple[str, ...] = ("gotosocial",)

    def matches(self, probe: ServerProbe) -> bool:
        return probe.software in self.names

    def capabilities(self, probe: ServerProbe) -> Capabilities:
        version = parse_version(_gts_version(probe))
        limitations: list[str] = []
        if not at_least(version, PKCE_VERSION):
            limitations.append("no_pkce")
        return Capabilities(
            support=SupportLevel.FULL,
            pkce=at_least(version, PKCE_VERSION),
            redirect_rule=RedirectRule.EXACT,
            oob=True,
            multiple_redirect_uris=True,
            profile_scope=at_least(version, SCOPES_VERSION),
            legacy_follow_scope=False,
            import_needs_write_scope=True,
            alias=ActionSupport.API,
            move=ActionSupport.API,
            move_needs_password=True,
            move_cooldown=timedelta(days=7),
            move_resend_after=timedelta(days=7),
            api_import=frozenset({Category.FOLLOWING, Category.BLOCKS, Category.MUTES}),
            page_sizes=PAGE_SIZES,
            rate_budgets=RATE_BUDGETS,
            profile_limits=profile_limits(probe.instance, DEFAULT_PROFILE_LIMITS),
            limitations=tuple(limitations),
        )
