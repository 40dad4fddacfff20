"""What `fedimove export` and `fedimove preview` print: a progress line with an ETA in local
time, the counts of a snapshot, and the preview table. Remote text is printed stripped of
control characters (the snapshot's parser already did) and shortened."""

from __future__ import annotations

from datetime import datetime
from typing import TextIO

from fedimove.core.engine.preview import Preview
from fedimove.core.models import Category, Snapshot
from fedimove.core.progress import ProgressEvent

BAR = 24
PREDICTION_WORDS = {
    "will_move": "will follow you across",
    "arrives_as_request": "will arrive as follow requests (the new server limits them)",
    "no_move_support": "their server does not process moves",
    "unreachable": "their server could not be reached",
    "blocked": "blocked by the new server: cannot follow you there",
    "unknown": "unknown server software",
}
REASON_WORDS = {
    "domain_blocked_by_new_server": "on a server the new server blocks",
    "is_new_account": "that is the new account itself",
    "list_member_not_followed": "list member you do not follow",
    "favourites_off_by_default": "favourites are off by default (they notify each author)",
    "mute_expired": "the mute has expired",
    "not_followed": "endorsing needs a follow",
}


def _local(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%H:%M") if moment else "?"


class ProgressPrinter:
    """One updating line on a terminal; one line per finished category otherwise."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self._open = False

    def __call__(self, event: ProgressEvent) -> None:
        if event.status == "waiting_rate_limit":
            until = datetime.fromisoformat(str(event.params.get("until")))
            self._line(f"waiting for {event.params.get('host')}'s limit until {_local(until)}")
            return
        if event.status == "read" and not self.tty:
            print(f"{event.category}: {event.done}", file=self.stream)
            return
        if self.tty:
            total = event.total or 0
            filled = int(BAR * event.done / total) if total else 0
            bar = "#" * filled + "." * (BAR - filled)
            count = f"{event.done}/{total}" if total else str(event.done)
            self._line(f"[{bar}] {event.category:<14} {count:>13}  done by {_local(event.eta)}")

    def _line(self, text: str) -> None:
        if self.tty:
            self.stream.write("\r" + text[:100].ljust(100))
            self._open = True
        else:
            print(text, file=self.stream)
        self.stream.flush()

    def close(self) -> None:
        if self._open:
            self.stream.write("\n")
            self._open = False


def print_snapshot_counts(snapshot: Snapshot, out: TextIO) -> None:
    print(f"Read @{snapshot.account.acct}:", file=out)
    for category in Category:
        if category in (Category.PROFILE, Category.POSTS):
            continue
        print(f"  {category.value.replace('_', ' '):<15} {snapshot.count(category):>7}", file=out)
    posts = getattr(snapshot, "posts", None)
    if posts:
        print(f"  {'posts':<15} {len(posts):>7}", file=out)


def print_preview(preview: Preview, out: TextIO) -> None:
    new = f"@{preview.new.acct}" if preview.new else "the new account"
    print(f"From @{preview.old.acct} to {new}:", file=out)
    print(f"  {'':<15} {'total':>7} {'there':>7} {'copy':>7} {'skip':>7} {'later':>7}", file=out)
    for item in preview.categories:
        if item.category in (Category.PROFILE, Category.FOLLOWERS):
            continue
        print(
            f"  {item.category.value.replace('_', ' '):<15} {item.count:>7} {item.existing:>7}"
            f" {item.to_copy:>7} {len(item.skipped):>7} {item.after_move:>7}",
            file=out,
        )
        for reason, count in sorted(item.skip_reasons().items()):
            print(f"      {count} skipped: {REASON_WORDS.get(reason, reason)}", file=out)
    print("Followers, by their server:", file=out)
    for server in preview.follower_servers:
        software = f"{server.software} {server.version}".strip() or "unknown"
        words = PREDICTION_WORDS.get(server.prediction.value, server.prediction.value)
        print(
            f"  {server.domain[:40]:<40} {server.followers:>6}  {software[:24]:<24}"
            f"  {words} ({server.confidence.value} confidence)",
            file=out,
        )
    totals = preview.followers_by_prediction()
    print(
        "In total: " + ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in totals.items()), file=out
    )
