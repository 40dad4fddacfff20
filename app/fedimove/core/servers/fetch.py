"""Small JSON requests with bounded reads and coded errors, shared by detection and sign-in.

Every body is read with `read_bounded` (a hostile or broken server cannot make us hold an
endless response) and every transport failure becomes one of `core/errors.py`'s coded errors.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from fedimove.core.errors import ServerBusyError
from fedimove.core.http import read_bounded, translate_transport_error

#: Discovery documents (NodeInfo, WebFinger, instance, OAuth metadata) are a few KiB.
DISCOVERY_MAX_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class JsonReply:
    status: int
    body: Any  # parsed JSON, or None when the body was not JSON
    headers: httpx.Headers

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def object(self) -> dict[str, Any] | None:
        """The body when it is a JSON object, else None."""
        return self.body if isinstance(self.body, dict) else None


async def request_json(
    client: httpx.AsyncClient,
    method: str,
    url: str,
    *,
    data: Mapping[str, str] | None = None,
    json_body: Mapping[str, Any] | None = None,
    params: Mapping[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
    max_bytes: int = DISCOVERY_MAX_BYTES,
) -> JsonReply:
    """Send one request; return its status and JSON body (None if not JSON)."""
    host = httpx.URL(url).host
    try:
        async with client.stream(
            method, url, data=data, json=json_body, params=params, headers=headers
        ) as response:
            raw = await read_bounded(response, max_bytes)
    except httpx.HTTPError as error:
        raise translate_transport_error(error, host) from None
    return JsonReply(response.status_code, _parse(raw), response.headers)


def _parse(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return None


def raise_if_server_down(reply: JsonReply, host: str) -> None:
    """A 5xx means the server is there but unwell: worth trying again later."""
    if reply.status >= 500:
        raise ServerBusyError("server error", status=reply.status, host=host)
