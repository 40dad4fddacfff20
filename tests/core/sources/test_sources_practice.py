"""Sources on the practice Fediverse: the live source is the ordinary read, and a migration from
files stops and resumes from the journal alone (the old server never needed)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from fedimove.core.errors import CancelledError
from fedimove.core.models import Category
from fedimove.core.progress import CancelToken, ProgressEvent, discard_progress
from fedimove.core.sources.base import FOLLOWERS_GONE, SnapshotSource, SourceKind
from fedimove.core.sources.file_source import FileSource
from fedimove.core.sources.live import LiveSource
from fedimove.core.sources.offline import finish_if_done, start_offline
from fedimove.core.sources.service_support import (
    OLD_SERVER_GONE_CAPABILITY,
    copy_from_files,
    open_old_files,
    preview_from_files,
)
from fedimove.core.storage import csv_formats as cf
from tests.core.engine.steps.practice_copy import CopyWorld, copy_world, holdings

OLD, NEW = "old.practice", "new.practice"


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[CopyWorld]:
    async for value in copy_world(tmp_path):
        yield value


async def test_the_live_source_is_the_ordinary_read(world: CopyWorld) -> None:
    source: SnapshotSource = LiveSource(await world.client(f"anna@{OLD}"))
    result = await source.read(progress=discard_progress, cancel=CancelToken())
    assert result.kind is SourceKind.LIVE
    assert not result.old_server_gone
    assert Category.FOLLOWERS not in result.cannot_move()
    assert len(result.snapshot.following) == len(world.network.ground_truth.following)


async def test_a_migration_from_files_resumes_without_the_old_server(
    world: CopyWorld, tmp_path: Path
) -> None:
    live = await LiveSource(await world.client(f"anna@{OLD}")).read(
        progress=discard_progress, cancel=CancelToken()
    )
    follows = tmp_path / "following_accounts.csv"
    follows.write_text(cf.write_following(live.snapshot.following), encoding="utf-8")
    world.network.instance(OLD).knobs.reachable = False
    files: SnapshotSource = FileSource([follows], world.clock, old=live.snapshot.account.handle)
    source = await files.read(progress=discard_progress, cancel=CancelToken())
    new = await world.client(f"anna@{NEW}")
    engine = world.engine()

    cancel = CancelToken()

    def stop_midway(event: ProgressEvent) -> None:
        if event.category == "following" and event.done >= 5:
            cancel.cancel("test")

    with pytest.raises(CancelledError):
        await start_offline(
            engine, source, new, {Category.FOLLOWING}, progress=stop_midway, cancel=cancel
        )
    [migration] = world.journal.list_migrations()
    assert migration.options["old_server_gone"] is True
    assert world.journal.step_counts(migration.id, "following").pending > 0

    result = await engine.resume(migration.id, None, new)  # from the journal alone
    assert result.finished, result
    assert finish_if_done(world.journal, migration.id, result)
    after = holdings(world.network.instance(NEW), "anna")
    still_there = {
        f.account.acct for f in live.snapshot.following if not f.account.acct.endswith(OLD)
    }
    assert still_there <= after["following"].keys() | after["requests"]
    counts = world.journal.step_counts(migration.id, "following")
    assert counts.pending == counts.in_flight == counts.failed == 0


async def test_the_service_path_for_a_gone_server(world: CopyWorld, tmp_path: Path) -> None:
    """What the wizard's "My old server is gone" path calls, in the service API's shapes."""
    blocks = tmp_path / "blocked_accounts.csv"
    blocks.write_text("troll@nomove.practice\nada0@old.practice\n", encoding="utf-8")
    world.network.instance(OLD).knobs.reachable = False
    source, summary = await open_old_files([blocks], None, world.clock.now(), f"anna@{OLD}")
    assert summary.handle == f"@anna@{OLD}"
    assert OLD_SERVER_GONE_CAPABILITY in summary.capabilities
    new = await world.client(f"anna@{NEW}")
    preview = await preview_from_files(source, new)
    rows = {row.category: row for row in preview.categories}
    assert rows[Category.BLOCKS].count == 2
    assert rows[Category.FOLLOWERS].skipped == {FOLLOWERS_GONE: 0}
    migration_id, outcome = await copy_from_files(world.engine(), source, new, {Category.BLOCKS})
    assert outcome.status == "done"
    assert world.journal.step_counts(migration_id, "blocks").total == 2
