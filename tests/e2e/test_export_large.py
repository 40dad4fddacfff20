"""Issue 5's Done-when on `large`: the backup holds every item of every category of the
practice account (5,000 follows, 25,000 followers, 10,000 bookmarks), compared with the
scenario's ground truth after a round trip through the encrypted archive."""

from __future__ import annotations

from pathlib import Path

from tests.core.engine.conftest import practice_for

from fedimove.core.engine.snapshot import read_snapshot
from fedimove.core.engine.snapshot_export import plain_snapshot
from fedimove.core.progress import CancelToken, discard_progress
from fedimove.core.storage.archive import write_archive
from fedimove.core.storage.archive_read import read_archive

OLD = "anna@old.practice"


async def test_large_backup_holds_every_item_of_every_category(tmp_path: Path) -> None:
    async for practice in practice_for("large"):
        truth = practice.network.ground_truth
        client = await practice.client(OLD)
        snap = await read_snapshot(client, progress=discard_progress, cancel=CancelToken())
        path = tmp_path / "large.age"
        write_archive(path, plain_snapshot(snap), "a passphrase", work_factor=10)
        back = read_archive(path, "a passphrase").snapshot

    assert back == plain_snapshot(snap)
    assert len(back.following) == len(truth.following) == 5_000
    assert {f.account.acct for f in back.following} == set(truth.following)
    assert {a.acct for a in back.followers} == truth.followers
    assert len(back.followers) == 25_000
    assert sorted(s.uri for s in back.bookmarks) == sorted(truth.bookmarks)
    assert len(back.bookmarks) == 10_000
    assert {entry.title: sorted(m.acct for m in entry.members) for entry in back.lists} == {
        title: sorted(members) for title, members in truth.lists.items()
    }
    assert sorted(a.acct for a in back.blocks) == sorted(truth.blocks)
    assert {m.account.acct for m in back.mutes} == set(truth.mutes)
    assert sorted(back.domain_blocks) == sorted(truth.domain_blocks)
    assert sorted(back.followed_tags) == sorted(truth.followed_tags)
    assert sorted(a.acct for a in back.endorsements) == sorted(truth.endorsements)
    assert {f.title for f in back.filters} == set(truth.filters)
