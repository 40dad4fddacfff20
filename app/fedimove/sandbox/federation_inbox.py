"""What a practice instance does with an activity POSTed to its inbox.

Follow, Accept, Reject, Undo (Follow), Update (actor) and Move, as Mastodon's
`ActivityPub::Activity::*` classes handle them [M: app/lib/activitypub/activity/follow.rb,
accept.rb, reject.rb, undo.rb, update.rb, move.rb; MD: spec/activitypub.md]. Activities from a
domain this server suspended are dropped unread ("interactions with users from the server are
rejected" [MD: admin/moderation.md]); signatures are not checked (see `federation`).
"""

from __future__ import annotations

from typing import Any

from fedimove.sandbox import federation_move
from fedimove.sandbox.federation import remember_actor
from fedimove.sandbox.federation_follow import answer, server_block
from fedimove.sandbox.instance import Instance
from fedimove.sandbox.state import Account, Follow


def _uri(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and isinstance(value.get("id"), str):
        return str(value["id"])
    return None


def remote_actor(instance: Instance, uri: str | None) -> Account | None:
    """This instance's copy of a remote actor (created on first sight)."""
    parsed = instance.parse_actor_uri(uri) if uri else None
    if parsed is None or parsed[0] == instance.name:
        return None
    return instance.ensure_account(parsed[0], parsed[1])


def local_account(instance: Instance, uri: str | None) -> Account | None:
    account = instance.account_by_uri(uri) if uri else None
    return account if account is not None and instance.state.is_local(account) else None


async def handle_activity(instance: Instance, activity: dict[str, Any]) -> None:
    sender = remote_actor(instance, _uri(activity.get("actor")))
    if sender is None or server_block(instance, sender.home) == "suspend":
        return
    kind = activity.get("type")
    if kind == "Follow":
        await _on_follow(instance, sender, activity)
    elif kind in ("Accept", "Reject"):
        _on_answer(instance, sender, activity, accepted=kind == "Accept")
    elif kind == "Undo":
        _on_undo(instance, sender, activity)
    elif kind == "Update":
        _on_update(instance, sender, activity)
    elif kind == "Move":
        await federation_move.receive_move(instance, sender, activity)


async def _on_follow(instance: Instance, sender: Account, activity: dict[str, Any]) -> None:
    """Refused when the target is suspended or moved or blocks the sender; a request when the
    target is locked or the sender's server is limited (silenced) here; else accepted
    [M: app/lib/activitypub/activity/follow.rb; DESIGN §0.3]."""
    state = instance.state
    target = local_account(instance, _uri(activity.get("object")))
    if target is None:
        return
    request = Follow(state.ids.next(), sender.id, target.id)
    refused = (
        target.suspended
        or target.moved_to is not None
        or state.blocks.get(target.id, sender.id) is not None
    )
    if refused:
        await answer(instance, request, accept=False)
        return
    if state.follows.get(sender.id, target.id) is not None:
        await answer(instance, request, accept=True)
        return
    limited = server_block(instance, sender.home) == "silence" or sender.suspended
    if target.locked or limited:
        if state.follow_requests.get(sender.id, target.id) is None:
            state.follow_requests.add(request)
        return
    state.follows.add(request)
    await answer(instance, request, accept=True)


def _on_answer(
    instance: Instance, sender: Account, activity: dict[str, Any], *, accepted: bool
) -> None:
    """`sender` (remote target) answered our local account's follow request."""
    follow = activity.get("object")
    follower = local_account(
        instance, _uri(follow.get("actor")) if isinstance(follow, dict) else None
    )
    if follower is None:
        return
    state = instance.state
    pending = state.follow_requests.remove(follower.id, sender.id)
    if accepted and pending is not None:
        state.follows.add(pending)
    elif not accepted:
        state.follows.remove(follower.id, sender.id)


def _on_undo(instance: Instance, sender: Account, activity: dict[str, Any]) -> None:
    inner = activity.get("object")
    if not isinstance(inner, dict) or inner.get("type") != "Follow":
        return
    target = local_account(instance, _uri(inner.get("object")))
    if target is not None:
        instance.state.follows.remove(sender.id, target.id)
        instance.state.follow_requests.remove(sender.id, target.id)


def _on_update(instance: Instance, sender: Account, activity: dict[str, Any]) -> None:
    """An actor Update refreshes the stored profile: aliases and redirect included
    [M: app/lib/activitypub/activity/update.rb → ProcessAccountService]."""
    document = activity.get("object")
    if not isinstance(document, dict) or document.get("id") != instance.actor_uri(sender):
        return
    remember_actor(instance, document)
    aliases = document.get("alsoKnownAs")
    sender.also_known_as = [str(a) for a in aliases] if isinstance(aliases, list) else []
    moved = document.get("movedTo")
    sender.moved_to = moved if isinstance(moved, str) else None
