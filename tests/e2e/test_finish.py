"""The *finish* step (DESIGN §0.16) on the practice Fediverse, after a real practice Move and
the end of tracking: both tokens revoked on the servers (a call with either gets 401), the
keyring and the accounts file forget them, the new account is locked again as the person had
it, a second finish changes nothing, an unreachable server is reported, and nothing happens
before tracking has ended."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from tests.e2e.practice_tracking import MovedPractice, moved_practice_account

from fedimove.cli.practice_browser import PracticeBrowser
from fedimove.cli.practice_move import SPEED, _alias_checks_and_move, _prepare
from fedimove.core.accounts import AccountsRegistry, token_for
from fedimove.core.clock import ScaledClock
from fedimove.core.errors import FinishTooEarlyError
from fedimove.core.progress import CancelToken, Phase, ProgressEvent, discard_progress
from fedimove.core.service import FedimoveService
from fedimove.core.service_api import AccountRole, StepOutcome
from fedimove.core.service_finish import apps_page
from fedimove.core.storage.journal_records import MigrationPhase, MigrationState
from fedimove.core.storage.paths import AppPaths
from fedimove.core.storage.secrets import SecretStore, client_secret_key
from fedimove.sandbox.faults import install_faults
from fedimove.ui.practice import practice_session

pytestmark = pytest.mark.timeout(120)

OLD, NEW = "old.practice", "new.practice"


def _quiet(_phase: str, _text: str) -> None:
    """The practice-move helpers narrate each step; tests do not need it."""


@pytest.fixture
async def moved() -> AsyncIterator[MovedPractice]:
    async for world in moved_practice_account():
        yield world


@pytest.fixture
async def moved_locked() -> AsyncIterator[MovedPractice]:
    """As `moved`, but the person's old account was locked (the copy never sets that on the
    new account: the finish offers it)."""
    browser, clock = PracticeBrowser(), ScaledClock(SPEED)
    async with practice_session(open_url=browser, clock=clock, served=False) as session:
        browser.session = session
        anna = session.network.instance(OLD).state.find("anna", OLD)
        assert anna is not None
        anna.locked = True
        await _prepare(session, _quiet)  # type: ignore[arg-type]
        await _alias_checks_and_move(session, clock, _quiet)  # type: ignore[arg-type]
        yield MovedPractice(session, clock, {})


async def end_tracking(world: MovedPractice) -> None:
    await world.service.finish_tracking(
        on_rows=world.on_rows, progress=world.progress, cancel=CancelToken()
    )


async def finish(world: MovedPractice, *, restore: bool = True, out: bool = True) -> StepOutcome:
    return await world.service.finish(
        restore_locked=restore, sign_out=out, progress=world.progress, cancel=CancelToken()
    )


def tokens(world: MovedPractice) -> dict[AccountRole, str]:
    state = world.service.state
    return {role: token_for(state.accounts[role], state.secrets) for role in AccountRole}


async def status_with(world: MovedPractice, server: str, token: str) -> int:
    """What the practice server answers a signed-in call made with `token`."""
    origin = world.session.network.origin(server)
    async with httpx.AsyncClient(transport=world.session.network.transport) as http:
        reply = await http.get(
            f"{origin}/api/v1/accounts/verify_credentials",
            headers={"Authorization": f"Bearer {token}"},
        )
    return reply.status_code


def new_account_locked(world: MovedPractice) -> bool:
    anna = world.session.network.instance(NEW).state.find("anna", NEW)
    assert anna is not None
    return anna.locked


async def test_finish_revokes_forgets_and_locks_again(moved_locked: MovedPractice) -> None:
    world = moved_locked
    await end_tracking(world)
    before = tokens(world)
    state = world.service.state
    accounts = {role: state.accounts[role] for role in AccountRole}
    assert await status_with(world, NEW, before[AccountRole.NEW]) == 200
    assert not new_account_locked(world)
    options = await world.service.finish_options(progress=world.progress, cancel=CancelToken())
    assert options.params["restore_locked_applies"] is True
    assert options.params["signed_in"] is True

    outcome = await finish(world)

    assert outcome.status == "finished"
    assert outcome.params["locked"] == "restored"
    assert outcome.params["old_access"] == outcome.params["new_access"] == "revoked"
    assert new_account_locked(world)
    # Revoked on the servers: the old tokens no longer open anything.
    assert await status_with(world, OLD, before[AccountRole.OLD]) == 401
    assert await status_with(world, NEW, before[AccountRole.NEW]) == 401
    # Forgotten here: tokens, client secrets, the accounts file.
    for account in accounts.values():
        assert state.secrets.get(account.token_key) is None
        assert state.secrets.get(client_secret_key(account.origin, account.client_id)) is None
    assert AccountsRegistry(state.paths).all() == []
    # Where to look by hand: both practice servers are Mastodon.
    assert outcome.params["old_apps_url"] == (
        world.session.network.origin(OLD) + "/oauth/authorized_applications"
    )
    assert str(outcome.params["new_apps_url"]).endswith("/oauth/authorized_applications")
    migration = world.journal.get_migration(world.migration_id)
    assert migration.state is MigrationState.FINISHED
    assert world.events[-1] == ProgressEvent(Phase.FINISH, done=1, total=1, status="finished")

    # Twice is harmless: nothing left to revoke, the lock stays, the pages are still named.
    again = await finish(world)
    assert again.status == "finished"
    assert again.params["locked"] == "restored"
    assert again.params["old_access"] == again.params["new_access"] == "signed_out"
    assert again.params["new_apps_url"] == outcome.params["new_apps_url"]
    assert new_account_locked(world)
    options = await world.service.finish_options(progress=world.progress, cancel=CancelToken())
    assert options.params == {
        "tracking_finished": True,
        "old_gone": False,
        "restore_locked_applies": False,
        "signed_in": False,
    }


async def test_the_person_may_keep_both(moved_locked: MovedPractice) -> None:
    await end_tracking(moved_locked)
    before = tokens(moved_locked)
    outcome = await finish(moved_locked, restore=False, out=False)
    assert outcome.params["locked"] == "kept"
    assert outcome.params["old_access"] == outcome.params["new_access"] == "kept"
    assert not new_account_locked(moved_locked)
    assert await status_with(moved_locked, NEW, before[AccountRole.NEW]) == 200
    assert len(AccountsRegistry(moved_locked.service.state.paths).all()) == 2


async def test_nothing_to_lock_when_neither_account_was(moved: MovedPractice) -> None:
    await end_tracking(moved)
    options = await moved.service.finish_options(progress=moved.progress, cancel=CancelToken())
    assert options.params["restore_locked_applies"] is False
    outcome = await finish(moved)
    assert outcome.params["locked"] == "not_needed"
    assert not new_account_locked(moved)


async def test_an_unreachable_server_is_forgotten_here_and_said(
    moved_locked: MovedPractice,
) -> None:
    world = moved_locked
    await end_tracking(world)
    before = tokens(world)
    new_account = world.service.state.accounts[AccountRole.NEW]
    install_faults(world.session.network.instance(NEW)).disappear(after=0, seconds=10**6)

    outcome = await finish(world)

    assert outcome.status == "unconfirmed"
    assert outcome.failed == 2
    assert outcome.params["locked"] == "not_confirmed"
    assert outcome.params["new_access"] == "not_confirmed"
    assert outcome.params["old_access"] == "revoked"
    assert await status_with(world, OLD, before[AccountRole.OLD]) == 401
    state = world.service.state
    assert state.secrets.get(new_account.token_key) is None  # forgotten here all the same
    assert AccountsRegistry(state.paths).all() == []


async def test_finish_refuses_before_tracking_has_ended(moved: MovedPractice) -> None:
    before = tokens(moved)
    with pytest.raises(FinishTooEarlyError) as refused:
        await finish(moved)
    assert refused.value.params["phase"] != MigrationPhase.FINISH.value
    assert tokens(moved) == before
    assert await status_with(moved, OLD, before[AccountRole.OLD]) != 401
    assert moved.journal.get_migration(moved.migration_id).state is MigrationState.ACTIVE


def test_apps_pages_are_named_only_where_known() -> None:
    assert apps_page("https://m.example", "mastodon") == (
        "https://m.example/oauth/authorized_applications"
    )
    assert apps_page("https://g.example/", "gotosocial") == "https://g.example/settings/user/tokens"
    assert apps_page("https://a.example", "akkoma") == ""
    assert apps_page("https://x.example", "") == ""


async def test_nothing_to_finish_before_a_migration(
    app_paths: AppPaths, secrets: SecretStore
) -> None:
    service = FedimoveService.create(app_paths, secrets)
    try:
        options = await service.finish_options(progress=discard_progress, cancel=CancelToken())
        assert options.params == {"tracking_finished": False}
    finally:
        await service.aclose()


async def test_a_new_account_locked_meanwhile_is_left_as_it_is(
    moved_locked: MovedPractice,
) -> None:
    await end_tracking(moved_locked)
    anna = moved_locked.session.network.instance(NEW).state.find("anna", NEW)
    assert anna is not None
    anna.locked = True  # the person locked it in the server's settings meanwhile
    outcome = await finish(moved_locked, out=False)
    assert outcome.params["locked"] == "already_locked"
    options = await moved_locked.service.finish_options(
        progress=moved_locked.progress, cancel=CancelToken()
    )
    assert options.params["restore_locked_applies"] is False
    assert options.params["signed_in"] is True
