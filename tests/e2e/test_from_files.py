"""Issue 12's done-when: with the old instance switched off, a migration from (a) a Fedimove
backup and (b) Mastodon-format CSV files re-creates every category they hold on the new account,
with the same end state as a live copy of the same data, and the preview and the report list the
followers as "cannot move: old server gone".

"The same end state" is exact for everything that still exists: accounts and posts that lived
on the dead server are gone with it (the new server cannot resolve them), so those items end as
skipped with a reason, and everything else matches the live copy item by item.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from tests.core.engine.steps.practice_copy import CopyWorld, copy_world, holdings

from fedimove.core.engine.plan import DEFAULT_COPY
from fedimove.core.engine.preview import NewSide
from fedimove.core.engine.report import write_report
from fedimove.core.engine.snapshot import AccountSnapshot, read_snapshot
from fedimove.core.engine.snapshot_export import write_backup
from fedimove.core.models import Category, Snapshot
from fedimove.core.progress import CancelToken, discard_progress
from fedimove.core.sources.base import FOLLOWERS_GONE, SourceResult
from fedimove.core.sources.files import read_files
from fedimove.core.sources.offline import offline_preview, start_offline
from fedimove.core.storage import csv_formats as cf
from fedimove.core.storage.journal_records import (
    FollowerState,
    ItemState,
    Migration,
    MigrationPhase,
    MigrationState,
)

OLD, NEW = "old.practice", "new.practice"
PASS = "practice passphrase"
CSV_CATEGORIES = {
    Category.FOLLOWING,
    Category.LISTS,
    Category.BLOCKS,
    Category.MUTES,
    Category.DOMAIN_BLOCKS,
    Category.BOOKMARKS,
    Category.FILTERS,
}


@pytest.fixture
async def live(tmp_path: Path) -> AsyncIterator[CopyWorld]:
    async for value in copy_world(tmp_path / "live"):
        yield value


@pytest.fixture
async def offline(tmp_path: Path) -> AsyncIterator[CopyWorld]:
    async for value in copy_world(tmp_path / "offline"):
        yield value


async def _live_copy(world: CopyWorld, categories: set[Category]) -> dict[str, Any]:
    old = await world.client(f"anna@{OLD}")
    new = await world.client(f"anna@{NEW}")
    _, result = await world.engine().start(old, new, categories)
    assert result.finished, result
    return holdings(world.network.instance(NEW), "anna")


async def _read_old(world: CopyWorld) -> AccountSnapshot:
    old = await world.client(f"anna@{OLD}")
    return await read_snapshot(old, progress=discard_progress, cancel=CancelToken())


def _on_old(value: str, old_origin: str) -> bool:
    """An account or a post that lived on the old server: gone with it."""
    return value.lower().endswith(f"@{OLD}") or value.startswith(old_origin)


def _still_there(state: dict[str, Any], old_origin: str) -> dict[str, Any]:
    """What anyone could still re-create once the old server is gone."""
    kept: dict[str, Any] = {}
    for key, value in state.items():
        if key in ("me", "bookmark_rows"):  # the profile is compared apart; rows are counted
            continue
        if key == "lists":
            kept[key] = {
                title: (policy, exclusive, [m for m in members if not _on_old(m, old_origin)])
                for title, (policy, exclusive, members) in value.items()
            }
        elif isinstance(value, dict):
            kept[key] = {k: v for k, v in value.items() if not _on_old(str(k), old_origin)}
        elif isinstance(value, list | set):
            kept[key] = sorted(v for v in value if not _on_old(str(v), old_origin))
        else:
            kept[key] = value
    return kept


def _check_journal(world: CopyWorld, migration: Migration, origin: str) -> None:
    """Nothing failed or pending; every skip names something that lived on the old server."""
    counts = world.journal.item_counts(migration.id)
    assert all(c.pending == c.in_flight == c.failed == 0 for c in counts.values()), counts
    skipped = world.journal.list_items(migration.id, states=[ItemState.SKIPPED], limit=None)
    for item in skipped:
        if item.step == "followers":
            assert item.reason == FOLLOWERS_GONE
        else:
            assert _on_old(item.key.split("\x1f")[-1], origin), (item.step, item.key)
            assert item.reason in ("account_gone", "post_gone"), item.reason


def _check_report(world: CopyWorld, migration: Migration, tmp_path: Path, followers: int) -> str:
    files = write_report(world.journal, migration.id, tmp_path / "report.html", world.clock.now())
    page = files.html.read_text(encoding="utf-8")
    assert page.count(FOLLOWERS_GONE) >= max(followers, 1)
    rows = files.csv.read_text(encoding="utf-8")
    assert rows.count(FOLLOWERS_GONE) >= max(followers, 1)
    return page


def _check_preview(source: SourceResult, wanted: int) -> None:
    preview = offline_preview(source, NewSide(), f"anna@{NEW}", source.snapshot.taken_at)
    assert preview.cannot_move[Category.FOLLOWERS] == FOLLOWERS_GONE
    assert preview.category(Category.FOLLOWERS).count == wanted
    assert f"@anna@{NEW}" in preview.moved_post


async def test_from_a_backup_with_the_old_server_switched_off(
    live: CopyWorld, offline: CopyWorld, tmp_path: Path
) -> None:
    expected = await _live_copy(live, set(DEFAULT_COPY))
    snapshot = await _read_old(offline)
    backup = tmp_path / "anna.fedimove"
    await write_backup(await offline.client(f"anna@{OLD}"), snapshot, backup, PASS, work_factor=2)
    offline.network.instance(OLD).knobs.reachable = False  # the server shuts down

    source = read_files([backup], now=offline.clock.now(), passphrase=PASS)
    _check_preview(source, len(snapshot.followers))
    new = await offline.client(f"anna@{NEW}")
    migration, result = await start_offline(offline.engine(), source, new, set(DEFAULT_COPY))
    assert result.finished, result
    # No Move will come: the migration ends with its copy (nothing left to resume).
    assert (migration.phase, migration.state) == (MigrationPhase.FINISH, MigrationState.FINISHED)

    after = holdings(offline.network.instance(NEW), "anna")
    origin = offline.network.origin(OLD)
    assert _still_there(after, origin) == _still_there(expected, origin)
    # The profile, images included, came out of the backup (the old server serves nothing).
    me, want = after["me"], expected["me"]
    assert (me.display_name, me.note, me.fields) == (want.display_name, want.note, want.fields)
    assert me.avatar is not None
    assert want.avatar is not None
    assert me.avatar.data == want.avatar.data
    assert me.header is not None
    assert want.header is not None
    assert me.header.data == want.header.data
    _check_journal(offline, migration, origin)
    # Every follower the backup knows is listed, to be looked up by hand.
    followers = offline.journal.list_followers(migration.id, limit=None)
    assert {f.acct for f in followers} == {f.acct for f in snapshot.followers}
    assert {(f.state, f.reason) for f in followers} == {(FollowerState.UNKNOWN, FOLLOWERS_GONE)}
    _check_report(offline, migration, tmp_path, len(snapshot.followers))


def _write_csvs(snapshot: Snapshot, folder: Path) -> list[Path]:
    """The files of Mastodon's export page, as Mastodon writes them."""
    folder.mkdir()
    texts = {
        "following_accounts.csv": cf.write_following(snapshot.following),
        "lists.csv": cf.write_lists(snapshot.lists),
        "blocked_accounts.csv": cf.write_blocks(snapshot.blocks),
        "muted_accounts.csv": cf.write_mutes(snapshot.mutes),
        "blocked_domains.csv": cf.write_domain_blocks(snapshot.domain_blocks),
        "bookmarks.csv": cf.write_bookmarks(snapshot.bookmarks),
        "filters.csv": cf.write_filters(snapshot.filters),
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return sorted(folder.iterdir())


def _csv_view(state: dict[str, Any]) -> dict[str, Any]:
    """What Mastodon's CSV formats carry: no list settings, no mute expiry."""
    return {
        key: value for key, value in state.items() if key not in ("lists", "mutes", "list_count")
    } | {
        "lists": {title: members for title, (_, _, members) in state["lists"].items()},
        "mutes": {acct: hide for acct, (hide, _) in state["mutes"].items()},
    }


async def test_from_mastodon_csv_files_with_the_old_server_switched_off(
    live: CopyWorld, offline: CopyWorld, tmp_path: Path
) -> None:
    expected = await _live_copy(live, CSV_CATEGORIES)
    snapshot = await _read_old(offline)
    paths = _write_csvs(snapshot, tmp_path / "export")
    offline.network.instance(OLD).knobs.reachable = False

    source = read_files(paths, now=offline.clock.now(), old=snapshot.account.handle)
    assert source.provided == CSV_CATEGORIES
    _check_preview(source, 0)
    new = await offline.client(f"anna@{NEW}")
    migration, result = await start_offline(offline.engine(), source, new, set(DEFAULT_COPY))
    assert result.finished, result

    after = holdings(offline.network.instance(NEW), "anna")
    origin = offline.network.origin(OLD)
    got, want = _still_there(after, origin), _still_there(expected, origin)
    assert _csv_view(got) == _csv_view(want)
    assert all(got[key] for key in ("following", "lists", "bookmarks", "filters"))
    _check_journal(offline, migration, origin)
    page = _check_report(offline, migration, tmp_path, 0)
    assert "followers" in page


def _mastodon_actor_value(text: str) -> str:
    """A profile text as Mastodon's actor.json holds it (HTML; links with hidden spans)."""
    if text.startswith("https://"):
        rest = text.removeprefix("https://")
        return (
            f'<a href="{text}" rel="me nofollow noopener" target="_blank">'
            f'<span class="invisible">https://</span><span class="">{rest}</span>'
            '<span class="invisible"></span></a>'
        )
    return "".join(f"<p>{part}</p>" for part in text.split("\n\n"))


def _write_mastodon_zip(snapshot: AccountSnapshot, path: Path) -> Path:
    import json
    import zipfile

    profile = snapshot.profile
    assert snapshot.avatar is not None
    assert snapshot.header is not None
    actor = {
        "id": snapshot.account.uri,
        "type": "Person",
        "preferredUsername": snapshot.account.acct.partition("@")[0],
        "name": profile.display_name,
        "summary": _mastodon_actor_value(profile.note),
        "attachment": [
            {"type": "PropertyValue", "name": f.name, "value": _mastodon_actor_value(f.value)}
            for f in profile.fields
        ],
        "icon": {"type": "Image", "mediaType": "image/png", "url": "avatar.png"},
        "image": {"type": "Image", "mediaType": "image/png", "url": "header.png"},
    }
    marks = {"bookmarks.json": snapshot.bookmarks, "likes.json": snapshot.favourites}
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("actor.json", json.dumps(actor))
        archive.writestr("avatar.png", snapshot.avatar.data)
        archive.writestr("header.png", snapshot.header.data)
        for name, refs in marks.items():
            items = [ref.uri for ref in refs]
            archive.writestr(name, json.dumps({"type": "OrderedCollection", "orderedItems": items}))
        archive.writestr("outbox.json", json.dumps({"orderedItems": []}))
    return path


async def test_from_a_mastodon_archive_zip_with_the_old_server_switched_off(
    live: CopyWorld, offline: CopyWorld, tmp_path: Path
) -> None:
    chosen = {Category.PROFILE, Category.BOOKMARKS, Category.FAVOURITES}
    expected = await _live_copy(live, chosen)
    snapshot = await _read_old(offline)
    archive = _write_mastodon_zip(snapshot, tmp_path / "archive.zip")
    offline.network.instance(OLD).knobs.reachable = False

    source = read_files([archive], now=offline.clock.now())
    new = await offline.client(f"anna@{NEW}")
    migration, result = await start_offline(offline.engine(), source, new, chosen)
    assert result.finished, result
    after = holdings(offline.network.instance(NEW), "anna")
    origin = offline.network.origin(OLD)
    got, want = _still_there(after, origin), _still_there(expected, origin)
    assert (got["bookmarks"], got["favourites"]) == (want["bookmarks"], want["favourites"])
    assert got["bookmarks"]
    me, was = after["me"], expected["me"]
    assert (me.display_name, me.note, me.fields) == (was.display_name, was.note, was.fields)
    assert me.avatar is not None
    assert was.avatar is not None
    assert me.avatar.data == was.avatar.data
    _check_journal(offline, migration, origin)
