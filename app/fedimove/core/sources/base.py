"""Where the old account's data comes from (issue 12): a live account, or files when the old
server is gone.

Every source is "just another reader": it yields the same `AccountSnapshot` the live read
yields, so preview, plan, journal, steps and report run unchanged. Beside it, a source says what
it could not provide and why (a reason code per category; `explain()` has the plain words), and
hands over what only files hold: the profile images by URL and the posts' outbox.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from fedimove.core.engine.snapshot import AccountSnapshot
from fedimove.core.models import Category
from fedimove.core.progress import CancelToken, ProgressSink

#: What followers get in the preview and the report when the old server is gone: a Move needs
#: the old server to send it (fediverse-apis §6), so nothing can carry them across.
FOLLOWERS_GONE = "cannot move: old server gone"

#: Reason codes for what a source cannot provide.
OLD_SERVER_GONE = "old_server_gone"
NOT_IN_CSV = "not_in_csv_export"
NOT_IN_ARCHIVE = "not_in_mastodon_archive"
NOT_IN_FILES = "not_in_these_files"
POSTS_KEPT_LOCALLY = "posts_kept_locally"

_WORDS = {
    OLD_SERVER_GONE: FOLLOWERS_GONE,
    NOT_IN_CSV: "not in Mastodon's CSV export files",
    NOT_IN_ARCHIVE: "not in Mastodon's archive zip",
    NOT_IN_FILES: "none of the chosen files holds it",
    POSTS_KEPT_LOCALLY: "no server imports posts: kept as a browsable local copy",
}


def explain(reason: str) -> str:
    """Plain words for a reason code (unknown codes are shown as they are)."""
    return _WORDS.get(reason, reason)


class SourceKind(StrEnum):
    LIVE = "live"
    BACKUP = "fedimove_backup"
    MASTODON_CSV = "mastodon_csv"
    GOTOSOCIAL_CSV = "gotosocial_csv"
    MASTODON_ARCHIVE = "mastodon_archive"
    FILES = "files"  # several of the above together


#: Opens one media file (an attachment of a post) by its name inside the source; None if absent.
MediaLoader = Callable[[str], bytes | None]


@dataclass(slots=True)
class SourceResult:
    kind: SourceKind
    snapshot: AccountSnapshot
    provided: set[Category]
    missing: dict[Category, str] = field(default_factory=dict)  # category -> reason code
    old_server_gone: bool = True
    #: Profile images by the URL the snapshot's profile names (served to the copy locally).
    media: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    outbox: Any = None  # ActivityStreams OrderedCollection of the account's posts, if any
    outbox_path: Path | None = None  # the file it came from (its media live there too)
    files: tuple[str, ...] = ()  # names of the files read (never their full paths in logs)

    def cannot_move(self) -> dict[Category, str]:
        """Categories that exist but cannot be re-created, with plain words."""
        gone = {Category.FOLLOWERS: FOLLOWERS_GONE} if self.old_server_gone else {}
        return gone | {c: explain(r) for c, r in self.missing.items() if c not in gone}


class SnapshotSource(Protocol):
    """Anything that yields the old account as a Snapshot."""

    kind: SourceKind

    async def read(self, *, progress: ProgressSink, cancel: CancelToken) -> SourceResult: ...


def adopt_images(snapshot: AccountSnapshot) -> dict[str, tuple[bytes, str]]:
    """Point the profile at the snapshot's own avatar/header and return them by URL, so the
    copy's client can serve them without the old server."""
    media: dict[str, tuple[bytes, str]] = {}
    if snapshot.avatar is not None:
        media[snapshot.avatar.url] = (snapshot.avatar.data, snapshot.avatar.content_type)
        snapshot.profile = replace(snapshot.profile, avatar_url=snapshot.avatar.url)
    if snapshot.header is not None:
        media[snapshot.header.url] = (snapshot.header.data, snapshot.header.content_type)
        snapshot.profile = replace(snapshot.profile, header_url=snapshot.header.url)
    return media
