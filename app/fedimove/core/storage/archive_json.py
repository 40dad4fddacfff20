"""JSON inside the backup: the exact Snapshot, and the ActivityPub actor document.

`fedimove/snapshot.json` is the backup's exact record: every field of `core/models.Snapshot`
(actor URIs, server-local ids, mute expiries, list settings, notes, ...). The Mastodon-named CSVs
beside it are the portable view any server imports; they cannot hold all of this (and repeat the
addresses, which costs little). Decoding is strict: a value of the wrong type is an
`ArchiveError`, never a half-built Snapshot.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from datetime import datetime
from typing import Any

from fedimove.core.errors import ArchiveError
from fedimove.core.models import Snapshot

SNAPSHOT_FORMAT = 1
JsonValue = Any  # what json.loads returns


def to_json(value: object) -> JsonValue:
    """Dataclasses, datetimes, tuples and dicts as plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [to_json(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_json(item) for key, item in value.items()}
    return value


def _bad(path: str) -> ArchiveError:
    return ArchiveError("unexpected value in the backup", field=path)


def _decode_union(hint: Any, data: JsonValue, path: str) -> Any:
    options = typing.get_args(hint)
    if data is None and type(None) in options:
        return None
    for option in options:
        if option is type(None):
            continue
        try:
            return _decode(option, data, path)
        except ArchiveError:
            continue
    raise _bad(path)


def _decode_generic(hint: Any, data: JsonValue, path: str) -> Any:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (list, tuple):
        if not isinstance(data, list):
            raise _bad(path)
        items = [_decode(args[0], item, f"{path}[{i}]") for i, item in enumerate(data)]
        return tuple(items) if origin is tuple else items
    if origin is dict:
        if not isinstance(data, dict):
            raise _bad(path)
        return {str(k): _decode(args[1], v, f"{path}.{k}") for k, v in data.items()}
    raise _bad(path)


def _decode_scalar(hint: Any, data: JsonValue, path: str) -> Any:
    if hint is datetime:
        if not isinstance(data, str):
            raise _bad(path)
        try:
            return datetime.fromisoformat(data)
        except ValueError:
            raise _bad(path) from None
    if hint is bool and isinstance(data, bool):
        return data
    if hint in (str, int, float) and type(data) is hint:
        return data
    raise _bad(path)


def _decode(hint: Any, data: JsonValue, path: str) -> Any:
    if typing.get_origin(hint) in (types.UnionType, typing.Union):
        return _decode_union(hint, data, path)
    if typing.get_origin(hint) is not None:
        return _decode_generic(hint, data, path)
    if dataclasses.is_dataclass(hint):
        return _decode_dataclass(hint, data, path)
    return _decode_scalar(hint, data, path)


@functools.cache
def _type_hints(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls)  # slow (it evaluates annotations): once per class


def _decode_dataclass(cls: Any, data: JsonValue, path: str) -> Any:
    if not isinstance(data, dict):
        raise _bad(path)
    hints = _type_hints(cls)
    values = {}
    for field in dataclasses.fields(cls):
        if field.name in data:
            values[field.name] = _decode(
                hints[field.name], data[field.name], f"{path}.{field.name}"
            )
        elif field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            raise _bad(f"{path}.{field.name}")
    return cls(**values)


def snapshot_to_json(snapshot: Snapshot) -> JsonValue:
    return {"format": SNAPSHOT_FORMAT, "snapshot": to_json(snapshot)}


def snapshot_from_json(data: JsonValue) -> Snapshot:
    if not isinstance(data, dict) or data.get("format") != SNAPSHOT_FORMAT:
        raise ArchiveError("unknown snapshot format", field="format")
    snapshot: Snapshot = _decode_dataclass(Snapshot, data.get("snapshot"), "snapshot")
    return snapshot


def actor_document(snapshot: Snapshot, images: dict[str, tuple[str, str]]) -> JsonValue:
    """An ActivityPub actor (`activitypub/actor.json`, as FEP-6fcd and Mastodon's archive
    have it) built from the snapshot; `images` maps "icon"/"image" to (archive path, type)."""
    account, profile = snapshot.account, snapshot.profile
    actor: dict[str, JsonValue] = {
        "@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
        "id": account.uri or account.url,
        "type": "Service" if profile.bot else "Person",
        "preferredUsername": account.acct.partition("@")[0],
        "name": profile.display_name,
        "summary": profile.note,
        "url": account.url,
        "manuallyApprovesFollowers": profile.locked,
        "attachment": [
            {"type": "PropertyValue", "name": f.name, "value": f.value} for f in profile.fields
        ],
    }
    for key, flag in (("discoverable", profile.discoverable), ("indexable", profile.indexable)):
        if flag is not None:
            actor[key] = flag
    for key, (path, media_type) in images.items():
        actor[key] = {"type": "Image", "mediaType": media_type, "url": path}
    return actor
