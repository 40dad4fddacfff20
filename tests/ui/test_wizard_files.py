"""The wizard's "My old server is gone" path (issue 12) on the practice Fediverse with the old
instance switched off: welcome → your files → new account → preview → copy → done, from a
Fedimove backup and from Mastodon's CSV files; wrong files are refused before anything changes;
and a files move stopped mid-copy resumes after a restart with its avatar and finishes."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from fedimove.core.engine.snapshot import read_snapshot
from fedimove.core.models import Snapshot
from fedimove.core.progress import CancelToken, ProgressEvent
from fedimove.core.service import FedimoveService
from fedimove.core.service_api import AccountRole, StepOutcome
from fedimove.core.sources.base import FOLLOWERS_GONE
from fedimove.sandbox.state import Account, InstanceState
from fedimove.ui.controller import COPY, FIND_UNFINISHED
from fedimove.ui.pages.wizard_controller import WizardController
from fedimove.ui.practice import PracticeSession
from fedimove.ui.wizard import WizardWindow
from tests.core.engine.steps.practice_copy import holdings
from tests.e2e.test_from_files import _write_csvs
from tests.ui.fake_service import FakeMigrationService
from tests.ui.practice_player import BrowserPlayer, run
from tests.ui.test_wizard_e2e import STEP_TIMEOUT, complete, next_page, practice, wizard

__all__ = ["practice"]  # the fixture, shared with the live wizard's test
PASS = "practice passphrase"
OLD, NEW = "old.practice", "new.practice"


def _quiet(event: ProgressEvent) -> None:
    """Progress of the set-up steps is not looked at."""


def _sign_in_old(qtbot: QtBot, session: PracticeSession) -> None:
    service, cancel = session.service, CancelToken()
    run(qtbot, service.sign_in(AccountRole.OLD, session.old.handle, progress=_quiet, cancel=cancel))


def _reachable_follows(snapshot: Snapshot) -> int:
    """Follows of accounts that lived on the old server went with it (skipped, reported)."""
    return sum(1 for f in snapshot.following if not f.account.acct.endswith(f"@{OLD}"))


def _backup_then_shut_down(
    qtbot: QtBot, session: PracticeSession, tmp_path: Path
) -> tuple[Path, Snapshot]:
    """A backup written while the old server still ran; then it shuts down."""
    service = session.service
    _sign_in_old(qtbot, session)
    backup = tmp_path / "anna-backup.age"
    run(qtbot, service.backup(backup, PASS, progress=_quiet, cancel=CancelToken()))
    snapshot = service.state.snapshot
    assert snapshot is not None
    session.network.instance(OLD).knobs.reachable = False
    return backup, snapshot


def _anna_new(session: PracticeSession) -> tuple[InstanceState, Account]:
    state = session.network.instance(NEW).state
    anna = state.find("anna", NEW)
    assert anna is not None
    return state, anna


def _follows_sent(session: PracticeSession) -> int:
    """Follows of the new account, a locked target's still waiting as a request."""
    state, anna = _anna_new(session)
    return state.following_count(anna.id) + len(state.follow_requests.owned(anna.id))


def _files_path(qtbot: QtBot, window: WizardWindow) -> None:
    qtbot.waitUntil(lambda: not window.controller.is_running(FIND_UNFINISHED))
    welcome = window.welcome_page
    welcome.gone_button.setFocus()
    qtbot.keyClick(welcome.gone_button, Qt.Key.Key_Space)  # keyboard only
    assert window.current is window.old_files_page
    hidden = {
        window.steps.item(i).text()
        for i in range(window.steps.count())
        if window.steps.item(i).isHidden()
    }
    assert {"Backup", "Link accounts", "Checks", "Move", "Followers", "Old account"} == hidden
    assert window.steps.item(window.page_list.index(window.done_page)).text() == "6. Done"


def _new_account_to_copy(qtbot: QtBot, window: WizardWindow) -> None:
    page = next_page(qtbot, window)
    assert page is window.new_account_page
    qtbot.mouseClick(window.new_account_page.sign_in_button, Qt.MouseButton.LeftButton)
    complete(qtbot, page)
    page = next_page(qtbot, window)
    assert page is window.preview_page
    complete(qtbot, page)
    assert window.preview_page.chosen_categories()
    assert "old server is gone" in window.preview_page.followers_summary.text()
    assert window.preview_page.servers.isHidden()  # no forecast: no Move will come


def _to_done(qtbot: QtBot, window: WizardWindow, tmp_path: Path) -> None:
    window.done_page.destination = tmp_path / "report.html"
    page = next_page(qtbot, window)
    assert page is window.done_page
    qtbot.waitUntil(lambda: window.done_page.files is not None, timeout=STEP_TIMEOUT)
    files = window.done_page.files
    assert files is not None
    assert FOLLOWERS_GONE in files.html.read_text(encoding="utf-8")
    assert window.done_page.post_box.isVisible()
    assert "@anna@new.practice" in window.done_page.post_text.toPlainText()
    assert "cannot move: old server gone" in window.done_page.intro.text()
    qtbot.mouseClick(window.done_page.copy_post_button, Qt.MouseButton.LeftButton)
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == window.done_page.post_text.toPlainText()


def test_a_backup_moves_through_the_wizard_with_the_old_server_gone(
    qtbot: QtBot, practice: tuple[PracticeSession, BrowserPlayer], tmp_path: Path
) -> None:
    session, _player = practice
    backup, snapshot = _backup_then_shut_down(qtbot, session, tmp_path)
    window = wizard(qtbot, session)
    _files_path(qtbot, window)
    files = window.old_files_page
    assert not window.next_button.isEnabled()
    files.add_files([backup])
    assert files._form.isRowVisible(files.passphrase_edit)
    assert not files._form.isRowVisible(files.handle_edit)  # a backup says whose it is
    qtbot.keyClicks(files.passphrase_edit, PASS)
    qtbot.keyClick(files.passphrase_edit, Qt.Key.Key_Return)
    complete(qtbot, files)
    assert files.summary is not None
    assert files.summary.followers_count == 120
    assert files.passphrase_edit.text() == ""  # not kept

    _new_account_to_copy(qtbot, window)
    page = next_page(qtbot, window)
    assert page is window.copy_page  # no backup step: the old server is gone
    complete(qtbot, page)
    outcome = window.copy_page.outcome
    assert outcome is not None
    assert (outcome.failed, outcome.status) == (0, "done")
    assert outcome.done > 50
    assert _follows_sent(session) == _reachable_follows(snapshot)
    assert window.done_page.posts_button.isHidden()  # a backup written without posts
    _state, anna = _anna_new(session)
    assert anna.avatar is not None  # from the backup

    _to_done(qtbot, window, tmp_path)
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    assert window.current is window.copy_page  # Back follows the files path
    assert next_page(qtbot, window) is window.done_page
    assert run(qtbot, session.service.find_unfinished()) is None  # finished with its copy
    window.controller.shutdown()


def test_csv_files_move_through_the_wizard_and_wrong_files_change_nothing(
    qtbot: QtBot, practice: tuple[PracticeSession, BrowserPlayer], tmp_path: Path
) -> None:
    session, _player = practice
    service = session.service
    _sign_in_old(qtbot, session)
    snapshot = run(
        qtbot,
        read_snapshot(service.state.client(AccountRole.OLD), progress=_quiet, cancel=CancelToken()),
    )
    folder = tmp_path / "export"
    _write_csvs(snapshot, folder)
    session.network.instance(OLD).knobs.reachable = False
    wrong = tmp_path / "wrong" / "following_accounts.csv"
    wrong.parent.mkdir()
    wrong.write_text((folder / "blocked_domains.csv").read_text(encoding="utf-8"), encoding="utf-8")

    window = wizard(qtbot, session)
    _files_path(qtbot, window)
    files = window.old_files_page
    files.add_files([wrong])
    assert files._form.isRowVisible(files.handle_edit)
    qtbot.keyClicks(files.handle_edit, f"anna@{OLD}")
    files.read_files()
    qtbot.waitUntil(files.error_box.isVisible, timeout=STEP_TIMEOUT)
    assert "Wrong kind of file" in files.error_box.text()
    assert not files.is_complete()
    assert service.state.journal.list_migrations() == []  # nothing changed

    files.files.setCurrentRow(0)
    files.remove_selected()
    assert files.chosen() == []
    files.add_files([folder])
    files.handle_edit.clear()
    files.read_files()  # no owner given: asked for in plain words
    qtbot.waitUntil(lambda: "address above" in files.error_box.text(), timeout=STEP_TIMEOUT)
    qtbot.keyClicks(files.handle_edit, f"anna@{OLD}")
    qtbot.mouseClick(files.read_button, Qt.MouseButton.LeftButton)
    complete(qtbot, files)

    _new_account_to_copy(qtbot, window)
    page = next_page(qtbot, window)
    assert page is window.copy_page
    complete(qtbot, page)
    outcome = window.copy_page.outcome
    assert outcome is not None
    assert outcome.failed == 0
    assert _follows_sent(session) == _reachable_follows(snapshot)
    held = holdings(session.network.instance(NEW), "anna")
    assert held["domain_blocks"] == sorted(snapshot.domain_blocks)
    _to_done(qtbot, window, tmp_path)
    window.controller.shutdown()


def test_a_files_move_stopped_mid_copy_resumes_with_its_avatar(
    qtbot: QtBot, practice: tuple[PracticeSession, BrowserPlayer], tmp_path: Path
) -> None:
    session, _player = practice
    backup, snapshot = _backup_then_shut_down(qtbot, session, tmp_path)
    window = wizard(qtbot, session)
    _files_path(qtbot, window)
    window.old_files_page.add_files([backup])
    window.old_files_page.passphrase_edit.setText(PASS)
    window.old_files_page.read_files()
    complete(qtbot, window.old_files_page)
    _new_account_to_copy(qtbot, window)
    service = session.service
    avatar = next(data for data, _ in service.state.local_media.values())
    window.copy_page.pause_button.setChecked(True)  # holds the copy before its first item
    next_page(qtbot, window)
    qtbot.waitUntil(lambda: service.state.migration_id is not None, timeout=STEP_TIMEOUT)
    window.controller.shutdown()  # the app goes away before the profile was copied
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=STEP_TIMEOUT)
    window.close()
    _state, anna = _anna_new(session)
    assert anna.avatar is None or anna.avatar.data != avatar

    state = service.state
    restarted = FedimoveService.create(
        state.paths, state.secrets, clock=state.clock, transport=session.transport
    )
    try:
        again = WizardWindow(WizardController(restarted, interval_ms=30), practice=True)
        qtbot.addWidget(again)
        again.show()
        again.start()
        qtbot.waitUntil(again.welcome_page.resume_box.isVisible, timeout=STEP_TIMEOUT)
        assert "your files" in again.welcome_page.resume_text.text()
        qtbot.mouseClick(again.welcome_page.resume_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: again.current is again.copy_page, timeout=STEP_TIMEOUT)
        assert again.files_mode
        assert again.steps.item(again.page_list.index(again.move_page)).isHidden()
        complete(qtbot, again.copy_page)
        _state, anna = _anna_new(session)
        assert anna.avatar is not None
        assert anna.avatar.data == avatar  # served from the images kept for the resume
        assert _follows_sent(session) == _reachable_follows(snapshot)
        page = next_page(qtbot, again)
        assert page is again.done_page  # no alias, no Move
        assert again.done_page.post_box.isVisibleTo(again.done_page)
        assert run(qtbot, restarted.find_unfinished()) is None
        again.controller.shutdown()
        qtbot.waitUntil(lambda: not again.controller.busy, timeout=STEP_TIMEOUT)
    finally:
        run(qtbot, restarted.aclose())


@pytest.mark.parametrize(
    ("codes", "files", "password"),
    [
        (frozenset({"move_api", "move_password"}), False, True),  # GoToSocial asks for it
        (frozenset({"move_guided"}), False, False),
        (frozenset({"old_server_gone"}), True, False),
    ],
)
def test_a_resume_tells_the_wizard_its_path_and_the_moves_password_need(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    codes: frozenset[str],
    files: bool,
    password: bool,
) -> None:
    service = FakeMigrationService()
    service.resume_codes = codes
    window = WizardWindow(WizardController(service, interval_ms=10))
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(window.welcome_page.resume_box.isVisible)
    window.welcome_page.resume_button.click()
    qtbot.waitUntil(lambda: window.current is window.copy_page)
    assert window.files_mode is files
    assert window.move_page.needs_password is password
    assert window.steps.item(window.page_list.index(window.move_page)).isHidden() is files
    window.controller.shutdown()


def test_the_files_page_sends_the_fields_it_shows(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    service = FakeMigrationService()
    window = WizardWindow(WizardController(service, interval_ms=10))
    qtbot.addWidget(window)
    window.show()
    window.controller.sign_in("old", "@a@old.example")  # first the live path, then files
    qtbot.waitUntil(window.old_account_page.is_complete)
    window.choose_files_path()
    page = window.old_files_page
    page.add_files([tmp_path / "a.zip", tmp_path / "a.zip"])  # the same file once
    assert page.chosen() == [tmp_path / "a.zip"]
    assert not page._form.isRowVisible(page.passphrase_edit)
    assert not page._form.isRowVisible(page.handle_edit)  # an archive says whose it is
    page.handle_edit.setText("typed before")
    page.read_files()
    qtbot.waitUntil(page.is_complete)
    assert service.files_given == ((tmp_path / "a.zip",), "", "")  # hidden fields are not sent
    assert not window.old_account_page.is_complete()  # the service forgot that sign-in
    page.add_files([tmp_path / "following_accounts.csv"])
    assert not page.is_complete()  # a change needs a new check
    page.files.setCurrentRow(0)
    page.files.setFocus()
    qtbot.keyClick(page.files, Qt.Key.Key_Delete)  # keyboard only
    assert page.chosen() == [tmp_path / "following_accounts.csv"]
    assert page._form.isRowVisible(page.handle_edit)
    assert all(widget.accessibleName() for widget in (page.files, page.remove_button,
               page.passphrase_edit, page.handle_edit))  # fmt: skip
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.welcome_page
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)  # Start: the live path
    assert window.pages.currentWidget() is window.old_account_page
    assert not window.files_mode
    assert not window.next_button.isEnabled()  # sign in again first
    window.old_account_page.handle_edit.setText("@a@old.example")
    window.old_account_page.sign_in()
    qtbot.waitUntil(window.old_account_page.is_complete)
    assert not page.is_complete()  # and the files are forgotten in turn
    window.controller.shutdown()


def test_the_done_page_offers_the_posts_page_a_files_copy_kept(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    window = WizardWindow(WizardController(FakeMigrationService(), interval_ms=10))
    qtbot.addWidget(window)
    done = window.done_page
    assert done.posts_button.isHidden()
    posts = tmp_path / "posts-anna.html"
    outcome = StepOutcome("copy", params={"posts_page": str(posts), "old_server_gone": True})
    window.controller.step_finished.emit(COPY, outcome)
    assert done.posts_button.isVisibleTo(done)
    assert done.posts_page == posts
    assert done.posts_button.accessibleName()
