"""Mastodon's archive zip ("Request your archive"; fediverse-apis §8) as a source.

Mastodon's BackupService writes `actor.json` (the profile; `icon`/`image` name the avatar and
header files in the zip), `outbox.json` (Create/Announce activities; attachments name files under
`media_attachments/`), `likes.json` and `bookmarks.json` (OrderedCollections of post URIs). It
holds no follows, lists, blocks or mutes: those come from the CSV export, so a zip alone says
so for each of them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fedimove.core.engine.snapshot import AccountSnapshot, MediaFile
from fedimove.core.errors import SourceError
from fedimove.core.models import AccountRef, Category, ProfileData, ProfileField, StatusRef
from fedimove.core.posts_html import html_to_text
from fedimove.core.sources.base import (
    NOT_IN_ARCHIVE,
    OLD_SERVER_GONE,
    POSTS_KEPT_LOCALLY,
    SourceKind,
    SourceResult,
    adopt_images,
)
from fedimove.core.sources.zip_safety import SafeZip, ZipLimits

ACTOR, OUTBOX, LIKES, BOOKMARKS = "actor.json", "outbox.json", "likes.json", "bookmarks.json"
_IMAGE_BYTES = 16 * 1024 * 1024
#: What the archive cannot hold (the CSV export has these).
_NOT_IN_ARCHIVE = (
    Category.FOLLOWING,
    Category.LISTS,
    Category.BLOCKS,
    Category.MUTES,
    Category.DOMAIN_BLOCKS,
    Category.FILTERS,
    Category.FOLLOWED_TAGS,
    Category.FEATURED_TAGS,
    Category.ENDORSEMENTS,
    Category.NOTES,
)


def is_mastodon_archive(path: Path) -> bool:
    return path.suffix.lower() == ".zip"


def _json(archive: SafeZip, name: str) -> Any:
    data = archive.read(name, limit=archive.limits.max_json)
    if data is None:
        return None
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise SourceError("not JSON", reason="bad_json", file=name) from None


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _uris(collection: Any) -> list[StatusRef]:
    """`orderedItems` of post URIs (strings, or objects with an `id`)."""
    items = collection.get("orderedItems") if isinstance(collection, dict) else None
    found: list[StatusRef] = []
    for item in items if isinstance(items, list) else []:
        uri = item.get("id") if isinstance(item, dict) else item
        if isinstance(uri, str) and uri.startswith(("https://", "http://")):
            found.append(StatusRef(uri=uri))
    return list({ref.uri: ref for ref in found}.values())


def account_of(actor: dict[str, Any]) -> AccountRef:
    """`preferredUsername@host of the actor id` (Mastodon serves actors on its web domain)."""
    actor_id = _text(actor.get("id"))
    host = urlsplit(actor_id).netloc.lower()
    user = _text(actor.get("preferredUsername"))
    if not host or not user:
        raise SourceError("actor.json names no account", reason="bad_actor", file=ACTOR)
    return AccountRef(acct=f"{user}@{host}", uri=actor_id, url=_text(actor.get("url")))


def profile_of(actor: dict[str, Any]) -> ProfileData:
    fields = tuple(
        ProfileField(_text(item.get("name")), html_to_text(_text(item.get("value"))))
        for item in actor.get("attachment") or []
        if isinstance(item, dict) and item.get("type") == "PropertyValue"
    )
    flags = {k: actor[k] for k in ("discoverable", "indexable") if isinstance(actor.get(k), bool)}
    return ProfileData(
        display_name=_text(actor.get("name")),
        note=html_to_text(_text(actor.get("summary"))),
        fields=fields,
        locked=actor.get("manuallyApprovesFollowers") is True,
        bot=actor.get("type") == "Service",
        **flags,
    )


def _image(archive: SafeZip, actor: dict[str, Any], key: str) -> MediaFile | None:
    entry = actor.get(key)
    if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
        return None
    data = archive.read(entry["url"], limit=_IMAGE_BYTES)
    if data is None:
        return None
    media_type = _text(entry.get("mediaType")) or "application/octet-stream"
    return MediaFile(f"mastodon-archive:{entry['url'].lstrip('/')}", media_type, data)


def read_mastodon_archive(path: Path, *, limits: ZipLimits | None = None) -> SourceResult:
    """The profile, bookmarks, favourites and posts of a Mastodon archive zip."""
    with SafeZip(path, limits) as archive:
        actor = _json(archive, ACTOR)
        if not isinstance(actor, dict):
            raise SourceError("no actor.json: not a Mastodon archive", reason="no_actor")
        snapshot = AccountSnapshot(account=account_of(actor), taken_at=archive.newest())
        snapshot.profile = profile_of(actor)
        snapshot.avatar, snapshot.header = (
            _image(archive, actor, "icon"),
            _image(archive, actor, "image"),
        )
        snapshot.bookmarks = _uris(_json(archive, BOOKMARKS))
        snapshot.favourites = _uris(_json(archive, LIKES))
        outbox = _json(archive, OUTBOX)
    media = adopt_images(snapshot)
    provided = {Category.PROFILE, Category.BOOKMARKS, Category.FAVOURITES}
    missing = dict.fromkeys(_NOT_IN_ARCHIVE, NOT_IN_ARCHIVE)
    missing[Category.FOLLOWERS] = OLD_SERVER_GONE
    if isinstance(outbox, dict):
        missing[Category.POSTS] = POSTS_KEPT_LOCALLY
    return SourceResult(
        SourceKind.MASTODON_ARCHIVE,
        snapshot,
        provided,
        missing,
        media=media,
        outbox=outbox if isinstance(outbox, dict) else None,
        outbox_path=path,
        files=(path.name,),
    )
