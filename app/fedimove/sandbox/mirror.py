"""The default `Federation`: relations with accounts on other practice instances are written
straight into the other instance's state, as if the ActivityPub Follow / Accept / Undo had been
delivered at once. The federation layer can replace it with real HTTP delivery.

Receiving side rules: an unlocked target accepts at once, a locked one gets a follow request
[M: app/services/follow_service.rb; app/lib/activitypub/activity/follow.rb]; an unreachable or
unknown instance leaves the follow pending.
"""

from __future__ import annotations

from fedimove.sandbox.instance import Instance
from fedimove.sandbox.state import Account, Follow


class DirectFederation:
    async def follow(self, instance: Instance, follow: Follow) -> bool:
        owner = instance.state.accounts[follow.owner]
        target = instance.state.accounts[follow.target]
        home = _reachable_home(instance, target)
        if home is None:
            return False
        original = home.state.find(target.username, home.name)
        if original is None or original.suspended:
            return False
        follower = home.ensure_account(owner.home, owner.username)
        if home.state.blocks.get(original.id, follower.id) is not None:
            return False
        row = Follow(
            home.state.ids.next(),
            follower.id,
            original.id,
            follow.show_reblogs,
            follow.notify,
            follow.languages,
        )
        if original.locked:
            home.state.follow_requests.add(row)
            return False
        home.state.follows.add(row)
        return True

    async def unfollow(self, instance: Instance, owner: Account, target: Account) -> None:
        home = _reachable_home(instance, target)
        if home is None:
            return
        original = home.state.find(target.username, home.name)
        follower = home.state.find(owner.username, owner.home)
        if original is not None and follower is not None:
            home.state.follows.remove(follower.id, original.id)
            home.state.follow_requests.remove(follower.id, original.id)

    async def answer_request(self, instance: Instance, request: Follow, accept: bool) -> None:
        """Our local account accepted or rejected a remote follower's request."""
        requester = instance.state.accounts[request.owner]
        target = instance.state.accounts[request.target]
        home = _reachable_home(instance, requester)
        if home is None:
            return
        me_there = home.state.find(target.username, target.home)
        them = home.state.find(requester.username, home.name)
        if me_there is None or them is None:
            return
        pending = home.state.follow_requests.remove(them.id, me_there.id)
        if accept and pending is not None:
            home.state.follows.add(pending)


def _reachable_home(instance: Instance, account: Account) -> Instance | None:
    if account.home == instance.name or not instance.directory.has(account.home):
        return None
    home = instance.directory.instance(account.home)
    return home if home.knobs.reachable else None
