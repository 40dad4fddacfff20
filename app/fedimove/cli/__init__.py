"""The `fedimove` command: the wizard by default, and a sub-command for every step.

Each sub-command lives in its own module under `fedimove.cli` and exposes
`register(subparsers)`; `COMMAND_MODULES` lists them in the order `--help` shows them.
This package never imports Qt at import time: the wizard is imported only when it opens.
A plain `fedimove` (or `fedimove --practice`) opens the wizard without building the parser:
importing every sub-command costs start-up time the wizard does not need.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from fedimove import __version__

COMMAND_MODULES: tuple[str, ...] = (
    "sandbox",
    "login",
    "export",
    "archive",
    "migrate",
    "move",
    "finish",
    "practice_move",
    "selftest",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fedimove",
        description="Move your Fediverse account to another server without losing your "
        "followers, follows, lists, bookmarks, blocks and mutes. Without a command, "
        "the wizard opens.",
    )
    parser.add_argument("--version", action="version", version=f"Fedimove {__version__}")
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="check that everything Fedimove needs is present, then exit (non-zero on failure)",
    )
    parser.add_argument(
        "--practice",
        action="store_true",
        help="open the wizard on the practice Fediverse (local demo servers, no real account)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"fedimove.cli.{name}")
        module.register(subparsers)
    return parser


#: The arguments that just open the wizard.
WIZARD_ONLY = frozenset({"--practice"})


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if set(arguments) <= WIZARD_ONLY:
        return _open_wizard(practice=bool(arguments))
    parser = build_parser()
    args = parser.parse_args(arguments)
    if args.self_check:
        from fedimove.selfcheck import run_self_check

        return run_self_check(sys.stdout)
    if args.command is None:
        return _open_wizard(practice=args.practice)
    handler = args.handler
    result: int = handler(args)
    return result


def _open_wizard(*, practice: bool) -> int:
    from fedimove.ui.main import run_gui  # Qt is imported only here.

    return run_gui(practice=practice)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
