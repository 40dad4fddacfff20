"""Every fact Fedimove relies on: id, source, the expected value per server, and its probe.

Expected values come from the adapter's declared `Capabilities` where one exists (so a wrong
declaration shows up here), otherwise from the section of fediverse-apis.md named in `source`.
An expectation returns None where the fact does not apply to that server.
"""

from __future__ import annotations

from typing import Any

from fedimove.core.engine.alias import AliasTier
from fedimove.core.models import Category
from fedimove.core.selftest import probes_api as api
from fedimove.core.selftest import probes_move as move
from fedimove.core.selftest import probes_oauth as oauth
from fedimove.core.selftest.facts import Fact, Role
from fedimove.core.servers.base import ActionSupport, ServerInfo
from fedimove.core.servers.versions import at_least

MASTODON_METADATA = (4, 3, 0)
PAGED = (
    Category.FOLLOWING,
    Category.FOLLOWERS,
    Category.BLOCKS,
    Category.MUTES,
    Category.BOOKMARKS,
    Category.FAVOURITES,
    Category.DOMAIN_BLOCKS,
    Category.FOLLOWED_TAGS,
)
BOTH = (Role.OLD, Role.NEW)


def _is_mastodon(server: ServerInfo) -> bool:
    return server.software in ("mastodon", "hometown")


def _metadata(server: ServerInfo) -> bool:
    # Mastodon 4.3.0+; GoToSocial none as of v0.20 (§1.2, UNCONFIRMED for later releases).
    return _is_mastodon(server) and at_least(server.version, MASTODON_METADATA)


def _page_max(category: Category) -> Any:
    def expect(server: ServerInfo) -> int | None:
        size = server.capabilities.page_size(category)
        return size.maximum if size else None

    return expect


def _imports(category: Category) -> Any:
    def expect(server: ServerInfo) -> int | None:
        return 202 if category in server.capabilities.api_import else None

    return expect


def _page_fact(category: Category) -> Fact:
    return Fact(
        f"pagination.max_per_page.{category.value}",
        f"At most this many {category.value.replace('_', ' ')} per page",
        "fediverse-apis §2 table; Capabilities.page_sizes",
        _page_max(category),
        api.page_max_probe(category),
    )


SIGN_IN_FACTS = (
    Fact(
        "oauth.metadata_served",
        "RFC 8414 metadata at /.well-known/oauth-authorization-server",
        "fediverse-apis §1.1 Metadata, §1.2, §1.5 step 1",
        _metadata,
        oauth.metadata_served,
        BOTH,
    ),
    Fact(
        "oauth.pkce",
        "Sign-in works with the PKCE choice Fedimove makes (S256 or none)",
        "fediverse-apis §1.1 PKCE, §1.2; Capabilities.pkce",
        lambda s: "S256" if s.capabilities.pkce else "none",
        oauth.pkce_used,
        BOTH,
    ),
    Fact(
        "oauth.profile_scope",
        "The `profile` scope is accepted at app registration",
        "fediverse-apis §1.1 Scopes, §1.6; Capabilities.profile_scope",
        lambda s: s.capabilities.profile_scope,
        oauth.scope_probe("profile"),
    ),
    Fact(
        "oauth.follow_scope",
        "The legacy `follow` scope is accepted at app registration",
        "fediverse-apis §1.1 Scopes (deprecated 3.5), §1.2 (no follow scope); "
        "Capabilities.legacy_follow_scope",
        lambda s: s.capabilities.legacy_follow_scope,
        oauth.scope_probe("follow"),
    ),
    Fact(
        "oauth.redirect_rule",
        "The registered redirect URI is accepted by the rule Fedimove assumes",
        "fediverse-apis §1.1 Redirect URIs, §1.2; Capabilities.redirect_rule",
        lambda s: s.capabilities.redirect_rule.value,
        oauth.redirect_rule,
        BOTH,
    ),
    Fact(
        "oauth.scopes_granted",
        "The token is granted every scope asked for",
        "fediverse-apis §1.1 Scopes, §1.2",
        lambda s: True,
        oauth.scopes_granted,
        BOTH,
    ),
    Fact(
        "errors.invalid_token",
        "A token the server does not know gets 401",
        "fediverse-apis §12 (401)",
        lambda s: 401,
        oauth.invalid_token_refused,
    ),
)

REST_FACTS = (
    Fact(
        "ratelimit.headers_present",
        "X-RateLimit-Limit, -Remaining and -Reset on API answers",
        "fediverse-apis §5.1, §5.3",
        lambda s: True,
        api.rate_headers_present,
        BOTH,
    ),
    Fact(
        "ratelimit.reset_format",
        "X-RateLimit-Reset is an ISO 8601 time with a zone",
        "fediverse-apis §5.1 (ISO 8601 with µs), §5.3 (Mastodon format)",
        lambda s: "iso8601",
        api.rate_reset_format,
        BOTH,
    ),
    Fact(
        "ratelimit.limit_value",
        "X-RateLimit-Limit is one of the budgets the adapter declares",
        "fediverse-apis §5.1, §5.3; Capabilities.rate_budgets",
        lambda s: sorted({b.requests for b in s.capabilities.rate_budgets}) or None,
        api.rate_limit_value,
        BOTH,
        one_of=True,
    ),
    Fact(
        "pagination.link_next",
        'A `Link` header with an absolute same-origin rel="next" that advances',
        "fediverse-apis §2 Pagination rule",
        lambda s: "next",
        api.link_next,
    ),
    Fact(
        "pagination.opaque_cursor",
        "Account lists page by a cursor that is not the last account's id",
        "fediverse-apis §2 Pagination rule (row ids, never construct them)",
        lambda s: True if _is_mastodon(s) else None,
        api.cursor_opaque,
    ),
    *(_page_fact(category) for category in PAGED),
    Fact(
        "resolve.lookup_vs_search",
        "lookup finds only known accounts; search with resolve=true fetches unknown ones",
        "fediverse-apis §4 Resolving remote accounts",
        lambda s: "lookup 404, search found, lookup then 200",
        api.lookup_then_search,
    ),
    Fact(
        "errors.scope_refusal",
        "A write with a read-only token is refused with 403 naming the scope",
        "fediverse-apis §12 (403 `outside the authorized scopes`)",
        lambda s: "403 scope",
        api.scope_refusal,
    ),
)

#: After the sample copy: the import sends the same two follows (a no-op merge by then), so it
#: cannot race the copy's own follows.
IMPORT_FACTS = tuple(
    Fact(
        f"csv.api_import_{category.value}",
        f"The bulk import takes Mastodon's {category.value} CSV (202)",
        "fediverse-apis §3 (GoToSocial /api/v1/import); Capabilities.api_import",
        _imports(category),
        move.csv_import_probe(category),
        (Role.NEW,),
    )
    for category in move.IMPORT_TYPES
)


def _alias_tier(server: ServerInfo) -> str:
    api = server.capabilities.alias is ActionSupport.API
    return (AliasTier.SERVER_API if api else AliasTier.ACTOR_DOCUMENT).value


def _old_token_verify(server: ServerInfo) -> str | int | None:
    if _is_mastodon(server):
        return "403 login disabled"  # §6.1, DESIGN §0.1
    if server.software == "gotosocial":
        return 200  # §6.3: "the old account is read/delete-only"
    return None


MOVE_FACTS = (
    Fact(
        "alias.visible",
        "The alias becomes visible where Fedimove verifies it",
        "fediverse-apis §6.3 (source.also_known_as_uris), §7.3 (actor alsoKnownAs); DESIGN §0.4",
        _alias_tier,
        move.alias_visible,
        (Role.NEW,),
    ),
    Fact(
        "move.old_token_verify_credentials",
        "After the Move, the old token on verify_credentials",
        "fediverse-apis §6.1 (403 Your login is currently disabled), §6.3",
        _old_token_verify,
        move.old_token_verify,
    ),
    Fact(
        "move.old_token_health",
        "After the Move, apps/verify_credentials still accepts the old token",
        "fediverse-apis §6.2 Observing progress",
        lambda s: 200 if _is_mastodon(s) else None,
        move.old_token_health,
    ),
    Fact(
        "move.old_followers_readable",
        "After the Move, the old account's followers list is still readable",
        "fediverse-apis §6.2 Observing progress",
        lambda s: 200,
        move.old_followers_readable,
    ),
    Fact(
        "move.retry_refusal_text",
        "A second Move at once is refused with a text that names the wait",
        "fediverse-apis §6.3 (5 minutes / 7 days); Capabilities.move_cooldown",
        lambda s: "422 names the wait" if s.capabilities.move is ActionSupport.API else None,
        move.move_retry_refused,
    ),
)

FACTS: tuple[Fact, ...] = SIGN_IN_FACTS + REST_FACTS + IMPORT_FACTS + MOVE_FACTS


def fact(fact_id: str) -> Fact:
    return next(f for f in FACTS if f.id == fact_id)
