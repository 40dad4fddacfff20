"""A whole sign-in and sign-out leaves no secret in any file or log line.

The practice server hands out distinctive values (client secret, code and token carry one
marker), logging runs at DEBUG into the log directory as the app's own log would, and
afterwards every file under the data, config, log and cache directories and every captured log
line is searched for the token, the client secret, the code and the PKCE verifier. (The client
id carries the marker too, but it is public: it sits in the registration cache on purpose.)
The test's own browser is not Fedimove: its HTTP library's log lines are switched off while it
plays the person.
"""

from __future__ import annotations

import itertools
import logging
from pathlib import Path

import httpx
import pytest

from fedimove.core.http import make_client
from fedimove.core.oauth.flow import SignInFlow
from fedimove.core.oauth.scopes import Operation
from fedimove.core.servers.detect import detect
from fedimove.core.storage.paths import AppPaths
from fedimove.core.storage.secrets import MemoryKeyring, SecretStore
from fedimove.sandbox.network import PracticeNetwork
from fedimove.sandbox.testing import complete_authorization

MARKER = "ZqXsEcReTmArKeR"


def _distinctive_secrets(network: PracticeNetwork) -> None:
    counter = itertools.count()
    for instance in network.instances:
        instance.oauth.secret = lambda nbytes=32: f"{MARKER}{next(counter):06d}"  # type: ignore[method-assign]


def _files_under(paths: AppPaths) -> list[Path]:
    return [
        p for root in paths.all().values() if root.exists() for p in root.rglob("*") if p.is_file()
    ]


@pytest.mark.parametrize("name", ["old.practice", "gts.practice"])
async def test_no_secret_in_files_or_logs(
    app_paths: AppPaths,
    secrets: SecretStore,
    memory_keyring: MemoryKeyring,
    caplog: pytest.LogCaptureFixture,
    name: str,
) -> None:
    network = PracticeNetwork.from_scenario("small", seed=3)
    _distinctive_secrets(network)
    instance = network.instance(name)
    user = "anna"
    if name != "old.practice":
        account = instance.state.new_account("anna", name, network.clock.now())
        account.email, account.password = f"anna@{name}", "pw-anna"
    password = dict(network.demo_logins).get(f"anna@{name}", "pw-anna")
    caplog.set_level(logging.DEBUG)
    log_file = logging.FileHandler(app_paths.log / "fedimove.log", encoding="utf-8")
    log_file.setLevel(logging.DEBUG)
    logging.getLogger().addHandler(log_file)
    seen: dict[str, str] = {}

    async def keep_verifier(request: httpx.Request) -> None:
        if request.url.path == "/oauth/token":
            seen.update(httpx.QueryParams(request.content.decode()))

    async def browser(url: str) -> None:
        quiet = [logging.getLogger(n) for n in ("httpx", "httpcore")]
        for logger in quiet:
            logger.disabled = True
        try:
            async with httpx.AsyncClient(transport=network.transport) as browser_client:
                location = await complete_authorization(browser_client, url, user, password)
            async with httpx.AsyncClient() as real_http:
                await real_http.get(location)
        finally:
            for logger in quiet:
                logger.disabled = False

    try:
        async with make_client(transport=network.transport) as client:
            client.event_hooks["request"].append(keep_verifier)
            target = await detect(f"@anna@{name}", client)
            flow = SignInFlow(client, secrets=secrets, paths=app_paths, open_url=browser)
            account = await flow.sign_in(target, operation=Operation.WRITE, within=30)
            token = secrets.get(account.token_key)
            client_secret = next(
                v for k, v in memory_keyring.values.items() if k[1].startswith("client-secret:")
            )
            assert await flow.sign_out(account)
    finally:
        logging.getLogger().removeHandler(log_file)
        log_file.close()

    needles = [token, client_secret, seen["code"], seen.get("code_verifier")]
    assert all(n and n.startswith(MARKER) for n in needles[:3])
    assert needles[3], "a PKCE verifier was sent"
    files = _files_under(app_paths)
    assert any(f.name == "oauth_apps.json" for f in files)
    assert (app_paths.log / "fedimove.log").stat().st_size > 0
    for path in files:
        content = path.read_bytes().decode("utf-8", "replace")
        for needle in needles:
            assert needle not in content, f"a secret leaked into {path.name}"
    assert caplog.records, "DEBUG logging captured the requests"
    for record in caplog.records:
        line = record.getMessage()
        for needle in needles:
            assert needle not in line, f"a secret leaked into a log line from {record.name}"
