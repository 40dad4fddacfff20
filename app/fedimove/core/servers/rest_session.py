"""The transport half of the REST client: one signed-in session on one server.

Every request goes through the server's shared `RequestScheduler` (budgets, waits, retries),
every body is read with a size bound, and every failure becomes a coded error from
`core/errors.py`: a server's own error text decides *which* error, and is never shown or kept.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from fedimove.core.engine.pagination import is_paged, next_page
from fedimove.core.engine.scheduler import RequestScheduler, Slot
from fedimove.core.errors import (
    AccountDisabledError,
    AccountNotFoundError,
    FedimoveError,
    MalformedResponseError,
    NotPermittedError,
    RateLimitedError,
    ScopeMissingError,
    ServerBusyError,
    ServerError,
    TokenInvalidError,
)
from fedimove.core.http import DEFAULT_MAX_BODY, is_loopback_host, read_bounded
from fedimove.core.progress import CancelToken

#: Media (avatar, header, post attachments) can be larger than an API answer.
MEDIA_MAX_BYTES = 64 * 1024 * 1024
#: A collection longer than this many pages is a server that loops or lies.
MAX_PAGES = 100_000

FormData = Sequence[tuple[str, str]]
Files = Mapping[str, tuple[str, bytes, str]]


@dataclass(frozen=True, slots=True)
class RestReply:
    status_code: int
    headers: httpx.Headers
    body: Any  # parsed JSON, or None

    def error_text(self) -> str:
        """The server's `error` field, for classification only (never shown)."""
        if isinstance(self.body, dict) and isinstance(self.body.get("error"), str):
            return str(self.body["error"])[:200].lower()
        return ""


def token_fingerprint(token: str) -> str:
    """A stable, non-reversible key for budgets keyed by token."""
    return hashlib.sha256(token.encode()).hexdigest()[:16]


def raise_for_reply(reply: RestReply, host: str) -> None:
    """Turn a non-2xx answer into a coded error (fediverse-apis §12)."""
    status = reply.status_code
    if 200 <= status < 300:
        return
    text = reply.error_text()
    if status == 401:
        raise TokenInvalidError("token rejected", host=host)
    if status == 403:
        if "login is currently disabled" in text:
            raise AccountDisabledError("account disabled", status=status, host=host)
        if "scope" in text:
            raise ScopeMissingError("scope missing", status=status, host=host)
        raise NotPermittedError("not permitted", status=status, host=host)
    if status in (404, 410):
        raise AccountNotFoundError("not found", status=status, host=host)
    if status == 429:
        raise RateLimitedError("rate limited", status=status, host=host)
    if status >= 500:
        raise ServerBusyError("server error", status=status, host=host)
    raise ServerError("request refused", status=status, host=host)


class RestSession:
    """Requests with one token to one Mastodon-compatible server."""

    def __init__(
        self,
        origin: str,
        token: str,
        scheduler: RequestScheduler,
        *,
        http: httpx.AsyncClient,
        local_domain: str | None = None,
        cancel: CancelToken | None = None,
    ) -> None:
        self.origin = origin.rstrip("/")
        self.host = urlsplit(self.origin).netloc
        self.local_domain = (local_domain or self.host).lower()
        self.scheduler = scheduler
        self.http = http
        self.cancel = cancel
        self._token = token
        self._fingerprint = token_fingerprint(token)
        self.user_key = ""  # the account id, once verify_credentials has told us

    def eta(self, requests: int, *, paged: int = 0) -> datetime:
        """When this session's next `requests` requests should be done (see the scheduler)."""
        slot = Slot(self._fingerprint, self.user_key)
        return self.scheduler.eta(requests, paged=paged, slot=slot)

    def _slot(self, url: str, *, idempotent: bool, family: str = "") -> Slot:
        return Slot(self._fingerprint, self.user_key, is_paged(url), idempotent, family)

    def _url(self, path: str) -> str:
        return path if path.startswith(("https://", "http://")) else self.origin + path

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Sequence[tuple[str, str]] | None = None,
        data: FormData | None = None,
        files: Files | None = None,
        idempotent: bool = True,
        family: str = "",
    ) -> RestReply:
        """Send one API request (through the scheduler) and return the answer, whatever it is."""
        url = self._url(path)
        if params:  # httpx would replace a next link's own query even with an empty list
            url = str(httpx.URL(url).copy_merge_params(list(params)))
        headers = {"Authorization": f"Bearer {self._token}"}

        async def send() -> RestReply:
            request = self.http.build_request(
                method,
                url,
                data=dict(_group(data)) if data else None,
                files=files,
                headers=headers,
            )
            response = await self.http.send(request, stream=True)
            try:
                raw = await read_bounded(response, DEFAULT_MAX_BODY)
            finally:
                await response.aclose()
            return RestReply(response.status_code, response.headers, _parse_json(raw))

        return await self.scheduler.run(
            send, self._slot(url, idempotent=idempotent, family=family), cancel=self.cancel
        )

    async def call(self, method: str, path: str, **kwargs: Any) -> Any:
        """`request`, then raise on failure and return the JSON body."""
        reply = await self.request(method, path, **kwargs)
        raise_for_reply(reply, self.host)
        return reply.body

    async def get_object(self, path: str, **kwargs: Any) -> dict[str, Any]:
        body = await self.call("GET", path, **kwargs)
        if not isinstance(body, dict):
            raise MalformedResponseError("expected an object", host=self.host)
        return body

    async def get_list(self, path: str, **kwargs: Any) -> list[Any]:
        body = await self.call("GET", path, **kwargs)
        if not isinstance(body, list):
            raise MalformedResponseError("expected a list", host=self.host)
        return body

    async def pages(
        self, path: str, *, limit: int, params: Sequence[tuple[str, str]] = ()
    ) -> AsyncIterator[list[Any]]:
        """Each page of a collection, first at `limit`, then by `rel="next"` links only."""
        first = self._url(path)
        query: Sequence[tuple[str, str]] = [*params, ("limit", str(limit))]
        seen = {str(httpx.URL(first).copy_merge_params(list(query)))}
        url: str | None = first
        for _ in range(MAX_PAGES):
            if url is None:
                return
            reply = await self.request("GET", url, params=query)
            raise_for_reply(reply, self.host)
            if not isinstance(reply.body, list):
                raise MalformedResponseError("expected a list", host=self.host)
            yield reply.body
            if not reply.body:
                return
            url, query = next_page(reply.headers.get("Link"), self.origin, seen), ()

    def _may_fetch(self, url: str) -> bool:
        """A server names its media URLs: never let one point us at this machine's own
        services, unless the server itself lives here (the practice Fediverse)."""
        return not _is_loopback_url(url) or _is_loopback_url(self.origin)

    async def fetch_media(self, url: str) -> tuple[bytes, str] | None:
        """Download a public media file (no token: it may live on another host). None when it
        cannot be had; the caller records that, it is not fatal."""
        if not url or url.endswith("/missing.png") or not self._may_fetch(url):
            return None
        try:
            async with self.http.stream("GET", url) as response:
                if response.status_code != 200:
                    return None
                data = await read_bounded(response, MEDIA_MAX_BYTES)
                return data, response.headers.get("Content-Type", "application/octet-stream")
        except (httpx.HTTPError, FedimoveError):
            return None


def _is_loopback_url(url: str) -> bool:
    try:
        return is_loopback_host(httpx.URL(url).host)
    except (httpx.InvalidURL, ValueError):
        return False


def _group(data: FormData) -> dict[str, str | list[str]]:
    """Form pairs as httpx wants them (repeated keys become lists)."""
    grouped: dict[str, str | list[str]] = {}
    for key, value in data:
        existing = grouped.get(key)
        if existing is None:
            grouped[key] = value
        elif isinstance(existing, list):
            existing.append(value)
        else:
            grouped[key] = [existing, value]
    return grouped


def _parse_json(raw: bytes) -> Any:
    if not raw:
        return None
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
