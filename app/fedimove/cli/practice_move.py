"""`fedimove practice-move`: a whole account move on the practice Fediverse, in one process,
without a window or a person: the proof that an installed Fedimove can move an account.

It drives the same `FedimoveService` the wizard drives, on the `--practice` session
(`fedimove.ui.practice`, Qt-free) kept in-process: every request goes through the practice
network's transport, so nothing here can reach a real server. The person is played by code:
the browser answers the sign-in, consent and settings pages of the demo accounts only, and
the Move's consent is typed programmatically (practice-only automation). A fast clock makes
the alias wait and the followers' arrivals take seconds. Exit code 0 only when every follower
ends where the scenario's ground truth says it must.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit

from fedimove.cli.practice_browser import PracticeBrowser
from fedimove.core.clock import ScaledClock
from fedimove.core.errors import FedimoveError, PracticeMoveStoppedError
from fedimove.core.models import Category
from fedimove.core.progress import CancelToken, ProgressEvent
from fedimove.core.service_api import AccountRole, FollowerRow, FollowerState
from fedimove.core.storage.archive_passphrase import generate_recovery_phrase
from fedimove.sandbox.federation import layer_of
from fedimove.sandbox.scenario_failures import LOST, MOVED, REQUESTED, expected_outcomes
from fedimove.ui.practice import PracticeSession, practice_session

#: Practice seconds per real second (a sign-in code's 10 minutes still last 5 s).
SPEED = 120.0
#: How much practice time the followers get to arrive before the run gives up.
TRACK_LIMIT = 2 * 3600.0
#: The servers' cache of the new actor (DESIGN §0.4): the practice clock skips it.
ALIAS_CACHE = 15 * 60.0
OFF_BY_DEFAULT = frozenset({Category.FAVOURITES})  # as the wizard: it notifies every author
#: Where each follower must end, by the scenario's (state, reason), as the tracker names it.
EXPECTED_STATES: dict[tuple[str, str], FollowerState] = {
    (MOVED, "ok"): FollowerState.MOVED,
    (REQUESTED, "limited"): FollowerState.AWAITING_APPROVAL,
    (REQUESTED, "locked"): FollowerState.AWAITING_APPROVAL,
    ("stayed", "no_move"): FollowerState.NO_MOVE_SUPPORT,
    ("stayed", "unreachable"): FollowerState.UNREACHABLE,
    ("stayed", "suspended"): FollowerState.GONE,
    (LOST, "blocked"): FollowerState.BLOCKED,
}
ARRIVING = frozenset({FollowerState.MOVED, FollowerState.AWAITING_APPROVAL})
PENDING = frozenset({FollowerState.AWAITING_APPROVAL, FollowerState.STILL_ON_OLD})


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "practice-move",
        help="move the demo account on the practice Fediverse, start to end, with no window "
        "(in-process demo servers only; never a real account)",
    )
    parser.add_argument(
        "--report",
        type=Path,
        default=Path("fedimove-practice-report.html"),
        help="where to write the move report (HTML; a CSV is written beside it)",
    )
    parser.add_argument(
        "--json", action="store_true", help="print the summary as JSON (progress on stderr)"
    )
    parser.set_defaults(handler=_handle)


def _handle(args: argparse.Namespace) -> int:
    out = sys.stderr if args.json else sys.stdout
    try:
        summary = asyncio.run(_practice_move(args.report.resolve(), _Say(out)))
    except FedimoveError as error:
        print(f"practice move failed: [{error.code}] {error} {error.params or ''}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(summary.as_dict(), indent=2))
    else:
        summary.print(sys.stdout)
    return 0 if summary.as_predicted else 1


class _Say:
    """One progress line per phase, with the real seconds since the start."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.started = time.monotonic()

    def __call__(self, phase: str, text: str) -> None:
        seconds = time.monotonic() - self.started
        print(f"[{seconds:5.1f}s] {phase:<9} {text}", file=self.out, flush=True)


# --- the move, step by step, through the wizard's service -----------------------------------


@dataclass
class Summary:
    moved: int = 0
    pending: int = 0
    not_moved: dict[str, int] = field(default_factory=dict)  # "state: reason" -> count
    mismatches: list[str] = field(default_factory=list)
    report: str = ""
    practice_hours: float = 0.0

    @property
    def as_predicted(self) -> bool:
        return not self.mismatches and self.moved > 0

    def as_dict(self) -> dict[str, object]:
        return {
            "as_predicted": self.as_predicted,
            "moved": self.moved,
            "pending": self.pending,
            "not_moved": self.not_moved,
            "mismatches": self.mismatches,
            "report": self.report,
            "practice_hours": round(self.practice_hours, 2),
        }

    def print(self, out: TextIO) -> None:
        print(f"Followers moved: {self.moved}", file=out)
        print(
            f"Followers pending (awaiting approval or still on the old account): {self.pending}",
            file=out,
        )
        print(f"Followers not moved: {sum(self.not_moved.values())}", file=out)
        for reason, count in sorted(self.not_moved.items()):
            print(f"  {count:4d}  {reason}", file=out)
        print(f"Report: {self.report}", file=out)
        verdict = "every follower ended as the scenario predicts"
        if not self.as_predicted:
            verdict = f"{len(self.mismatches)} followers did NOT end as predicted"
            for line in self.mismatches[:20]:
                print(f"  {line}", file=out)
        print(f"Practice move finished: {verdict}.", file=out)


def _quiet(event: ProgressEvent) -> None:
    """Step progress is summed up per phase; the single events are not printed."""


async def _practice_move(report: Path, say: _Say) -> Summary:
    browser = PracticeBrowser()
    clock = ScaledClock(SPEED)
    say("start", f"practice Fediverse in-process (scenario small, clock x{SPEED:g})")
    async with practice_session(open_url=browser, clock=clock, served=False) as session:
        browser.session = session
        await _prepare(session, say)
        await _alias_checks_and_move(session, clock, say)
        expected = {
            handle: EXPECTED_STATES[(e.state, e.reason)]
            for handle, e in expected_outcomes(session.network).items()
        }
        rows, hours = await _track(session, clock, expected, say)
        files = await session.service.write_report(report, progress=_quiet, cancel=CancelToken())
        say("report", f"written: {files.html} and {files.csv}")
    summary = _summarise(rows, expected)
    summary.report, summary.practice_hours = str(files.html), hours
    return summary


async def _prepare(session: PracticeSession, say: _Say) -> None:
    """Sign in to both accounts, preview, back up, copy."""
    service, cancel = session.service, CancelToken()
    for role, demo in ((AccountRole.OLD, session.old), (AccountRole.NEW, session.new)):
        account = await service.sign_in(role, demo.handle, progress=_quiet, cancel=cancel)
        say("sign-in", f"{role.value} account {account.handle} ({account.software})")
    preview = await service.preview(progress=_quiet, cancel=cancel)
    chosen = [
        c.category for c in preview.categories if c.count and c.category not in OFF_BY_DEFAULT
    ]
    say("preview", ", ".join(f"{c.category.value} {c.count}" for c in preview.categories))
    passphrase = generate_recovery_phrase()
    backup = session.home / "practice-backup.age"
    await service.backup(backup, passphrase, progress=_quiet, cancel=cancel)
    say("backup", f"{backup.stat().st_size} bytes, encrypted; recovery phrase: {passphrase}")
    copied = await service.copy(chosen, progress=_quiet, cancel=cancel)
    say("copy", f"{copied.done} copied, {copied.skipped} skipped, {copied.failed} failed")


async def _alias_checks_and_move(session: PracticeSession, clock: ScaledClock, say: _Say) -> None:
    service, cancel = session.service, CancelToken()
    alias = await service.set_alias(progress=_quiet, cancel=cancel)
    say("alias", f"set on the new account's settings page ({alias.status})")
    clock.advance(ALIAS_CACHE)
    say("alias", f"practice clock moved {ALIAS_CACHE / 60:g} minutes on (the alias cache)")
    service.set_move_answers(no_recent_move=True, accept_uncopied=False)
    results = await service.run_checks(progress=_quiet, cancel=cancel)
    failing = [r.code for r in results if r.blocking and not r.passed]
    say("checks", f"{len(results)} checks, blocking failures: {', '.join(failing) or 'none'}")
    if failing:
        raise PracticeMoveStoppedError("the checks refused the Move", failing=", ".join(failing))
    say("consent", f"PRACTICE-ONLY AUTOMATION: typing {session.new.handle} to consent")
    await service.move(session.new.handle, progress=_quiet, cancel=cancel)
    say("move", "sent from the old account's settings page")


# --- the followers ------------------------------------------------------------------------


_NONE = FollowerRow("", "", FollowerState.UNKNOWN)


def follower_key(row: FollowerRow) -> str:
    """`user@instance-name` from the actor URI, as the scenario's ground truth names people."""
    uri = urlsplit(row.actor_uri)
    return f"{uri.path.rsplit('/', 1)[-1]}@{uri.netloc}"


async def _track(
    session: PracticeSession,
    clock: ScaledClock,
    expected: dict[str, FollowerState],
    say: _Say,
) -> tuple[dict[str, FollowerRow], float]:
    """Follow the followers (the wizard's followers page) until everyone expected to arrive
    has, and the practice servers have delivered everything, or the practice time limit
    passes; then finish tracking (the final scan classifies those who stayed). Returns the
    last row of each, and practice hours."""
    rows: dict[str, FollowerRow] = {}
    arriving = {k: s for k, s in expected.items() if s in ARRIVING}
    settled = asyncio.Event()
    jobs = layer_of(session.network).jobs

    def on_rows(batch: Sequence[FollowerRow]) -> None:
        rows.update((follower_key(row), row) for row in batch)
        if not jobs.running and all(rows.get(k, _NONE).state is s for k, s in arriving.items()):
            settled.set()

    service, started, cancel = session.service, clock.monotonic(), CancelToken()
    say("track", f"following {len(expected)} followers (at most {TRACK_LIMIT / 3600:g} h)")
    tracking = asyncio.ensure_future(
        service.track_followers(on_rows=on_rows, progress=_Milestones(say), cancel=cancel)
    )
    waiting = asyncio.ensure_future(settled.wait())
    await asyncio.wait(
        {tracking, waiting}, timeout=TRACK_LIMIT / SPEED, return_when="FIRST_COMPLETED"
    )
    cancel.cancel("done")
    waiting.cancel()
    await tracking  # raises what went wrong inside, if anything did
    # The person's "Finish tracking": the final scan says who stayed, and why.
    await service.finish_tracking(on_rows=on_rows, progress=_quiet, cancel=CancelToken())
    hours = (clock.monotonic() - started) / 3600
    say("track", f"final scan after {hours:.2f} practice hours")
    return rows, hours


class _Milestones:
    """Prints the tracker's count when it changes (not every poll)."""

    def __init__(self, say: _Say) -> None:
        self.say = say
        self.last: int | None = None

    def __call__(self, event: ProgressEvent) -> None:
        if event.category == "followers" and event.done != self.last:
            self.last = event.done
            self.say("track", f"{event.done} of {event.total} followers moved")


def _summarise(rows: dict[str, FollowerRow], expected: dict[str, FollowerState]) -> Summary:
    summary = Summary()
    for key, row in sorted(rows.items()):
        if row.state is FollowerState.MOVED:
            summary.moved += 1
        elif row.state in PENDING:
            summary.pending += 1
        else:
            label = f"{row.state.value}: {row.reason or 'no reason given'}"
            summary.not_moved[label] = summary.not_moved.get(label, 0) + 1
        want = expected.get(key)
        if want is not row.state:
            wanted = want.value if want else "not a follower"
            summary.mismatches.append(f"{key}: {row.state.value}, expected {wanted}")
    summary.mismatches += [f"{key}: never seen" for key in sorted(expected.keys() - rows.keys())]
    return summary
