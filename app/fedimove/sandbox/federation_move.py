"""Move, sent and received [fediverse-apis.md §6.1, §6.2].

Sending (`start_move`, Mastodon's MoveService / GoToSocial's move worker): the old account
gets `movedTo`, an actor `Update` and a `Move` (`actor = object = old`, `target = new`) go to
every instance with an account that follows or blocks it, and the old server moves its own
local followers [M: app/services/move_service.rb; app/workers/activitypub/
move_distribution_worker.rb]. An unreachable instance simply misses it.

Receiving (`receive_move`): instances of the `no-move` flavour ignore it; the others ignore a
repeated Move for 7 days, re-check that the target lists the old actor in `alsoKnownAs` (using
their possibly stale cached copy, DESIGN §0.4) and then migrate each local follower, one per
`move_delay_per_follower` on the injected clock [M: app/lib/activitypub/activity/move.rb;
app/workers/move_worker.rb; app/services/follow_migration_service.rb].
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fedimove.sandbox.federation import deliver, fetch_actor, node_of
from fedimove.sandbox.federation_follow import follow_from, migrate_list_memberships, unfollow_from
from fedimove.sandbox.instance import Instance
from fedimove.sandbox.state import Account, Block, Follow, Mute

#: `ActivityPub::Activity::Move::PROCESSING_COOLDOWN` [fediverse-apis.md §6.2 step 1].
RECEIVER_COOLDOWN = timedelta(days=7)
#: GoToSocial receivers: no new attempt within 5 minutes, no reprocessing within 7 days of a
#: success [GTS: internal/processing/workers/fromfediapi_move.go `ShouldProcessMove`].
GTS_ATTEMPT_GUARD = timedelta(minutes=5)


def actor_document(instance: Instance, account: Account) -> dict[str, Any]:
    from fedimove.sandbox.api.activitypub import actor_json

    return actor_json(instance, account)


def remote_homes(instance: Instance, account: Account) -> list[str]:
    """Instances with an account that follows or blocks `account` (its Move audience)."""
    state = instance.state
    owners = [row.owner for row in state.follows.targeting(account.id).oldest_first()]
    owners += [row.owner for row in state.blocks.targeting(account.id).oldest_first()]
    homes = {state.accounts[o].home for o in owners}
    return sorted(h for h in homes if h != instance.name)


async def broadcast_update(instance: Instance, account: Account) -> None:
    """Federate the actor's new state (aliases, redirect) to its followers' servers."""
    actor = instance.actor_uri(account)
    activity = {
        "id": f"{actor}#updates/{instance.state.ids.next()}",
        "type": "Update",
        "actor": actor,
        "object": actor_document(instance, account),
    }
    for home in remote_homes(instance, account):
        await deliver(instance, account, home, activity)


def start_move(instance: Instance, old: Account, target_uri: str) -> None:
    """Record the Move on the old account and start distributing it in the background."""
    node = node_of(instance)
    now = instance.clock.now()
    old.moved_to, old.moved_at = target_uri, now
    node.migrations.setdefault(old.id, []).append((now, target_uri))
    node.layer.jobs.spawn(_distribute(instance, old, target_uri))


async def _distribute(instance: Instance, old: Account, target_uri: str) -> None:
    target = _account_for(instance, target_uri)
    if target is not None:
        node_of(instance).layer.jobs.spawn(migrate_followers(instance, old, target))
    actor = instance.actor_uri(old)
    move = {
        "id": f"{actor}#moves/{instance.state.ids.next()}",
        "type": "Move",
        "actor": actor,
        "object": actor,
        "target": target_uri,
        "to": [f"{actor}/followers"],
    }
    update = {
        "id": f"{actor}#updates/{instance.state.ids.next()}",
        "type": "Update",
        "actor": actor,
        "object": actor_document(instance, old),
    }
    for home in remote_homes(instance, old):
        await deliver(instance, old, home, update)
        await deliver(instance, old, home, move)


def _account_for(instance: Instance, uri: str) -> Account | None:
    parsed = instance.parse_actor_uri(uri)
    return instance.ensure_account(parsed[0], parsed[1]) if parsed else None


async def _target_aliases(
    instance: Instance, target: Account, target_uri: str
) -> tuple[list[str], bool] | None:
    """(alsoKnownAs, has moved) of the target: from the database when it is local here, else
    from the cached actor document (refetched only when the copy is old)."""
    if instance.state.is_local(target):
        return list(target.also_known_as), target.moved_to is not None or target.suspended
    cached = await fetch_actor(instance, target_uri)
    if cached is None:
        return None
    unusable = cached.moved_to is not None or bool(cached.document.get("suspended"))
    return cached.also_known_as, unusable


async def receive_move(instance: Instance, sender: Account, activity: dict[str, Any]) -> None:
    if not instance.flavour.processes_move:
        return  # software without Move support keeps the followers on the old account
    if instance.flavour.move_receiver == "akkoma":
        from fedimove.sandbox import akkoma_move

        await akkoma_move.receive_move(instance, sender, activity)
        return
    origin = instance.actor_uri(sender)
    obj, target_uri = activity.get("object"), activity.get("target")
    if obj != origin or not isinstance(target_uri, str):
        return
    node, now = node_of(instance), instance.clock.now()
    mark = node.move_marks.get(origin)
    if mark is not None and mark > now:
        return  # a repeated Move within the cooldown (or the GoToSocial retry guard)
    target = _account_for(instance, target_uri)
    checked = await _target_aliases(instance, target, target_uri) if target else None
    if target is None or checked is None or origin not in checked[0] or checked[1]:
        # Dropped silently; Mastodon clears its mark so a later Move is processed, GoToSocial
        # refuses new attempts for 5 minutes.
        if instance.flavour.is_gotosocial:
            node.move_marks[origin] = now + GTS_ATTEMPT_GUARD
        else:
            node.move_marks.pop(origin, None)
        return
    node.move_marks[origin] = now + RECEIVER_COOLDOWN
    sender.moved_to = target_uri
    node.layer.jobs.spawn(migrate_followers(instance, sender, target))


async def migrate_followers(instance: Instance, old: Account, target: Account) -> None:
    """MoveWorker: re-apply local blocks and mutes, then one FollowMigrationService per local
    follower, gradually."""
    node, state = node_of(instance), instance.state
    _carry_blocks_and_mutes(instance, old, target)
    rows = [
        row
        for row in state.follows.targeting(old.id).oldest_first()
        if state.is_local(state.accounts[row.owner])
    ]
    for row in rows:
        await node.layer.jobs.pause(node.knobs.move_delay_per_follower)
        await _migrate_one(instance, row, old, target)


async def _migrate_one(instance: Instance, row: Follow, old: Account, target: Account) -> None:
    state = instance.state
    follower = state.accounts[row.owner]
    if (
        follower.suspended
        or follower is target
        or state.follows.get(follower.id, old.id) is not row
    ):
        # A suspended account does nothing; nobody follows itself (FollowService refuses);
        # an unfollow in the meantime wins.
        return
    # A target local to this server accepts its own migrated followers even when locked
    # (`bypass_locked = target.local?` [fediverse-apis.md §6.2 step 2]).
    _, delivered = await follow_from(
        instance,
        follower,
        target,
        reblogs=row.show_reblogs,
        notify=row.notify,
        languages=row.languages,
        bypass_locked=state.is_local(target),
    )
    if not delivered:
        return  # the follow could not be delivered: the old follow is kept meanwhile
    migrate_list_memberships(instance, follower, old, target)
    # The old follow goes once the new follow (or request) has been delivered.
    await unfollow_from(instance, follower, old)
    node_of(instance).migrated.setdefault(instance.actor_uri(old), []).append(
        instance.actor_uri(follower)
    )


def _carry_blocks_and_mutes(instance: Instance, old: Account, target: Account) -> None:
    state = instance.state
    for block in list(state.blocks.targeting(old.id).oldest_first()):
        owner = state.accounts[block.owner]
        if state.is_local(owner) and state.blocks.get(owner.id, target.id) is None:
            state.blocks.add(Block(state.ids.next(), owner.id, target.id))
    for mute in list(state.mutes.targeting(old.id).oldest_first()):
        owner = state.accounts[mute.owner]
        if state.is_local(owner) and state.mutes.get(owner.id, target.id) is None:
            state.mutes.add(
                Mute(
                    state.ids.next(), owner.id, target.id, mute.hide_notifications, mute.expires_at
                )
            )
