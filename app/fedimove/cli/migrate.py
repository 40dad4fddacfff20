"""`fedimove migrate OLD NEW` (copy everything to the new account), `fedimove status [ID]` and
`fedimove resume [ID]` (issue 6).

The copy is journaled: stop it any time (Ctrl+C, a crash, a closed laptop) and `resume` goes on
exactly where it stopped. With the top-level `--practice`, it runs against an in-process
practice Fediverse with a throw-away journal.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from pathlib import Path
from typing import TextIO

from fedimove.cli.export import Sessions, _run, _sessions
from fedimove.cli.export_output import ProgressPrinter
from fedimove.cli.from_files import (
    add_from_files_option,
    dispatch,
    finish_resumed,
    is_files_migration,
    resumed_new_client,
)
from fedimove.core.clock import Clock, SystemClock
from fedimove.core.engine.migration import MigrationEngine
from fedimove.core.engine.migration_status import MigrationStatus
from fedimove.core.engine.plan import DEFAULT_COPY
from fedimove.core.engine.runner import RunResult
from fedimove.core.engine.snapshot_export import open_client
from fedimove.core.errors import JournalNotFoundError, NotSignedInError
from fedimove.core.models import Category
from fedimove.core.progress import CancelToken, ProgressEvent
from fedimove.core.servers.rest import RestClient
from fedimove.core.storage.journal import Journal
from fedimove.core.storage.paths import AppPaths

COPYABLE = sorted(c.value for c in DEFAULT_COPY | {Category.FAVOURITES})


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    migrate = subparsers.add_parser("migrate", help="copy everything from OLD to NEW")
    migrate.add_argument("old", nargs="?", help="the account you move away from")
    migrate.add_argument("new", nargs="?", help="the account you move to")
    migrate.add_argument(
        "--only",
        help=f"comma-separated categories to copy (default: all but favourites): "
        f"{', '.join(COPYABLE)}",
    )
    migrate.add_argument("--dry-run", action="store_true", help="show the plan, change nothing")
    migrate.add_argument(
        "--api-only",
        action="store_true",
        help="never ask for a CSV upload; follows beyond the daily allowance take more days",
    )
    migrate.add_argument(
        "--stop-when-waiting",
        action="store_true",
        help="stop (resume later) instead of sleeping until a limit resets",
    )
    add_from_files_option(migrate)  # issue 12: the old server is gone
    migrate.set_defaults(handler=dispatch(lambda args: _run(_migrate(args))))
    status = subparsers.add_parser("status", help="show how far a migration got")
    status.add_argument("id", nargs="?", type=int, help="migration id (default: the latest)")
    status.set_defaults(handler=run_status)
    resume = subparsers.add_parser("resume", help="go on with a stopped migration")
    resume.add_argument("id", nargs="?", type=int, help="migration id (default: the latest)")
    resume.add_argument("--stop-when-waiting", action="store_true")
    resume.set_defaults(handler=lambda args: _run(_resume(args)))


class CopySessions(Sessions):
    """Practice sign-ins that may write (export's sessions only read)."""

    async def writer(self, handle: str) -> RestClient:
        if self.practice is None:
            return await self.client(handle)  # `fedimove login` asked for the scopes
        from fedimove.core.oauth.flow import SignInFlow
        from fedimove.core.oauth.scopes import Operation
        from fedimove.core.servers.detect import detect
        from fedimove.core.storage.secrets import SecretStore
        from fedimove.sandbox.testing import complete_authorization

        acct = handle.strip().lstrip("@")
        password = dict(self.practice.demo_logins).get(acct)
        if password is None:
            raise NotSignedInError("not a practice account", handle=acct)

        async def browser(url: str) -> str:
            return await complete_authorization(self.http, url, acct, password)

        secrets = SecretStore.session_only()
        with tempfile.TemporaryDirectory(prefix="fedimove-practice-") as home:
            flow = SignInFlow(
                self.http,
                secrets=secrets,
                paths=AppPaths.under(Path(home)).ensure(),
                read_pasted=browser,
            )
            target = await detect(acct, self.http)
            account = await flow.sign_in(target, operation=Operation.WRITE, use_browser=False)
        token = secrets.get(account.token_key)
        if token is None:
            raise NotSignedInError("practice sign-in kept no token", handle=acct)
        return await open_client(self.http, account.origin, token, pool=self.pool)


@contextlib.asynccontextmanager
async def _copy_sessions(practice: bool) -> AsyncIterator[CopySessions]:
    async with _sessions(practice) as sessions:
        yield CopySessions(sessions.http, sessions.practice)


def parse_categories(text: str | None) -> set[Category]:
    if not text:
        return set(DEFAULT_COPY)
    chosen = set()
    for name in (part.strip().lower().replace("-", "_") for part in text.split(",")):
        if name not in COPYABLE:
            raise SystemExit(f"unknown category {name!r}; choose from {', '.join(COPYABLE)}")
        chosen.add(Category(name))
    return chosen


@contextlib.contextmanager
def _journal(practice: bool, clock: Clock) -> Iterator[Journal]:
    if practice:  # practice runs never enter the real journal
        with tempfile.TemporaryDirectory(prefix="fedimove-practice-") as home:
            journal = Journal.open(Path(home) / "journal.sqlite", clock)
            try:
                yield journal
            finally:
                journal.close()
        return
    journal = Journal.open_default(AppPaths.default(), clock)
    try:
        yield journal
    finally:
        journal.close()


def _exports() -> Path:
    return AppPaths.default().ensure().data / "exports"


class CopyPrinter(ProgressPrinter):
    """The export's progress line, plus the copy's own messages."""

    def __call__(self, event: ProgressEvent) -> None:
        if event.status == "csv_upload_needed":
            self._say(csv_instructions(event))
        elif event.status == "import_unexpected_change":
            self._say(
                f"Warning: {event.params.get('unfollowed')} follows disappeared from the new "
                "account during the import. Was it uploaded in overwrite mode?"
            )
        elif event.status == "waiting":
            self._say(f"Waiting until {_when(event.eta)} ({event.params.get('reasons')}).")
        else:
            super().__call__(event)

    def _say(self, text: str) -> None:
        if self._open:
            self.stream.write("\n")
            self._open = False
        print(text, file=self.stream, flush=True)


def csv_instructions(event: ProgressEvent) -> str:
    files = str(event.params.get("files", "")).splitlines()
    listed = "\n".join(f"    {name}" for name in files)
    return (
        "More follows than the new server allows per day through its API. To copy them in one\n"
        f"go, open {event.params.get('url')} (signed in as your NEW account), choose\n"
        "'Following list', choose MERGE (never overwrite: it would unfollow everyone else),\n"
        f"and upload, one after the other:\n{listed}\n"
        "Fedimove watches the import and then fills any gaps by itself."
    )


def _when(moment: datetime | None) -> str:
    if moment is None:
        return "unknown"
    local = moment.astimezone()
    return f"{local:%Y-%m-%d %H:%M} local time (limits reset at 00:00 UTC)"


async def _migrate(args: argparse.Namespace) -> int:
    practice = bool(getattr(args, "practice", False))
    categories = parse_categories(args.only)
    clock = SystemClock()
    async with _copy_sessions(practice) as sessions:
        old = await sessions.client(args.old)
        new = await sessions.writer(args.new)
        with _journal(practice, clock) as journal:
            engine = MigrationEngine(journal, clock, exports_dir=_exports())
            printer = CopyPrinter(sys.stderr)
            if args.dry_run:
                plan, counts, _ = await engine.plan(
                    old, new, categories, api_only=args.api_only, progress=printer
                )
                printer.close()
                for step in plan.steps:
                    print(
                        f"{step.name:<16} {counts.get(step.name, 0):>7}  {step.phase.value}"
                        f"  {step.strategy.value}"
                    )
                return 0
            migration, result = await engine.start(
                old,
                new,
                categories,
                api_only=args.api_only,
                progress=printer,
                cancel=CancelToken(),
                keep_waiting=not args.stop_when_waiting,
            )
            printer.close()
            print(f"Migration {migration.id}:")
            print_status(engine.status(migration.id), sys.stdout)
            return _exit_code(result)


async def _resume(args: argparse.Namespace) -> int:
    practice = bool(getattr(args, "practice", False))
    clock = SystemClock()
    with _journal(practice, clock) as journal:
        migration_id = _pick(journal, args.id)
        migration = journal.get_migration(migration_id)
        files = is_files_migration(migration)  # the old server is gone: never sign in there
        async with _copy_sessions(practice) as sessions:
            new = await sessions.writer(migration.new_handle)
            planned = files or "plan" in migration.options
            old = await _maybe_client(sessions, migration.old_handle, planned)
            if files:
                new = resumed_new_client(new, migration, practice)
            engine = MigrationEngine(journal, clock, exports_dir=_exports())
            journal.retry_failed(migration_id)
            printer = CopyPrinter(sys.stderr)
            result = await engine.resume(
                migration_id,
                old,
                new,
                progress=printer,
                keep_waiting=not args.stop_when_waiting,
            )
            printer.close()
            if files:
                finish_resumed(journal, migration, result, practice)
            print_status(engine.status(migration_id), sys.stdout)
            return _exit_code(result)


async def _maybe_client(sessions: Sessions, handle: str, planned: bool) -> RestClient | None:
    """The old account is only needed while nothing was read yet."""
    return None if planned else await sessions.client(handle)


def _pick(journal: Journal, wanted: int | None) -> int:
    if wanted is not None:
        return wanted
    found = journal.find_unfinished() or journal.list_migrations()
    if not found:
        raise JournalNotFoundError("no migration yet")
    return found[0].id


def _exit_code(result: RunResult) -> int:
    if result.failed:
        return 1
    return 0 if result.finished else 3  # 3: waiting; `fedimove resume` goes on


def run_status(args: argparse.Namespace) -> int:
    clock = SystemClock()
    with _journal(bool(getattr(args, "practice", False)), clock) as journal:
        try:
            migration_id = _pick(journal, args.id)
            status = MigrationEngine(journal, clock).status(migration_id)
        except JournalNotFoundError:
            print("No migration found.", file=sys.stderr)
            return 1
    print_status(status, sys.stdout)
    return 0


def print_status(status: MigrationStatus, out: TextIO) -> None:
    migration = status.migration
    print(
        f"#{migration.id} {migration.old_handle} -> {migration.new_handle}"
        f"  phase {migration.phase.value}, {migration.state.value}",
        file=out,
    )
    print(f"  {'step':<16}{'done':>7}{'pending':>9}{'skipped':>9}{'failed':>8}  state", file=out)
    for step in status.steps:
        c = step.counts
        line = (
            f"  {step.name:<16}{c.done:>7}{c.pending + c.in_flight:>9}{c.skipped:>9}"
            f"{c.failed:>8}  {step.state}"
        )
        if step.next_attempt_at is not None and step.state == "waiting":
            line += f" until {_when(step.next_attempt_at)}"
        print(line, file=out)
        for reason, count in sorted(step.reasons.items()):
            print(f"      skipped {count} × {reason}", file=out)
        for reason, count in sorted(step.failures.items()):
            print(f"      failed {count} × {reason}", file=out)
        if c.removed_by_user:
            print(f"      {c.removed_by_user} removed by you on the new account", file=out)
    if status.eta is not None:
        print(f"  Expected to finish: {_when(status.eta)}", file=out)
