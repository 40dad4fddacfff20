"""The one place an `httpx.AsyncClient` is made.

Every client Fedimove uses comes from `make_client`, so all of them share the same rules:
- a `Fedimove/<version>` user agent and finite timeouts;
- HTTPS for every host that is not on this machine (checked on every request and redirect, so a
  server cannot downgrade us to plain HTTP with a redirect);
- at most `MAX_REDIRECTS` redirects;
- request logging with `Authorization` (and any token-like query parameter) redacted.

Tests and the practice Fediverse inject a transport (`httpx.ASGITransport` or a router of them).
"""

from __future__ import annotations

import ipaddress
import logging
import re
from collections.abc import Mapping

import httpx

from fedimove import __version__
from fedimove.core.errors import (
    InsecureUrlError,
    NetworkTimeoutError,
    ResponseTooLargeError,
    ServerUnreachableError,
    TlsError,
    TooManyRedirectsError,
)

log = logging.getLogger("fedimove.http")

USER_AGENT = f"Fedimove/{__version__} (+https://fedimove.app)"
MAX_REDIRECTS = 5
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
#: A response larger than this is not what any API we call would send (bounded reads).
DEFAULT_MAX_BODY = 16 * 1024 * 1024

REDACTED = "[redacted]"
_SECRET_HEADERS = frozenset({"authorization", "cookie", "set-cookie", "proxy-authorization"})
_SECRET_PARAMS = re.compile(
    r"(?i)\b(access_token|client_secret|code|code_verifier|password|token|i)=([^&\s]+)"
)


def is_loopback_host(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and `localhost` (the only hosts plain HTTP may reach)."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url_allowed(url: httpx.URL) -> None:
    """Refuse plain HTTP (or any non-HTTP scheme) to hosts that are not on this machine."""
    if url.scheme == "https":
        return
    if url.scheme == "http" and is_loopback_host(url.host):
        return
    raise InsecureUrlError("refused insecure URL", host=url.host, scheme=url.scheme)


def redact_url(url: httpx.URL | str) -> str:
    return _SECRET_PARAMS.sub(lambda m: f"{m.group(1)}={REDACTED}", str(url))


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    return {
        name: (REDACTED if name.lower() in _SECRET_HEADERS else value)
        for name, value in headers.items()
    }


async def _check_and_log_request(request: httpx.Request) -> None:
    check_url_allowed(request.url)
    if log.isEnabledFor(logging.DEBUG):
        log.debug(
            "→ %s %s %s", request.method, redact_url(request.url), redact_headers(request.headers)
        )


async def _log_response(response: httpx.Response) -> None:
    if log.isEnabledFor(logging.DEBUG):
        request = response.request
        log.debug("← %s %s %s", response.status_code, request.method, redact_url(request.url))


def make_client(
    *,
    base_url: str = "",
    transport: httpx.AsyncBaseTransport | None = None,
    timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
    headers: Mapping[str, str] | None = None,
    follow_redirects: bool = True,
) -> httpx.AsyncClient:
    """Make an AsyncClient with Fedimove's rules. Close it (`async with`) when done."""
    all_headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
    all_headers.update(headers or {})
    return httpx.AsyncClient(
        base_url=base_url,
        transport=transport,
        timeout=timeout,
        headers=all_headers,
        follow_redirects=follow_redirects,
        max_redirects=MAX_REDIRECTS,
        event_hooks={"request": [_check_and_log_request], "response": [_log_response]},
    )


async def read_bounded(response: httpx.Response, max_bytes: int = DEFAULT_MAX_BODY) -> bytes:
    """Read a streamed response body, refusing one larger than `max_bytes`."""
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        await response.aclose()
        raise ResponseTooLargeError("response too large", host=response.url.host, limit=max_bytes)
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > max_bytes:
            await response.aclose()
            raise ResponseTooLargeError(
                "response too large", host=response.url.host, limit=max_bytes
            )
        chunks.append(chunk)
    return b"".join(chunks)


def translate_transport_error(error: httpx.HTTPError, host: str) -> Exception:
    """Map an httpx failure to Fedimove's coded errors (the caller raises the result)."""
    if isinstance(error, httpx.TooManyRedirects):
        return TooManyRedirectsError("too many redirects", host=host)
    if isinstance(error, httpx.TimeoutException):
        return NetworkTimeoutError("timed out", host=host)
    if isinstance(error, httpx.ConnectError) and "CERTIFICATE" in str(error).upper():
        return TlsError("TLS verification failed", host=host)
    if isinstance(error, httpx.TransportError):
        return ServerUnreachableError("could not reach server", host=host)
    return error
