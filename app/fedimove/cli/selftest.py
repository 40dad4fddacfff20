"""`fedimove selftest --live OLD NEW [--with-move] [-o REPORT]`: check the facts Fedimove relies
on against two real servers, with two throwaway accounts (issue 11; docs/releasing.md).

Signs in to both in the browser, reads the old account, copies two items of each category,
sets the alias and runs the pre-flight checks; `--with-move` (after a typed confirmation) also
performs the Move and tracks followers. Writes a dated Markdown report and its JSON twin.
Exit status: 0 when green, 1 when a fact differed or a sample did not arrive, 2 when refused.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import webbrowser
from datetime import timedelta
from pathlib import Path

from fedimove.cli.export import _run
from fedimove.cli.login import _network, practice_handle
from fedimove.cli.move import open_in_browser
from fedimove.core.clock import SystemClock
from fedimove.core.engine.alias import GuidedStep
from fedimove.core.engine.scheduler import SchedulerPool
from fedimove.core.errors import SelfTestRefusedError
from fedimove.core.oauth.flow import SignInFlow
from fedimove.core.selftest.context import RunRecord
from fedimove.core.selftest.facts import Outcome
from fedimove.core.selftest.live import RELATION_LIMIT, LiveOptions, LiveRun
from fedimove.core.selftest.report import SelfTestReport, write_report
from fedimove.core.selftest.sides import SideMaker, WatchingBrowser
from fedimove.core.storage.paths import AppPaths
from fedimove.core.storage.secrets import SecretStore

REFUSALS = {
    "real_account": "@{handle} has {count} follows or followers (more than {limit}); it looks "
    "like a real account. Use two throwaway accounts, or add --force if you are sure.",
    "not_confirmed": "Not confirmed; nothing was moved.",
}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = subparsers.add_parser(
        "selftest",
        help="check Fedimove's facts against real servers (two throwaway accounts)",
        description="Sign in to two throwaway accounts and check, fact by fact, that the "
        "servers behave as Fedimove expects. Never point it at your real account.",
    )
    command.add_argument("--live", nargs=2, metavar=("OLD", "NEW"), required=True)
    command.add_argument(
        "--with-move", action="store_true", help="also perform the Move (irreversible)"
    )
    command.add_argument(
        "-o", "--output", type=Path, help="report file or folder (default: dated, here)"
    )
    command.add_argument(
        "--force", action="store_true", help=f"run on accounts with over {RELATION_LIMIT} follows"
    )
    command.add_argument(
        "--track-minutes", type=float, default=10.0, help="follower tracking after the Move"
    )
    command.set_defaults(handler=run_selftest)


def run_selftest(args: argparse.Namespace) -> int:
    return _run(_selftest(args))


def open_browser(url: str) -> bool:
    """Where the sign-in page opens (a test plays the browser here)."""
    return webbrowser.open(url)


class TerminalPerson:
    async def guided(self, step: GuidedStep) -> None:
        await open_in_browser(step)

    async def ask(self, prompt: str) -> str:
        return await asyncio.to_thread(input, prompt)

    async def ask_secret(self, prompt: str) -> str:
        return await asyncio.to_thread(getpass.getpass, prompt)

    def say(self, text: str) -> None:
        print(text)


async def _selftest(args: argparse.Namespace) -> int:
    practice = bool(getattr(args, "practice", False))
    paths, secrets = AppPaths.default().ensure(), SecretStore.open(allow_session=practice)
    clock = SystemClock()
    async with _network(practice) as (http, hosts):
        old, new = (practice_handle(handle, hosts) for handle in args.live)
        options = LiveOptions(
            old,
            new,
            with_move=args.with_move,
            force=args.force,
            track_for=timedelta(minutes=max(0.0, args.track_minutes)),
        )
        opener = WatchingBrowser(open_browser)
        flow = SignInFlow(http, secrets=secrets, paths=paths, open_url=opener, clock=clock)
        maker = SideMaker(http, flow, opener, secrets, SchedulerPool(clock), RunRecord())
        try:
            report = await LiveRun(options, maker, clock, TerminalPerson()).run()
        except SelfTestRefusedError as refused:
            reason = str(refused.params.get("reason", ""))
            print(REFUSALS.get(reason, reason).format(**refused.params))
            return 2
    return _finish(report, args.output)


def _finish(report: SelfTestReport, output: Path | None) -> int:
    markdown, data = write_report(report, output)
    counts = ", ".join(f"{report.count(o)} {o.value.replace('_', ' ')}" for o in Outcome)
    print(f"Facts: {counts}.")
    for result in report.facts:
        if result.outcome is Outcome.DIFFERED:
            print(
                f"  DIFFERED {result.fact_id} ({result.role.value}): expected "
                f"{result.expected!r}, saw {result.observed!r}"
            )
    print(f"Report: {markdown}\nJSON:   {data}")
    return 0 if report.green else 1
