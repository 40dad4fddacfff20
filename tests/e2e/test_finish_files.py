"""The finish after a move from files (old server gone, issue 12): only the new account is
touched. Its token is revoked (401 afterwards) and forgotten; the old server's sign-in, made
for the backup before it went away, is left alone."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from tests.core.service.test_service_files import PASS, Browser, _backup_then_shut_down

from fedimove.core.accounts import AccountsRegistry, token_for
from fedimove.core.clock import ScaledClock
from fedimove.core.models import Category
from fedimove.core.progress import CancelToken, discard_progress
from fedimove.core.service_api import AccountRole
from fedimove.core.storage.journal_records import MigrationPhase
from fedimove.ui.practice import PracticeSession, practice_session

NEW = "new.practice"
pytestmark = pytest.mark.timeout(300)


@pytest.fixture
async def session(tmp_path: Path) -> AsyncIterator[PracticeSession]:
    browser = Browser()
    async with practice_session(
        open_url=browser, clock=ScaledClock(120.0), home=tmp_path / "home", served=False
    ) as found:
        browser.session = found
        yield found


async def test_a_files_move_finishes_on_the_new_account_only(
    session: PracticeSession, tmp_path: Path
) -> None:
    backup = await _backup_then_shut_down(session, tmp_path)
    service, state = session.service, session.service.state
    old_account = state.accounts[AccountRole.OLD]
    await service.use_old_files([backup], PASS, "", progress=discard_progress, cancel=CancelToken())
    await service.sign_in(
        AccountRole.NEW, session.new.handle, progress=discard_progress, cancel=CancelToken()
    )
    await service.copy([Category.DOMAIN_BLOCKS], progress=discard_progress, cancel=CancelToken())
    migration_id = state.require_migration()
    assert state.journal.get_migration(migration_id).phase is MigrationPhase.FINISH
    new_token = token_for(state.accounts[AccountRole.NEW], state.secrets)
    options = await service.finish_options(progress=discard_progress, cancel=CancelToken())
    assert options.params["old_gone"] is True
    assert options.params["signed_in"] is True

    outcome = await service.finish(
        restore_locked=True, sign_out=True, progress=discard_progress, cancel=CancelToken()
    )

    assert outcome.status == "finished"
    assert outcome.params["old_access"] == "not_applicable"
    assert outcome.params["new_access"] == "revoked"
    assert outcome.params["old_gone"] is True
    origin = session.network.origin(NEW)
    async with httpx.AsyncClient(transport=session.transport) as http:
        reply = await http.get(
            f"{origin}/api/v1/accounts/verify_credentials",
            headers={"Authorization": f"Bearer {new_token}"},
        )
    assert reply.status_code == 401
    # The old server's sign-in is not this finish's to touch (the server is gone anyway).
    assert [a.handle for a in AccountsRegistry(state.paths).all()] == [old_account.handle]
    assert state.secrets.get(old_account.token_key) is not None
