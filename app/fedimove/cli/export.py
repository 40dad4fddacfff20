"""`fedimove export HANDLE` (read everything, write the encrypted backup) and
`fedimove preview OLD NEW` (what will move, what will not, and why).

Both act for accounts signed in with `fedimove login`. With the top-level `--practice`, they run
against an in-process practice Fediverse and sign in to its demo accounts on their own.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
import tempfile
from collections.abc import AsyncIterator, Coroutine
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

from fedimove.cli.export_output import ProgressPrinter, print_preview, print_snapshot_counts
from fedimove.core.accounts import AccountsRegistry
from fedimove.core.clock import SystemClock
from fedimove.core.engine.preview import NewSide, build_preview
from fedimove.core.engine.preview_probe_cache import ProbeCache
from fedimove.core.engine.preview_servers import ServerProber
from fedimove.core.engine.scheduler import SchedulerPool
from fedimove.core.engine.snapshot import read_snapshot
from fedimove.core.engine.snapshot_export import open_client, write_backup
from fedimove.core.errors import FedimoveError, NotSignedInError
from fedimove.core.http import make_client
from fedimove.core.progress import CancelToken
from fedimove.core.servers.rest import RestClient
from fedimove.core.storage.archive_passphrase import (
    generate_recovery_phrase,
    remember_passphrase,
)
from fedimove.core.storage.paths import AppPaths
from fedimove.core.storage.secrets import SecretStore

WORDS = {
    "run.cancelled": "Stopped. Nothing was written.",
    "account.disabled": "The server has disabled this account's sign-in (moved or not approved).",
    "auth.scope_missing": "This sign-in does not allow reading everything. Sign in again.",
    "server.not_permitted": "The server refused this request.",
    "input.no_passphrase": "The passphrase file is empty or cannot be read.",
}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = subparsers.add_parser("export", help="read an account and write an encrypted backup")
    export.add_argument("handle", help="a signed-in account, e.g. @anna@example.social")
    export.add_argument("-o", "--output", type=Path, help="the backup file to write")
    export.add_argument("--include-posts", action="store_true", help="also keep your own posts")
    export.add_argument(
        "--passphrase-file",
        type=Path,
        help="use the first line of this file as the passphrase (default: a new recovery phrase)",
    )
    export.set_defaults(handler=run_export)
    preview = subparsers.add_parser("preview", help="show what would move from OLD to NEW")
    preview.add_argument("old", help="the account you move away from")
    preview.add_argument("new", help="the account you move to")
    preview.set_defaults(handler=run_preview)


def _words(code: str) -> str:
    from fedimove.cli.archive import WORDS as ARCHIVE_WORDS
    from fedimove.cli.login import WORDS as LOGIN_WORDS

    return {**LOGIN_WORDS, **ARCHIVE_WORDS, **WORDS}.get(code, code)


def _run(work: Coroutine[Any, Any, int]) -> int:
    err = sys.stderr
    try:
        return asyncio.run(work)
    except FedimoveError as error:
        print(f"Error: {_words(error.code)} [{error.code}]", file=err)
        return 1
    except KeyboardInterrupt:
        print(f"\n{_words('run.cancelled')}", file=err)
        return 130


def run_export(args: argparse.Namespace) -> int:
    return _run(_export(args))


def run_preview(args: argparse.Namespace) -> int:
    return _run(_preview(args))


class Sessions:
    """Signed-in REST clients: from the registry and keyring, or the practice demo accounts."""

    def __init__(self, http: httpx.AsyncClient, practice: Any = None) -> None:
        self.http = http
        self.practice = practice
        self.clock = SystemClock()
        self.pool = SchedulerPool(self.clock)

    async def client(self, handle: str) -> RestClient:
        if self.practice is not None:
            return await self._practice_client(handle)
        account = AccountsRegistry(AppPaths.default().ensure()).get(handle)
        token = SecretStore().get(account.token_key)
        if not token:
            raise NotSignedInError("no token", handle=account.handle)
        return await open_client(self.http, account.origin, token, pool=self.pool)

    async def _practice_client(self, handle: str) -> RestClient:
        from fedimove.core.oauth.flow import SignInFlow
        from fedimove.core.servers.detect import detect
        from fedimove.sandbox.testing import complete_authorization

        acct = handle.strip().lstrip("@")
        passwords = dict(self.practice.demo_logins)
        if acct not in passwords:
            raise NotSignedInError("not a practice account", handle=acct)

        async def browser(url: str) -> str:
            return await complete_authorization(self.http, url, acct, passwords[acct])

        secrets = SecretStore.session_only()  # practice sign-ins are never remembered
        with tempfile.TemporaryDirectory(prefix="fedimove-practice-") as home:
            paths = AppPaths.under(Path(home)).ensure()
            flow = SignInFlow(self.http, secrets=secrets, paths=paths, read_pasted=browser)
            target = await detect(acct, self.http)
            account = await flow.sign_in(target, use_browser=False)
        token = secrets.get(account.token_key)
        if token is None:
            raise NotSignedInError("practice sign-in kept no token", handle=acct)
        return await open_client(self.http, account.origin, token, pool=self.pool)


@contextlib.asynccontextmanager
async def _sessions(practice: bool) -> AsyncIterator[Sessions]:
    if not practice:
        async with make_client() as http:
            yield Sessions(http)
        return
    from fedimove.sandbox.network import PracticeNetwork  # only with --practice

    network = PracticeNetwork.from_scenario("small")
    async with make_client(transport=network.transport) as http:
        yield Sessions(http, network)


def _read_passphrase(path: Path | None) -> tuple[str, bool]:
    """(passphrase, generated)."""
    if path is None:
        return generate_recovery_phrase(), True
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    if not lines or not lines[0]:
        raise _NoPassphraseError("no passphrase")
    return lines[0], False


class _NoPassphraseError(FedimoveError):
    code = "input.no_passphrase"


def _default_output(handle: str, now: datetime) -> Path:
    try:
        from platformdirs import user_documents_dir

        folder = Path(user_documents_dir())
    except (ImportError, OSError):
        folder = Path.cwd()
    safe = handle.strip().lstrip("@").replace("@", "_at_").replace(":", "_")
    return folder / f"fedimove-backup-{safe}-{now:%Y%m%d-%H%M}.age"


async def _export(args: argparse.Namespace) -> int:
    out = sys.stdout
    passphrase, generated = _read_passphrase(args.passphrase_file)
    practice = bool(getattr(args, "practice", False))
    async with _sessions(practice) as sessions:
        client = await sessions.client(args.handle)
        printer = ProgressPrinter(sys.stderr)
        snapshot = await read_snapshot(
            client, progress=printer, cancel=CancelToken(), include_posts=args.include_posts
        )
        printer.close()
        path = args.output or _default_output(args.handle, sessions.clock.now())
        await write_backup(client, snapshot, path, passphrase, include_posts=args.include_posts)
    print_snapshot_counts(snapshot, out)
    print(f"Backup written to {path}", file=out)
    if generated:
        print(
            "Recovery phrase (write it down; the backup cannot be opened without it):\n"
            f"  {passphrase}",
            file=out,
        )
    if generated and not practice:
        with contextlib.suppress(FedimoveError):  # the keyring is a convenience, not its home
            remember_passphrase(SecretStore(), path, passphrase)
    return 0


def _prober(sessions: Sessions) -> ServerProber:
    if sessions.practice is not None:
        return ServerProber(sessions.http)  # practice servers are not worth remembering
    path = AppPaths.default().ensure().cache / "server-probes.json"
    return ServerProber(sessions.http, remembered=ProbeCache(path, sessions.clock))


async def _preview(args: argparse.Namespace) -> int:
    out = sys.stdout
    cancel = CancelToken()
    async with _sessions(bool(getattr(args, "practice", False))) as sessions:
        old_client = await sessions.client(args.old)
        new_client = await sessions.client(args.new)
        printer = ProgressPrinter(sys.stderr)
        old = await read_snapshot(old_client, progress=printer, cancel=cancel)
        new = await read_snapshot(new_client, progress=printer, cancel=cancel)
        printer.close()
        blocks = await new_client.instance_domain_blocks()
        capabilities = new_client.capabilities
        cap = capabilities.follow_cap if capabilities is not None else None
        side = NewSide(new, tuple(blocks or ()), cap)
        preview = await build_preview(
            old,
            new=side,
            prober=_prober(sessions),
            now=sessions.clock.now(),
            progress=printer,
            cancel=cancel,
        )
    print_preview(preview, out)
    return 0
