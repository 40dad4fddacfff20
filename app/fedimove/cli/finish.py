"""`fedimove finish [ID]`: the last step once follower tracking has ended (DESIGN §0.16).

It locks the new account again when the person's account was locked (`--no-restore-locked`
leaves it open), signs Fedimove out of both accounts: revoked on each server and forgotten
here (`--no-sign-out` keeps the sign-ins), and says where each server lists the apps you
authorized. Safe to run again. Also `open_service`, the wizard's service for a command.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import AsyncIterator

from fedimove.cli.export import _run
from fedimove.core.errors import FedimoveError, JournalNotFoundError
from fedimove.core.progress import CancelToken, discard_progress
from fedimove.core.service import FedimoveService
from fedimove.core.service_api import AccessResult, LockedResult, StepOutcome
from fedimove.core.storage.paths import AppPaths
from fedimove.core.storage.secrets import SecretStore

LOCKED_WORDS = {
    LockedResult.RESTORED: "your new account is locked again, as you had it: "
    "you approve each new follower",
    LockedResult.ALREADY_LOCKED: "your new account was already locked",
    LockedResult.NOT_NEEDED: "nothing to change: your accounts were not locked",
    LockedResult.KEPT: "left open, as you chose (anyone can follow you without asking)",
    LockedResult.NOT_CONFIRMED: "your new server did not confirm: lock the account in its "
    "settings yourself",
}
ACCESS_WORDS = {
    AccessResult.REVOKED: "Fedimove's access is revoked and forgotten",
    AccessResult.NOT_CONFIRMED: "forgotten here, but the server did not confirm the revocation: "
    "remove Fedimove in its authorized apps",
    AccessResult.SIGNED_OUT: "Fedimove is already signed out",
    AccessResult.KEPT: "Fedimove stays signed in, as you chose",
    AccessResult.NOT_APPLICABLE: "",
}
TOO_EARLY = (
    "Follower tracking has not ended yet: end it first (fedimove followers ID --watch, or "
    "the followers page)."
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = subparsers.add_parser(
        "finish", help="after tracking: restore 'locked', sign Fedimove out of both accounts"
    )
    command.add_argument("id", nargs="?", type=int, help="migration id (default: the latest)")
    command.add_argument(
        "--restore-locked",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="lock the new account again if your account was locked (default: yes)",
    )
    command.add_argument(
        "--sign-out",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="revoke Fedimove's access on both servers and forget it here (default: yes)",
    )
    command.set_defaults(handler=run_finish)


@contextlib.asynccontextmanager
async def open_service(
    wanted: int | None, given: FedimoveService | None = None
) -> AsyncIterator[FedimoveService]:
    """The wizard's service on this person's journal and keyring (or `given`, left open:
    tests bring one bound to the practice Fediverse), set on the migration asked for (else
    the latest); signs in to nothing by itself."""
    service = given or FedimoveService.create(AppPaths.default().ensure(), SecretStore())
    try:
        found = service.state.journal.list_migrations()
        if wanted is None and not found:
            raise JournalNotFoundError("no migration yet")
        service.state.migration_id = found[0].id if wanted is None else wanted
        service.state.journal.get_migration(service.state.migration_id)  # it must exist
        yield service
    finally:
        if given is None:
            await service.aclose()


def run_finish(args: argparse.Namespace) -> int:
    return _run(_finish(args))


async def _finish(args: argparse.Namespace, given: FedimoveService | None = None) -> int:
    if getattr(args, "practice", False) and given is None:
        # Practice commands keep a throw-away journal: never finish a real move from here.
        print("Practice moves keep nothing to finish: the practice accounts are throw-away.")
        return 2
    async with open_service(args.id, given) as service:
        try:
            outcome = await service.finish(
                restore_locked=args.restore_locked,
                sign_out=args.sign_out,
                progress=discard_progress,
                cancel=CancelToken(),
            )
        except FedimoveError as error:
            if error.code != "finish.too_early":
                raise
            print(f"{TOO_EARLY} [{error.code}]")
            return 2
    print_outcome(outcome)
    return 0 if outcome.status == "finished" else 3


def print_outcome(outcome: StepOutcome) -> None:
    params = outcome.params
    print(f"Locked: {LOCKED_WORDS[LockedResult(str(params['locked']))]}.")
    for role in ("old", "new"):
        access = AccessResult(str(params[f"{role}_access"]))
        if access is AccessResult.NOT_APPLICABLE:
            continue
        server, url = params[f"{role}_server"], params[f"{role}_apps_url"]
        print(f"{server}: {ACCESS_WORDS[access]}.")
        where = url or "check your server's settings (there is no page address Fedimove knows)"
        print(f"  Apps you authorized on {server}: {where}")
    if outcome.status != "finished":
        print("Some steps were not confirmed by a server: see above.")
