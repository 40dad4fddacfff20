"""The self-test against every practice flavour: every fact it checks holds there.

One known gap is pinned rather than hidden: after a GoToSocial Move, the practice server refuses
the old token with Mastodon's "Your login is currently disabled", while fediverse-apis §6.3 says
the old GoToSocial account stays read/delete-only (so verify_credentials answers 200). The
self-test reports exactly that fact as differed; the fix belongs in the practice server (or in
§6.3, if a real GoToSocial run says otherwise). When either is fixed, this test says so.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from tests.core.selftest.practice_world import NEW, OLD, live_run, practice_network

from fedimove.core.accounts import AccountsRegistry
from fedimove.core.selftest.facts import Outcome
from fedimove.core.selftest.live import CONFIRMATION, LiveOptions
from fedimove.core.selftest.report import SelfTestReport
from fedimove.core.storage.paths import AppPaths
from fedimove.core.storage.secrets import SecretStore

KNOWN_PRACTICE_GAPS: dict[str, set[str]] = {}
MOVE_FACTS = {"move.old_followers_readable", "alias.visible"}


def with_outcome(report: SelfTestReport, outcome: Outcome) -> set[str]:
    return {r.fact_id for r in report.facts if r.outcome is outcome}


@pytest.mark.parametrize("flavour", ["mastodon", "mastodon-legacy", "gotosocial", "no-move"])
async def test_every_fact_holds_on_each_practice_flavour(
    flavour: str, app_paths: AppPaths, secrets: SecretStore
) -> None:
    network = practice_network(flavour)
    options = LiveOptions(OLD, NEW, force=True)
    async with live_run(network, app_paths, secrets, options) as run:
        report = await run.run()
    assert with_outcome(report, Outcome.DIFFERED) == set()
    # Without the Move, only the Move's own facts stay unchecked, each saying why.
    unchecked = [r for r in report.facts if r.outcome is Outcome.NOT_CHECKED]
    assert {r.fact_id.split(".")[0] for r in unchecked} == {"move"}
    assert all("--with-move" in r.note for r in unchecked)
    assert len(with_outcome(report, Outcome.HELD)) >= 20
    copied = [s for s in report.samples if s.copied]
    assert len(copied) == 6
    assert [s for s in copied if not (s.ok and len(s.copied) == 2)] == []
    assert AccountsRegistry(app_paths).all() == [], "both sign-ins revoked at the end"
    assert report.notes == []


@pytest.mark.parametrize("flavour", ["mastodon", "gotosocial"])
async def test_with_the_move_every_move_fact_is_checked(
    flavour: str, app_paths: AppPaths, secrets: SecretStore
) -> None:
    network = practice_network(flavour)
    options = LiveOptions(OLD, NEW, with_move=True, force=True, track_for=timedelta(hours=8))
    answers = [CONFIRMATION, NEW]
    async with live_run(network, app_paths, secrets, options, answers=answers) as run:
        report = await run.run()
    assert with_outcome(report, Outcome.NOT_CHECKED) == set()
    assert with_outcome(report, Outcome.DIFFERED) == KNOWN_PRACTICE_GAPS.get(flavour, set())
    assert with_outcome(report, Outcome.HELD) >= MOVE_FACTS
    assert report.tracking.get("moved") == 81, "every follower arrived on the new account"
    assert report.notes == [], "every token revoked, the second (write) sign-in's too"
    assert AccountsRegistry(app_paths).all() == []
