"""`fedimove login`, `whoami` and `logout` against practice servers served on loopback."""

from __future__ import annotations

import webbrowser

import httpx
import pytest

from fedimove.cli import main
from fedimove.sandbox.network import PracticeNetwork
from fedimove.sandbox.testing import complete_authorization, serve_in_thread


def test_login_whoami_logout(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    network = PracticeNetwork.from_scenario("small", seed=4)
    password = dict(network.demo_logins)["anna@old.practice"]

    async def person_in_browser(url: str) -> None:
        async with httpx.AsyncClient() as browser_client:
            location = await complete_authorization(browser_client, url, "anna", password)
            await browser_client.get(location)

    monkeypatch.setattr(webbrowser, "open", person_in_browser)
    with serve_in_thread(network) as served:
        host = served.origin("old.practice").split("://", 1)[1]
        assert main(["login", f"@anna@{host}"]) == 0
        out = capsys.readouterr().out
        assert f"Signed in as @anna@{host}" in out
        assert "mastodon 4.4.3" in out
        assert "per UTC day" in out

        assert main(["whoami"]) == 0
        assert f"@anna@{host}" in capsys.readouterr().out

        assert main(["whoami", f"anna@{host}"]) == 0
        out = capsys.readouterr().out
        assert "token: in the keyring" in out
        assert "alias: guided" in out

        assert main(["logout", f"anna@{host}"]) == 0
        assert "Signed out" in capsys.readouterr().out
        assert main(["whoami", f"anna@{host}"]) == 1
        assert "[auth.not_signed_in]" in capsys.readouterr().out


def test_login_reports_a_coded_error(capsys: pytest.CaptureFixture[str]) -> None:
    network = PracticeNetwork.from_scenario("small", seed=4)
    with serve_in_thread(network) as served:
        host = served.origin("old.practice").split("://", 1)[1]
        assert main(["login", f"@nobody@{host}"]) == 1
    assert "[account.not_found]" in capsys.readouterr().out


def test_practice_login_serves_the_practice_fediverse_for_the_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    password = dict(PracticeNetwork.from_scenario("small").demo_logins)["anna@old.practice"]

    async def person_in_browser(url: str) -> None:
        async with httpx.AsyncClient() as browser_client:
            location = await complete_authorization(browser_client, url, "anna", password)
            await browser_client.get(location)

    monkeypatch.setattr(webbrowser, "open", person_in_browser)
    assert main(["--practice", "login", "@anna@old.practice"]) == 0
    out = capsys.readouterr().out
    assert "Practice sign-ins: anna@old.practice" in out
    assert "Signed in as @anna@127.0.0.1:" in out
