"""How an instance learns about accounts and posts elsewhere: WebFinger, then an
ActivityPub fetch, over the network's HTTP (in-process transport or loopback)
[fediverse-apis.md §4 "Resolving remote accounts", §7.3; MD: spec/webfinger.md]."""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx

from fedimove.sandbox.instance import Instance
from fedimove.sandbox.state import Account, Status

AP_ACCEPT = 'application/activity+json, application/ld+json; profile="https://www.w3.org/ns/activitystreams"'


def _origin_for_domain(instance: Instance, domain: str) -> str:
    name = instance.directory.name_for_host(domain)
    return instance.directory.origin_of(name) if name else f"https://{domain}"


async def _get_json(client: httpx.AsyncClient, url: str, accept: str) -> dict[str, object] | None:
    try:
        response = await client.get(url, headers={"Accept": accept})
    except httpx.HTTPError:
        return None
    if response.status_code != 200:
        return None
    try:
        data = response.json()
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


async def fetch_actor(instance: Instance, actor_uri: str) -> Account | None:
    """Fetch an actor document and keep this instance's copy of that account."""
    known = instance.account_by_uri(actor_uri)
    if known is not None:
        return known
    async with instance.directory.http_client() as client:
        actor = await _get_json(client, actor_uri, AP_ACCEPT)
    if actor is None or not isinstance(actor.get("preferredUsername"), str):
        return None
    home = instance.directory.name_for_host(urlsplit(str(actor.get("id", ""))).netloc)
    if home is None:
        return None
    return instance.ensure_account(home, str(actor["preferredUsername"]))


async def resolve_acct(instance: Instance, username: str, domain: str) -> Account | None:
    """`user@domain` → WebFinger `self` link → actor fetch."""
    if domain.lower() == instance.domain.lower():
        return instance.state.find(username, instance.name)
    home = instance.directory.name_for_host(domain.lower())
    if home is not None:
        known = instance.state.find(username, home)
        if known is not None:
            return known
    origin = _origin_for_domain(instance, domain)
    url = f"{origin}/.well-known/webfinger?resource=acct:{username}@{domain}"
    async with instance.directory.http_client() as client:
        jrd = await _get_json(client, url, "application/jrd+json")
    links = jrd.get("links") if jrd else None
    for link in links if isinstance(links, list) else []:
        if (
            isinstance(link, dict)
            and link.get("rel") == "self"
            and isinstance(link.get("href"), str)
        ):
            return await fetch_actor(instance, link["href"])
    return None


async def resolve_status(instance: Instance, url: str) -> Status | None:
    """A post by its URI or URL: fetch the Note, then its author; keep a local copy."""
    local = _local_status(instance, url)
    if local is not None:
        return local
    async with instance.directory.http_client() as client:
        note = await _get_json(client, url, AP_ACCEPT)
    if note is None or not isinstance(note.get("attributedTo"), str):
        return None
    author = await fetch_actor(instance, str(note["attributedTo"]))
    note_id = str(note.get("id", ""))
    tail = note_id.rstrip("/").rsplit("/", 1)[-1]
    if author is None or not tail.isdigit():
        return None
    existing = instance.state.statuses_by_home.get((author.home, int(tail)))
    if existing is not None:
        return instance.state.statuses[existing]
    text = str(note.get("content", "")).replace("<p>", "").replace("</p>", "\n").strip()
    status = Status(
        instance.state.ids.next(),
        author.id,
        instance.clock.now(),
        text,
        "public",
        "en",
        home_id=int(tail),
    )
    return instance.state.add_status(status, author.home)


def _local_status(instance: Instance, url: str) -> Status | None:
    parts = urlsplit(url)
    segments = parts.path.strip("/").split("/")
    if not segments or not segments[-1].isdigit():
        return None
    home = (
        instance.name
        if parts.netloc == instance.domain
        else instance.directory.name_for_host(parts.netloc)
    )
    if home is None:
        return None
    local_id = instance.state.statuses_by_home.get((home, int(segments[-1])))
    return instance.state.statuses.get(local_id) if local_id is not None else None
