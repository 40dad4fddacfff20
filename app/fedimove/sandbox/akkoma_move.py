"""Move as Akkoma sends and receives it [fediverse-apis.md §6.4; AK: lib/pleroma/web/
activity_pub/activity_pub.ex `move/3`, transmogrifier.ex (incoming Move),
lib/pleroma/following_relationship.ex `move_following`].

How it differs from Mastodon's (federation_move.py):
- Akkoma keeps no "moved" state: the old account gets no `movedTo`, its API entity no `moved`,
  no actor `Update` goes out, and it stays usable (AK: views/user_view.ex, account_view.ex).
- The `Move` (`to` = the old followers collection) goes to the followers' servers only, not to
  servers that merely block the account.
- Receiving: the origin must already be known, the target is refetched when its copy is older
  than 5 seconds (`maximum_age: 5`, so practically fresh) and must list the origin in
  `alsoKnownAs`; there is no cooldown, a repeated Move is processed again.
- `move_following`: each local follower (with `allow_following_move`, on by default) follows
  the target (a request when it is locked) and then unfollows the origin at once, delivered or
  not; lists, blocks and mutes are not carried over.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fedimove.sandbox.federation import deliver, fetch_actor, node_of
from fedimove.sandbox.federation_follow import follow_from, unfollow_from
from fedimove.sandbox.instance import Instance
from fedimove.sandbox.state import Account

#: `User.get_or_fetch_by_ap_id(target_actor, maximum_age: 5)` on an incoming Move.
TARGET_MAX_AGE = timedelta(seconds=5)
NOT_ALIASED = "Target account must have the origin in `alsoKnownAs`"


def _account_for(instance: Instance, uri: str) -> Account | None:
    parsed = instance.parse_actor_uri(uri)
    return instance.ensure_account(parsed[0], parsed[1]) if parsed else None


async def target_aliases(instance: Instance, target: Account, *, max_age: timedelta) -> list[str]:
    """The target's `also_known_as` as this instance holds it: its own record when local,
    else the cached actor document, refetched when older than `max_age`."""
    if instance.state.is_local(target):
        return list(target.also_known_as)
    uri = instance.actor_uri(target)
    node = node_of(instance)
    cached = node.actor_cache.get(uri)
    fresh = cached is None or instance.clock.now() - cached.fetched_at > max_age
    fetched = await fetch_actor(instance, uri, fresh=fresh)
    return fetched.also_known_as if fetched is not None else []


def follower_homes(instance: Instance, account: Account) -> list[str]:
    """Servers with an account that follows `account` (the `to` of Akkoma's Move)."""
    state = instance.state
    rows = state.follows.targeting(account.id).oldest_first()
    homes = {state.accounts[row.owner].home for row in rows}
    return sorted(h for h in homes if h != instance.name)


def send_move(instance: Instance, origin: Account, target: Account) -> None:
    """`ActivityPub.move(origin, target)` once the alias was checked: record it, federate the
    Move and start `move_following` for the local followers, in the background."""
    node = node_of(instance)
    target_uri = instance.actor_uri(target)
    node.migrations.setdefault(origin.id, []).append((instance.clock.now(), target_uri))
    node.layer.jobs.spawn(_distribute(instance, origin, target))


async def _distribute(instance: Instance, origin: Account, target: Account) -> None:
    node = node_of(instance)
    node.layer.jobs.spawn(move_following(instance, origin, target))
    actor = instance.actor_uri(origin)
    move = {
        "id": f"{actor}#moves/{instance.state.ids.next()}",
        "type": "Move",
        "actor": actor,
        "object": actor,
        "target": instance.actor_uri(target),
        "to": [f"{actor}/followers"],
    }
    for home in follower_homes(instance, origin):
        await deliver(instance, origin, home, move)


async def receive_move(instance: Instance, sender: Account, activity: dict[str, Any]) -> None:
    """An incoming Move: dropped unless `object` is the sender and the target lists it."""
    origin = instance.actor_uri(sender)
    target_uri = activity.get("target")
    if activity.get("object") != origin or not isinstance(target_uri, str):
        return
    target = _account_for(instance, target_uri)
    if target is None:
        return
    if origin not in await target_aliases(instance, target, max_age=TARGET_MAX_AGE):
        return
    node_of(instance).layer.jobs.spawn(move_following(instance, sender, target))


async def move_following(instance: Instance, origin: Account, target: Account) -> None:
    """Each local follower of `origin` follows `target`, then unfollows `origin`."""
    node, state = node_of(instance), instance.state
    rows = [
        row
        for row in state.follows.targeting(origin.id).oldest_first()
        if state.is_local(state.accounts[row.owner])
    ]
    done = node.migrated.setdefault(instance.actor_uri(origin), [])
    for row in rows:
        await node.layer.jobs.pause(node.knobs.move_delay_per_follower)
        follower = state.accounts[row.owner]
        if (
            follower.suspended
            or follower is target
            or state.follows.get(follower.id, origin.id) is not row
        ):
            continue  # a deactivated account does nothing; nobody follows itself; an
            # unfollow in the meantime wins
        await follow_from(instance, follower, target, reblogs=row.show_reblogs)
        await unfollow_from(instance, follower, origin)
        done.append(instance.actor_uri(follower))
