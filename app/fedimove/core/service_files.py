"""The service's "My old server is gone" half (issue 12): the old account is files.

`use_old_files` reads and checks them (nothing changes yet); the preview and the copy then use
them in place of the old account (`FedimoveService` dispatches on `state.old_gone`), with no
old client, no backup, no alias and no Move; the migration finishes with its copy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from fedimove.core.engine.migration import MigrationEngine
from fedimove.core.models import Category
from fedimove.core.progress import CancelToken, Phase, ProgressEvent, ProgressSink
from fedimove.core.service_api import AccountRole, AccountSummary, StepOutcome
from fedimove.core.service_context import ServiceState
from fedimove.core.sources.service_support import (
    copy_journaled_files,
    journal_files,
    open_old_files,
    write_posts_for,
)


class FilesService:
    """Mixed into `FedimoveService` (its state and its copy engine are the service's)."""

    state: ServiceState

    if TYPE_CHECKING:

        def engine(self) -> MigrationEngine: ...

    async def use_old_files(
        self,
        paths: Sequence[Path],
        passphrase: str,
        old_handle: str,
        *,
        progress: ProgressSink,
        cancel: CancelToken,
    ) -> AccountSummary:
        """The old server is gone: the old account is these files (read and checked whole,
        off the event loop, before anything changes)."""
        progress(ProgressEvent(Phase.READ, status="reading_files"))
        cancel.raise_if_cancelled()
        now = self.state.clock.now()
        source, summary = await open_old_files(paths, passphrase or None, now, old_handle or None)
        self.state.use_files(source)
        folder = self.state.paths.data / "posts"
        self.state.posts_page = await write_posts_for(source, folder, passphrase or None)
        progress(ProgressEvent(Phase.READ, done=1, total=1, status="files_read"))
        return summary

    async def _copy_files(
        self, categories: Sequence[Category], *, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        """The copy from the files: journaled once (images kept for a resume), no old client,
        and the migration finishes with it (no alias, no Move)."""
        state = self.state
        new = state.client(AccountRole.NEW)
        if state.migration_id is None:
            source = state.require_source()
            state.migration_id = await journal_files(
                state.journal, source, new, categories, media_root=state.media_root
            )
        outcome = await copy_journaled_files(
            self.engine(),
            state.migration_id,
            new,
            state.local_media,
            media_root=state.media_root,
            progress=progress,
            cancel=cancel,
            pause=state.pause,
        )
        if state.posts_page is None:
            return outcome
        return replace(outcome, params={**outcome.params, "posts_page": str(state.posts_page)})
