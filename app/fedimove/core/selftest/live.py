"""One self-test run on two throwaway accounts (issue 11).

Sign in to both (Fedimove's real OAuth), detect both servers, refuse an account that looks
real, read every category on the old account, check every sign-in and REST fact, copy two items
of each category and check they arrived, set the alias and run the pre-flight checks; with
`with_move` and a typed confirmation, perform the Move, check the Move facts and track the
followers for a set time.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol

from fedimove.core.accounts import SignedInAccount
from fedimove.core.clock import Clock
from fedimove.core.engine.alias import GuidedStep
from fedimove.core.engine.snapshot import AccountSnapshot, read_snapshot
from fedimove.core.errors import SelfTestRefusedError
from fedimove.core.models import Category
from fedimove.core.progress import CancelToken, discard_progress
from fedimove.core.selftest.context import Side
from fedimove.core.selftest.evaluate import check_facts
from fedimove.core.selftest.facts import Role
from fedimove.core.selftest.live_move import MoveStage
from fedimove.core.selftest.registry import (
    IMPORT_FACTS,
    MOVE_FACTS,
    REST_FACTS,
    SIGN_IN_FACTS,
)
from fedimove.core.selftest.report import SelfTestReport, ServerSummary
from fedimove.core.selftest.samples import copy_samples
from fedimove.core.selftest.sides import SideMaker
from fedimove.core.servers.base import ActionSupport

#: More follows or followers than this and the account is probably someone's real one.
RELATION_LIMIT = 20
CONFIRMATION = "these are throwaway accounts"


class Person(Protocol):
    """How the run talks to whoever runs it (the CLI's terminal, or a test)."""

    async def guided(self, step: GuidedStep) -> None: ...

    async def ask(self, prompt: str) -> str: ...

    async def ask_secret(self, prompt: str) -> str: ...

    def say(self, text: str) -> None: ...


@dataclass
class LiveOptions:
    old: str
    new: str
    with_move: bool = False
    force: bool = False
    relation_limit: int = RELATION_LIMIT
    track_for: timedelta = timedelta(minutes=10)
    track_every: float = 30.0
    alias_wait: timedelta = timedelta(minutes=15)  # DESIGN §0.4: alias age before the Move
    alias_poll_every: float = 20.0
    alias_give_up_after: float = 30 * 60.0


@dataclass
class LiveRun:
    options: LiveOptions
    maker: SideMaker
    clock: Clock
    person: Person
    work: Path | None = None
    report: SelfTestReport = field(init=False)
    accounts: list[SignedInAccount] = field(default_factory=list)

    async def run(self) -> SelfTestReport:
        self.report = SelfTestReport(started_at=self.clock.now())
        try:
            with tempfile.TemporaryDirectory(prefix="fedimove-selftest-") as temporary:
                await self._run(self.work or Path(temporary))
        finally:
            await self._sign_out()
        self.report.finished_at = self.clock.now()
        return self.report

    async def _sign_out(self) -> None:
        """Leave no token behind (also when refused: it may have been a real account)."""
        if not await self.maker.revoke_shadowed():
            self.report.notes.append("A read-only sign-in could not be revoked on its server.")
        for account in self.accounts:
            revoked = await self.maker.flow.sign_out(account)
            if not revoked:
                self.report.notes.append(
                    f"The sign-in of {account.handle} could not be revoked on its server; "
                    "revoke Fedimove under its authorized apps."
                )

    async def _run(self, work: Path) -> None:
        old, new = await self._signed_in()
        snapshot = await self._read_old(old)
        self.report.facts += await check_facts([old, new], SIGN_IN_FACTS + REST_FACTS)
        self.person.say("Copying two items of each category to the new account...")
        self.report.samples = await copy_samples(snapshot, new.rest, self.clock)
        self.report.facts += await check_facts([old, new], IMPORT_FACTS)
        stage = await MoveStage.open(work, old, new, self.clock, self.person.guided)
        try:
            await self._alias_checks_and_move(stage, work)
        finally:
            stage.close()
        self.report.facts += await check_facts([old, new], MOVE_FACTS)

    async def _signed_in(self) -> tuple[Side, Side]:
        sides = []
        for role, handle in ((Role.OLD, self.options.old), (Role.NEW, self.options.new)):
            self.person.say(f"Sign in to the {role.value} account {handle} in your browser.")
            side, account = await self.maker.make(role, handle)
            self.accounts.append(account)
            await self._refuse_real_account(side)
            self.report.servers.append(
                ServerSummary(
                    role.value,
                    account.handle,
                    side.server.host,
                    side.server.software,
                    side.server.version,
                )
            )
            sides.append(side)
        old, new = sides
        old.other, new.other = new, old
        return old, new

    async def _refuse_real_account(self, side: Side) -> None:
        own = await side.rest.verify_credentials()
        biggest = max(own.following_count, own.followers_count)
        if biggest > self.options.relation_limit and not self.options.force:
            raise SelfTestRefusedError(
                "looks like a real account",
                reason="real_account",
                handle=side.acct,
                count=biggest,
                limit=self.options.relation_limit,
            )
        side.counts[Category.FOLLOWING] = own.following_count
        side.counts[Category.FOLLOWERS] = own.followers_count

    async def _read_old(self, old: Side) -> AccountSnapshot:
        self.person.say("Reading every category on the old account...")
        snapshot = await read_snapshot(old.rest, progress=discard_progress, cancel=CancelToken())
        old.counts.update({c: snapshot.count(c) for c in Category})
        old.run.sample_follows = list(snapshot.following[:2])
        old.run.sample_blocks = list(snapshot.blocks[:2])
        old.run.sample_mutes = list(snapshot.mutes[:2])
        return snapshot

    async def _alias_checks_and_move(self, stage: MoveStage, work: Path) -> None:
        options = self.options
        self.person.say("Setting the alias on the new account...")
        await stage.set_alias(options.alias_poll_every, options.alias_give_up_after)
        if not options.with_move:
            report = await stage.checks(options.alias_wait, no_recent_move=False)
            self.report.checks = list(report.results)
            return
        await self._confirm_throwaway()
        await stage.final_read_and_backup(work)
        tracker = stage.tracker()
        await tracker.take_snapshot()
        await self._wait_for_alias_age(stage)
        report = await stage.checks(options.alias_wait, no_recent_move=True)
        self.report.checks = list(report.results)
        if report.blocking_failures:
            codes = ", ".join(r.code for r in report.blocking_failures)
            self.report.notes.append(f"The Move was not sent: blocking checks failed ({codes}).")
            stage.old.run.move_why_not = f"blocking pre-flight checks failed: {codes}"
            return
        typed = await self.person.ask(f"Type the new account's handle ({stage.new.acct}) to Move: ")
        if stage.old.server.capabilities.move is ActionSupport.API:
            self.person.say(
                "The Move goes through the old server's API: sign in again to allow it."
            )
            stage.mover = await self.maker.may_write(stage.old, self.accounts[0])
        await stage.move(report, typed, self.person.ask_secret)
        self.person.say(f"Moved. Tracking followers for {options.track_for}...")
        await tracker.watch(until=self.clock.now() + options.track_for, every=options.track_every)
        counts = stage.journal.follower_counts(stage.migration_id)
        self.report.tracking = {state.value: n for state, n in counts.items()}

    async def _confirm_throwaway(self) -> None:
        typed = await self.person.ask(
            "The Move cannot be undone, and neither account may move again for 30 days.\n"
            f'Type "{CONFIRMATION}" to confirm both accounts are throwaway accounts '
            "that have not moved in the last 30 days: "
        )
        if typed.strip().lower() != CONFIRMATION:
            raise SelfTestRefusedError("not confirmed", reason="not_confirmed")

    async def _wait_for_alias_age(self, stage: MoveStage) -> None:
        """Followers' servers re-check the alias; the Move waits until it is old enough."""
        since = stage.journal.get_migration(stage.migration_id).options.get("alias_visible_at")
        if not isinstance(since, str):
            return
        ready = datetime.fromisoformat(since) + self.options.alias_wait
        wait = (ready - self.clock.now()).total_seconds()
        if wait > 0:
            self.person.say(f"Waiting {wait / 60:.0f} minutes for the alias to settle...")
            await self.clock.sleep(wait)
