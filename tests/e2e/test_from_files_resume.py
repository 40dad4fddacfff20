"""`fedimove resume` of a files migration (old server gone): the old account is never signed
in to, the profile images kept at the start are served to the new account, and the migration
finishes with its copy (the helpers `cli.migrate._resume` calls for it)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from tests.core.engine.steps.practice_copy import CopyWorld, copy_world

from fedimove.cli import from_files
from fedimove.core.engine.snapshot import read_snapshot
from fedimove.core.engine.snapshot_export import write_backup
from fedimove.core.models import Category
from fedimove.core.progress import CancelToken, discard_progress
from fedimove.core.sources.files import read_files
from fedimove.core.sources.media_store import media_folder
from fedimove.core.sources.service_support import journal_files
from fedimove.core.storage.journal_records import MigrationState

OLD, NEW = "old.practice", "new.practice"
PASS = "practice passphrase"


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[CopyWorld]:
    async for value in copy_world(tmp_path):
        yield value


async def test_a_resumed_files_migration_keeps_its_avatar_and_finishes(
    world: CopyWorld, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = await world.client(f"anna@{OLD}")
    snapshot = await read_snapshot(old, progress=discard_progress, cancel=CancelToken())
    backup = tmp_path / "anna.age"
    await write_backup(old, snapshot, backup, PASS, work_factor=2)
    world.network.instance(OLD).knobs.reachable = False
    source = read_files([backup], now=world.clock.now(), passphrase=PASS)
    root = tmp_path / "data" / "media"
    monkeypatch.setattr(from_files, "media_root", lambda practice: root)
    new = await world.client(f"anna@{NEW}")
    migration_id = await journal_files(
        world.journal, source, new, {Category.PROFILE, Category.DOMAIN_BLOCKS}, media_root=root
    )  # the run stopped here; the source (and its passphrase) are gone with it

    migration = world.journal.get_migration(migration_id)
    assert from_files.is_files_migration(migration)
    client = from_files.resumed_new_client(new, migration, practice=False)
    result = await world.engine().resume(migration_id, None, client)
    from_files.finish_resumed(world.journal, migration, result, practice=False)

    anna = world.network.instance(NEW).state.find("anna", NEW)
    assert anna is not None
    assert anna.avatar is not None
    assert snapshot.avatar is not None
    assert anna.avatar.data == snapshot.avatar.data
    assert world.journal.get_migration(migration_id).state is MigrationState.FINISHED
    assert not media_folder(root, migration_id).exists()
