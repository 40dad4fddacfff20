"""Link the accounts: the alias on the NEW account naming the old one (DESIGN §2 step 7, §0.4).

Through the API where the new server has one (GoToSocial `POST /api/v1/accounts/alias`, Akkoma
`PUT /api/pleroma/aliases`); otherwise (Mastodon, Misskey) a guided browser step: Fedimove opens
the exact settings page through an injected `open_url`, says what to paste, and polls until the
alias is visible. Verification goes in tiers (§0.4): the server's own API, then the actor
document, then "cannot verify from here" (authorized fetch hides `alsoKnownAs`). The moment the
alias became visible is journaled: the Move waits `alias_wait_minutes` after it.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

import httpx

from fedimove.core.clock import Clock
from fedimove.core.errors import AliasNotVisibleError, AliasRefusedError, FedimoveError
from fedimove.core.http import read_bounded
from fedimove.core.servers.base import ActionSupport
from fedimove.core.servers.rest import RestClient
from fedimove.core.servers.rest_session import RestReply, raise_for_reply
from fedimove.core.storage.journal import Journal
from fedimove.core.storage.journal_records import MigrationPhase

AP_ACCEPT = 'application/activity+json, application/ld+json; profile="https://www.w3.org/ns/activitystreams"'
ACTOR_MAX_BYTES = 1024 * 1024
#: DESIGN §0.4 default (the `alias_wait_minutes` setting).
DEFAULT_ALIAS_WAIT = timedelta(minutes=15)


class AliasTier(StrEnum):
    SERVER_API = "server_api"
    ACTOR_DOCUMENT = "actor_document"
    UNVERIFIABLE = "unverifiable"  # the actor document hides alsoKnownAs (authorized fetch)


@dataclass(frozen=True, slots=True)
class GuidedStep:
    """One thing the person does in the browser: sign in as `account`, open `url`, paste
    `paste` into the field named `field` (and type the password where `needs_password`)."""

    code: str  # "alias" | "move"
    account: str
    url: str
    paste: str
    field: str
    needs_password: bool = False


#: Shows or opens a guided step (the GUI opens the browser; tests play the browser).
OpenUrl = Callable[[GuidedStep], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class AliasStatus:
    visible: bool
    tier: AliasTier
    visible_since: datetime | None = None


@dataclass(frozen=True, slots=True)
class Accounts:
    """Who moves where, as journaled before the Move (the old token stops working after it)."""

    old_acct: str
    old_uri: str
    old_id: str
    new_acct: str
    new_uri: str
    new_id: str

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> Accounts:
        data = options.get("accounts")
        if not isinstance(data, dict):
            raise AliasNotVisibleError("the accounts were not recorded yet")
        return cls(**{k: str(data.get(k, "")) for k in cls.__slots__})

    def dump(self) -> dict[str, str]:
        return {k: getattr(self, k) for k in self.__slots__}


async def record_accounts(
    journal: Journal, migration_id: int, old: RestClient, new: RestClient
) -> Accounts:
    """Read both accounts once and keep what later steps need (ids and actor URIs)."""
    old_own, new_own = await old.verify_credentials(), await new.verify_credentials()
    accounts = Accounts(
        old_own.ref.acct,
        old_own.ref.uri,
        old_own.ref.local_id,
        new_own.ref.acct,
        new_own.ref.uri,
        new_own.ref.local_id,
    )
    journal.update_options(migration_id, {"accounts": accounts.dump()})
    return accounts


async def fetch_actor(http: httpx.AsyncClient, uri: str) -> dict[str, Any] | None:
    """The unsigned actor document at `uri` (None when it cannot be read)."""
    try:
        async with http.stream("GET", uri, headers={"Accept": AP_ACCEPT}) as response:
            if response.status_code != 200:
                return None
            raw = await read_bounded(response, ACTOR_MAX_BYTES)
    except (httpx.HTTPError, FedimoveError):
        return None
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _uris(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, list) else []


async def _from_server_api(new: RestClient) -> list[str] | None:
    """Tier 1: GoToSocial `source.also_known_as_uris`, Akkoma aliases (None: no such API)."""
    caps = new.capabilities
    if caps is None or caps.alias is not ActionSupport.API:
        return None
    try:
        own = await new.get_object("/api/v1/accounts/verify_credentials")
        source = own.get("source")
        if isinstance(source, dict) and "also_known_as_uris" in source:
            return _uris(source["also_known_as_uris"])
        body = await new.get_object("/api/pleroma/aliases")
        return _uris(body.get("aliases"))
    except FedimoveError:
        return None


async def verify_alias(new: RestClient, accounts: Accounts) -> AliasStatus:
    """Is the old account listed as an alias of the new one, and how do we know (§0.4)?"""
    listed = await _from_server_api(new)
    wanted = {accounts.old_uri, accounts.old_acct, f"@{accounts.old_acct}"}
    if listed is not None:
        return AliasStatus(bool(wanted & set(listed)), AliasTier.SERVER_API)
    actor = await fetch_actor(new.http, accounts.new_uri)
    restricted = actor is not None and not {"followers", "outbox", "alsoKnownAs"} & actor.keys()
    if actor is None or restricted:
        # Authorized fetch answers unsigned reads with a few fields only (fediverse-apis
        # §7.3), or the document cannot be read at all: neither is a "no".
        return AliasStatus(False, AliasTier.UNVERIFIABLE)
    return AliasStatus(
        accounts.old_uri in _uris(actor.get("alsoKnownAs")), AliasTier.ACTOR_DOCUMENT
    )


#: Words in a refusal that say the new server does not know the old account (Akkoma's
#: "Target account does not exist.", GoToSocial's undereferenceable URI; §6.3, §6.4).
_UNKNOWN_ACCOUNT = ("does not exist", "not found", "dereference")


async def _set_by_api(new: RestClient, accounts: Accounts) -> None:
    """GoToSocial's endpoint (appends, de-duplicates); a 404 there means Akkoma's (§6.3, §6.4).
    A refusal raises `AliasRefusedError` at once, Akkoma's 200 with `{"error": ...}` included,
    rather than leaving it to the visibility poll to give up half an hour later."""
    data = [("also_known_as_uris[]", accounts.old_uri)]
    reply = await new.request("POST", "/api/v1/accounts/alias", data=data)
    if reply.status_code == 404:
        # Akkoma looks the alias up only among accounts it knows: make it fetch the old one.
        await new.resolve_account(accounts.old_acct)
        data = [("alias", accounts.old_acct)]
        reply = await new.request("PUT", "/api/pleroma/aliases", data=data)
    _raise_for_alias_reply(reply, new.host)


def _raise_for_alias_reply(reply: RestReply, host: str) -> None:
    status = reply.status_code
    body_error = isinstance(reply.body, dict) and "error" in reply.body
    if 200 <= status < 300 and not body_error:
        return
    if status < 300 or status in (400, 404, 410, 422):
        text = reply.error_text().lower()
        unknown = status in (404, 410) or any(words in text for words in _UNKNOWN_ACCOUNT)
        reason = "old_account_unknown" if unknown else "refused"
        raise AliasRefusedError("the new server refused the alias", reason=reason, status=status)
    raise_for_reply(reply, host)  # sign-in, scope, rate limit, server trouble: their own codes


def guided_alias_step(new: RestClient, accounts: Accounts) -> GuidedStep:
    return GuidedStep(
        "alias",
        accounts.new_acct,
        f"{new.origin}/settings/aliases",
        accounts.old_acct,
        "account_alias[acct]",
    )


async def set_alias(
    journal: Journal,
    migration_id: int,
    new: RestClient,
    accounts: Accounts,
    clock: Clock,
    *,
    open_url: OpenUrl,
    poll_every: float = 20.0,
    give_up_after: float = 30 * 60.0,
) -> AliasStatus:
    """Set the alias (API, else the guided page) and wait until it is visible or cannot be
    verified from here; journal when it became visible."""
    status = await verify_alias(new, accounts)
    if not status.visible:
        caps = new.capabilities
        if caps is not None and caps.alias is ActionSupport.API:
            await _set_by_api(new, accounts)
        else:
            await open_url(guided_alias_step(new, accounts))
        status = await _poll_visible(new, accounts, clock, poll_every, give_up_after)
    return record_alias(journal, migration_id, status, clock.now())


async def _poll_visible(
    new: RestClient, accounts: Accounts, clock: Clock, every: float, give_up_after: float
) -> AliasStatus:
    waited = 0.0
    while True:
        status = await verify_alias(new, accounts)
        if status.visible or status.tier is AliasTier.UNVERIFIABLE:
            return status
        if waited >= give_up_after:
            raise AliasNotVisibleError("alias not visible", handle=accounts.new_acct)
        await clock.sleep(every)
        waited += every


def record_alias(
    journal: Journal, migration_id: int, status: AliasStatus, now: datetime
) -> AliasStatus:
    """Journal the first moment the alias was seen (kept across re-checks) and the tier."""
    migration = journal.get_migration(migration_id)
    known = migration.options.get("alias_visible_at")
    since = datetime.fromisoformat(known) if isinstance(known, str) else now
    if status.visible or status.tier is AliasTier.UNVERIFIABLE:
        journal.update_options(
            migration_id, {"alias_visible_at": since.isoformat(), "alias_tier": status.tier.value}
        )
        if migration.phase.value in ("read", "backup", "copy_before"):
            journal.set_phase(migration_id, MigrationPhase.ALIAS)
        return AliasStatus(status.visible, status.tier, since)
    return status


def move_allowed_at(
    options: dict[str, Any], wait: timedelta = DEFAULT_ALIAS_WAIT
) -> datetime | None:
    """When the Move may go (alias visible + wait), or None while the alias is not visible."""
    known = options.get("alias_visible_at")
    return datetime.fromisoformat(known) + wait if isinstance(known, str) else None
