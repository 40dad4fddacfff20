"""`fedimove --practice selftest --live OLD NEW`: the command end to end, signing in through a
browser that the test plays (over loopback, as a person's browser would)."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from tests.e2e.test_move_mastodon import inputs

from fedimove.cli import main
from fedimove.cli.selftest import TerminalPerson
from fedimove.core.engine.alias import GuidedStep
from fedimove.core.errors import AuthDeniedError
from fedimove.sandbox.testing import complete_authorization

PASSWORDS = ("practice-old-anna", "practice-new-anna")
ARGS = ["--practice", "selftest", "--live", "anna@old.practice", "anna@new.practice"]


async def practice_browser(url: str) -> None:
    """Anna at the browser: whichever of her two practice accounts the page asks for."""
    async with httpx.AsyncClient() as http:
        for password in PASSWORDS:
            try:
                location = await complete_authorization(http, url, "anna", password)
            except AuthDeniedError:
                continue
            await http.get(location)
            return
    raise AssertionError("no practice password fitted")


async def practice_guided(self: TerminalPerson, step: GuidedStep) -> None:
    """Anna follows the guided step: signs in on the page's server and submits the form."""
    origin = str(httpx.URL(step.url).copy_with(path="/", query=None)).rstrip("/")
    async with httpx.AsyncClient(base_url=origin) as http:
        form = inputs((await http.get("/auth/sign_in")).text)
        token = {k: v for k, v in form.items() if k in ("authenticity_token", "csrf_token")}
        for password in PASSWORDS:
            login = {**token, "user[email]": "anna", "user[password]": password}
            if (await http.post("/auth/sign_in", data=login)).status_code == 302:
                break
        page = await http.get(httpx.URL(step.url).path)
        csrf = inputs(page.text).get("authenticity_token", "")
        data = {"authenticity_token": csrf, step.field: step.paste}
        response = await http.post(httpx.URL(step.url).path, data=data)
        assert response.status_code == 302, response.text


@pytest.fixture(autouse=True)
def person(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("fedimove.cli.selftest.open_browser", practice_browser)
    monkeypatch.setattr(TerminalPerson, "guided", practice_guided)


def test_a_real_looking_account_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(ARGS) == 2
    assert "looks like a real account" in capsys.readouterr().out


def test_forced_run_writes_the_dated_report_and_its_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([*ARGS, "--force", "-o", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0, out
    [markdown] = tmp_path.glob("fedimove-selftest-*.md")
    data = json.loads(markdown.with_suffix(".json").read_text("utf-8"))
    assert data["green"] is True
    assert data["summary"]["differed"] == 0
    assert data["summary"]["held"] >= 20
    assert {s["software"] for s in data["servers"]} == {"mastodon"}
    text = markdown.read_text("utf-8")
    assert "# Fedimove self-test" in text
    assert "| ratelimit.reset_format |" in text
    assert "Facts:" in out
