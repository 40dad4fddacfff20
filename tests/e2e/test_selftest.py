"""The self-test against every practice flavour: every fact it checks holds there."""

from __future__ import annotations

import pytest
from tests.core.selftest.practice_world import live_run, practice_network

from fedimove.core.selftest.facts import Outcome
from fedimove.core.selftest.live import LiveOptions
from fedimove.core.storage.paths import AppPaths
from fedimove.core.storage.secrets import SecretStore


@pytest.mark.parametrize("flavour", ["mastodon", "mastodon-legacy", "gotosocial", "no-move"])
async def test_every_fact_holds_on_each_practice_flavour(
    flavour: str, app_paths: AppPaths, secrets: SecretStore
) -> None:
    network = practice_network(flavour)
    options = LiveOptions("tess@old.practice", "nina@new.practice", force=True)
    async with live_run(network, app_paths, secrets, options) as run:
        report = await run.run()
    for r in report.facts:
        print(r.outcome.value, r.fact_id, r.role.value, r.expected, r.observed, r.note)
    for s in report.samples:
        print(s)
    for c in report.checks:
        print(c)
    assert [r.fact_id for r in report.facts if r.outcome is Outcome.DIFFERED] == []
