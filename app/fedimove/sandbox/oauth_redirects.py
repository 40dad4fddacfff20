"""Redirect-URI rules per flavour [fediverse-apis.md §1.1, §1.2]."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from fedimove.sandbox.flavours import Flavour

OOB = "urn:ietf:wg:oauth:2.0:oob"
#: Schemes Doorkeeper forbids [M: config/initializers/doorkeeper.rb].
_FORBIDDEN_SCHEMES = ("data", "vbscript", "javascript")


def split_redirect_uris(raw: str) -> list[str]:
    """A string may hold several URIs separated by newlines (both Mastodon and GoToSocial)."""
    return [line.strip() for line in raw.splitlines() if line.strip()]


def valid_redirect(uri: str) -> bool:
    if uri == OOB:
        return True
    parts = urlsplit(uri)
    return (
        bool(parts.scheme)
        and parts.scheme.lower() not in _FORBIDDEN_SCHEMES
        and (bool(parts.netloc) or parts.scheme not in ("http", "https"))
        and not parts.fragment
    )


def _is_loopback_ip(host: str | None) -> bool:
    """`IPAddr#loopback?`: IP literals only; `localhost` does not count [DK: uri_checker.rb]."""
    if not host:
        return False
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _matches_ignoring_loopback_port(registered: str, requested: str) -> bool:
    reg, req = urlsplit(registered), urlsplit(requested)
    if not (_is_loopback_ip(reg.hostname) and _is_loopback_ip(req.hostname)):
        return False
    return (reg.scheme, reg.hostname, reg.path, reg.query) == (
        req.scheme,
        req.hostname,
        req.path,
        req.query,
    )


def redirect_allowed(flavour: Flavour, registered: list[str], requested: str) -> bool:
    """GoToSocial: exact string equality [GTS: internal/oauth/handlers/handlers.go]. Mastodon:
    exact, or the same loopback IP-literal URI on any port (RFC 8252 §7.3) [DK: uri_checker.rb]."""
    if not requested:
        return False
    if requested in registered:
        return True
    if not flavour.loopback_any_port:
        return False
    return any(_matches_ignoring_loopback_port(r, requested) for r in registered)
