"""Mastodon-compatible JSON → `core/models` values.

Remote text is untrusted (DESIGN §5.5): strings are capped and stripped of control characters
here, once. An entry without what identifies it (an account without `acct`, a status without
`uri`) is dropped rather than guessed; callers count what they got.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from fedimove.core.errors import MalformedResponseError
from fedimove.core.models import (
    AccountRef,
    FilterEntry,
    FilterKeyword,
    FollowEntry,
    ListEntry,
    MuteEntry,
    ProfileData,
    ProfileField,
    StatusRef,
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
SHORT = 512
LONG = 20_000
T = TypeVar("T")


def text(value: Any, limit: int = SHORT) -> str:
    # bool is an int in Python: `true` must not become the text "True".
    if isinstance(value, bool) or not isinstance(value, str | int):
        return ""
    return _CONTROL.sub("", str(value))[:limit]


def ident(value: Any, limit: int = 64) -> str:
    """An identifying field (an id, a title, a URI): text or nothing. Every Mastodon-compatible
    API sends these as strings; a number or a boolean there means a garbled answer, and read as
    text it would name something that does not exist."""
    return text(value, limit) if isinstance(value, str) else ""


def every(items: Any, entry: Callable[[dict[str, Any]], T | None], what: str) -> list[T]:
    """A page of entries, all or nothing: one entry that is not `what` makes the whole answer
    malformed (read again later) instead of silently shrinking it. A shrunk answer would read
    as "not there": a list member skipped, a filter created twice (docs/reliability.md)."""
    if not isinstance(items, list):
        raise MalformedResponseError(f"expected a list of {what}")
    found = [entry(item) if isinstance(item, dict) else None for item in items]
    kept = [item for item in found if item is not None]
    if len(kept) != len(found):
        raise MalformedResponseError(f"an entry is not a {what}", entries=len(items))
    return kept


def flag(value: Any, default: bool = False) -> bool:
    return value if isinstance(value, bool) else default


def moment(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value[:40].replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def objects(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


@dataclass(frozen=True, slots=True)
class Relationship:
    """Mastodon's Relationship entity, the parts Fedimove reads (fediverse-apis §2 notes)."""

    id: str
    following: bool = False
    requested: bool = False
    showing_reblogs: bool = True
    notifying: bool = False
    languages: tuple[str, ...] | None = None
    followed_by: bool = False
    blocking: bool = False
    muting: bool = False
    muting_notifications: bool = False
    domain_blocking: bool = False
    endorsed: bool = False
    note: str = ""


def relationship(data: dict[str, Any]) -> Relationship:
    languages = data.get("languages")
    return Relationship(
        id=ident(data.get("id")),
        following=flag(data.get("following")),
        requested=flag(data.get("requested")),
        showing_reblogs=flag(data.get("showing_reblogs"), True),
        notifying=flag(data.get("notifying")),
        languages=tuple(text(x, 16) for x in languages) if isinstance(languages, list) else None,
        followed_by=flag(data.get("followed_by")),
        blocking=flag(data.get("blocking")),
        muting=flag(data.get("muting")),
        muting_notifications=flag(data.get("muting_notifications")),
        domain_blocking=flag(data.get("domain_blocking")),
        endorsed=flag(data.get("endorsed")),
        note=text(data.get("note"), LONG),
    )


def account(data: dict[str, Any], local_domain: str) -> AccountRef | None:
    """Local accounts come as a bare `username`; they become `username@local_domain`."""
    # Identity must come as text: a wrong-typed `acct` or `uri` (a number, a boolean) would
    # otherwise invent an account that does not exist.
    raw_acct, raw_uri = data.get("acct"), data.get("uri")
    if not isinstance(raw_acct, str) or not isinstance(raw_uri, str | None):
        return None
    acct = text(raw_acct, 320).strip().lstrip("@")
    if not acct or " " in acct:
        return None
    if "@" not in acct:
        acct = f"{acct}@{local_domain}"
    user, _, domain = acct.rpartition("@")
    return AccountRef(
        acct=f"{user}@{domain.lower()}",
        uri=text(data.get("uri"), 2048),
        url=text(data.get("url"), 2048),
        local_id=text(data.get("id"), 64),
        display_name=text(data.get("display_name"), 200),
    )


def accounts(items: Any, local_domain: str) -> list[AccountRef]:
    """A page of accounts, all or nothing: one entry that is not an account makes the whole
    page malformed (read again later) instead of silently shrinking a list or a collection."""
    if not isinstance(items, list):
        raise MalformedResponseError("expected a list of accounts")
    refs = [account(item, local_domain) if isinstance(item, dict) else None for item in items]
    if any(ref is None for ref in refs):
        raise MalformedResponseError("an entry is not an account", entries=len(items))
    return [ref for ref in refs if ref is not None]


def follow_entry(ref: AccountRef, rel: Relationship | None) -> FollowEntry:
    if rel is None:
        return FollowEntry(ref)
    return FollowEntry(ref, rel.showing_reblogs, rel.notifying, rel.languages)


def mute_entry(data: dict[str, Any], ref: AccountRef, rel: Relationship | None) -> MuteEntry:
    hides = rel.muting_notifications if rel is not None else True
    return MuteEntry(ref, notifications=hides, expires_at=moment(data.get("mute_expires_at")))


def list_entry(data: dict[str, Any]) -> ListEntry | None:
    title, local_id = ident(data.get("title"), 200), ident(data.get("id"))
    if not title or not local_id:
        return None
    return ListEntry(
        title=title,
        replies_policy=text(data.get("replies_policy"), 16) or "list",
        exclusive=flag(data.get("exclusive")),
        local_id=local_id,
    )


def status(data: dict[str, Any], local_domain: str) -> StatusRef | None:
    uri = ident(data.get("uri"), 2048)
    if not uri or not isinstance(data.get("id"), str):
        return None
    author = data.get("account")
    ref = account(author, local_domain) if isinstance(author, dict) else None
    return StatusRef(
        uri=uri,
        url=text(data.get("url"), 2048),
        local_id=text(data.get("id"), 64),
        author_acct=ref.acct if ref else "",
    )


def filter_entry(data: dict[str, Any]) -> FilterEntry | None:
    title = ident(data.get("title"), 200)
    if not title:
        return None
    context = data.get("context")
    keywords = tuple(
        FilterKeyword(text(k.get("keyword"), 200), flag(k.get("whole_word"), True))
        for k in objects(data.get("keywords"))
        if text(k.get("keyword"))
    )
    return FilterEntry(
        title=title,
        context=tuple(text(c, 32) for c in context) if isinstance(context, list) else (),
        action=text(data.get("filter_action"), 16) or "warn",
        expires_at=moment(data.get("expires_at")),
        keywords=keywords,
    )


def tag_names(items: Any) -> list[str]:
    return every(items, lambda item: ident(item.get("name"), 200) or None, "tag")


def domains(items: Any) -> list[str]:
    if not isinstance(items, list) or not all(isinstance(d, str) and ident(d, 253) for d in items):
        raise MalformedResponseError("expected a list of domains")
    return [ident(d, 253).lower() for d in items]


def profile(data: dict[str, Any]) -> ProfileData:
    """A CredentialAccount: the plain-text `source` wins over the rendered HTML."""
    source = data.get("source") if isinstance(data.get("source"), dict) else {}
    assert isinstance(source, dict)
    raw_fields = objects(source.get("fields")) or objects(data.get("fields"))
    return ProfileData(
        display_name=text(data.get("display_name"), 200),
        note=text(source.get("note"), LONG) if "note" in source else text(data.get("note"), LONG),
        fields=tuple(
            ProfileField(text(f.get("name"), 255), text(f.get("value"), 2048)) for f in raw_fields
        ),
        avatar_url=text(data.get("avatar"), 2048),
        header_url=text(data.get("header"), 2048),
        locked=flag(data.get("locked")),
        bot=flag(data.get("bot")),
        discoverable=data.get("discoverable")
        if isinstance(data.get("discoverable"), bool)
        else None,
        indexable=data.get("indexable") if isinstance(data.get("indexable"), bool) else None,
        hide_collections=(
            data.get("hide_collections") if isinstance(data.get("hide_collections"), bool) else None
        ),
        privacy=text(source.get("privacy"), 16) or "public",
        sensitive=flag(source.get("sensitive")),
        language=text(source.get("language"), 16),
    )
