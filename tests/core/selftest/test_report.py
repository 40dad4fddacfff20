"""The report: differed facts first, table cells that cannot break the Markdown, a JSON twin,
dated names, and "green" only when nothing differed and every copied sample arrived."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from fedimove.core.models import Category
from fedimove.core.selftest.facts import FactResult, Outcome, Role
from fedimove.core.selftest.report import (
    SelfTestReport,
    ServerSummary,
    report_paths,
    to_markdown,
    write_report,
)
from fedimove.core.selftest.samples import SampleResult

STARTED = datetime(2026, 11, 27, 5, 4, 3, tzinfo=UTC)


def result(fact_id: str, outcome: Outcome, observed: object = 1, note: str = "") -> FactResult:
    return FactResult(
        fact_id,
        "title",
        "fediverse-apis §2",
        Role.OLD,
        "old.example",
        "mastodon",
        "4.4.3",
        outcome,
        80,
        observed,
        note,
    )


def report(*facts: FactResult, samples: tuple[SampleResult, ...] = ()) -> SelfTestReport:
    made = SelfTestReport(STARTED, facts=list(facts), samples=list(samples))
    made.servers.append(
        ServerSummary("old", "tess@old.example", "old.example", "mastodon", "4.4.3")
    )
    return made


def test_differed_facts_come_first_and_cells_stay_in_their_column() -> None:
    text = to_markdown(
        report(
            result("a.held", Outcome.HELD, 80),
            result("b.differed", Outcome.DIFFERED, "60 | injected\nrow\x1b[31m"),
            result("c.unchecked", Outcome.NOT_CHECKED, None, "only 3 items"),
        )
    )
    rows = [line for line in text.splitlines() if line.startswith("| ") and "." in line[:20]]
    assert [row.split(" | ")[0][2:] for row in rows] == ["b.differed", "c.unchecked", "a.held"]
    assert "60 \\| injected row[31m |" in text, "pipes escaped, control characters dropped"
    assert "**DIFFERED**" in text
    assert "1 held, 1 differed, 1 could not check" in text


def test_green_needs_no_differed_fact_and_every_copied_sample_arrived() -> None:
    arrived = SampleResult(Category.BLOCKS, 3, ("a@x", "b@x"), ("a@x", "b@x"))
    missing = SampleResult(Category.MUTES, 3, ("a@x", "b@x"), ("a@x",))
    skipped = SampleResult(Category.FAVOURITES, 5, note="not copied")
    assert report(result("a", Outcome.HELD), samples=(arrived, skipped)).green
    assert not report(result("a", Outcome.DIFFERED), samples=(arrived,)).green
    assert not report(result("a", Outcome.HELD), samples=(missing,)).green
    failed = SampleResult(Category.LISTS, 2, note="copy failed (server.busy)")
    assert not report(samples=(failed,)).green


def test_report_names(tmp_path: Path) -> None:
    dated = report_paths(tmp_path, STARTED)
    assert [p.name for p in dated] == [
        "fedimove-selftest-20261127-050403Z.md",
        "fedimove-selftest-20261127-050403Z.json",
    ]
    named = report_paths(tmp_path / "release-4.5.md", STARTED)
    assert [p.name for p in named] == ["release-4.5.md", "release-4.5.json"]


def test_the_json_twin_holds_every_result(tmp_path: Path) -> None:
    markdown, data = write_report(report(result("b.differed", Outcome.DIFFERED, 60)), tmp_path)
    loaded = json.loads(data.read_text("utf-8"))
    assert loaded["green"] is False
    assert loaded["summary"] == {"held": 0, "differed": 1, "could_not_check": 0}
    assert (
        loaded["facts"][0] | {"expected": 80, "observed": 60, "outcome": "differed"}
        == (loaded["facts"][0])
    )
    assert loaded["servers"][0]["handle"] == "tess@old.example"
    assert markdown.read_text("utf-8").startswith("# Fedimove self-test, 2026-11-27 05:04 UTC")
