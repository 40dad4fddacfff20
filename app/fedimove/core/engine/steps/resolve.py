"""Resolving accounts and posts on the new server, strictly: "not there" only when the server
clearly says so (a 404, or a well-formed empty search). A garbled answer (an HTML error page
with status 200, truncated or mistyped JSON) is not "gone": it raises, the item stays in flight,
and the next run asks again. The lenient readers in `servers/rest.py` would return None and
the item would be skipped for good (a reliability finding, docs/reliability.md).
"""

from __future__ import annotations

from typing import Any

from fedimove.core.errors import AccountNotFoundError, MalformedResponseError
from fedimove.core.models import AccountRef, StatusRef
from fedimove.core.servers import rest_parse as parse
from fedimove.core.servers.rest import RestClient


def _garbled(client: RestClient) -> MalformedResponseError:
    return MalformedResponseError("unreadable answer", host=client.host)


async def _search(client: RestClient, query: str, kind: str) -> list[dict[str, Any]]:
    params = [("q", query), ("type", kind), ("resolve", "true"), ("limit", "1")]
    try:
        found = await client.get_object("/api/v2/search", params=params)
    except AccountNotFoundError:
        return []
    items = found.get(kind)
    if not isinstance(items, list) or any(not isinstance(i, dict) for i in items):
        raise _garbled(client)
    return items


def _account(client: RestClient, data: dict[str, Any]) -> AccountRef:
    ref = parse.account(data, client.local_domain)
    if ref is None or not ref.local_id.strip() or not isinstance(data.get("id"), str):
        raise _garbled(client)
    return ref


async def resolve_account(client: RestClient, acct: str) -> AccountRef | None:
    """`accounts/lookup` (accounts the server knows), else `v2/search?resolve=true`."""
    acct = acct.lstrip("@")
    try:
        data = await client.get_object("/api/v1/accounts/lookup", params=[("acct", acct)])
        return _account(client, data)
    except AccountNotFoundError:
        pass
    wanted = acct.lower()
    for item in await _search(client, f"@{acct}", "accounts"):
        ref = _account(client, item)
        if ref.acct.lower() == wanted:
            return ref
    return None


async def resolve_status(client: RestClient, uri: str) -> StatusRef | None:
    for item in await _search(client, uri, "statuses"):
        ref = parse.status(item, client.local_domain)
        if ref is None or not isinstance(item.get("id"), str) or not ref.local_id:
            raise _garbled(client)
        return ref
    return None
