"""Entities as the real API shapes them [MD: entities/*.md; contracts in ../contracts/].

Everything rendered uses the instance's *current* origins, so ids, URLs and actor URIs stay
right when the network moves from in-process (https://name.practice) to loopback ports.
"""

from __future__ import annotations

import functools
import html
from datetime import datetime
from typing import TYPE_CHECKING, Any

from fedimove.sandbox.state import Account, Filter, Mute, Status

if TYPE_CHECKING:
    from fedimove.sandbox.instance import Instance

Json = dict[str, Any]


@functools.lru_cache(maxsize=65_536)
def iso(moment: datetime) -> str:
    """Mastodon's timestamps: UTC with milliseconds and a Z."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


@functools.lru_cache(maxsize=65_536)
def day(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d")


@functools.lru_cache(maxsize=65_536)
def html_note(text: str) -> str:
    if not text:
        return ""
    paragraphs = [html.escape(p).replace("\n", "<br />") for p in text.split("\n\n")]
    return "".join(f"<p>{p}</p>" for p in paragraphs)


@functools.lru_cache(maxsize=65_536)
def created_day(moment: datetime) -> str:
    # Mastodon rounds created_at down to the day [MD: entities/Account.md].
    return iso(moment.replace(hour=0, minute=0, second=0, microsecond=0))


def account(instance: Instance, acc: Account, *, with_moved: bool = True) -> Json:
    home_view = instance.home_view(acc)
    return account_from_home(
        instance, acc, *(home_view if home_view else (instance, acc)), with_moved
    )


def account_from_home(
    instance: Instance, acc: Account, counts_from: Instance, home_acc: Account, with_moved: bool
) -> Json:
    # The hot path of every collection page: each lookup is done once, nothing is scanned.
    hstate = counts_from.state
    last = hstate.statuses_of.get(home_acc.id)
    last_status = next(last.newest_first(), None) if last else None
    if acc.home == instance.name:
        acct, home_origin = acc.username, instance.origin
    else:
        acct = f"{acc.username}@{instance.domain_of(acc.home)}"
        home_origin = instance.origin_of(acc.home)
    avatar = counts_from.media_url(home_acc.avatar, "avatars")
    header = counts_from.media_url(home_acc.header, "headers")
    data: Json = {
        "id": str(acc.id),
        "username": acc.username,
        "acct": acct,
        "display_name": home_acc.display_name,
        "locked": home_acc.locked,
        "bot": home_acc.bot,
        "discoverable": home_acc.discoverable,
        "indexable": home_acc.indexable,
        "group": False,
        "created_at": created_day(home_acc.created_at),
        "note": html_note(home_acc.note),
        "url": f"{home_origin}/@{acc.username}",
        "uri": f"{home_origin}/users/{acc.username}",
        "avatar": avatar,
        "avatar_static": avatar,
        "header": header,
        "header_static": header,
        "followers_count": hstate.followers_count(home_acc.id),
        "following_count": hstate.following_count(home_acc.id),
        "statuses_count": hstate.statuses_count(home_acc.id),
        "last_status_at": day(last_status.created_at) if last_status else None,
        "hide_collections": home_acc.hide_collections,
        "noindex": not home_acc.indexable,
        "emojis": [],
        "roles": [],
        "fields": [
            {"name": n, "value": html.escape(v), "verified_at": None} for n, v in home_acc.fields
        ],
    }
    if with_moved:
        target = instance.moved_target(acc) if acc.moved_to else None
        data["moved"] = account(instance, target, with_moved=False) if target else None
    if acc.suspended:
        data["suspended"] = True
    if instance.flavour.is_gotosocial:
        return _go_omitempty(data)
    return data


def _go_omitempty(data: Json) -> Json:
    """GoToSocial's Go structs leave out empty pointers (`omitempty`) instead of sending null
    [GTS: internal/api/model/account.go]."""
    return {k: _go_value(v) for k, v in data.items() if v is not None}


def _go_value(value: Any) -> Any:
    if isinstance(value, dict):
        return _go_omitempty(value)
    if isinstance(value, list):
        return [_go_value(v) for v in value]
    return value


def credential_account(instance: Instance, acc: Account) -> Json:
    data = account(instance, acc)
    state = instance.state
    data["source"] = {
        "privacy": acc.privacy,
        "sensitive": acc.sensitive,
        "language": acc.language or ("en" if instance.flavour.is_gotosocial else None),
        "note": acc.note,
        "fields": [{"name": n, "value": v, "verified_at": None} for n, v in acc.fields],
        "follow_requests_count": len(state.follow_requests.targeting(acc.id)),
        "hide_collections": acc.hide_collections,
        "discoverable": acc.discoverable,
        "indexable": acc.indexable,
        "attribution_domains": [],
    }
    if instance.flavour.is_gotosocial:
        # GoToSocial shows aliases here [GTS: docs/api/swagger.yaml, Source.also_known_as_uris].
        data["source"]["also_known_as_uris"] = list(acc.also_known_as)
    data["role"] = {"id": "-99", "name": "", "permissions": "0", "color": "", "highlighted": False}
    return _go_omitempty(data) if instance.flavour.is_gotosocial else data


def muted_account(instance: Instance, mute: Mute) -> Json:
    data = account(instance, instance.state.accounts[mute.target])
    data["mute_expires_at"] = iso(mute.expires_at) if mute.expires_at else None
    return data


def relationship(instance: Instance, me: Account, other: Account) -> Json:
    state = instance.state
    follow = state.follows.get(me.id, other.id)
    request = state.follow_requests.get(me.id, other.id)
    outgoing = follow or request
    mute = state.mutes.get(me.id, other.id)
    blocked_domains = state.domain_block_names.get(me.id, {})
    return {
        "id": str(other.id),
        "following": follow is not None,
        "showing_reblogs": outgoing.show_reblogs if outgoing else False,
        "notifying": outgoing.notify if outgoing else False,
        "languages": outgoing.languages if outgoing else None,
        "followed_by": state.follows.get(other.id, me.id) is not None,
        "blocking": state.blocks.get(me.id, other.id) is not None,
        "blocked_by": state.blocks.get(other.id, me.id) is not None,
        "muting": mute is not None,
        "muting_notifications": mute.hide_notifications if mute else False,
        "muting_expires_at": iso(mute.expires_at) if mute and mute.expires_at else None,
        "requested": request is not None,
        "requested_by": state.follow_requests.get(other.id, me.id) is not None,
        "domain_blocking": instance.domain_of(other.home) in blocked_domains,
        "endorsed": state.endorsements.get(me.id, other.id) is not None,
        "note": state.notes.get((me.id, other.id), ""),
    }


def status(instance: Instance, st: Status, viewer: Account | None = None) -> Json:
    state = instance.state
    author = state.accounts[st.owner]
    uri = instance.status_uri(st)
    favourites = len(state.favourites.targeting(st.id))
    data: Json = {
        "id": str(st.id),
        "created_at": iso(st.created_at),
        "in_reply_to_id": None,
        "in_reply_to_account_id": None,
        "sensitive": st.sensitive,
        "spoiler_text": st.spoiler_text,
        "visibility": st.visibility,
        "language": st.language,
        "uri": uri,
        "url": instance.status_url(st),
        "replies_count": 0,
        "reblogs_count": 0,
        "favourites_count": favourites,
        "edited_at": None,
        "content": html_note(st.content),
        "reblog": None,
        "account": account(instance, author),
        "media_attachments": [],
        "mentions": [],
        "tags": [],
        "emojis": [],
        "card": None,
        "poll": None,
    }
    if viewer is not None:
        data["favourited"] = state.favourites.get(viewer.id, st.id) is not None
        data["bookmarked"] = state.bookmarks.get(viewer.id, st.id) is not None
        data["reblogged"] = False
        data["muted"] = False
        data["pinned"] = False
    return data


def tag(instance: Instance, name: str, following: bool | None = None) -> Json:
    data: Json = {
        "id": str(instance.state.tag_id(name)),
        "name": name,
        "url": f"{instance.origin}/tags/{name.lower()}",
        "history": [],
    }
    if following is not None:
        data["following"] = following
    return data


def filter_(instance: Instance, flt: Filter) -> Json:
    return {
        "id": str(flt.id),
        "title": flt.title,
        "context": list(flt.context),
        "filter_action": flt.filter_action,
        "expires_at": iso(flt.expires_at) if flt.expires_at else None,
        "keywords": [
            {"id": str(k.id), "keyword": k.keyword, "whole_word": k.whole_word}
            for k in flt.keywords
        ],
        "statuses": [{"id": str(fid), "status_id": str(sid)} for fid, sid in flt.statuses.items()],
    }
