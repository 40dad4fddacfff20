"""Federation between the practice instances over the network's own HTTP (increment b).

`install(network)` turns a `PracticeNetwork` whose relations were mirrored directly into one
whose instances talk ActivityPub to each other: WebFinger and actor fetches over the transport
(in-process or loopback), JSON activities POSTed to inboxes (Follow, Accept, Reject, Undo,
Update, Move), Move processing in background jobs on the injected clock, and the alias/Move
routes of each flavour (Mastodon's HTML settings pages, GoToSocial's API).

Modules: `federation` (layer, nodes, knobs, delivery, actor fetch and cache), `federation_jobs`
(background work on the clock), `federation_follow` (follows as activities), `federation_inbox`
(receiving), `federation_move` (sending and processing Move), `federation_actor` (authorized
fetch), `federation_imports` (CSV imports), `settings_pages` / `settings_migration` /
`settings_imports` (Mastodon's HTML pages), `gts_move` (GoToSocial's API), `scenario_failures`
(the failure cases of `small` and the expected end state per follower).

HTTP signatures are NOT computed or verified: outgoing requests carry a placeholder
`Signature` header naming the key, which is enough for the authorized-fetch knob to tell a
server-to-server fetch (sees everything) from an unsigned read (sees a restricted actor)
[fediverse-apis.md §7.3; M: app/controllers/accounts_controller.rb `restrict_fields_to`].
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import httpx

from fedimove.core.clock import Clock
from fedimove.sandbox.federation_jobs import Jobs
from fedimove.sandbox.instance import Instance
from fedimove.sandbox.state import Account

if TYPE_CHECKING:
    from fedimove.sandbox.federation_imports import ImportJob
    from fedimove.sandbox.network import PracticeNetwork

AP_CONTENT_TYPE = "application/activity+json"
AP_ACCEPT = 'application/activity+json, application/ld+json; profile="https://www.w3.org/ns/activitystreams"'
AS_PUBLIC = "https://www.w3.org/ns/activitystreams#Public"


@dataclass
class FederationKnobs:
    """Per-instance federation behaviour (tests and scenarios turn these)."""

    #: Mastodon's AUTHORIZED_FETCH: unsigned actor reads get a restricted document without
    #: `alsoKnownAs`/`movedTo` [fediverse-apis.md §7.3].
    authorized_fetch: bool = False
    #: Seconds this instance keeps a fetched copy of a remote actor before fetching it again.
    #: Simulates the alias cache of DESIGN §0.4: a receiver that fetched the new account
    #: shortly before its alias was set re-checks the Move against the stale copy.
    actor_cache_seconds: float = 15 * 60
    #: Seconds of the injected clock spent per local follower while processing a Move (the
    #: real work runs in Sidekiq pull queues, so followers arrive gradually [fediverse-apis.md
    #: §6.2 "Timing"]).
    move_delay_per_follower: float = 2.0


@dataclass(frozen=True, slots=True)
class CachedActor:
    fetched_at: datetime
    document: dict[str, Any]

    @property
    def also_known_as(self) -> list[str]:
        value = self.document.get("alsoKnownAs")
        return [str(v) for v in value] if isinstance(value, list) else []

    @property
    def moved_to(self) -> str | None:
        value = self.document.get("movedTo")
        return str(value) if isinstance(value, str) else None


@dataclass(frozen=True, slots=True)
class Delivery:
    """One outgoing activity and whether the receiving inbox took it."""

    at: datetime
    sender: str
    receiver: str
    kind: str
    delivered: bool


@dataclass
class Node:
    """The federation-side state of one instance."""

    instance: Instance
    layer: FederationLayer
    knobs: FederationKnobs = field(default_factory=FederationKnobs)
    actor_cache: dict[str, CachedActor] = field(default_factory=dict)
    #: Receiving side: old actor URI -> until when a repeated Move is ignored.
    move_marks: dict[str, datetime] = field(default_factory=dict)
    #: Sending side: account id -> (when, target URI) of each Move it sent (cooldowns).
    migrations: dict[int, list[tuple[datetime, str]]] = field(default_factory=dict)
    #: GoToSocial: account id -> when a Move was last attempted (5-minute retry guard).
    move_attempts: dict[int, datetime] = field(default_factory=dict)
    #: Mastodon's AccountAlias rows: account id -> alias id -> (acct as typed, actor URI).
    aliases: dict[int, dict[int, tuple[str, str]]] = field(default_factory=dict)
    #: CSV imports by id (Mastodon's settings page and GoToSocial's API).
    imports: dict[int, ImportJob] = field(default_factory=dict)
    #: Per old actor URI: follower actor URIs this instance has finished migrating.
    migrated: dict[str, list[str]] = field(default_factory=dict)

    @property
    def clock(self) -> Clock:
        return self.instance.clock


class FederationLayer:
    """The federation of one practice network: its nodes and its background jobs."""

    def __init__(self, network: PracticeNetwork) -> None:
        self.network = network
        self.jobs = Jobs(network.clock)
        self.nodes: dict[str, Node] = {}
        self.deliveries: list[Delivery] = []

    def node(self, instance: Instance | str) -> Node:
        name = instance if isinstance(instance, str) else instance.name
        return self.nodes[name]

    def configure(self, **knobs: float | bool) -> None:
        """Set federation knobs on every instance, e.g. `move_delay_per_follower=0.5`."""
        for node in self.nodes.values():
            for name, value in knobs.items():
                if not hasattr(node.knobs, name):
                    raise AttributeError(f"no federation knob {name!r}")
                setattr(node.knobs, name, value)

    def record(self, sender: Instance, receiver: str, kind: str, delivered: bool) -> None:
        self.deliveries.append(Delivery(sender.clock.now(), sender.name, receiver, kind, delivered))

    async def settle(self) -> None:
        await self.jobs.settle()

    async def advance(self, seconds: float, step: float = 1.0) -> None:
        await self.jobs.advance(seconds, step)


def layer_of(network: PracticeNetwork) -> FederationLayer:
    layer = getattr(network, "federation_layer", None)
    if not isinstance(layer, FederationLayer):
        raise LookupError("federation is not installed on this network (call install())")
    return layer


def node_of(instance: Instance) -> Node:
    node = getattr(instance.app.state, "federation_node", None)
    if not isinstance(node, Node):
        raise LookupError(f"federation is not installed on {instance.name}")
    return node


def install(network: PracticeNetwork) -> FederationLayer:
    """Federate over HTTP from now on; idempotent, and picks up instances added later."""
    from fedimove.sandbox import federation_follow, federation_inbox
    from fedimove.sandbox.routes import federated_routes

    layer = getattr(network, "federation_layer", None)
    if not isinstance(layer, FederationLayer):
        layer = FederationLayer(network)
        network.federation_layer = layer  # type: ignore[attr-defined]
    for instance in network.instances:
        if instance.name in layer.nodes:
            continue
        node = Node(instance, layer)
        layer.nodes[instance.name] = node
        instance.app.state.federation_node = node
        instance.federation = federation_follow.HttpFederation()
        instance.inbox_handlers.append(federation_inbox.handle_activity)
        instance.add_routes(federated_routes(instance.flavour))
    return layer


# --- HTTP between instances ---------------------------------------------------------------


def signature_header(instance: Instance, actor: Account | None) -> str:
    """A placeholder HTTP signature: names the key, signs nothing (see the module docstring)."""
    key_owner = instance.actor_uri(actor) if actor is not None else f"{instance.origin}/actor"
    return (
        f'keyId="{key_owner}#main-key",algorithm="hs2019",'
        'headers="(request-target) host date digest",signature="practice-unsigned"'
    )


def inbox_of(instance: Instance, home: str) -> str:
    """Every practice instance has a shared inbox [MD: spec/activitypub.md]."""
    return f"{instance.origin_of(home)}/inbox"


async def deliver(instance: Instance, actor: Account, home: str, activity: dict[str, Any]) -> bool:
    """POST one activity to the shared inbox of `home`; False when it did not get there."""
    body = {"@context": "https://www.w3.org/ns/activitystreams", **activity}
    headers = {"Content-Type": AP_CONTENT_TYPE, "Signature": signature_header(instance, actor)}
    try:
        async with instance.directory.http_client() as client:
            response = await client.post(inbox_of(instance, home), json=body, headers=headers)
        delivered = response.status_code < 300
    except httpx.HTTPError:
        delivered = False
    layer = node_of(instance).layer
    layer.record(instance, home, str(activity.get("type")), delivered)
    return delivered


async def fetch_document(
    instance: Instance, uri: str, *, signed: bool = True
) -> dict[str, Any] | None:
    headers = {"Accept": AP_ACCEPT}
    if signed:
        headers["Signature"] = signature_header(instance, None)
    try:
        async with instance.directory.http_client() as client:
            response = await client.get(uri, headers=headers)
    except httpx.HTTPError:
        return None
    if response.status_code != 200:
        return None
    try:
        data = response.json()
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


async def fetch_actor(instance: Instance, uri: str, *, fresh: bool = False) -> CachedActor | None:
    """The actor document of `uri` as this instance sees it: a cached copy younger than
    `actor_cache_seconds`, unless `fresh` (Mastodon's migration form fetches with
    `skip_cache` [fediverse-apis.md §6.1])."""
    node = node_of(instance)
    now = instance.clock.now()
    cached = node.actor_cache.get(uri)
    max_age = timedelta(seconds=node.knobs.actor_cache_seconds)
    if cached is not None and not fresh and now - cached.fetched_at < max_age:
        return cached
    document = await fetch_document(instance, uri)
    if document is None:
        return None
    entry = CachedActor(now, document)
    node.actor_cache[uri] = entry
    return entry


def remember_actor(instance: Instance, document: dict[str, Any]) -> None:
    """An actor `Update` refreshes the cached copy, as a refetch would."""
    uri = document.get("id")
    if isinstance(uri, str):
        node_of(instance).actor_cache[uri] = CachedActor(instance.clock.now(), document)
