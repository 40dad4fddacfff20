"""`fedimove alias OLD NEW`, `check OLD NEW`, `move OLD NEW`, `followers [ID] [--watch]` and
`report [ID] -o FILE`: the irreversible part, as commands (DESIGN §2 steps 7-11).

`move` refuses unless every blocking check passes and the new handle is typed exactly; the old
server's password (GoToSocial, Akkoma) is asked for at that moment and never kept. Guided steps
(Mastodon's settings pages) open in the browser with what to paste.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import getpass
import tempfile
import webbrowser
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

from fedimove.cli.export import Sessions, _run, _sessions
from fedimove.core.clock import Clock, SystemClock
from fedimove.core.engine.alias import Accounts, GuidedStep, record_accounts, set_alias
from fedimove.core.engine.checks import (
    CheckInputs,
    CheckReport,
    MoveAnswers,
    confirm_move,
    mark_final_read,
    run_checks,
)
from fedimove.core.engine.followers import FollowerTracker
from fedimove.core.engine.followers_actions import export_missing
from fedimove.core.engine.move import MoveContext, perform_move
from fedimove.core.engine.preview_servers import ServerProber
from fedimove.core.engine.report import write_report
from fedimove.core.engine.snapshot import read_snapshot
from fedimove.core.errors import JournalNotFoundError
from fedimove.core.progress import CancelToken, discard_progress
from fedimove.core.servers.rest import RestClient
from fedimove.core.service import FedimoveService
from fedimove.core.storage.journal import Journal
from fedimove.core.storage.paths import AppPaths
from fedimove.core.storage.settings import ALIAS_WAIT_MINUTES, Settings


@contextlib.contextmanager
def _journal(practice: bool, clock: Clock) -> Iterator[Journal]:
    """The journal; practice runs use a throwaway one (they never enter the real journal)."""
    with contextlib.ExitStack() as stack:
        if practice:
            home = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="fedimove-")))
            journal = Journal.open(home / "journal.sqlite", clock)
        else:
            journal = Journal.open_default(AppPaths.default(), clock)
        stack.callback(journal.close)
        yield journal


def _pick(journal: Journal, wanted: int | None) -> int:
    """The migration asked for, else the most recent one."""
    if wanted is not None:
        return wanted
    found = journal.list_migrations()
    if not found:
        raise JournalNotFoundError("no migration yet")
    return found[0].id


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    for name, handler, text in (
        ("alias", run_alias, "link NEW to OLD (the alias), then wait until it is visible"),
        ("check", run_check, "run every pre-flight check before the Move"),
        ("move", run_move, "check, confirm and send the Move from OLD to NEW"),
    ):
        command = subparsers.add_parser(name, help=text)
        command.add_argument("old", help="the account you move away from")
        command.add_argument("new", help="the account you move to")
        if name != "alias":
            _answers(command)
        command.set_defaults(handler=handler)
    followers = subparsers.add_parser("followers", help="where each follower stands after the Move")
    followers.add_argument("id", nargs="?", type=int, help="migration id (default: the latest)")
    followers.add_argument("--watch", action="store_true", help="keep tracking until the end")
    followers.add_argument("--approve", action="store_true", help="approve migrated followers")
    followers.add_argument("--export", type=Path, help="write those who did not arrive as CSV")
    followers.set_defaults(handler=run_followers)
    report = subparsers.add_parser("report", help="write the HTML and CSV report")
    report.add_argument("id", nargs="?", type=int, help="migration id (default: the latest)")
    report.add_argument("-o", "--output", type=Path, required=True, help="the HTML file")
    report.set_defaults(handler=run_report)


def _answers(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--no-recent-move",
        action="store_true",
        help="confirm the old account has not moved in the last 30 days (Mastodon cannot say)",
    )
    command.add_argument(
        "--accept-uncopied", action="store_true", help="move although the copy is not finished"
    )
    command.add_argument(
        "--locked", choices=("unlock", "approve"), help="how to treat a locked new account"
    )


def run_alias(args: argparse.Namespace) -> int:
    return _run(_alias(args))


def run_check(args: argparse.Namespace) -> int:
    return _run(_check(args, move=False))


def run_move(args: argparse.Namespace) -> int:
    return _run(_check(args, move=True))


def run_followers(args: argparse.Namespace) -> int:
    return _run(_followers(args))


def run_report(args: argparse.Namespace) -> int:
    clock = SystemClock()
    with _journal(bool(getattr(args, "practice", False)), clock) as journal:
        files = write_report(journal, _pick(journal, args.id), args.output, clock.now())
    print(f"Report written to {files.html} and {files.csv}")
    return 0


async def open_in_browser(step: GuidedStep) -> None:
    """The guided step: which account, which page, what to paste."""
    print(f"\nSigned in as @{step.account}, open: {step.url}")
    print(f"Paste into the field: {step.paste}")
    if step.needs_password:
        print("Type your current password there (Fedimove never sees it).")
    webbrowser.open(step.url)


def _migration_for(
    journal: Journal, old: RestClient, new: RestClient, handles: tuple[str, str]
) -> int:
    wanted = tuple(h.strip().lstrip("@").lower() for h in handles)
    for migration in journal.find_unfinished():
        if (migration.old_handle.lower(), migration.new_handle.lower()) == wanted:
            return migration.id
    created = journal.create_migration(
        old_handle=wanted[0],
        old_server=old.origin,
        new_handle=wanted[1],
        new_server=new.origin,
        categories=[],
    )
    return created.id


async def _prepare(
    sessions: Sessions, journal: Journal, args: argparse.Namespace
) -> tuple[int, RestClient, RestClient]:
    old, new = await sessions.client(args.old), await sessions.client(args.new)
    migration_id = _migration_for(journal, old, new, (args.old, args.new))
    await record_accounts(journal, migration_id, old, new)
    return migration_id, old, new


async def _alias(args: argparse.Namespace) -> int:
    practice = bool(getattr(args, "practice", False))
    async with _sessions(practice) as sessions:
        with _journal(practice, sessions.clock) as journal:
            migration_id, _old, new = await _prepare(sessions, journal, args)
            accounts = Accounts.from_options(journal.get_migration(migration_id).options)
            status = await set_alias(
                journal, migration_id, new, accounts, sessions.clock, open_url=open_in_browser
            )
    wait = Settings.load_default(AppPaths.default()).get(ALIAS_WAIT_MINUTES)
    print(
        f"Alias: {'visible' if status.visible else 'cannot be verified from here'}"
        f" ({status.tier.value})."
    )
    print(f"The Move may go {wait} minutes after it became visible.")
    return 0


def _print_report(report: CheckReport) -> None:
    for result in report.results:
        mark = "ok  " if result.passed else ("FAIL" if result.blocking else "note")
        fix = f"  -> {result.params['fix']}" if "fix" in result.params else ""
        details = ", ".join(f"{k}={v}" for k, v in result.params.items() if k != "fix")
        print(f"[{mark}] {result.code}{f' ({details})' if details else ''}{fix}")


async def _fresh_checks(
    sessions: Sessions, journal: Journal, args: argparse.Namespace
) -> tuple[CheckReport, RestClient]:
    """A fresh follower snapshot and complete read, then every check."""
    migration_id, old, new = await _prepare(sessions, journal, args)
    prober = ServerProber(sessions.http)
    tracker = FollowerTracker(journal, migration_id, old, new, prober=prober, clock=sessions.clock)
    await tracker.take_snapshot()
    await read_snapshot(old, progress=discard_progress, cancel=CancelToken())
    mark_final_read(journal, migration_id, sessions.clock.now())
    wait = Settings.load_default(AppPaths.default()).get(ALIAS_WAIT_MINUTES)
    answers = MoveAnswers(args.no_recent_move, args.accept_uncopied, args.locked or "")
    inputs = CheckInputs(
        journal, migration_id, old, new, sessions.clock, answers, timedelta(minutes=wait), prober
    )
    return await run_checks(inputs), old


async def _check(args: argparse.Namespace, *, move: bool) -> int:
    practice = bool(getattr(args, "practice", False))
    async with _sessions(practice) as sessions:
        with _journal(practice, sessions.clock) as journal:
            report, old = await _fresh_checks(sessions, journal, args)
            _print_report(report)
            if report.blocking_failures:
                return 2
            if not move:
                return 0
            prompt = f"\nThis cannot be undone. Type the new handle (@{report.new_acct}) to move: "
            typed = await asyncio.to_thread(input, prompt)
            consent = confirm_move(report, typed, sessions.clock.now())

            async def ask_password() -> str:
                question = f"Password of @{args.old.lstrip('@')} (used once, not kept): "
                return await asyncio.to_thread(getpass.getpass, question)

            ctx = MoveContext(
                journal, report.migration_id, old, sessions.clock, open_in_browser, ask_password
            )
            moved_at = await perform_move(consent, ctx)
    print(
        f"Moved at {moved_at:%Y-%m-%d %H:%M} UTC. Follow the followers:"
        f" fedimove followers {report.migration_id} --watch"
    )
    return 0


async def _followers(args: argparse.Namespace) -> int:
    practice = bool(getattr(args, "practice", False))
    async with _sessions(practice) as sessions:
        with _journal(practice, sessions.clock) as journal:
            migration_id = _pick(journal, args.id)
            migration = journal.get_migration(migration_id)
            old = await sessions.client(migration.old_handle)
            new = await sessions.client(migration.new_handle)
            tracker = FollowerTracker(
                journal,
                migration_id,
                old,
                new,
                prober=ServerProber(sessions.http),
                clock=sessions.clock,
                approve_migrated=args.approve,
            )
            if args.watch and migration.moved_at is not None and not practice:
                await _watch(migration_id, approve=args.approve)
            else:
                await tracker.full_scan()
            for state, count in sorted(journal.follower_counts(migration_id).items()):
                print(f"{state.value:<20} {count:>7}")
            if args.export:
                print(
                    f"{export_missing(journal, migration_id, args.export)} followers"
                    f" written to {args.export}"
                )
    return 0


async def _watch(migration_id: int, *, approve: bool, given: FedimoveService | None = None) -> None:
    """Track with the wizard's service until the tracking window closes (its final scan
    ends the tracking), then `finish_tracking` journals the *finish* phase, as the followers
    page does; Ctrl-C stops the watching and leaves tracking open."""
    from fedimove.cli.finish import open_service

    async with open_service(migration_id, given) as service:
        await service.resume(str(migration_id), progress=discard_progress, cancel=CancelToken())
        if approve:  # the migrated followers' requests, as `--approve` does for one scan
            service.set_move_answers(
                no_recent_move=False, accept_uncopied=False, locked_choice="approve"
            )
        tracked = await service.track_followers(
            on_rows=_no_rows, progress=discard_progress, cancel=CancelToken()
        )
        if tracked.status == "finished":
            await service.finish_tracking(
                on_rows=_no_rows, progress=discard_progress, cancel=CancelToken()
            )
            print(f"Tracking has ended. Finish with: fedimove finish {migration_id}")


def _no_rows(_rows: object) -> None:
    """The command prints the counts at the end, not each follower as it changes."""
