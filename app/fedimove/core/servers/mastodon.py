"""Mastodon, and what changed at 4.3 / 4.4 (fediverse-apis §1.1, §1.6, §2, §5.1, §5.2, §6.1)."""

from __future__ import annotations

from datetime import timedelta

from fedimove.core.models import Category
from fedimove.core.servers.base import (
    ActionSupport,
    Capabilities,
    FollowCap,
    FollowPacing,
    PageSize,
    ProfileLimits,
    RateBudget,
    RedirectRule,
    ServerProbe,
    SupportLevel,
    frozen_map,
)
from fedimove.core.servers.instance_config import mastodon_api_version, profile_limits
from fedimove.core.servers.versions import at_least, parse_version

#: Older than this lacks `accounts/lookup` (3.4) and is long out of support.
MINIMUM_VERSION = (3, 5, 0)
PKCE_VERSION = (4, 3, 0)
USERINFO_VERSION = (4, 4, 0)

#: §2 table: default / maximum `limit` per collection.
PAGE_SIZES = frozen_map(
    {
        Category.FOLLOWING: PageSize(40, 80),
        Category.FOLLOWERS: PageSize(40, 80),
        Category.LISTS: PageSize(40, 80),
        Category.BOOKMARKS: PageSize(20, 40),
        Category.FAVOURITES: PageSize(20, 40),
        Category.BLOCKS: PageSize(40, 80),
        Category.MUTES: PageSize(40, 80),
        Category.DOMAIN_BLOCKS: PageSize(100, 200),
        Category.FOLLOWED_TAGS: PageSize(100, 200),
        Category.ENDORSEMENTS: PageSize(40, 80),
        Category.POSTS: PageSize(20, 40),
    }
)

#: §5.1 rack-attack throttles a single client meets.
RATE_BUDGETS = (
    RateBudget("per_token_api", 300, timedelta(minutes=5), "token"),
    RateBudget("authenticated_api", 1500, timedelta(minutes=5), "user"),
    RateBudget("authenticated_paging", 300, timedelta(minutes=15), "user"),
    RateBudget("api_media", 30, timedelta(minutes=30), "user"),
)

WEB_CSV_IMPORT = frozenset(
    {
        Category.FOLLOWING,
        Category.BLOCKS,
        Category.MUTES,
        Category.DOMAIN_BLOCKS,
        Category.BOOKMARKS,
        Category.LISTS,
    }
)

DEFAULT_PROFILE_LIMITS = ProfileLimits(
    max_fields=4, field_name_chars=255, field_value_chars=255, display_name_chars=30, note_chars=500
)


def _version_of(probe: ServerProbe) -> str:
    return probe.version or str((probe.instance or {}).get("version", ""))


def _has_pkce(probe: ServerProbe) -> bool:
    """The metadata document says so (4.3+); its absence means an older server (§1.5)."""
    metadata = probe.oauth_metadata or {}
    methods = metadata.get("code_challenge_methods_supported") or []
    return "S256" in methods or (not metadata and at_least(_version_of(probe), PKCE_VERSION))


class MastodonAdapter:
    names: tuple[str, ...] = ("mastodon", "hometown")

    def matches(self, probe: ServerProbe) -> bool:
        return probe.software in self.names

    def capabilities(self, probe: ServerProbe) -> Capabilities:
        version = parse_version(_version_of(probe))
        modern = _has_pkce(probe) or mastodon_api_version(probe.instance) >= 2
        userinfo = bool((probe.oauth_metadata or {}).get("userinfo_endpoint")) or (
            version >= USERINFO_VERSION
        )
        limitations = ["alias_web_only", "move_web_only", "import_web_only"]
        if not modern:
            limitations.append("no_pkce")
        support = SupportLevel.FULL
        if version < MINIMUM_VERSION:
            support = SupportLevel.UNSUPPORTED
            limitations.insert(0, "server_too_old")
        return Capabilities(
            support=support,
            pkce=modern,
            redirect_rule=RedirectRule.LOOPBACK_ANY_PORT,
            oob=True,
            multiple_redirect_uris=True,
            redirect_uris_as_list=modern,
            profile_scope=modern,
            legacy_follow_scope=True,
            userinfo=userinfo,
            alias=ActionSupport.GUIDED,
            move=ActionSupport.GUIDED,
            move_needs_password=True,
            move_cooldown=timedelta(days=30),
            move_resend_after=None,
            web_csv_import=WEB_CSV_IMPORT,
            follow_pacing=FollowPacing(per_day=400),
            follow_cap=FollowCap(threshold=7500, followers_ratio=1.1),
            page_sizes=PAGE_SIZES,
            rate_budgets=RATE_BUDGETS,
            profile_limits=profile_limits(probe.instance, DEFAULT_PROFILE_LIMITS),
            limitations=tuple(limitations),
        )
