"""Collection pages as ready JSON: each account encoded once and cached by everything that
shapes it (a page of followers is mostly the same accounts again and again), first renders
written straight as JSON. `tests/sandbox/test_render.py` proves both equal `render.account`."""

from __future__ import annotations

import html
import json
from typing import TYPE_CHECKING

from fedimove.sandbox.render import account, account_from_home, created_day, day, html_note
from fedimove.sandbox.state import Account

if TYPE_CHECKING:
    from fedimove.sandbox.instance import Instance

_COMPACT = json.JSONEncoder(separators=(",", ":"))
_quote = json.encoder.encode_basestring_ascii  # what json.dumps does to each string


_SUSPENDED = ',"suspended":true'


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _encode_account(instance: Instance, acc: Account, source: Instance, home_acc: Account) -> str:
    """`account()` for a Mastodon-flavoured instance and an account that has not moved, written
    straight as JSON (a first page of 25,000 followers is mostly first renders). A test checks
    that it decodes to exactly what `account()` returns."""
    hstate = source.state
    rows = hstate.statuses_of.get(home_acc.id)
    newest = rows.newest() if rows is not None else None
    if acc.home == instance.name:
        acct, home_origin = acc.username, instance.origin
    else:
        acct = f"{acc.username}@{instance.domain_of(acc.home)}"
        home_origin = instance.origin_of(acc.home)
    avatar = _quote(source.media_url(home_acc.avatar, "avatars"))
    header = _quote(source.media_url(home_acc.header, "headers"))
    fields = ",".join(
        f'{{"name":{_quote(n)},"value":{_quote(html.escape(v))},"verified_at":null}}'
        for n, v in home_acc.fields
    )
    last_at = _quote(day(newest.created_at)) if newest is not None else "null"
    return (
        f'{{"id":"{acc.id}","username":{_quote(acc.username)},"acct":{_quote(acct)},'
        f'"display_name":{_quote(home_acc.display_name)},"locked":{_bool(home_acc.locked)},'
        f'"bot":{_bool(home_acc.bot)},"discoverable":{_bool(home_acc.discoverable)},'
        f'"indexable":{_bool(home_acc.indexable)},"group":false,'
        f'"created_at":{_quote(created_day(home_acc.created_at))},'
        f'"note":{_quote(html_note(home_acc.note))},'
        f'"url":{_quote(f"{home_origin}/@{acc.username}")},'
        f'"uri":{_quote(f"{home_origin}/users/{acc.username}")},'
        f'"avatar":{avatar},"avatar_static":{avatar},"header":{header},"header_static":{header},'
        f'"followers_count":{hstate.followers_count(home_acc.id)},'
        f'"following_count":{hstate.following_count(home_acc.id)},'
        f'"statuses_count":{len(rows) if rows is not None else 0},"last_status_at":{last_at},'
        f'"hide_collections":{_bool(home_acc.hide_collections)},'
        f'"noindex":{_bool(not home_acc.indexable)},"emojis":[],"roles":[],"fields":[{fields}],'
        f'"moved":null{_SUSPENDED if acc.suspended else ""}}}'
    )


_FRAGMENTS: dict[tuple[object, ...], str] = {}
_MAX_FRAGMENTS = 200_000


def account_fragment(instance: Instance, acc: Account) -> str:
    """`account()` already encoded as JSON, cached by everything that shapes it, for the hot
    collection routes (a page of followers is mostly the same accounts again and again)."""
    if acc.moved_to:
        return json.dumps(account(instance, acc))  # nests another account: not cached
    home_view = instance.home_view(acc)
    source, home_acc = home_view if home_view else (instance, acc)
    hstate = source.state
    last = hstate.statuses_of.get(home_acc.id)
    newest = next(last.newest_first(), None) if last else None
    # Everything the fragment shows is in the key: two practice networks in one process reuse
    # instance names and ids, so the username, home and newest post date must tell them apart.
    key = (
        instance.name,
        instance.origin,
        acc.id,
        acc.username,
        acc.home,
        newest.created_at if newest is not None else None,
        acc.suspended,
        source.origin,
        home_acc.display_name,
        home_acc.note,
        home_acc.locked,
        home_acc.bot,
        home_acc.discoverable,
        home_acc.indexable,
        home_acc.hide_collections,
        home_acc.avatar and home_acc.avatar.id,
        home_acc.header and home_acc.header.id,
        tuple(home_acc.fields),
        hstate.followers_count(home_acc.id),
        hstate.following_count(home_acc.id),
        len(last) if last is not None else 0,
        home_acc.created_at,
    )
    cached = _FRAGMENTS.get(key)
    if cached is None:
        if len(_FRAGMENTS) >= _MAX_FRAGMENTS:
            _FRAGMENTS.clear()
        if instance.flavour.is_gotosocial:
            cached = _COMPACT.encode(account_from_home(instance, acc, source, home_acc, True))
        else:
            cached = _encode_account(instance, acc, source, home_acc)
        _FRAGMENTS[key] = cached
    return cached
