"""Sign in with a real headless browser (Debian's chromium driven by playwright).

The practice Fediverse is served on loopback; Fedimove opens the authorize URL in chromium,
a person's steps are typed into the real sign-in and consent pages, and chromium follows the
redirect to Fedimove's loopback listener, which ends the sign-in.
Needs: apt `chromium` and the `playwright` Python package (its own browser downloads are not
used: `executable_path` points at Debian's chromium).
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from fedimove.core.http import make_client
from fedimove.core.oauth.flow import SignInFlow
from fedimove.core.servers.detect import detect
from fedimove.core.storage.paths import AppPaths
from fedimove.core.storage.secrets import SecretStore
from fedimove.sandbox.network import PracticeNetwork

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# CI sets FEDIMOVE_REQUIRE_BROWSER=1: there a missing chromium fails instead of skipping.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists() and not os.environ.get("FEDIMOVE_REQUIRE_BROWSER"),
        reason="needs Debian's chromium (apt-get install chromium)",
    ),
]


FORMS = {  # instance → (its e-mail field, its password field) on the real sign-in page
    "old.practice": ("user[email]", "user[password]"),
    "gts.practice": ("username", "password"),
}


async def test_sign_in_with_headless_chromium(app_paths: AppPaths, secrets: SecretStore) -> None:
    from playwright.async_api import Browser, async_playwright

    network = PracticeNetwork.from_scenario("small", seed=5)
    passwords = dict(network.demo_logins)
    anna = network.instance("gts.practice").state.new_account(
        "anna", "gts.practice", network.clock.now()
    )
    anna.email, anna.password = "anna@gts.practice", "pw-browser"
    passwords["anna@gts.practice"] = "pw-browser"
    pages: list[str] = []

    def person_at(browser: Browser, name: str) -> Callable[[str], Awaitable[None]]:
        email_field, password_field = FORMS[name]

        async def open_in_chromium(url: str) -> None:
            page = await browser.new_page()
            page.set_default_timeout(90_000)  # generous: CI machines may be busy
            await page.goto(url)
            await page.fill(f"input[name='{email_field}']", f"anna@{name}")
            await page.fill(f"input[name='{password_field}']", passwords[f"anna@{name}"])
            await page.click("form#new_user button[type=submit]")
            await page.click("form.approve button[type=submit]")
            await page.wait_for_url("http://127.0.0.1:*/callback?*")
            pages.append(await page.inner_text("body"))
            await page.close()

        return open_in_chromium

    async with network.serve_http() as served, async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, timeout=120_000
        )
        try:
            async with make_client() as client:
                for name in FORMS:
                    host = served.origin(name).split("://", 1)[1]
                    target = await detect(f"@anna@{host}", client)
                    flow = SignInFlow(
                        client, secrets=secrets, paths=app_paths, open_url=person_at(browser, name)
                    )
                    account = await flow.sign_in(target, within=120)
                    assert account.origin == served.origin(name)
                    assert account.handle == f"anna@{host}"
                    assert secrets.get(account.token_key)
        finally:
            await browser.close()

    assert len(pages) == 2
    assert all("close this tab" in text for text in pages)
