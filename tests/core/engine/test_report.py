"""The report from the journal: every category's counts, every skipped/failed item with its
reason, every follower's end state, the arrivals chart; self-contained HTML with remote text
escaped, and a CSV a spreadsheet will not execute."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from fedimove.core.clock import SimulatedClock, utc
from fedimove.core.engine.report import write_report
from fedimove.core.models import AccountRef, Category
from fedimove.core.storage.journal import Journal
from fedimove.core.storage.journal_records import Evidence, FollowerState, FollowerUpdate

HOSTILE = "<script>alert(1)</script>"


def journal_with_a_move(tmp_path: Path) -> tuple[Journal, int, SimulatedClock]:
    clock = SimulatedClock(utc(2026, 3, 2, 9, 0))
    journal = Journal.open(tmp_path / "journal.sqlite", clock)
    migration = journal.create_migration(
        old_handle="anna@old.example",
        old_server="https://old.example",
        new_handle="anna@new.example",
        new_server="https://new.example",
        categories=[Category.FOLLOWING, Category.BOOKMARKS, Category.LISTS],
    )
    mid = migration.id
    journal.add_items(mid, "following", [(f"p{i}@x.example", {}) for i in range(5)])
    journal.add_items(mid, "bookmarks", [("=HYPERLINK(evil)", {}), ("https://x/1", {})])
    done, skipped, failed = journal.claim_items(mid, "following", limit=3)
    journal.mark_done(done.id)
    journal.mark_skipped(skipped.id, "account_gone")
    journal.mark_failed(failed.id, HOSTILE)
    (bookmark,) = journal.claim_items(mid, "bookmarks", limit=1)
    journal.mark_skipped(bookmark.id, "status_gone")
    followers = [
        AccountRef(f"fan{i}@f.example", uri=f"https://f.example/users/fan{i}") for i in range(4)
    ]
    followers.append(AccountRef(f"{HOSTILE}@evil.example", uri="https://evil.example/u/x"))
    journal.snapshot_followers(mid, followers)
    journal.record_move(mid)
    for index in range(3):
        clock.advance(600)
        journal.set_follower_state(
            mid, FollowerUpdate(followers[index].uri, FollowerState.MOVED, reason="ok")
        )
    journal.set_follower_state(
        mid,
        FollowerUpdate(
            followers[4].uri, FollowerState.NO_MOVE_SUPPORT, Evidence.INFERRED, "no_move"
        ),
    )
    return journal, mid, clock


def test_html_report_is_complete_self_contained_and_escaped(tmp_path: Path) -> None:
    journal, mid, clock = journal_with_a_move(tmp_path)
    files = write_report(journal, mid, tmp_path / "out" / "report.html", clock.now())
    page = files.html.read_text(encoding="utf-8")
    assert HOSTILE not in page
    assert "&lt;script&gt;" in page
    assert not re.search(r"""(src|href)\s*=\s*['"]?https?:""", page), "no external assets"
    assert "<script" not in page.lower()
    for text in ("following", "bookmarks", "account_gone", "status_gone", "no_move"):
        assert text in page
    # The chart: one point per arrival after the origin.
    points = re.search(r"points='([^']*)'", page)
    assert points is not None
    assert len(points.group(1).split()) == 1 + 3
    assert "3 arrived" in page
    journal.close()


def test_csv_report_has_counts_items_and_followers(tmp_path: Path) -> None:
    journal, mid, clock = journal_with_a_move(tmp_path)
    files = write_report(journal, mid, tmp_path / "report.html", clock.now())
    with files.csv.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    counts = {(r["name"], r["state"]): r["detail"] for r in rows if r["section"] == "category"}
    assert counts[("following", "done")] == "1"
    assert counts[("following", "skipped")] == "1"
    assert counts[("following", "failed")] == "1"
    assert counts[("following", "pending")] == "2"
    assert counts[("lists", "done")] == "0", "a chosen category with nothing to copy is listed"
    items = [r for r in rows if r["section"] == "item"]
    assert {(r["name"], r["reason"]) for r in items} == {
        ("following", "account_gone"),
        ("following", HOSTILE),
        ("bookmarks", "status_gone"),
    }
    assert any(r["key"] == "'=HYPERLINK(evil)" for r in items), "formula neutralised"
    followers = [r for r in rows if r["section"] == "follower"]
    assert len(followers) == 5
    states = sorted(r["state"] for r in followers)
    assert states == ["moved"] * 3 + ["no_move_support", "still_on_old"]
    assert all(r["time"] for r in followers if r["state"] == "moved")
    journal.close()
