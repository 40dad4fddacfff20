"""Find the server behind a handle, URL or domain, and learn what it can do (fediverse-apis §7).

`detect(text, client)` accepts `@anna@old.example` (WebFinger finds the server, which may live
on another host than the handle's domain), `https://old.example/@anna` or `old.example`, then
reads NodeInfo, the instance document (v2, else v1) and the OAuth metadata, and lets the first
matching adapter declare the `Capabilities`. Whatever answers — a Mastodon, a blog, nothing at
all — the result is a `DetectedTarget` or a coded error, never a crash.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from fedimove.core.errors import (
    AccountNotFoundError,
    AccountSuspendedError,
    InvalidUrlError,
    NotFediverseError,
)
from fedimove.core.http import is_loopback_host
from fedimove.core.models import Handle
from fedimove.core.servers.akkoma import AkkomaAdapter
from fedimove.core.servers.base import ServerAdapter, ServerInfo, ServerProbe
from fedimove.core.servers.fetch import JsonReply, raise_if_server_down, request_json
from fedimove.core.servers.gotosocial import GoToSocialAdapter
from fedimove.core.servers.instance_config import instance_title, printable
from fedimove.core.servers.mastodon import MastodonAdapter
from fedimove.core.servers.misskey import MisskeyAdapter, OtherSoftwareAdapter

NODEINFO_SCHEMAS = (
    "http://nodeinfo.diaspora.software/ns/schema/2.1",
    "http://nodeinfo.diaspora.software/ns/schema/2.0",
)
ACTOR_TYPES = ("application/activity+json", "application/ld+json")
_PROFILE_PATH = re.compile(r"/@(?P<user>[A-Za-z0-9_.\-]+)(?:@(?P<domain>[A-Za-z0-9.\-:]+))?/?")
_SOFTWARE_NAME = re.compile(r"[a-z0-9][a-z0-9._+\-]{0,63}")

ADAPTERS: tuple[ServerAdapter, ...] = (
    MastodonAdapter(),
    GoToSocialAdapter(),
    AkkomaAdapter(),
    MisskeyAdapter(),
    OtherSoftwareAdapter(),  # last: matches anything
)


@dataclass(frozen=True, slots=True)
class DetectedTarget:
    """The server, and the account when a handle was given."""

    server: ServerInfo
    handle: Handle | None = None
    actor_uri: str = ""


@dataclass(frozen=True, slots=True)
class Locator:
    """Where a domain's server is reached. `overrides` maps a domain to an origin (the practice
    Fediverse served on loopback answers for `old.practice` at `http://127.0.0.1:PORT`)."""

    overrides: Mapping[str, str] = field(default_factory=dict)

    def origin_for(self, domain: str) -> str:
        domain = domain.lower()
        if domain in self.overrides:
            return self.overrides[domain].rstrip("/")
        host = domain.split(":", 1)[0] if not domain.startswith("[") else domain
        scheme = "http" if is_loopback_host(host) else "https"
        return f"{scheme}://{domain}"


async def detect(
    text: str, client: httpx.AsyncClient, *, locator: Locator | None = None
) -> DetectedTarget:
    """Detect the server (and account) that `text` names."""
    locator = locator or Locator()
    cleaned = text.strip()
    if "://" in cleaned:
        profile = _handle_from_profile_url(cleaned)
        if profile is not None:
            return await _detect_handle(profile, client, locator)
        return DetectedTarget(await detect_server(origin_from_url(cleaned), client))
    if "@" in cleaned.lstrip("@"):
        return await _detect_handle(Handle.parse(cleaned), client, locator)
    if not cleaned or "/" in cleaned or " " in cleaned:
        raise InvalidUrlError("not a handle, URL or domain")
    return DetectedTarget(await detect_server(locator.origin_for(cleaned), client))


def origin_from_url(url: str) -> str:
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError):
        raise InvalidUrlError("unparseable URL") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise InvalidUrlError("not a web address", scheme=parsed.scheme)
    port = f":{parsed.port}" if parsed.port else ""
    host = f"[{parsed.host}]" if ":" in parsed.host else parsed.host
    return f"{parsed.scheme}://{host}{port}"


def _handle_from_profile_url(url: str) -> Handle | None:
    """`https://host/@anna` (or `/@anna@other.host`, a remote profile) names an account."""
    origin = origin_from_url(url)
    path = httpx.URL(url).path
    match = _PROFILE_PATH.fullmatch(path)
    if not match:
        return None
    domain = match["domain"] or origin.split("://", 1)[1]
    return Handle.parse(f"{match['user']}@{domain}")


async def _detect_handle(
    handle: Handle, client: httpx.AsyncClient, locator: Locator
) -> DetectedTarget:
    domain_origin = locator.origin_for(handle.domain)
    reply = await request_json(
        client,
        "GET",
        f"{domain_origin}/.well-known/webfinger",
        params={"resource": f"acct:{handle.acct}"},
    )
    raise_if_server_down(reply, handle.domain)
    if reply.status == 410:  # Mastodon: the account was suspended or deleted for good
        raise AccountSuspendedError("account gone", status=410, handle=handle.acct)
    actor_uri = _actor_from_webfinger(reply)
    if not actor_uri:
        # No such account, or no Fediverse server at all: the server probe tells which.
        await detect_server(domain_origin, client)
        raise AccountNotFoundError("unknown handle", handle=handle.acct)
    origin = domain_origin
    if handle.domain not in locator.overrides:
        origin = origin_from_url(actor_uri)  # WebFinger may delegate to another host
    server = await detect_server(origin, client)
    return DetectedTarget(server, handle, actor_uri)


def _actor_from_webfinger(reply: JsonReply) -> str:
    document = reply.object if reply.ok else None
    links = (document or {}).get("links")
    if not isinstance(links, list):
        return ""
    for link in links:
        if not isinstance(link, dict) or link.get("rel") != "self":
            continue
        href, kind = link.get("href"), str(link.get("type", ""))
        if isinstance(href, str) and kind.startswith(ACTOR_TYPES) and href.startswith("http"):
            return href
    return ""


async def probe_server(origin: str, client: httpx.AsyncClient) -> ServerProbe:
    """Read NodeInfo, the instance document and the OAuth metadata of `origin`."""
    host = httpx.URL(origin).host
    nodeinfo = await _read_nodeinfo(origin, client, host)
    instance, instance_api = await _read_instance(origin, client, host)
    if nodeinfo is None and instance is None:
        raise NotFediverseError("no NodeInfo and no instance API", host=host)
    metadata_reply = await request_json(
        client, "GET", f"{origin}/.well-known/oauth-authorization-server"
    )
    metadata = metadata_reply.object if metadata_reply.ok else None
    software, version = _software_of(nodeinfo, instance)
    return ServerProbe(origin, software, version, nodeinfo, instance, instance_api, metadata)


async def detect_server(origin: str, client: httpx.AsyncClient) -> ServerInfo:
    probe = await probe_server(origin, client)
    adapter = next(a for a in ADAPTERS if a.matches(probe))
    return ServerInfo(
        origin=origin,
        software=probe.software or "unknown",
        version=probe.version,
        capabilities=adapter.capabilities(probe),
        probe=probe,
        title=instance_title(probe.instance),
    )


async def _read_nodeinfo(
    origin: str, client: httpx.AsyncClient, host: str
) -> dict[str, Any] | None:
    index = await request_json(client, "GET", f"{origin}/.well-known/nodeinfo")
    raise_if_server_down(index, host)
    links = (index.object or {}).get("links") if index.ok else None
    if not isinstance(links, list):
        return None
    by_rel: dict[str, str] = {
        str(link.get("rel")): str(link["href"])
        for link in links
        if isinstance(link, dict) and isinstance(link.get("href"), str)
    }
    for schema in NODEINFO_SCHEMAS:
        if schema in by_rel:
            # Only the path is used: the document must come from the server we are probing.
            try:
                path = httpx.URL(by_rel[schema]).raw_path.decode("ascii", "replace")
            except (httpx.InvalidURL, ValueError):
                return None
            reply = await request_json(client, "GET", f"{origin}{path}")
            return reply.object if reply.ok else None
    return None


async def _read_instance(
    origin: str, client: httpx.AsyncClient, host: str
) -> tuple[dict[str, Any] | None, int]:
    for api in (2, 1):
        reply = await request_json(client, "GET", f"{origin}/api/v{api}/instance")
        raise_if_server_down(reply, host)
        document = reply.object if reply.ok else None
        if document is not None and ("uri" in document or "domain" in document):
            return document, api
    return None, 0


def _software_of(
    nodeinfo: Mapping[str, Any] | None, instance: Mapping[str, Any] | None
) -> tuple[str, str]:
    software = (nodeinfo or {}).get("software")
    if isinstance(software, dict):
        name, version = software.get("name"), software.get("version")
        if isinstance(name, str) and _SOFTWARE_NAME.fullmatch(name.strip().lower()):
            return name.strip().lower(), printable(str(version or ""), 64)
    # No NodeInfo: an instance document alone cannot say which software it is.
    return "", printable(str((instance or {}).get("version", "")), 64)
