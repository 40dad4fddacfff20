"""What the core service keeps between the wizard's steps (Qt-free).

One HTTP client, one journal, one scheduler pool for the whole run; the two signed-in accounts
with their REST clients; the snapshot read for the preview (the backup writes it); the current
migration; and the answers only the person can give before the Move. Nothing secret is kept
here except the Move password of a server that asks for it, held in memory for one Move.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

from fedimove.core.accounts import AccountsRegistry, SignedInAccount, token_for
from fedimove.core.clock import Clock
from fedimove.core.engine.alias import GuidedStep
from fedimove.core.engine.checks import CheckReport, MoveAnswers
from fedimove.core.engine.preview_servers import ServerProber
from fedimove.core.engine.runner import PauseToken
from fedimove.core.engine.scheduler import SchedulerPool
from fedimove.core.engine.snapshot import AccountSnapshot
from fedimove.core.engine.snapshot_export import open_client
from fedimove.core.errors import NotSignedInError
from fedimove.core.progress import Phase, ProgressEvent, ProgressSink
from fedimove.core.servers.base import ActionSupport, Capabilities
from fedimove.core.servers.rest import RestClient
from fedimove.core.service_api import AccountRole, ResumePoint
from fedimove.core.sources.base import SourceResult
from fedimove.core.sources.media_store import Media, load_media
from fedimove.core.sources.service_support import OLD_SERVER_GONE_CAPABILITY
from fedimove.core.storage.journal import Journal
from fedimove.core.storage.journal_records import Migration, MigrationPhase
from fedimove.core.storage.paths import AppPaths
from fedimove.core.storage.secrets import SecretStore

#: Opens a web address for the person (the system browser; tests play the browser).
OpenUrl = Callable[[str], Any]

#: The journal's finer phases as the wizard shows them.
PHASE_SHOWN = {
    MigrationPhase.READ: Phase.COPY,
    MigrationPhase.BACKUP: Phase.COPY,
    MigrationPhase.COPY_BEFORE: Phase.COPY,
    MigrationPhase.ALIAS: Phase.ALIAS,
    MigrationPhase.FINAL_READ: Phase.CHECK,
    MigrationPhase.MOVE: Phase.MOVE,
    MigrationPhase.COPY_AFTER: Phase.TRACK,
    MigrationPhase.TRACK: Phase.TRACK,
    MigrationPhase.FINISH: Phase.FINISH,
}


@dataclass
class ServiceState:
    paths: AppPaths
    secrets: SecretStore
    clock: Clock
    http: httpx.AsyncClient
    journal: Journal
    open_url: OpenUrl
    pool: SchedulerPool
    prober: ServerProber
    accounts: dict[AccountRole, SignedInAccount] = field(default_factory=dict)
    clients: dict[AccountRole, RestClient] = field(default_factory=dict)
    snapshot: AccountSnapshot | None = None
    read_at: datetime | None = None
    backup_at: datetime | None = None
    migration_id: int | None = None
    pause: PauseToken = field(default_factory=PauseToken)
    answers: MoveAnswers = field(default_factory=MoveAnswers)
    report: CheckReport | None = None
    move_password: str = ""
    #: Where the service reports a guided step while the person acts in the browser.
    guided_sink: ProgressSink | None = None
    #: The old server is gone: the old account is these files (issue 12), or, after a
    #: restart, only the journal and the profile images kept in `media_root`.
    old_gone: bool = False
    source: SourceResult | None = None
    local_media: Media = field(default_factory=dict)
    #: The files' posts as a page to read offline, when they hold posts.
    posts_page: Path | None = None

    @property
    def media_root(self) -> Path:
        return self.paths.data / "media"

    def use_files(self, source: SourceResult) -> None:
        """The old account is now these files: forget any old sign-in and earlier read."""
        self.accounts.pop(AccountRole.OLD, None)
        self.clients.pop(AccountRole.OLD, None)
        self.snapshot = self.read_at = self.backup_at = None
        self.migration_id = None
        self.old_gone, self.source, self.local_media = True, source, dict(source.media)

    def forget_files(self) -> None:
        """The person signs in to a live old account after all."""
        if self.old_gone:
            self.migration_id = None
        self.old_gone, self.source, self.local_media = False, None, {}
        self.posts_page = None

    def resume_files(self, migration_id: int) -> None:
        """A journaled files migration after a restart: the files are gone with the last run,
        the profile images were kept."""
        self.forget_files()
        self.accounts.pop(AccountRole.OLD, None)
        self.clients.pop(AccountRole.OLD, None)
        self.old_gone = True
        self.local_media = load_media(self.media_root, migration_id)

    def require_source(self) -> SourceResult:
        if self.source is None:
            raise NotSignedInError("no old files chosen yet", role=AccountRole.OLD.value)
        return self.source

    @property
    def registry(self) -> AccountsRegistry:
        return AccountsRegistry(self.paths)

    def client(self, role: AccountRole) -> RestClient:
        found = self.clients.get(role)
        if found is None:
            raise NotSignedInError("not signed in", role=role.value)
        return found

    def require_migration(self) -> int:
        if self.migration_id is None:
            raise NotSignedInError("no migration started yet")
        return self.migration_id

    async def connect(self, role: AccountRole, account: SignedInAccount) -> RestClient:
        """A REST client for a signed-in account (its token from the keyring)."""
        token = token_for(account, self.secrets)
        client = await open_client(self.http, account.origin, token, pool=self.pool)
        self.accounts[role], self.clients[role] = account, client
        return client

    async def open_guided(self, step: GuidedStep) -> None:
        """Say what to do in the browser (the page shows it), then open the page."""
        sink = self.guided_sink
        if sink is not None:
            phase = Phase.ALIAS if step.code == "alias" else Phase.MOVE
            sink(
                ProgressEvent(
                    phase,
                    status="guided_step",
                    params={"url": step.url, "paste": step.paste, "account": step.account},
                )
            )
        await self.open(step.url)

    async def open(self, url: str) -> None:
        opened = self.open_url(url)
        if inspect.isawaitable(opened):
            await opened


def capability_codes(caps: Capabilities) -> frozenset[str]:
    """What the wizard says about a server: API or guided alias/Move, daily follow limits."""
    codes = set(caps.limitations)
    codes.add("alias_api" if caps.alias is ActionSupport.API else "alias_guided")
    codes.add("move_api" if caps.move is ActionSupport.API else "move_guided")
    if caps.move is ActionSupport.API and caps.move_needs_password:
        codes.add("move_password")  # asked by Fedimove; a guided page asks in the browser
    if caps.follow_pacing.per_day:
        codes.add("follows_per_day")
    if caps.api_import:
        codes.add("bulk_import")
    return frozenset(codes)


def from_files(migration: Migration) -> bool:
    return bool(migration.options.get("old_server_gone"))


def resume_point(migration: Migration, old_codes: frozenset[str] = frozenset()) -> ResumePoint:
    if from_files(migration):
        old_codes = old_codes | {OLD_SERVER_GONE_CAPABILITY}
    return ResumePoint(
        str(migration.id),
        f"@{migration.old_handle}",
        f"@{migration.new_handle}",
        PHASE_SHOWN.get(migration.phase, Phase.COPY),
        migration.updated_at,
        old_codes,
    )
