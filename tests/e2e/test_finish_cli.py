"""`fedimove finish`: refuses (exit 2, with the words) while tracking runs; after a practice
Move and the end of tracking it revokes both sign-ins and names each server's apps page; with
a server that does not answer it forgets the sign-ins here and says what was not confirmed
(exit 3)."""

from __future__ import annotations

import argparse
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from tests.e2e.practice_tracking import MovedPractice, moved_practice_account

from fedimove.cli import build_parser, main
from fedimove.cli.finish import _finish
from fedimove.cli.move import _watch
from fedimove.core.accounts import AccountsRegistry, SignedInAccount
from fedimove.core.clock import SystemClock
from fedimove.core.progress import CancelToken
from fedimove.core.storage.journal import Journal
from fedimove.core.storage.journal_records import MigrationPhase
from fedimove.core.storage.paths import AppPaths
from fedimove.core.storage.secrets import SecretStore, token_key
from fedimove.core.storage.settings import TRACKING_DAYS, Settings

pytestmark = pytest.mark.timeout(120)

#: Nothing listens here: the server "does not answer", without leaving this machine.
CLOSED = "http://127.0.0.1:9"


@pytest.fixture
async def moved() -> AsyncIterator[MovedPractice]:
    async for world in moved_practice_account():
        yield world


def _migration(phase: MigrationPhase) -> int:
    journal = Journal.open_default(AppPaths.default(), SystemClock())
    try:
        migration = journal.create_migration(
            old_handle="anna@old.example",
            old_server=CLOSED,
            new_handle="anna@new.example",
            new_server=CLOSED,
            categories=[],
        )
        journal.record_new_locked(migration.id, True)
        for step in (MigrationPhase.MOVE, MigrationPhase.TRACK, MigrationPhase.FINISH):
            journal.set_phase(migration.id, step)
            if step is phase:
                break
    finally:
        journal.close()
    return migration.id


def _sign_in(handle: str, secrets: SecretStore) -> SignedInAccount:
    account = SignedInAccount(
        handle=handle,
        origin=CLOSED,
        account_id=handle.replace("@", "-"),
        actor_uri=f"{CLOSED}/users/{handle}",
        software="mastodon",
        version="4.3.0",
        client_id="app",
        scopes=("read",),
        signed_in_at="2026-11-01T00:00:00+00:00",
    )
    AccountsRegistry(AppPaths.default().ensure()).put(account)
    secrets.set(token_key(CLOSED, account.account_id), f"token-of-{handle}")
    return account


def test_finish_refuses_while_tracking_runs(
    capsys: pytest.CaptureFixture[str], secrets: SecretStore
) -> None:
    migration_id = _migration(MigrationPhase.TRACK)
    account = _sign_in("anna@new.example", secrets)
    assert main(["finish", str(migration_id)]) == 2
    assert "[finish.too_early]" in capsys.readouterr().out
    assert secrets.get(account.token_key) is not None


def test_practice_never_finishes_a_real_move(
    capsys: pytest.CaptureFixture[str], secrets: SecretStore
) -> None:
    migration_id = _migration(MigrationPhase.FINISH)
    account = _sign_in("anna@new.example", secrets)
    assert main(["--practice", "finish", str(migration_id)]) == 2
    assert "throw-away" in capsys.readouterr().out
    assert secrets.get(account.token_key) is not None


def test_finish_with_a_silent_server_forgets_here_and_says_so(
    capsys: pytest.CaptureFixture[str], secrets: SecretStore
) -> None:
    migration_id = _migration(MigrationPhase.FINISH)
    accounts = [_sign_in(h, secrets) for h in ("anna@old.example", "anna@new.example")]
    assert main(["finish", str(migration_id)]) == 3
    out = capsys.readouterr().out
    assert "Locked: your new server did not confirm" in out
    assert out.count("the server did not confirm the revocation") == 2
    assert f"Apps you authorized on 127.0.0.1:9: {CLOSED}/oauth/authorized_applications" in out
    assert all(secrets.get(a.token_key) is None for a in accounts)
    assert AccountsRegistry(AppPaths.default()).all() == []

    # Again: nothing left to forget, and it says where to look all the same.
    assert main(["finish", str(migration_id), "--no-restore-locked"]) == 0
    out = capsys.readouterr().out
    assert out.count("Fedimove is already signed out") == 2
    assert "Locked: left open, as you chose" in out
    assert f"{CLOSED}/oauth/authorized_applications" in out


async def test_finish_after_a_practice_move(
    moved: MovedPractice, capsys: pytest.CaptureFixture[str]
) -> None:
    await moved.service.finish_tracking(
        on_rows=moved.on_rows, progress=moved.progress, cancel=CancelToken()
    )
    args = build_parser().parse_args(["finish", str(moved.migration_id), "--no-restore-locked"])
    assert isinstance(args, argparse.Namespace)

    assert await _finish(args, moved.service) == 0

    out = capsys.readouterr().out
    assert "Locked: nothing to change: your accounts were not locked." in out
    assert out.count("Fedimove's access is revoked and forgotten") == 2
    assert out.count("/oauth/authorized_applications") == 2
    assert AccountsRegistry(moved.service.state.paths).all() == []


async def test_followers_watch_ends_in_the_finish_phase(
    moved: MovedPractice, capsys: pytest.CaptureFixture[str]
) -> None:
    """`followers --watch` tracks with the wizard's service: when the window closes, the
    final scan runs and the migration reaches *finish*, so `fedimove finish` may follow."""
    settings = Settings.load_default(moved.service.state.paths)
    settings.set(TRACKING_DAYS, 1)
    settings.save()
    moved.clock.advance(timedelta(days=1).total_seconds())
    assert moved.journal.get_migration(moved.migration_id).phase is not MigrationPhase.FINISH

    await _watch(moved.migration_id, approve=False, given=moved.service)

    assert moved.journal.get_migration(moved.migration_id).phase is MigrationPhase.FINISH
    assert f"fedimove finish {moved.migration_id}" in capsys.readouterr().out
    assert not any(f.reason == "not_yet" for f in moved.journal.list_followers(moved.migration_id))
