"""Probes of REST facts: rate-limit headers (fediverse-apis §5), pagination (§2), resolving
accounts (§4) and refusals (§12). Every request goes through the side's REST session, so the
self-test itself keeps to the budgets the server announces.
"""

from __future__ import annotations

import re
from datetime import datetime

from fedimove.core.engine.pagination import parse_link_header, same_origin
from fedimove.core.models import Category
from fedimove.core.selftest.context import Side
from fedimove.core.selftest.facts import Observation, Probe
from fedimove.core.servers.rest_session import RestReply

VERIFY = "/api/v1/accounts/verify_credentials"
HEADERS = ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset")
#: A tag nobody follows; the read-only token must not be able to follow it.
PROBE_TAG = "fedimoveselftest"
_MAX_ID = re.compile(r"[?&]max_id=([^&]+)")


def collection_path(category: Category, account_id: str) -> str | None:
    """The REST collection behind a category (fediverse-apis §2)."""
    own = {
        Category.FOLLOWING: f"/api/v1/accounts/{account_id}/following",
        Category.FOLLOWERS: f"/api/v1/accounts/{account_id}/followers",
        Category.BLOCKS: "/api/v1/blocks",
        Category.MUTES: "/api/v1/mutes",
        Category.BOOKMARKS: "/api/v1/bookmarks",
        Category.FAVOURITES: "/api/v1/favourites",
        Category.DOMAIN_BLOCKS: "/api/v1/domain_blocks",
        Category.FOLLOWED_TAGS: "/api/v1/followed_tags",
        Category.ENDORSEMENTS: "/api/v1/endorsements",
    }
    return own.get(category)


async def _authenticated_get(side: Side) -> RestReply:
    return await side.rest.request("GET", VERIFY)


async def rate_headers_present(side: Side) -> Observation:
    reply = await _authenticated_get(side)
    missing = [name for name in HEADERS if name not in reply.headers]
    return Observation(not missing, detail=f"missing: {missing}" if missing else "")


def reset_format(value: str) -> str:
    """`iso8601` (Mastodon's format, with a zone), `epoch_seconds`, `seconds_until`, or the
    value itself (cut short) when it is none of these."""
    text = value.strip()
    if text.isdigit():
        return "epoch_seconds" if int(text[:12]) > 10**9 else "seconds_until"
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return f"unparseable: {text[:40]}"
    return "iso8601" if moment.tzinfo is not None else "iso8601_without_zone"


async def rate_reset_format(side: Side) -> Observation:
    reply = await _authenticated_get(side)
    value = reply.headers.get("X-RateLimit-Reset")
    if value is None:
        return Observation.unavailable("no X-RateLimit-Reset header")
    return Observation(reset_format(value), detail=value[:40])


async def rate_limit_value(side: Side) -> Observation:
    reply = await _authenticated_get(side)
    value = reply.headers.get("X-RateLimit-Limit", "")
    if not value.strip().isdigit():
        return Observation.unavailable(f"X-RateLimit-Limit is {value[:20]!r}")
    return Observation(int(value))


def _biggest_collection(side: Side) -> Category | None:
    for category in (Category.FOLLOWING, Category.FOLLOWERS):
        if side.counts.get(category, 0) >= 2:
            return category
    return None


async def link_next(side: Side) -> Observation:
    """A one-item page of a collection with two or more items: is there an absolute,
    same-origin `rel="next"` link, and does it lead to the next item?"""
    category = _biggest_collection(side)
    if category is None:
        return Observation.unavailable("no collection here has two items to page through")
    path = collection_path(category, side.account_id) or ""
    first = await side.rest.request("GET", path, params=[("limit", "1")])
    next_url = parse_link_header(first.headers.get("Link")).get("next")
    if first.status_code != 200 or not isinstance(first.body, list) or not first.body:
        return Observation.unavailable(f"the {category} page answered {first.status_code}")
    if next_url is None:
        return Observation("no next link", detail=f"{category}, limit=1")
    if not same_origin(next_url, side.origin):
        return Observation("next link on another origin", detail=category.value)
    second = await side.rest.request("GET", next_url)
    advanced = isinstance(second.body, list) and bool(second.body) and second.body != first.body
    return Observation("next" if advanced else "next link does not advance", detail=category)


async def cursor_opaque(side: Side) -> Observation:
    """Account lists page by relationship row ids, not account ids (fediverse-apis §2)."""
    if side.counts.get(Category.FOLLOWING, 0) < 2:
        return Observation.unavailable("fewer than two follows to page through")
    path = collection_path(Category.FOLLOWING, side.account_id) or ""
    reply = await side.rest.request("GET", path, params=[("limit", "1")])
    match = _MAX_ID.search(parse_link_header(reply.headers.get("Link")).get("next", ""))
    if not match or not isinstance(reply.body, list) or not reply.body:
        return Observation.unavailable("no next link with a max_id")
    last_id = str(reply.body[-1].get("id", "")) if isinstance(reply.body[-1], dict) else ""
    return Observation(match.group(1) != last_id, detail=f"max_id {match.group(1)}")


def page_max_probe(category: Category) -> Probe:
    async def probe(side: Side) -> Observation:
        return await page_max(side, category)

    probe.__name__ = f"page_max_{category.value}"
    return probe


_COUNT_FIELD = {Category.FOLLOWING: "following_count", Category.FOLLOWERS: "followers_count"}


async def _public_stand_in(side: Side, category: Category, needed: int) -> str | None:
    """A throwaway account has few follows and followers, but these lists are public: measure
    on a local account from the server's directory that has enough (None if there is none)."""
    field = _COUNT_FIELD.get(category)
    if field is None or side.counts.get(category, 0) > needed:
        return None
    params = [("limit", "40"), ("order", "active"), ("local", "true")]
    reply = await side.rest.request("GET", "/api/v1/directory", params=params)
    entries = reply.body if reply.status_code == 200 and isinstance(reply.body, list) else []
    for entry in entries:
        count = entry.get(field) if isinstance(entry, dict) else None
        if isinstance(count, int) and count > needed and isinstance(entry.get("id"), str):
            return str(entry["id"])
    return None


async def page_max(side: Side, category: Category) -> Observation:
    """Ask for twice the declared maximum; a full page shows the server's own cap."""
    declared = side.server.capabilities.page_size(category)
    if declared is None or collection_path(category, side.account_id) is None:
        return Observation.unavailable("no page size declared for this collection")
    stand_in = await _public_stand_in(side, category, declared.maximum)
    path = collection_path(category, stand_in or side.account_id) or ""
    wanted = declared.maximum * 2
    reply = await side.rest.request("GET", path, params=[("limit", str(wanted))])
    if reply.status_code != 200 or not isinstance(reply.body, list):
        return Observation.unavailable(f"the collection answered {reply.status_code}")
    count, has_next = len(reply.body), "next" in parse_link_header(reply.headers.get("Link"))
    where = f" on directory account {stand_in}" if stand_in else ""
    if count >= declared.maximum or has_next:
        return Observation(count, detail=f"asked for {wanted}{where}")
    return Observation.unavailable(
        f"only {count} items here; more than {declared.maximum} are needed to see the page limit"
    )


async def lookup_then_search(side: Side) -> Observation:
    """`accounts/lookup` skips WebFinger (404 for an account the server has not seen) and
    `v2/search?resolve=true` fetches it (fediverse-apis §4)."""
    if side.other is None:
        return Observation.unavailable("needs the other account")
    acct = side.other.acct
    params = [("acct", acct)]
    before = await side.rest.request("GET", "/api/v1/accounts/lookup", params=params)
    if before.status_code == 200:
        return Observation.unavailable("this server already knew the other account")
    found = await side.rest.resolve_account(acct)
    after = await side.rest.request("GET", "/api/v1/accounts/lookup", params=params)
    shown = f"lookup {before.status_code}, search {'found' if found else 'missed'}"
    return Observation(f"{shown}, lookup then {after.status_code}")


async def scope_refusal(side: Side) -> Observation:
    """A write with the read-only token: 403 whose error names the scope (fediverse-apis §12)."""
    if any(s == "write" or s.startswith("write:") for s in side.sign_in.granted_scopes):
        return Observation.unavailable("this token may write; the refusal cannot be seen")
    path = f"/api/v1/tags/{PROBE_TAG}/follow"
    reply = await side.rest.request("POST", path, idempotent=False)
    if 200 <= reply.status_code < 300:
        await side.rest.request("POST", f"/api/v1/tags/{PROBE_TAG}/unfollow", idempotent=False)
        return Observation("accepted")
    words = "scope" if "scope" in reply.error_text() else "other text"
    return Observation(f"{reply.status_code} {words}")
