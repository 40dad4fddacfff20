"""The alias, pre-flight checks and (optionally) the Move of a self-test run, through the
engine Fedimove itself uses (`core/engine/alias.py`, `checks.py`, `move.py`, `followers.py`),
with a throwaway journal. What the servers did is written into the run's `RunRecord`.
"""

from __future__ import annotations

import secrets as random_secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from fedimove.core.clock import Clock
from fedimove.core.engine.alias import Accounts, OpenUrl, record_accounts, set_alias
from fedimove.core.engine.checks import (
    CheckInputs,
    CheckReport,
    MoveAnswers,
    confirm_move,
    mark_backup_written,
    mark_final_read,
    run_checks,
)
from fedimove.core.engine.followers import FollowerTracker
from fedimove.core.engine.move import MoveContext, perform_move
from fedimove.core.engine.preview_servers import ServerProber
from fedimove.core.engine.snapshot import AccountSnapshot, read_snapshot
from fedimove.core.engine.snapshot_export import write_backup
from fedimove.core.errors import FedimoveError
from fedimove.core.progress import CancelToken, discard_progress
from fedimove.core.selftest.context import Answer, Side
from fedimove.core.servers.base import ActionSupport
from fedimove.core.servers.rest import RestClient
from fedimove.core.servers.rest_session import RestReply
from fedimove.core.storage.journal import Journal

AskText = Callable[[str], Awaitable[str]]


@dataclass
class MoveStage:
    """One self-test's journal and the two sides it works on."""

    journal: Journal
    migration_id: int
    old: Side
    new: Side
    clock: Clock
    guided: OpenUrl
    #: The session that sends the Move (the old account's, allowed to write when by API).
    mover: RestClient | None = None

    @classmethod
    async def open(
        cls, work: Path, old: Side, new: Side, clock: Clock, guided: OpenUrl
    ) -> MoveStage:
        journal = Journal.open(work / "selftest-journal.sqlite", clock)
        migration = journal.create_migration(
            old_handle=old.acct,
            old_server=old.origin,
            new_handle=new.acct,
            new_server=new.origin,
            categories=[],
        )
        await record_accounts(journal, migration.id, old.rest, new.rest)
        return cls(journal, migration.id, old, new, clock, guided)

    @property
    def accounts(self) -> Accounts:
        return Accounts.from_options(self.journal.get_migration(self.migration_id).options)

    async def set_alias(self, poll_every: float, give_up_after: float) -> None:
        run = self.new.run
        started = self.clock.monotonic()
        try:
            status = await set_alias(
                self.journal,
                self.migration_id,
                self.new.rest,
                self.accounts,
                self.clock,
                open_url=self.guided,
                poll_every=poll_every,
                give_up_after=give_up_after,
            )
        except FedimoveError as error:
            run.alias_why_not = f"the alias step failed ({error.code})"
            return
        if not status.visible:
            run.alias_why_not = "the alias cannot be verified from here (restricted actor)"
            return
        run.alias_tier, run.alias_seconds = status.tier.value, self.clock.monotonic() - started

    async def final_read_and_backup(self, work: Path) -> AccountSnapshot:
        """The Move waits for a fresh complete read and a backup (DESIGN §0.1); the backup
        goes to the run's work folder under a random passphrase and is deleted with it."""
        snapshot = await read_snapshot(
            self.old.rest, progress=discard_progress, cancel=CancelToken()
        )
        mark_final_read(self.journal, self.migration_id, self.clock.now())
        passphrase = random_secrets.token_urlsafe(24)
        await write_backup(self.old.rest, snapshot, work / "selftest-backup.age", passphrase)
        mark_backup_written(self.journal, self.migration_id, self.clock.now())
        return snapshot

    async def checks(self, alias_wait: timedelta, *, no_recent_move: bool) -> CheckReport:
        answers = MoveAnswers(
            no_recent_move=no_recent_move, accept_uncopied=True, locked_choice="approve"
        )
        inputs = CheckInputs(
            self.journal,
            self.migration_id,
            self.old.rest,
            self.new.rest,
            self.clock,
            answers=answers,
            alias_wait=alias_wait,
            prober=ServerProber(self.old.http),
        )
        return await run_checks(inputs)

    def tracker(self) -> FollowerTracker:
        return FollowerTracker(
            self.journal,
            self.migration_id,
            self.old.rest,
            self.new.rest,
            prober=ServerProber(self.old.http),
            clock=self.clock,
            approve_migrated=True,
        )

    async def move(self, report: CheckReport, typed: str, ask_password: AskText) -> None:
        consent = confirm_move(report, typed, self.clock.now())
        remembered: list[str] = []

        async def password() -> str:
            remembered[:] = [await ask_password("Password of the OLD account: ")]
            return remembered[0]

        mover = self.mover or self.old.rest
        ctx = MoveContext(self.journal, self.migration_id, mover, self.clock, self.guided, password)
        await perform_move(consent, ctx)
        self.old.run.moved = True
        await self.observe_old_token()
        if self.old.server.capabilities.move is ActionSupport.API and remembered:
            await self.retry_move(remembered.pop())

    async def observe_old_token(self) -> None:
        run, old = self.old.run, self.old
        run.old_token_verify = _answer(
            await old.rest.request("GET", "/api/v1/accounts/verify_credentials")
        )
        run.old_token_health = _answer(
            await old.rest.request("GET", "/api/v1/apps/verify_credentials")
        )
        path = f"/api/v1/accounts/{old.account_id}/followers"
        run.old_followers_read = _answer(
            await old.rest.request("GET", path, params=[("limit", "1")])
        )

    async def retry_move(self, password: str) -> None:
        """A second Move at once must be refused, saying how long to wait (§6.3)."""
        reply = await (self.mover or self.old.rest).request(
            "POST",
            "/api/v1/accounts/move",
            data=[("password", password), ("moved_to_uri", self.new.actor_uri)],
            idempotent=False,
        )
        self.old.run.move_retry = _answer(reply)

    def close(self) -> None:
        self.journal.close()


def _answer(reply: RestReply) -> Answer:
    return Answer(reply.status_code, reply.error_text())
