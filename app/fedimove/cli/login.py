"""`fedimove login`, `whoami` and `logout`: sign in to a server, see what it allows, sign out.

With the top-level `--practice`, `login` serves the practice Fediverse on 127.0.0.1 for the
length of the command, so a real browser can sign in to a demo account (`anna@old.practice`).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from collections.abc import AsyncIterator, Coroutine
from typing import Any

import httpx

from fedimove.core.accounts import AccountsRegistry, SignedInAccount
from fedimove.core.errors import FedimoveError
from fedimove.core.http import make_client
from fedimove.core.oauth.flow import SignInFlow
from fedimove.core.oauth.scopes import Operation
from fedimove.core.oauth.tokens import verify_credentials
from fedimove.core.servers.base import Capabilities, ServerInfo
from fedimove.core.servers.detect import detect, detect_server
from fedimove.core.storage.paths import AppPaths
from fedimove.core.storage.secrets import SecretStore

WORDS = {
    "input.invalid_handle": "That is not a handle. Write it like @anna@example.social.",
    "input.invalid_url": "That is not a handle, a web address or a server name.",
    "account.not_found": "The server does not know this account. Check the spelling.",
    "network.unreachable": "The server cannot be reached. Check the address and your connection.",
    "network.timeout": "The server took too long to answer. Try again later.",
    "network.tls": "The server's security certificate is not valid; Fedimove will not connect.",
    "network.redirect_loop": "The server keeps redirecting; it seems misconfigured.",
    "network.response_too_large": "The server sent far more data than expected.",
    "network.insecure_url": "Fedimove only talks to servers over HTTPS.",
    "server.busy": "The server is having problems. Try again in a few minutes.",
    "server.rate_limited": "The server asks Fedimove to slow down. Try again in a few minutes.",
    "server.not_fediverse": "There is a website here, but no Fediverse server.",
    "server.unsupported": "Fedimove cannot sign in to this kind of server yet (see `whoami`).",
    "server.too_old": "This server runs a version too old for Fedimove.",
    "server.malformed_response": "The server answered with something Fedimove cannot read.",
    "auth.denied": "Access was refused in the browser.",
    "auth.state_mismatch": "The sign-in answer did not belong to this sign-in. Start again.",
    "auth.code_invalid": "That code is wrong or has expired. Start again.",
    "auth.timeout": "No answer came from the browser in time. Start again.",
    "auth.token_invalid": "The server no longer accepts this sign-in. Sign in again.",
    "auth.not_signed_in": "You are not signed in with this account. Use `fedimove login`.",
    "auth.wrong_account": "The browser signed in to a different account. Sign out there first.",
    "auth.registration_failed": "The server refused to register Fedimove as an app.",
    "account.suspended": "This account is suspended on its server.",
    "account.moved": "This account has already moved to another account.",
    "account.disabled": "The server has disabled sign-in for this account (moved or not approved).",
    "keyring.unavailable": "No usable keyring (password store) was found; Fedimove never "
    "writes sign-ins to a plain file.",
    "keyring.locked": "The keyring is locked. Unlock it and try again.",
}
LIMITATIONS = {
    "alias_web_only": "the alias is set in the server's web settings (Fedimove guides you)",
    "move_web_only": "the Move is started in the server's web settings (Fedimove guides you)",
    "import_web_only": "bulk import is a web page; Fedimove writes the files and checks after",
    "no_pkce": "sign-in without PKCE (this server version does not support it)",
    "experimental": "support is experimental",
    "server_too_old": "this server version is too old",
    "sign_in_miauth": "it signs in with MiAuth, which Fedimove does not speak yet",
    "move_native_session_only": "the Move only works from its own web page",
    "import_native_session_only": "imports only work from its own web page",
    "software_not_supported": "Fedimove does not support this software yet",
    "software_unknown": "Fedimove does not recognise this server software",
}
PRACTICE_SCENARIO = "small"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    login = subparsers.add_parser("login", help="sign in to an account")
    login.add_argument("handle", help="your handle, e.g. @anna@example.social")
    login.add_argument("--no-browser", action="store_true", help="print the address to open")
    login.add_argument("--write", action="store_true", help="also allow changes (new account)")
    login.add_argument("--token", action="store_true", help="paste an access token instead")
    login.set_defaults(handler=run_login)
    whoami = subparsers.add_parser("whoami", help="show signed-in accounts and their servers")
    whoami.add_argument("handle", nargs="?", help="the account to check")
    whoami.set_defaults(handler=run_whoami)
    logout = subparsers.add_parser("logout", help="sign out and revoke Fedimove's access")
    logout.add_argument("handle")
    logout.set_defaults(handler=run_logout)


def _run(work: Coroutine[Any, Any, int]) -> int:
    try:
        return asyncio.run(work)
    except FedimoveError as error:
        print(f"Error: {WORDS.get(error.code, error.code)} [{error.code}]", file=sys.stdout)
        return 1


def run_login(args: argparse.Namespace) -> int:
    return _run(_login(args))


def run_whoami(args: argparse.Namespace) -> int:
    return _run(_whoami(args.handle))


def run_logout(args: argparse.Namespace) -> int:
    return _run(_logout(args.handle))


@contextlib.asynccontextmanager
async def _network(practice: bool) -> AsyncIterator[tuple[httpx.AsyncClient, dict[str, str]]]:
    """A client, and (practice only) each practice server's name mapped to its loopback host."""
    if not practice:
        async with make_client() as client:
            yield client, {}
        return
    from fedimove.sandbox.network import PracticeNetwork  # only with --practice

    network = PracticeNetwork.from_scenario(PRACTICE_SCENARIO)
    names = [instance.name for instance in network.instances]
    async with network.serve_http() as served, make_client() as client:
        print("Practice sign-ins:", ", ".join(f"{h} / {p}" for h, p in network.demo_logins))
        yield client, {name: httpx.URL(served.origin(name)).netloc.decode() for name in names}


def practice_handle(text: str, hosts: dict[str, str]) -> str:
    """`@anna@old.practice` → `@anna@127.0.0.1:PORT` while the practice servers are served."""
    user, _, domain = text.strip().lstrip("@").partition("@")
    return f"{user}@{hosts[domain]}" if domain in hosts else text


async def _read_line(prompt: str) -> str:
    return await asyncio.to_thread(input, prompt)


async def _login(args: argparse.Namespace) -> int:
    practice = bool(getattr(args, "practice", False))
    # A practice sign-in lives as long as the command's practice servers: memory is enough.
    paths, secrets = AppPaths.default().ensure(), SecretStore.open(allow_session=practice)
    async with _network(practice) as (client, hosts):
        target = await detect(practice_handle(args.handle, hosts), client)
        _print_server(target.server)

        async def show_and_read(url: str) -> str:
            print(f"Open this address in a browser, allow access, then paste the code:\n{url}")
            return await _read_line("Code or address: ")

        flow = SignInFlow(client, secrets=secrets, paths=paths, read_pasted=show_and_read)
        if args.token:
            token = await _read_line("Access token: ")
            account = await flow.sign_in_with_token(target, token)
        else:
            operation = Operation.WRITE if args.write else Operation.READ
            if not args.no_browser:
                print("Your browser opens to sign in; come back here when it says so.")
            account = await flow.sign_in(
                target, operation=operation, use_browser=not args.no_browser
            )
    print(f"Signed in as @{account.handle} ({account.software} {account.version}).")
    return 0


async def _whoami(handle: str | None) -> int:
    paths = AppPaths.default().ensure()
    registry = AccountsRegistry(paths)
    if handle is None:
        accounts = registry.all()
        if not accounts:
            print("No account is signed in. Use `fedimove login @you@your.server`.")
        for account in accounts:
            print(f"@{account.handle}  {account.software} {account.version}  {account.origin}")
        return 0
    account, secrets = registry.get(handle), SecretStore()
    async with make_client() as client:
        server = await detect_server(account.origin, client)
        token = secrets.get(account.token_key)
        if token:
            await verify_credentials(client, account.origin, token, allow_moved=True)
    _print_account(account, bool(token))
    _print_server(server)
    return 0


async def _logout(handle: str) -> int:
    paths, secrets = AppPaths.default().ensure(), SecretStore()
    account = AccountsRegistry(paths).get(handle)
    async with make_client() as client:
        revoked = await SignInFlow(client, secrets=secrets, paths=paths).sign_out(account)
    print(f"Signed out of @{account.handle}.")
    if not revoked:
        print(f"The server did not confirm; remove Fedimove under {account.origin} settings.")
    return 0


def _print_account(account: SignedInAccount, has_token: bool) -> None:
    print(f"@{account.handle} (id {account.account_id})")
    print(f"  actor: {account.actor_uri or 'unknown'}")
    print(f"  access: {' '.join(account.scopes) or 'unknown'}")
    print("  token: in the keyring" if has_token else "  token: missing; sign in again")


def _print_server(server: ServerInfo) -> None:
    caps = server.capabilities
    print(f"Server {server.origin}: {server.software} {server.version} ({caps.support.value})")
    for line in describe_capabilities(caps):
        print(f"  - {line}")


def describe_capabilities(caps: Capabilities) -> list[str]:
    """Plain sentences on what Fedimove can do on a server with `caps`."""
    lines = [f"sign-in: {caps.sign_in.value}{' with PKCE' if caps.pkce else ''}"]
    lines.append(f"alias: {caps.alias.value}; move: {caps.move.value}")
    if caps.follow_pacing.per_day:
        lines.append(f"follows through the API: {caps.follow_pacing.per_day} per UTC day")
    if caps.move_cooldown:
        lines.append(f"after a Move, the next one is possible in {caps.move_cooldown.days} days")
    if caps.api_import:
        lines.append("bulk import: " + ", ".join(sorted(c.value for c in caps.api_import)))
    lines += [LIMITATIONS.get(code, code) for code in caps.limitations]
    return lines
