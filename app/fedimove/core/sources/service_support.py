"""What the core service needs for the wizard's "My old server is gone" path (issue 12), in the
shapes of `core/service_api.py`, so wiring it is a few lines in the service:

1. `open_old_files(paths, passphrase, old_handle)` on the welcome page's path → the old account
   as an `AccountSummary` (role OLD, capability "old_server_gone"); keep the `SourceResult`.
2. `preview_from_files(source, new)` in place of the live preview.
3. `copy_from_files(engine, source, new, categories)` in place of the live copy; the report,
   status and resume need nothing else (the journal holds everything; no old client needed).
"""

from __future__ import annotations

import asyncio
from collections.abc import Collection, Sequence
from datetime import datetime
from pathlib import Path

from fedimove.core import service_api
from fedimove.core.engine.migration import MigrationEngine
from fedimove.core.engine.preview import NewSide
from fedimove.core.engine.runner import PauseToken
from fedimove.core.engine.snapshot import read_snapshot
from fedimove.core.models import Category, Handle
from fedimove.core.progress import CancelToken, ProgressSink, discard_progress
from fedimove.core.servers.rest import RestClient
from fedimove.core.sources.base import SourceResult
from fedimove.core.sources.files import read_files
from fedimove.core.sources.offline import (
    OfflinePreview,
    offline_preview,
    start_offline,
    to_service_preview,
)

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


async def copy_from_files(
    engine: MigrationEngine,
    source: SourceResult,
    new: RestClient,
    categories: Collection[Category],
    *,
    progress: ProgressSink = discard_progress,
    cancel: CancelToken | None = None,
    pause: PauseToken | None = None,
) -> tuple[int, service_api.StepOutcome]:
    """Start the copy from the files; (migration id, outcome). Go on later with the engine's
    own `resume(id, None, new)`."""
    migration, result = await start_offline(
        engine, source, new, categories, progress=progress, cancel=cancel, pause=pause
    )
    status = engine.status(migration.id)
    totals = [step.counts for step in status.steps]
    outcome = service_api.StepOutcome(
        "copy",
        "done" if result.finished else "waiting",
        done=sum(c.done for c in totals),
        skipped=sum(c.skipped + c.removed_by_user for c in totals),
        failed=sum(c.failed for c in totals),
        params={"old_server_gone": True},
    )
    return migration.id, outcome
