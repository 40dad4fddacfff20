"""`fedimove sandbox`: serve the practice Fediverse in the foreground until Ctrl-C."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from typing import TextIO

from fedimove.core.clock import ScaledClock


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "sandbox",
        help="serve the practice Fediverse (local demo servers) until Ctrl-C",
        description="Serve the practice Fediverse on 127.0.0.1 and print each server's "
        "address and the demo sign-ins.",
    )
    parser.add_argument(
        "--scenario",
        choices=("small", "large", "move-back"),
        default="small",
        help="small: the demo; large: 25,000 followers on 40 servers; move-back: the account "
        "moved away once before and now moves back",
    )
    parser.add_argument(
        "--secure",
        action="store_true",
        help="every server in authorized-fetch mode (aliases hidden from unsigned reads)",
    )
    parser.add_argument(
        "--akkoma",
        action="store_true",
        help="also serve an Akkoma server (akkoma.practice) with a demo account",
    )
    parser.add_argument(
        "--speed", type=float, default=1.0, help="how much faster than real time the servers run"
    )
    parser.add_argument("--port", type=int, default=0, help="first port (default: any free)")
    parser.add_argument("--seed", type=int, default=1, help=argparse.SUPPRESS)
    parser.set_defaults(handler=run)


async def serve(args: argparse.Namespace, out: TextIO, stop: asyncio.Event | None = None) -> None:
    """Build the scenario, serve it, print where, and wait for `stop` (or forever)."""
    from fedimove.sandbox.network import PracticeNetwork

    if args.speed <= 0:
        raise ValueError("speed must be positive")
    network = PracticeNetwork.from_scenario(
        args.scenario,
        clock=ScaledClock(speed=args.speed),
        seed=args.seed,
        secure=getattr(args, "secure", False),
    )
    if getattr(args, "akkoma", False):
        from fedimove.sandbox.scenario_akkoma import add_akkoma

        add_akkoma(network)
    async with network.serve_http(host="127.0.0.1", first_port=args.port) as served:
        out.write(f"Practice Fediverse ({args.scenario}) is running. Press Ctrl-C to stop.\n")
        for instance in network.instances:
            origin = served.origin(instance.name)
            out.write(f"  {instance.name:<20} {instance.flavour.name:<16} {origin}\n")
        out.write("Demo sign-ins (handle, password):\n")
        for handle, password in network.demo_logins:
            user, _, name = handle.partition("@")
            out.write(f"  {user}@{network.instance(name).domain}  {password}\n")
        out.flush()
        await (stop or asyncio.Event()).wait()


def run(args: argparse.Namespace) -> int:
    try:
        asyncio.run(serve(args, sys.stdout))
    except KeyboardInterrupt:
        # asyncio.run cancelled the serving task, which closed every server on its way out.
        with contextlib.suppress(Exception):
            sys.stdout.write("Stopped.\n")
        return 0
    except (OSError, ValueError) as error:
        sys.stderr.write(f"Cannot serve the practice Fediverse: {error}\n")
        return 1
    return 0
