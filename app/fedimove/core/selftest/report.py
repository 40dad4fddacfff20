"""The self-test's record: a dated Markdown report for people and JSON for tools.

Nothing secret goes in: handles, hosts, versions, status codes, and short classifications of
server texts (never a token, never a raw body).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from fedimove import __version__
from fedimove.core.selftest.facts import FactResult, Outcome
from fedimove.core.selftest.samples import SampleResult
from fedimove.core.servers.instance_config import printable
from fedimove.core.service_api import CheckResult

WORDS = {
    Outcome.HELD: "held",
    Outcome.DIFFERED: "**DIFFERED**",
    Outcome.NOT_CHECKED: "could not check",
}


@dataclass(frozen=True, slots=True)
class ServerSummary:
    role: str
    handle: str
    host: str
    software: str
    version: str


@dataclass
class SelfTestReport:
    started_at: datetime
    servers: list[ServerSummary] = field(default_factory=list)
    facts: list[FactResult] = field(default_factory=list)
    samples: list[SampleResult] = field(default_factory=list)
    checks: list[CheckResult] = field(default_factory=list)
    tracking: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    finished_at: datetime | None = None

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.facts if r.outcome is outcome)

    @property
    def green(self) -> bool:
        """No fact differed and every sample that was copied arrived."""
        copied_ok = all(s.ok for s in self.samples if s.copied or s.note.startswith("copy"))
        return self.count(Outcome.DIFFERED) == 0 and copied_ok

    def as_json(self) -> dict[str, Any]:
        return {
            "fedimove": __version__,
            "started_at": self.started_at.isoformat(),
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
            "green": self.green,
            "servers": [vars_of(s) for s in self.servers],
            "summary": {o.value: self.count(o) for o in Outcome},
            "facts": [r.as_json() for r in self.facts],
            "samples": [s.as_json() for s in self.samples],
            "checks": [
                {"code": c.code, "passed": c.passed, "blocking": c.blocking} for c in self.checks
            ],
            "tracking": dict(self.tracking),
            "notes": list(self.notes),
        }


def vars_of(summary: ServerSummary) -> dict[str, str]:
    return {
        "account": summary.role,
        "handle": summary.handle,
        "host": summary.host,
        "software": summary.software,
        "version": summary.version,
    }


def _cell(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    # Server texts are untrusted: no control characters, no breaking out of the cell.
    return printable(text.replace("\n", " "), 160).replace("|", "\\|")


def _fact_rows(results: list[FactResult]) -> list[str]:
    rows = [
        "| Fact | Account | Outcome | Expected | Observed | Source | Note |",
        "|---|---|---|---|---|---|---|",
    ]
    order = {Outcome.DIFFERED: 0, Outcome.NOT_CHECKED: 1, Outcome.HELD: 2}
    for r in sorted(results, key=lambda r: order[r.outcome]):
        observed = r.observed if r.outcome is not Outcome.NOT_CHECKED else "—"
        where = f"{r.role.value} ({r.host})"
        cells = (r.fact_id, where, WORDS[r.outcome], r.expected, observed, r.source, r.note)
        rows.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return rows


def to_markdown(report: SelfTestReport) -> str:
    date = report.started_at.strftime("%Y-%m-%d %H:%M UTC")
    lines = [f"# Fedimove self-test, {date}", ""]
    lines.append(f"Fedimove {__version__}. Result: **{'green' if report.green else 'not green'}**")
    lines.append("")
    for server in report.servers:
        lines.append(
            f"- {server.role}: `{server.handle}` on {server.host} "
            f"({server.software} {server.version})"
        )
    summary = ", ".join(f"{report.count(o)} {WORDS[o].strip('*').lower()}" for o in Outcome)
    lines += ["", f"## Facts ({summary})", "", *_fact_rows(report.facts), ""]
    if report.samples:
        lines += ["## Sample copy (two of each)", "", "| Category | On old | Copied | Arrived |"]
        lines.append("|---|---|---|---|")
        for s in report.samples:
            arrived = f"{len(s.verified)}/{len(s.copied)}" if s.copied else _cell(s.note or "—")
            lines.append(f"| {s.category.value} | {s.on_old} | {len(s.copied)} | {arrived} |")
        lines.append("")
    if report.checks:
        lines += ["## Pre-flight checks", "", "| Check | Passed | Blocking |", "|---|---|---|"]
        lines += [f"| {c.code} | {c.passed} | {c.blocking} |" for c in report.checks]
        lines.append("")
    if report.tracking:
        lines += ["## Followers after the Move", ""]
        lines += [f"- {state}: {count}" for state, count in sorted(report.tracking.items())]
        lines.append("")
    if report.notes:
        lines += ["## Notes", "", *(f"- {_cell(n)}" for n in report.notes), ""]
    return "\n".join(lines)


def report_paths(target: Path | None, started_at: datetime) -> tuple[Path, Path]:
    """`-o x.md` writes x.md and x.json; a directory (or nothing: here) gets dated names."""
    stem = f"fedimove-selftest-{started_at.strftime('%Y%m%d-%H%M%SZ')}"
    if target is None:
        base = Path.cwd() / stem
    elif target.is_dir():
        base = target / stem
    else:
        known = target.suffix.lower() in (".md", ".json")
        base = target.with_name(target.stem if known else target.name)
    return base.with_name(base.name + ".md"), base.with_name(base.name + ".json")


def write_report(report: SelfTestReport, target: Path | None) -> tuple[Path, Path]:
    markdown, data = report_paths(target, report.started_at)
    markdown.parent.mkdir(parents=True, exist_ok=True)
    markdown.write_text(to_markdown(report), "utf-8")
    data.write_text(json.dumps(report.as_json(), indent=2, ensure_ascii=False), "utf-8")
    return markdown, data
