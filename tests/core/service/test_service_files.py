"""The service's "My old server is gone" path (issue 12) on the practice Fediverse with the old
instance switched off: the files become the old account, the preview and the copy use them
(no old client, no backup, no alias, no Move), the migration finishes with its copy, and a
resume after a restart checks only the new sign-in and still has the profile images."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from fedimove.core.clock import ScaledClock
from fedimove.core.engine.plan import DEFAULT_COPY
from fedimove.core.errors import CancelledError, FedimoveError
from fedimove.core.models import Category
from fedimove.core.progress import CancelToken, Phase, discard_progress
from fedimove.core.service import FedimoveService
from fedimove.core.service_api import AccountRole
from fedimove.core.sources.base import FOLLOWERS_GONE
from fedimove.core.sources.media_store import load_media, media_folder
from fedimove.core.sources.service_support import journal_files
from fedimove.core.storage.journal_records import MigrationPhase, MigrationState
from fedimove.sandbox.testing import complete_authorization
from fedimove.ui.practice import PracticeSession, practice_session
from tests.core.sources.helpers import write_mastodon_zip

PASS = "practice passphrase"
OLD, NEW = "old.practice", "new.practice"
pytestmark = pytest.mark.timeout(300)


class Browser:
    """The person at the browser: consents on the practice sign-in page."""

    def __init__(self) -> None:
        self.session: PracticeSession | None = None

    async def __call__(self, url: str) -> None:
        assert self.session is not None
        demo = self.session.login_for(url)
        assert demo is not None, url
        async with httpx.AsyncClient(transport=self.session.transport) as http:
            location = await complete_authorization(http, url, demo.login, demo.password)
        async with httpx.AsyncClient() as loopback:  # Fedimove's own listener
            await loopback.get(location)


@pytest.fixture
async def session(tmp_path: Path) -> AsyncIterator[PracticeSession]:
    browser = Browser()
    async with practice_session(
        open_url=browser, clock=ScaledClock(120.0), home=tmp_path / "home", served=False
    ) as found:
        browser.session = found
        yield found


async def _backup_then_shut_down(session: PracticeSession, tmp_path: Path) -> Path:
    """A backup written the live way, then the old server goes away."""
    service = session.service
    await service.sign_in(
        AccountRole.OLD, session.old.handle, progress=discard_progress, cancel=CancelToken()
    )
    backup = tmp_path / "anna.age"
    await service.backup(backup, PASS, progress=discard_progress, cancel=CancelToken())
    session.network.instance(OLD).knobs.reachable = False
    return backup


async def test_a_backup_moves_everything_it_can_with_the_old_server_off(
    session: PracticeSession, tmp_path: Path
) -> None:
    backup = await _backup_then_shut_down(session, tmp_path)
    service = session.service
    summary = await service.use_old_files(
        [backup], PASS, "", progress=discard_progress, cancel=CancelToken()
    )
    assert summary.handle == f"@anna@{OLD}"
    assert summary.followers_count == 120
    assert "old_server_gone" in summary.capabilities
    assert AccountRole.OLD not in service.state.clients  # the live sign-in is forgotten
    await service.sign_in(
        AccountRole.NEW, session.new.handle, progress=discard_progress, cancel=CancelToken()
    )

    preview = await service.preview(progress=discard_progress, cancel=CancelToken())
    rows = {row.category: row for row in preview.categories}
    assert rows[Category.FOLLOWERS].skipped == {FOLLOWERS_GONE: 120}
    assert rows[Category.FOLLOWING].count > 0
    assert preview.follower_servers == ()  # no forecast: nothing moves them

    outcome = await service.copy(
        sorted(DEFAULT_COPY), progress=discard_progress, cancel=CancelToken()
    )
    assert (outcome.status, outcome.failed) == ("done", 0), outcome
    assert outcome.done > 50
    assert "posts_page" not in outcome.params  # this backup was written without posts
    migration = service.state.journal.get_migration(service.state.require_migration())
    assert (migration.phase, migration.state) == (MigrationPhase.FINISH, MigrationState.FINISHED)
    assert migration.options.get("old_server_gone") is True
    assert await service.find_unfinished() is None
    anna = session.network.instance(NEW).state.find("anna", NEW)
    assert anna is not None
    assert anna.avatar is not None  # from the backup: the old server serves nothing
    report = await service.write_report(
        tmp_path / "r.html", progress=discard_progress, cancel=CancelToken()
    )
    assert report.html.read_text(encoding="utf-8").count(FOLLOWERS_GONE) >= 120
    assert not media_folder(service.state.media_root, migration.id).exists()  # tidied


async def test_a_wrongly_typed_file_changes_nothing(
    session: PracticeSession, tmp_path: Path
) -> None:
    service = session.service
    blocks = tmp_path / "following_accounts.csv"
    blocks.write_text("#domain\nexample.com\n", encoding="utf-8")  # a domain-blocks file
    with pytest.raises(FedimoveError) as refused:
        await service.use_old_files(
            [blocks], "", f"anna@{OLD}", progress=discard_progress, cancel=CancelToken()
        )
    assert refused.value.code == "csv.wrong_kind"
    assert service.state.source is None
    assert not service.state.old_gone
    assert service.state.journal.list_migrations() == []


async def _copy_until_journaled(service: FedimoveService) -> int:
    """Start the copy held by Pause (before its first item), then stop it: the app quits."""
    cancel = CancelToken()
    service.pause_copy()
    task = asyncio.ensure_future(
        service.copy(sorted(DEFAULT_COPY), progress=discard_progress, cancel=cancel)
    )
    for _ in range(2000):
        if service.state.migration_id is not None:
            break
        await asyncio.sleep(0.01)
    migration_id = service.state.require_migration()
    cancel.cancel()
    with pytest.raises(CancelledError):
        await task
    return migration_id


async def test_a_resume_after_a_restart_keeps_the_avatar_and_finishes(
    session: PracticeSession, tmp_path: Path
) -> None:
    backup = await _backup_then_shut_down(session, tmp_path)
    service = session.service
    await service.use_old_files([backup], PASS, "", progress=discard_progress, cancel=CancelToken())
    await service.sign_in(
        AccountRole.NEW, session.new.handle, progress=discard_progress, cancel=CancelToken()
    )
    avatar = next(data for data, _ in service.state.local_media.values())
    migration_id = await _copy_until_journaled(service)
    anna = session.network.instance(NEW).state.find("anna", NEW)
    assert anna is not None
    assert anna.avatar is None or anna.avatar.data != avatar  # the profile is not copied yet
    assert load_media(service.state.media_root, migration_id)  # kept for the resume

    state = service.state
    restarted = FedimoveService.create(
        state.paths, state.secrets, clock=state.clock, transport=session.transport
    )
    try:
        point = await restarted.find_unfinished()
        assert point is not None
        assert "old_server_gone" in point.old_capabilities
        resumed = await restarted.resume(
            point.migration_id, progress=discard_progress, cancel=CancelToken()
        )
        assert "old_server_gone" in resumed.old_capabilities
        assert AccountRole.OLD not in restarted.state.clients  # no sign-in to a dead server
        outcome = await restarted.copy([], progress=discard_progress, cancel=CancelToken())
        assert (outcome.status, outcome.failed) == ("done", 0), outcome
        anna = session.network.instance(NEW).state.find("anna", NEW)
        assert anna is not None
        assert anna.avatar is not None
        assert anna.avatar.data == avatar
        assert await restarted.find_unfinished() is None
    finally:
        await restarted.aclose()


async def test_a_resume_tells_what_the_old_server_allows(
    session: PracticeSession, tmp_path: Path
) -> None:
    service = session.service
    old = await service.sign_in(
        AccountRole.OLD, session.old.handle, progress=discard_progress, cancel=CancelToken()
    )
    await service.sign_in(
        AccountRole.NEW, session.new.handle, progress=discard_progress, cancel=CancelToken()
    )
    await service.create_migration([Category.DOMAIN_BLOCKS])
    point = await service.find_unfinished()
    assert point is not None
    assert point.old_capabilities == frozenset()  # no network before the resume
    resumed = await service.resume(
        point.migration_id, progress=discard_progress, cancel=CancelToken()
    )
    assert resumed.old_capabilities == old.capabilities
    assert resumed.old_capabilities  # "move_api" or "move_guided", at least


async def test_a_copy_that_ended_unsaid_finishes_on_resume(
    session: PracticeSession, tmp_path: Path
) -> None:
    """The app stopped after the last item but before the migration was marked finished: the
    resume finishes it, so it leaves the unfinished list (and the wizard shows Done)."""
    backup = await _backup_then_shut_down(session, tmp_path)
    service = session.service
    await service.use_old_files([backup], PASS, "", progress=discard_progress, cancel=CancelToken())
    await service.sign_in(
        AccountRole.NEW, session.new.handle, progress=discard_progress, cancel=CancelToken()
    )
    new = service.state.client(AccountRole.NEW)
    source = service.state.require_source()
    migration_id = await journal_files(service.state.journal, source, new, {Category.FILTERS})
    assert (await service.engine().resume(migration_id, None, new)).finished
    point = await service.find_unfinished()
    assert point is not None
    assert point.migration_id == str(migration_id)
    resumed = await service.resume(
        point.migration_id, progress=discard_progress, cancel=CancelToken()
    )
    assert resumed.phase is Phase.FINISH
    assert await service.find_unfinished() is None


async def test_a_copy_stopped_before_the_runner_leaves_no_lease(
    session: PracticeSession,
) -> None:
    """A stop while the copy gets ready (before the runner holds the lease) must not leave the
    move "busy" for the next run of the app."""
    service = session.service
    for role, demo in ((AccountRole.OLD, session.old), (AccountRole.NEW, session.new)):
        await service.sign_in(role, demo.handle, progress=discard_progress, cancel=CancelToken())
    migration = await service.create_migration([Category.DOMAIN_BLOCKS])
    cancel = CancelToken()
    cancel.cancel()
    with pytest.raises(CancelledError):
        await service.copy([Category.DOMAIN_BLOCKS], progress=discard_progress, cancel=cancel)
    assert service.state.journal.lease_holder(migration.id) is None


async def test_the_posts_of_an_archive_are_kept_as_a_page(
    session: PracticeSession, tmp_path: Path
) -> None:
    """No server can import posts: the archive's are written as a page to read offline, and
    the copy's outcome says where (the done page offers it)."""
    session.network.instance(OLD).knobs.reachable = False
    archive = write_mastodon_zip(tmp_path / "archive.zip", host=OLD)
    service = session.service
    await service.use_old_files([archive], "", "", progress=discard_progress, cancel=CancelToken())
    posts = service.state.posts_page
    assert posts is not None
    assert posts.is_relative_to(service.state.paths.data)
    assert "<article>" in posts.read_text(encoding="utf-8")
    await service.sign_in(
        AccountRole.NEW, session.new.handle, progress=discard_progress, cancel=CancelToken()
    )
    outcome = await service.copy(
        [Category.BOOKMARKS], progress=discard_progress, cancel=CancelToken()
    )
    assert outcome.params["posts_page"] == str(posts)
