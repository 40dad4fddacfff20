"""Follows between practice instances as ActivityPub carries them: the sending side's rows and
activities, shared by the REST follow route (through `HttpFederation`), CSV imports and Move
processing."""

from __future__ import annotations

from typing import Any

from fedimove.sandbox.federation import deliver
from fedimove.sandbox.instance import Instance
from fedimove.sandbox.state import Account, Follow, ListMember


def follow_activity(instance: Instance, row: Follow) -> dict[str, Any]:
    owner = instance.state.accounts[row.owner]
    target = instance.state.accounts[row.target]
    actor = instance.actor_uri(owner)
    return {
        "id": f"{actor}#follows/{row.id}",
        "type": "Follow",
        "actor": actor,
        "object": instance.actor_uri(target),
    }


def server_block(instance: Instance, home: str) -> str | None:
    """The severity of this server's domain block on `home` ("silence" | "suspend"), keyed by
    instance name or current domain (domains change when the network is served on ports)."""
    blocks = instance.state.server_blocks
    for key in (home, instance.domain_of(home)):
        if key in blocks:
            return blocks[key][0]
    return None


async def send_follow(instance: Instance, row: Follow) -> bool:
    """Deliver a local account's Follow to the target's home; True once it arrived there."""
    owner = instance.state.accounts[row.owner]
    target = instance.state.accounts[row.target]
    return await deliver(instance, owner, target.home, follow_activity(instance, row))


async def follow_from(
    instance: Instance,
    me: Account,
    target: Account,
    *,
    reblogs: bool = True,
    notify: bool = False,
    languages: list[str] | None = None,
    bypass_locked: bool = False,
) -> tuple[Follow, bool]:
    """FollowService without the daily rate limit (CSV imports and Move re-follows bypass it
    [fediverse-apis.md §5.2]). Returns the row and whether the Follow reached the target's
    server (always True for local targets). Remote targets always start as a request and
    become a follow when their server sends Accept [M: app/services/follow_service.rb]."""
    state = instance.state
    existing = state.follows.get(me.id, target.id) or state.follow_requests.get(me.id, target.id)
    if existing is not None:
        existing.show_reblogs, existing.notify = reblogs, notify
        existing.languages = languages
        return existing, True
    row = Follow(state.ids.next(), me.id, target.id, reblogs, notify, languages)
    if state.is_local(target):
        locked = target.locked and not bypass_locked
        (state.follow_requests if locked else state.follows).add(row)
        return row, True
    state.follow_requests.add(row)
    delivered = await send_follow(instance, row)
    return row, delivered


async def unfollow_from(instance: Instance, me: Account, target: Account) -> None:
    """UnfollowService: drop the row (or request) and tell a remote target's server."""
    state = instance.state
    removed = state.follows.remove(me.id, target.id) or state.follow_requests.remove(
        me.id, target.id
    )
    if removed is None or state.is_local(target):
        return
    activity = {
        "id": f"{instance.actor_uri(me)}#follows/{removed.id}/undo",
        "type": "Undo",
        "actor": instance.actor_uri(me),
        "object": follow_activity(instance, removed),
    }
    await deliver(instance, me, target.home, activity)


async def answer(instance: Instance, request: Follow, accept: bool) -> None:
    """A local account accepts or rejects a remote account's follow (request)."""
    requester = instance.state.accounts[request.owner]
    target = instance.state.accounts[request.target]
    actor = instance.actor_uri(target)
    follow = {
        "id": f"{instance.actor_uri(requester)}#follows/remote",
        "type": "Follow",
        "actor": instance.actor_uri(requester),
        "object": actor,
    }
    activity = {
        "id": f"{actor}#answers/{request.id}",
        "type": "Accept" if accept else "Reject",
        "actor": actor,
        "object": follow,
    }
    await deliver(instance, target, requester.home, activity)


def migrate_list_memberships(
    instance: Instance, owner: Account, old: Account, new: Account
) -> None:
    """FollowMigrationService moves list memberships from the old account to the new one
    [fediverse-apis.md §6.2 step 3]."""
    state = instance.state
    for lst in state.lists_of.get(owner.id, {}).values():
        if lst.members.get(lst.id, old.id) is None:
            continue
        lst.members.remove(lst.id, old.id)
        if lst.members.get(lst.id, new.id) is None:
            lst.members.add(ListMember(state.ids.next(), lst.id, new.id))


class HttpFederation:
    """`instance.Federation` over HTTP: the REST routes' follows, unfollows and answers travel
    as ActivityPub activities to the other instance's inbox."""

    async def follow(self, instance: Instance, follow: Follow) -> bool:
        await send_follow(instance, follow)
        # An unlocked target's server answers with Accept straight away (delivered inline).
        return instance.state.follows.get(follow.owner, follow.target) is not None

    async def unfollow(self, instance: Instance, owner: Account, target: Account) -> None:
        # The REST route already dropped the row; only the Undo is left to send.
        row = Follow(instance.state.ids.next(), owner.id, target.id)
        activity = {
            "id": f"{instance.actor_uri(owner)}#follows/{row.id}/undo",
            "type": "Undo",
            "actor": instance.actor_uri(owner),
            "object": follow_activity(instance, row),
        }
        await deliver(instance, owner, target.home, activity)

    async def answer_request(self, instance: Instance, request: Follow, accept: bool) -> None:
        await answer(instance, request, accept)
