"""Names and shapes inside the backup archive, shared by its writer and reader (archive.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fedimove.core.models import Category, Snapshot
from fedimove.core.storage.archive_manifest import Manifest
from fedimove.core.storage.csv_formats import CsvKind

MANIFEST = "manifest.yml"
ACTOR = "activitypub/actor.json"
OUTBOX = "activitypub/outbox.json"
SNAPSHOT = "fedimove/snapshot.json"
MASTODON_EXPORT_URL = "https://docs.joinmastodon.org/user/moving/#export"
MAX_TEXT_MEMBER = 512 * 1024 * 1024
IMAGE_EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif"}
IMAGE_EXTENSIONS |= {"image/webp": "webp", "image/avif": "avif"}
MEMBER_URLS = {
    ACTOR: "https://www.w3.org/TR/activitypub/#actor-objects",
    OUTBOX: "https://www.w3.org/TR/activitystreams-core/#collections",
}
SNAPSHOT_DESCRIPTION = "Fedimove's exact record of the account (JSON)"


def csv_member(kind: CsvKind) -> str:
    return f"activitypub/{kind.file_name}"


@dataclass(frozen=True, slots=True)
class ProfileImage:
    media_type: str
    data: bytes

    @property
    def extension(self) -> str:
        return IMAGE_EXTENSIONS.get(self.media_type, "bin")


@dataclass(slots=True)
class ArchiveContents:
    manifest: Manifest
    snapshot: Snapshot
    csv_files: dict[CsvKind, str]
    avatar: ProfileImage | None = None
    header: ProfileImage | None = None
    outbox: Any = None  # the ActivityStreams OrderedCollection, when posts were included
    members: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        counts = {c.value: self.snapshot.count(c) for c in Category if c is not Category.POSTS}
        counts[Category.POSTS.value] = post_count(self.outbox)
        return counts


def post_count(outbox: Any) -> int:
    if not isinstance(outbox, dict):
        return 0
    items = outbox.get("orderedItems")
    total = outbox.get("totalItems")
    return len(items) if isinstance(items, list) else total if isinstance(total, int) else 0
