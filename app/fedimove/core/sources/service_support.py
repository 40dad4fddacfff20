"""What the core service needs for the wizard's "My old server is gone" path (issue 12), in the
shapes of `core/service_api.py`, so wiring it is a few lines in the service:

1. `open_old_files(paths, passphrase, old_handle)` on the welcome page's path → the old account
   as an `AccountSummary` (role OLD, capability "old_server_gone"); keep the `SourceResult`.
2. `preview_from_files(source, new)` in place of the live preview.
3. `journal_files` then `copy_journaled_files` in place of the live copy (or both at once:
   `copy_from_files`); the report, status and resume need nothing else (the journal holds
   everything, no old client is needed) but the profile images, kept under `media_root`
   (`media_store`) because the old server that served them is gone.
"""

from __future__ import annotations

import asyncio
from collections.abc import Collection, Sequence
from datetime import datetime
from pathlib import Path

from fedimove.core import service_api
from fedimove.core.engine.migration import MigrationEngine
from fedimove.core.engine.preview import NewSide
from fedimove.core.engine.runner import PauseToken, RunResult
from fedimove.core.engine.snapshot import read_snapshot
from fedimove.core.errors import ParamValue
from fedimove.core.models import Category, Handle
from fedimove.core.progress import CancelToken, ProgressSink, discard_progress
from fedimove.core.servers.rest import RestClient
from fedimove.core.sources.base import SourceResult
from fedimove.core.sources.files import read_files, write_posts_page
from fedimove.core.sources.media_store import Media, save_media
from fedimove.core.sources.offline import (
    OfflinePreview,
    finish_if_done,
    journal_offline,
    offline_preview,
    to_service_preview,
    with_local_media,
)
from fedimove.core.storage.journal import Journal

OLD_SERVER_GONE_CAPABILITY = "old_server_gone"


async def open_old_files(
    paths: Sequence[Path], passphrase: str | None, now: datetime, old_handle: str | None = None
) -> tuple[SourceResult, service_api.AccountSummary]:
    """Read and check every file (off the event loop: decrypting is slow); coded errors."""
    old = Handle.parse(old_handle) if old_handle else None
    source = await asyncio.to_thread(
        read_files, list(paths), now=now, passphrase=passphrase, old=old
    )
    snap = source.snapshot
    summary = service_api.AccountSummary(
        role=service_api.AccountRole.OLD,
        handle=f"@{snap.account.acct}",
        display_name=snap.profile.display_name,
        locked=snap.profile.locked,
        followers_count=len(snap.followers),
        following_count=len(snap.following),
        capabilities=frozenset({OLD_SERVER_GONE_CAPABILITY}),
    )
    return source, summary


async def write_posts_for(
    source: SourceResult, folder: Path, passphrase: str | None
) -> Path | None:
    """The files' posts as a page to read offline (no server can import them), written off
    the event loop under the app's data folder; None when the files hold no posts."""
    if source.outbox is None:
        return None
    name = "".join(c if c.isalnum() or c in "-_." else "_" for c in source.snapshot.account.acct)
    path = folder / f"posts-{name}.html"
    shown = await asyncio.to_thread(write_posts_page, source, path, passphrase)
    return path if shown else None


async def offline_preview_for(
    source: SourceResult, new: RestClient, *, cancel: CancelToken | None = None
) -> OfflinePreview:
    """Compare the files with what the new account already has, and its server's blocks."""
    own = await read_snapshot(
        new,
        progress=discard_progress,
        cancel=cancel or CancelToken(),
        categories=source.provided,
    )
    blocks = tuple(await new.instance_domain_blocks() or ())
    caps = new.capabilities
    side = NewSide(own, blocks, caps.follow_cap if caps else None)
    return offline_preview(source, side, own.account.acct, own.taken_at)


async def preview_from_files(
    source: SourceResult, new: RestClient, *, cancel: CancelToken | None = None
) -> service_api.Preview:
    return to_service_preview(await offline_preview_for(source, new, cancel=cancel))


async def journal_files(
    journal: Journal,
    source: SourceResult,
    new: RestClient,
    categories: Collection[Category],
    *,
    media_root: Path | None = None,
) -> int:
    """Journal a files migration (its plan and every item) and keep its profile images under
    `media_root` for a resume; returns the migration id. Nothing is copied yet."""
    chosen = [c for c in Category if c in set(categories) and c in source.provided]
    migration = await journal_offline(journal, source, new, chosen, api_only=False)
    if media_root is not None:
        save_media(media_root, migration.id, source.media)
    return migration.id


async def copy_journaled_files(
    engine: MigrationEngine,
    migration_id: int,
    new: RestClient,
    media: Media,
    *,
    media_root: Path | None = None,
    progress: ProgressSink = discard_progress,
    cancel: CancelToken | None = None,
    pause: PauseToken | None = None,
) -> service_api.StepOutcome:
    """Run (or go on with) a journaled files migration; it finishes with its copy."""
    result = await engine.resume(
        migration_id,
        None,
        with_local_media(new, media),
        progress=progress,
        cancel=cancel,
        pause=pause,
    )
    finish_if_done(engine.journal, migration_id, result, media_root=media_root)
    return copy_outcome(engine, migration_id, result, old_server_gone=True)


def copy_outcome(
    engine: MigrationEngine, migration_id: int, result: RunResult, *, old_server_gone: bool
) -> service_api.StepOutcome:
    """The copy's counts over every step, and when a waiting copy goes on."""
    totals = [step.counts for step in engine.status(migration_id).steps]
    params: dict[str, ParamValue] = {
        "until": result.waiting_until.isoformat() if result.waiting_until else None
    }
    if old_server_gone:
        params["old_server_gone"] = True
    return service_api.StepOutcome(
        "copy",
        "done" if result.finished else "waiting",
        done=sum(c.done for c in totals),
        skipped=sum(c.skipped + c.removed_by_user for c in totals),
        failed=sum(c.failed for c in totals),
        params=params,
    )


def finish_settled(journal: Journal, migration_id: int, *, media_root: Path | None) -> bool:
    """A resume of a files migration whose copy had ended (the app stopped before it said so)
    finishes it now, so it leaves the unfinished list."""
    counts = journal.item_counts(migration_id).values()
    if any(c.failed for c in counts):
        return False
    return finish_if_done(journal, migration_id, RunResult(True), media_root=media_root)


async def copy_from_files(
    engine: MigrationEngine,
    source: SourceResult,
    new: RestClient,
    categories: Collection[Category],
    *,
    progress: ProgressSink = discard_progress,
    cancel: CancelToken | None = None,
    pause: PauseToken | None = None,
    media_root: Path | None = None,
) -> tuple[int, service_api.StepOutcome]:
    """Start the copy from the files; (migration id, outcome). Go on later with
    `copy_journaled_files` (the images from `media_store.load_media`)."""
    migration_id = await journal_files(
        engine.journal, source, new, categories, media_root=media_root
    )
    outcome = await copy_journaled_files(
        engine,
        migration_id,
        new,
        source.media,
        media_root=media_root,
        progress=progress,
        cancel=cancel,
        pause=pause,
    )
    return migration_id, outcome
