"""Probes of sign-in facts (fediverse-apis §1): OAuth metadata, PKCE, scopes at registration,
the redirect-URI rule, and how a bad token is refused.

Registering an app costs one of Mastodon's 5 registrations per 10 minutes per IP; the self-test
makes two extra on the old server (the `profile` and `follow` scope probes).
"""

from __future__ import annotations

import httpx

from fedimove.core.http import is_loopback_host
from fedimove.core.oauth.registration import OOB_URI
from fedimove.core.selftest.context import Side
from fedimove.core.selftest.facts import Observation, Probe
from fedimove.core.servers.fetch import request_json

PROBE_CLIENT_NAME = "Fedimove self-test"
INVALID_TOKEN = "fedimove-selftest-not-a-token"  # noqa: S105 (a deliberately wrong token)


async def metadata_served(side: Side) -> Observation:
    url = f"{side.origin}/.well-known/oauth-authorization-server"
    reply = await request_json(side.http, "GET", url)
    document = reply.object or {}
    if reply.ok and "authorization_endpoint" in document:
        methods = document.get("code_challenge_methods_supported")
        return Observation(True, detail=f"code_challenge_methods_supported: {methods}")
    if reply.status == 404:
        return Observation(False, detail="404")
    return Observation.unavailable(f"the metadata URL answered {reply.status}")


async def pkce_used(side: Side) -> Observation:
    record = side.sign_in
    if not record.succeeded:
        return Observation.unavailable("the sign-in did not complete")
    return Observation("S256" if record.pkce_sent else "none", detail="sign-in succeeded")


def scope_probe(scope: str) -> Probe:
    async def probe(side: Side) -> Observation:
        return await scope_accepted(side, scope)

    probe.__name__ = f"scope_{scope}"
    return probe


async def scope_accepted(side: Side, scope: str) -> Observation:
    """Register an app asking for `read <scope>`: servers that do not know the scope refuse
    (Mastodon's enforce_configured_scopes: 422; GoToSocial: 400)."""
    data = {
        "client_name": PROBE_CLIENT_NAME,
        "redirect_uris": OOB_URI,
        "scopes": f"read {scope}",
        "website": "https://fedimove.app",
    }
    reply = await request_json(side.http, "POST", f"{side.origin}/api/v1/apps", data=data)
    if reply.ok and "client_id" in (reply.object or {}):
        return Observation(True, detail=f"registered ({reply.status})")
    if reply.status in (400, 422):
        return Observation(False, detail=f"refused ({reply.status})")
    return Observation.unavailable(f"app registration answered {reply.status}")


def redirect_rule_shown(registered: tuple[str, ...], used: str) -> str:
    """Which rule the accepted sign-in demonstrates: the exact URI, or a loopback IP literal
    registered without (or with another) port and used with an ephemeral one."""
    if used in registered:
        return "exact"
    wanted = httpx.URL(used)
    for uri in registered:
        candidate = httpx.URL(uri)
        same = (candidate.scheme, candidate.host, candidate.path) == (
            wanted.scheme,
            wanted.host,
            wanted.path,
        )
        if same and is_loopback_host(wanted.host) and wanted.host != "localhost":
            return "loopback_any_port"
    return "unexplained"


async def redirect_rule(side: Side) -> Observation:
    record = side.sign_in
    if not record.succeeded or not record.authorize_redirect_uri:
        return Observation.unavailable("no browser sign-in was recorded")
    shown = redirect_rule_shown(record.registered_redirect_uris, record.authorize_redirect_uri)
    detail = f"registered {list(record.registered_redirect_uris)}, used a loopback port"
    return Observation(shown, detail=detail)


async def scopes_granted(side: Side) -> Observation:
    record = side.sign_in
    if not record.succeeded:
        return Observation.unavailable("the sign-in did not complete")
    missing = sorted(set(record.requested_scopes) - set(record.granted_scopes))
    return Observation(not missing, detail=f"missing: {missing}" if missing else "")


async def invalid_token_refused(side: Side) -> Observation:
    reply = await request_json(
        side.http,
        "GET",
        f"{side.origin}/api/v1/accounts/verify_credentials",
        headers={"Authorization": f"Bearer {INVALID_TOKEN}"},
    )
    return Observation(reply.status)
