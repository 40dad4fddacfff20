"""`fedimove sandbox`: serve the practice Fediverse in the foreground."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "sandbox",
        help="serve the practice Fediverse (local demo servers) until Ctrl-C",
        description="Serve the practice Fediverse on 127.0.0.1 and print each server's "
        "address and the demo sign-ins.",
    )
    parser.add_argument("--scenario", choices=("small", "large"), default="small")
    parser.add_argument(
        "--speed", type=float, default=1.0, help="how much faster than real time the servers run"
    )
    parser.add_argument("--port", type=int, default=0, help="first port (default: any free)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    print("The practice Fediverse is not built yet.")
    return 2
