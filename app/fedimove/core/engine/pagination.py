"""Pagination by the `Link` header, and nothing else (fediverse-apis §2).

The `max_id`/`since_id` values of account lists are internal row ids (of the Follow, Block or
Mute), not account ids, so Fedimove never builds them: it follows `rel="next"` exactly as the
server wrote it. A next link is only followed when it stays on the server that sent it (our
token must never be sent elsewhere) and has not been seen before (a loop ends the walk).
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

#: Query keys that make a request count against Mastodon's paging throttle (§5.1).
PAGING_KEYS = frozenset({"max_id", "min_id", "since_id", "page"})
#: A Link header longer than this is not one any server we know writes.
MAX_LINK_HEADER = 16 * 1024


def _split_outside_brackets(text: str) -> list[str]:
    """Split on commas that are not inside `<…>` (URLs may contain commas)."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for char in text:
        if char == "<":
            depth += 1
        elif char == ">" and depth:
            depth -= 1
        if char == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _rels(params: list[str]) -> list[str]:
    rels: list[str] = []
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "rel":
            rels.extend(value.strip().strip('"').lower().split())
    return rels


def parse_link_header(value: str | None) -> dict[str, str]:
    """`{rel: url}` from an RFC 8288 `Link` header; malformed parts are skipped, never raised.

    The first link wins for a repeated rel (Mastodon writes each once)."""
    links: dict[str, str] = {}
    if not value or len(value) > MAX_LINK_HEADER:
        return links
    for raw_part in _split_outside_brackets(value):
        part = raw_part.strip()
        if not part.startswith("<") or ">" not in part:
            continue
        url, _, rest = part[1:].partition(">")
        url = url.strip()
        if not url:
            continue
        for rel in _rels(rest.split(";")[1:]):
            links.setdefault(rel, url)
    return links


def same_origin(url: str, origin: str) -> bool:
    """True when `url` is on `origin` (scheme, host and port all equal)."""
    try:
        target, expected = urlsplit(url), urlsplit(origin)
        return (
            target.scheme.lower() == expected.scheme.lower()
            and target.hostname == expected.hostname
            and target.port == expected.port
        )
    except ValueError:
        return False


def is_paged(url: str) -> bool:
    """Whether a request to `url` counts as a paging request (it carries a cursor)."""
    try:
        query = urlsplit(url).query
    except ValueError:
        return False
    return any(key in PAGING_KEYS for key, _ in parse_qsl(query, keep_blank_values=True))


def next_page(link_header: str | None, origin: str, seen: set[str]) -> str | None:
    """The URL of the next (older) page to read, or None when the walk ends here."""
    url = parse_link_header(link_header).get("next")
    if url is None or url in seen or not same_origin(url, origin):
        return None
    seen.add(url)
    return url
