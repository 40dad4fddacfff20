"""The snapshot of the practice `small` scenario holds every item of every category, using the
minimum number of requests and never a 429."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from fedimove.core.engine.snapshot import AccountSnapshot, read_snapshot
from fedimove.core.engine.snapshot_export import build_outbox
from fedimove.core.errors import CancelledError
from fedimove.core.models import Category
from fedimove.core.progress import CancelToken, ProgressRecorder, discard_progress
from fedimove.core.servers.rest_reads import RELATIONSHIP_BATCH
from fedimove.sandbox.png import solid_png

from .conftest import Practice

OLD = "anna@old.practice"


def minimum_requests(snapshot: AccountSnapshot, *, relationship_ids: int) -> int:
    """Σ ceil(items / largest page) per collection + relationship batches + fixed calls."""
    pages = {
        "following": (len(snapshot.following), 80),
        "followers": (len(snapshot.followers), 80),
        "bookmarks": (len(snapshot.bookmarks), 40),
        "favourites": (len(snapshot.favourites), 40),
        "blocks": (len(snapshot.blocks), 80),
        "mutes": (len(snapshot.mutes), 80),
        "domain_blocks": (len(snapshot.domain_blocks), 200),
        "followed_tags": (len(snapshot.followed_tags), 200),
        "endorsements": (len(snapshot.endorsements), 80),
    }
    paged = sum(max(1, math.ceil(count / size)) for count, size in pages.values())
    relationship_batches = math.ceil(relationship_ids / RELATIONSHIP_BATCH)
    # verify_credentials, lists index + one per list, filters, featured tags.
    fixed = 1 + 1 + len(snapshot.lists) + 1 + 1
    return paged + relationship_batches + fixed


async def test_small_snapshot_holds_every_item(practice: Practice) -> None:
    truth = practice.network.ground_truth
    client = await practice.client(OLD)
    recorder = ProgressRecorder()
    snap = await read_snapshot(client, progress=recorder, cancel=CancelToken())

    assert {
        f.account.acct: {
            "show_reblogs": f.show_reblogs,
            "notify": f.notify,
            "languages": list(f.languages) if f.languages is not None else None,
        }
        for f in snap.following
    } == {
        acct: {**flags, "languages": list(flags["languages"]) if flags["languages"] else None}
        for acct, flags in truth.following.items()
    }
    assert {a.acct for a in snap.followers} == truth.followers
    assert len(snap.followers) == len(truth.followers)
    assert all(a.uri.startswith("https://") for a in snap.followers)
    assert {entry.title: sorted(m.acct for m in entry.members) for entry in snap.lists} == {
        title: sorted(members) for title, members in truth.lists.items()
    }
    assert sorted(s.uri for s in snap.bookmarks) == sorted(truth.bookmarks)
    assert sorted(s.uri for s in snap.favourites) == sorted(truth.favourites)
    assert sorted(a.acct for a in snap.blocks) == sorted(truth.blocks)
    assert {
        m.account.acct: {"notifications": m.notifications, "expires": m.expires_at}
        for m in snap.mutes
    } == truth.mutes
    assert sorted(snap.domain_blocks) == sorted(truth.domain_blocks)
    assert sorted(snap.followed_tags) == sorted(truth.followed_tags)
    assert sorted(snap.featured_tags) == sorted(truth.featured_tags)
    assert sorted(a.acct for a in snap.endorsements) == sorted(truth.endorsements)
    assert snap.notes == truth.notes
    assert {f.title: sorted(k.keyword for k in f.keywords) for f in snap.filters} == {
        title: sorted(words) for title, words in truth.filters.items()
    }
    assert snap.profile.display_name == truth.profile["display_name"]
    assert snap.profile.note == truth.profile["note"]
    assert [(f.name, f.value) for f in snap.profile.fields] == truth.profile["fields"]
    assert snap.avatar is not None
    assert snap.avatar.data[:8] == solid_png(1, 1, (0, 0, 0))[:8]
    assert snap.header is not None
    assert snap.header.content_type.startswith("image/")
    assert snap.posts == []

    done = {e.category for e in recorder.events if e.status == "read"}
    assert {c.value for c in Category} - {"posts", "notes"} <= done
    assert all(e.eta is not None for e in recorder.events)


async def test_small_snapshot_uses_the_minimum_requests_and_no_429(practice: Practice) -> None:
    client = await practice.client(OLD)
    sched = client.scheduler
    before = sched.stats.requests  # verify_credentials is counted inside the snapshot
    snap = await read_snapshot(client, progress=discard_progress, cancel=CancelToken())
    used = sched.stats.requests - before
    ids = {
        r.local_id
        for r in [
            *(f.account for f in snap.following),
            *snap.blocks,
            *(m.account for m in snap.mutes),
        ]
    }
    minimum = minimum_requests(snap, relationship_ids=len(ids))
    # Media downloads are not API requests; the scheduler does not count them.
    assert used <= minimum * 1.05 + 1, (used, minimum)
    assert sched.stats.rate_limited == 0
    assert sched.stats.retries == 0


async def test_posts_are_read_only_when_asked(practice: Practice) -> None:
    client = await practice.client(OLD)
    snap = await read_snapshot(
        client,
        progress=discard_progress,
        cancel=CancelToken(),
        include_posts=True,
        categories={Category.PROFILE},
    )
    assert len(snap.posts) == practice.network.ground_truth.statuses
    assert all(p["uri"] for p in snap.posts)
    assert snap.following == []


async def test_cancel_stops_the_read(practice: Practice) -> None:
    client = await practice.client(OLD)
    cancel = CancelToken()

    def cancel_on_first_page(event: object) -> None:
        if getattr(event, "category", "") == "followers" and getattr(event, "done", 0) > 0:
            cancel.cancel()

    with pytest.raises(CancelledError):
        await read_snapshot(client, progress=cancel_on_first_page, cancel=cancel)


async def test_outbox_holds_notes_and_boosts(practice: Practice, tmp_path: Path) -> None:
    client = await practice.client(OLD)
    snap = await read_snapshot(
        client,
        progress=discard_progress,
        cancel=CancelToken(),
        include_posts=True,
        categories={Category.PROFILE},
    )
    snap.posts.append(
        {
            "uri": "https://old.practice/users/anna/statuses/9/activity-boost",
            "created_at": "2026-01-01T00:00:00Z",
            "reblog": {"uri": "https://gts.practice/users/cai2/statuses/5"},
        }
    )
    outbox = await build_outbox(client, snap, tmp_path)
    kinds = [item["type"] for item in outbox.document["orderedItems"]]
    assert kinds == ["Create"] * practice.network.ground_truth.statuses + ["Announce"]
    first = outbox.document["orderedItems"][0]
    assert first["object"]["type"] == "Note"
    assert first["object"]["content"]
    assert first["actor"] == snap.account.uri
    assert outbox.document["orderedItems"][-1]["object"].startswith("https://gts.practice/")
