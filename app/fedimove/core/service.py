"""The real `MigrationService`: the one facade the wizard (and the commands) drive.

Built on the engines, never beside them: sign-in is `oauth.flow`, the preview is
`engine.preview`, the backup `engine.snapshot_export`, the copy `engine.migration`, and the
alias, checks, Move and follower tracking live in `service_move.py`. State between calls (the
accounts, the snapshot, the current migration) is in one `ServiceState`.
"""

from __future__ import annotations

import webbrowser
from collections.abc import Sequence
from pathlib import Path

import httpx

from fedimove.core.clock import Clock, SystemClock
from fedimove.core.engine.checks import mark_backup_written, mark_final_read
from fedimove.core.engine.preview import NewSide, build_preview, to_service_preview
from fedimove.core.engine.preview_servers import ServerProber
from fedimove.core.engine.scheduler import SchedulerPool
from fedimove.core.engine.snapshot import read_snapshot
from fedimove.core.engine.snapshot_export import plain_snapshot, write_backup
from fedimove.core.errors import SameAccountError
from fedimove.core.http import make_client
from fedimove.core.models import Category
from fedimove.core.oauth.flow import SignInFlow
from fedimove.core.oauth.scopes import Operation
from fedimove.core.progress import CancelToken, Phase, ProgressEvent, ProgressSink
from fedimove.core.servers.base import ActionSupport
from fedimove.core.servers.detect import detect
from fedimove.core.service_api import (
    AccountRole,
    AccountSummary,
    Preview,
    ResumePoint,
    StepOutcome,
)
from fedimove.core.service_context import (
    OpenUrl,
    ServiceState,
    capability_codes,
    from_files,
    resume_point,
)
from fedimove.core.service_files import FilesService
from fedimove.core.service_finish import FinishActions
from fedimove.core.service_move import MoveService
from fedimove.core.sources.service_support import (
    copy_outcome,
    finish_settled,
    preview_from_files,
)
from fedimove.core.storage.journal import Journal
from fedimove.core.storage.journal_records import Migration
from fedimove.core.storage.paths import AppPaths
from fedimove.core.storage.secrets import SecretStore


class FedimoveService(MoveService, FilesService, FinishActions):
    """Open with `FedimoveService.create(...)`; `aclose()` at the end."""

    @classmethod
    def create(
        cls,
        paths: AppPaths,
        secrets: SecretStore,
        *,
        clock: Clock | None = None,
        open_url: OpenUrl | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        work_factor: int | None = None,
    ) -> FedimoveService:
        clock = clock or SystemClock()
        http = make_client(transport=transport)
        state = ServiceState(
            paths=paths,
            secrets=secrets,
            clock=clock,
            http=http,
            journal=Journal.open(paths.journal, clock),
            open_url=open_url or webbrowser.open,
            pool=SchedulerPool(clock),
            prober=ServerProber(http),
        )
        return cls(state, work_factor=work_factor)

    def __init__(self, state: ServiceState, *, work_factor: int | None = None) -> None:
        super().__init__(state)
        self._work_factor = work_factor

    async def aclose(self) -> None:
        await self.state.http.aclose()
        self.state.journal.close()

    # --- start and resume ------------------------------------------------------------------

    async def find_unfinished(self) -> ResumePoint | None:
        unfinished = self.state.journal.find_unfinished()
        if not unfinished:
            return None
        return resume_point(max(unfinished, key=lambda m: m.updated_at))

    async def resume(
        self, migration_id: str, *, progress: ProgressSink, cancel: CancelToken
    ) -> ResumePoint:
        """Re-check the sign-ins and take up the migration where the journal says it stands.
        A files migration (old server gone) has only the new account to check."""
        state = self.state
        migration = state.journal.get_migration(int(migration_id))
        progress(ProgressEvent(Phase.SIGN_IN, status="checking_sign_ins"))
        old_codes: frozenset[str] = frozenset()
        if from_files(migration):
            state.resume_files(migration.id)
        else:
            state.forget_files()
            cancel.raise_if_cancelled()
            old = await state.connect(AccountRole.OLD, state.registry.get(migration.old_handle))
            if migration.moved_at is None:
                await old.verify_credentials()  # a moved old account may refuse (§0.1)
            old_codes = capability_codes(old.capabilities) if old.capabilities else frozenset()
        cancel.raise_if_cancelled()
        new = await state.connect(AccountRole.NEW, state.registry.get(migration.new_handle))
        await new.verify_credentials()
        state.migration_id = migration.id
        if from_files(migration):
            finish_settled(state.journal, migration.id, media_root=state.media_root)
            migration = state.journal.get_migration(migration.id)
        return resume_point(migration, old_codes)

    async def sign_in(
        self, role: AccountRole, handle: str, *, progress: ProgressSink, cancel: CancelToken
    ) -> AccountSummary:
        state = self.state
        progress(ProgressEvent(Phase.DETECT, status="detecting"))
        target = await detect(handle, state.http)
        caps = target.server.capabilities
        moves_by_api = caps.move is ActionSupport.API
        operation = Operation.WRITE if role is AccountRole.NEW or moves_by_api else Operation.READ
        flow = SignInFlow(
            state.http, secrets=state.secrets, paths=state.paths, open_url=state.open_url
        )
        progress(ProgressEvent(Phase.SIGN_IN, status="waiting_browser"))
        account = await flow.sign_in(target, operation=operation, cancel=cancel)
        if role is AccountRole.OLD:
            state.forget_files()  # the live old account after all
        other = state.accounts.get(AccountRole.NEW if role is AccountRole.OLD else AccountRole.OLD)
        if other is not None and other.actor_uri == account.actor_uri:
            raise SameAccountError("the same account twice", handle=account.handle)
        if state.source is not None and state.source.snapshot.account.acct == account.handle:
            raise SameAccountError("the files are of the new account", handle=account.handle)
        client = await state.connect(role, account)
        own = await client.verify_credentials()
        return AccountSummary(
            role=role,
            handle=f"@{account.handle}",
            display_name=own.profile.display_name or account.display_name,
            avatar_url=own.profile.avatar_url,
            software=account.software,
            version=account.version,
            locked=own.profile.locked,
            followers_count=own.followers_count,
            following_count=own.following_count,
            capabilities=capability_codes(caps),
        )

    # --- preview and backup ----------------------------------------------------------------

    async def preview(self, *, progress: ProgressSink, cancel: CancelToken) -> Preview:
        state = self.state
        if state.old_gone:
            new = state.client(AccountRole.NEW)
            return await preview_from_files(state.require_source(), new, cancel=cancel)
        old, new = state.client(AccountRole.OLD), state.client(AccountRole.NEW)
        snapshot = await read_snapshot(old, progress=progress, cancel=cancel)
        state.snapshot, state.read_at = snapshot, state.clock.now()
        have = await read_snapshot(new, progress=_quiet, cancel=cancel)
        blocks = tuple(await new.instance_domain_blocks() or ())
        caps = new.capabilities
        side = NewSide(plain_snapshot(have), blocks, caps.follow_cap if caps else None)
        found = await build_preview(
            plain_snapshot(snapshot),
            new=side,
            prober=state.prober,
            now=state.clock.now(),
            progress=progress,
            cancel=cancel,
        )
        return to_service_preview(found)

    async def backup(
        self, destination: Path, passphrase: str, *, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        state = self.state
        old = state.client(AccountRole.OLD)
        if state.snapshot is None:
            state.snapshot = await read_snapshot(old, progress=progress, cancel=cancel)
            state.read_at = state.clock.now()
        progress(ProgressEvent(Phase.BACKUP, status="writing"))
        cancel.raise_if_cancelled()
        await write_backup(
            old, state.snapshot, destination, passphrase, work_factor=self._work_factor
        )
        state.backup_at = state.clock.now()
        if state.migration_id is not None:
            mark_backup_written(state.journal, state.migration_id, state.backup_at)
        progress(ProgressEvent(Phase.BACKUP, done=1, total=1, status="written"))
        return StepOutcome("backup", "written", done=1, params={"path": str(destination)})

    # --- copy --------------------------------------------------------------------------------

    async def copy(
        self, categories: Sequence[Category], *, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        """Start (or go on with) the copy; waits through daily limits, honours Pause."""
        state = self.state
        if state.old_gone:
            return await self._copy_files(categories, progress=progress, cancel=cancel)
        old, new = state.client(AccountRole.OLD), state.client(AccountRole.NEW)
        if state.migration_id is None:
            await self.create_migration(categories)
        migration_id = state.require_migration()
        engine = self.engine()
        result = await engine.resume(
            migration_id, old, new, progress=progress, cancel=cancel, pause=state.pause
        )
        return copy_outcome(engine, migration_id, result, old_server_gone=False)

    async def create_migration(self, categories: Sequence[Category]) -> Migration:
        """Journal the migration (as the copy engine's `start` does) and what came before it:
        the accounts, the backup and the read."""
        state = self.state
        old, new = state.client(AccountRole.OLD), state.client(AccountRole.NEW)
        old_own, new_own = await old.verify_credentials(), await new.verify_credentials()
        migration = state.journal.create_migration(
            old_handle=old_own.ref.acct,
            old_server=old.origin,
            new_handle=new_own.ref.acct,
            new_server=new.origin,
            categories=[c for c in Category if c in set(categories)],
            options={"api_only": False},
        )
        state.journal.record_new_locked(migration.id, new_own.profile.locked)
        state.migration_id = migration.id
        await self.record_accounts()
        if state.backup_at is not None:
            mark_backup_written(state.journal, migration.id, state.backup_at)
        if state.read_at is not None:
            mark_final_read(state.journal, migration.id, state.read_at)
        return migration


def _quiet(event: ProgressEvent) -> None:
    """The new account's own read is not worth a progress line."""
