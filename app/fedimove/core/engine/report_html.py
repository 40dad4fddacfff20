"""The HTML half of the report: one self-contained page, readable offline.

No scripts, no external stylesheets, fonts or images; the arrivals chart is inline SVG. All text
that came from a server (handles, URIs, reasons, keys) goes through `html.escape`.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from html import escape
from typing import TYPE_CHECKING

from fedimove.core.service_api import FollowerState

if TYPE_CHECKING:
    from fedimove.core.engine.report import ReportData

STYLE = (
    "body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem;color:#222}"
    "table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;"
    "text-align:left}th{background:#f3f3f3}.n{text-align:right}svg{border:1px solid #ddd}"
)
CHART_W, CHART_H, PAD = 640, 220, 30


def _e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def _table(headers: list[str], rows: list[list[object]]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f"<td class='n'>{_e(c)}</td>" if isinstance(c, int) else f"<td>{_e(c)}</td>"
            for c in row
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def arrivals_svg(moments: list[datetime]) -> str:
    """Cumulative arrivals over time as an inline SVG step line."""
    if not moments:
        return "<p>No follower has arrived yet.</p>"
    start, end = moments[0], moments[-1]
    span = max((end - start).total_seconds(), 1.0)
    total = len(moments)
    width, height = CHART_W - 2 * PAD, CHART_H - 2 * PAD
    points = [f"{PAD},{PAD + height}"]
    for index, moment in enumerate(moments, start=1):
        x = PAD + width * (moment - start).total_seconds() / span
        y = PAD + height - height * index / total
        points.append(f"{x:.1f},{y:.1f}")
    label_start, label_end = _e(f"{start:%Y-%m-%d %H:%M} UTC"), _e(f"{end:%Y-%m-%d %H:%M} UTC")
    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{CHART_W}' height='{CHART_H}' "
        f"role='img' aria-label='Followers arrived over time: {total} in all'>"
        f"<polyline fill='none' stroke='#2a6fdb' stroke-width='2' points='{' '.join(points)}'/>"
        f"<text x='{PAD}' y='{CHART_H - 8}' font-size='11'>{label_start}</text>"
        f"<text x='{CHART_W - PAD}' y='{CHART_H - 8}' font-size='11' text-anchor='end'>"
        f"{label_end}</text>"
        f"<text x='{PAD}' y='{PAD - 10}' font-size='11'>{total} arrived</text></svg>"
    )


def _categories(data: ReportData) -> str:
    rows: list[list[object]] = [
        [step, c.done, c.skipped, c.failed, c.pending + c.in_flight, c.removed_by_user]
        for step, c in sorted(data.categories.items())
    ]
    headers = ["Category", "Done", "Skipped", "Failed", "Not yet", "Removed by you"]
    return "<h2>What was copied</h2>" + _table(headers, rows)


def _problems(data: ReportData) -> str:
    if not data.problems:
        return "<h2>Skipped and failed items</h2><p>None.</p>"
    rows: list[list[object]] = [
        [item.step, item.key, item.state.value, item.reason or ""] for item in data.problems
    ]
    return "<h2>Skipped and failed items</h2>" + _table(
        ["Category", "Item", "State", "Reason"], rows
    )


def _followers(data: ReportData) -> str:
    mine = [f for f in data.followers if f.in_snapshot]
    counts = Counter(f.state for f in mine)
    summary: list[list[object]] = [[s.value, counts[s]] for s in FollowerState if counts[s]]
    rows: list[list[object]] = [
        [
            f.acct,
            f.domain,
            f.state.value,
            f.reason or "",
            f.evidence.value,
            f.arrived_at.isoformat() if f.arrived_at else "",
        ]
        for f in sorted(mine, key=lambda f: (list(FollowerState).index(f.state), f.acct))
    ]
    return (
        f"<h2>Followers ({len(mine)})</h2>"
        + _table(["State", "Followers"], summary)
        + "<h3>Arrivals over time</h3>"
        + arrivals_svg(data.arrivals())
        + "<h3>Every follower</h3>"
        + _table(["Follower", "Server", "State", "Reason", "Seen or inferred", "Arrived"], rows)
    )


def render_html(data: ReportData) -> str:
    m = data.migration
    moved = f"{m.moved_at:%Y-%m-%d %H:%M} UTC" if m.moved_at else "not moved"
    title = f"Fedimove report: @{m.old_handle} → @{m.new_handle}"
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">"
        f"<title>{_e(title)}</title><style>{STYLE}</style></head><body>"
        f"<h1>{_e(title)}</h1>"
        f"<p>Move: {_e(moved)}. Report made {_e(f'{data.generated_at:%Y-%m-%d %H:%M} UTC')}.</p>"
        + _categories(data)
        + _problems(data)
        + _followers(data)
        + "</body></html>"
    )
