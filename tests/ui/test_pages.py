"""Wizard pages on their own, over the scripted service: each decision is guarded the way the
page promises (the Move needs the typed handle, a blocking check keeps Next closed, ...)."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from fedimove.core.errors import AuthDeniedError
from fedimove.core.models import Category
from fedimove.core.service_api import (
    AccountRole,
    AccountSummary,
    CategoryPreview,
    CheckResult,
    Preview,
)
from fedimove.ui.pages.account import AccountPage
from fedimove.ui.pages.backup import MIN_OWN_PASSPHRASE, BackupPage
from fedimove.ui.pages.base import ElidedLabel
from fedimove.ui.pages.checks import ChecksPage
from fedimove.ui.pages.move import MovePage
from fedimove.ui.pages.preview import PreviewPage
from fedimove.ui.pages.wizard_controller import WizardController
from fedimove.ui.wizard import WizardWindow
from tests.ui.fake_service import FakeMigrationService


def controller() -> WizardController:
    return WizardController(FakeMigrationService(), interval_ms=10)


def test_move_button_opens_only_for_the_typed_new_handle(qtbot: QtBot) -> None:
    page = MovePage(controller())
    qtbot.addWidget(page)
    page.set_accounts("@anna@new.example", needs_password=False)
    assert not page.move_button.isEnabled()
    qtbot.keyClicks(page.typed, "@anna@old.example")
    assert not page.move_button.isEnabled()
    page.typed.clear()
    qtbot.keyClicks(page.typed, " ANNA@new.example")
    assert page.move_button.isEnabled()


def test_a_password_server_also_needs_the_password(qtbot: QtBot) -> None:
    page = MovePage(controller())
    qtbot.addWidget(page)
    page.set_accounts("@anna@gts.example", needs_password=True)
    page.show()
    page.typed.setText("@anna@gts.example")
    assert page.password.isVisible()
    assert not page.move_button.isEnabled()
    page.password.setText("secret")
    assert page.move_button.isEnabled()
    # No form label is left behind when the words change (a language switch).
    labels_before = len(page.findChildren(QLabel))
    page.retranslate()
    assert len(page.findChildren(QLabel)) == labels_before


def test_a_blocking_check_keeps_the_move_closed(qtbot: QtBot) -> None:
    page = ChecksPage(controller())
    qtbot.addWidget(page)
    page.show_results(
        (
            CheckResult("alias_visible", passed=True),
            CheckResult("no_cooldown", passed=False, params={"fix": "confirm_no_recent_move"}),
            CheckResult("move_support_listed", passed=False, blocking=False),
        )
    )
    assert not page.is_complete()
    assert "Tick the box" in page.list.topLevelItem(1).text(1)
    page.show_results((CheckResult("move_support_listed", passed=False, blocking=False),))
    assert page.is_complete()


def test_preview_ticks_what_to_copy_but_not_favourites(qtbot: QtBot) -> None:
    page = PreviewPage(controller())
    qtbot.addWidget(page)
    page.show_preview(
        Preview(
            (
                CategoryPreview(Category.FOLLOWING, 3, ("<b>a@x</b>",)),
                CategoryPreview(Category.FAVOURITES, 5),
                CategoryPreview(Category.FOLLOWERS, 9),
                CategoryPreview(Category.LISTS, 0),
            )
        )
    )
    assert page.chosen_categories() == [Category.FOLLOWING]
    assert page.categories.topLevelItemCount() == 3  # followers come with the Move
    assert page.categories.topLevelItem(0).text(2) == "<b>a@x</b>"  # shown as typed, not HTML


def test_backup_refuses_a_short_or_mistyped_own_passphrase(qtbot: QtBot) -> None:
    page = BackupPage(controller())
    qtbot.addWidget(page)
    assert page.passphrase() == page.phrase  # the recovery phrase is the default
    page.use_own.setChecked(True)
    page.own_edit.setText("x" * MIN_OWN_PASSPHRASE)
    page.own_again.setText("y" * MIN_OWN_PASSPHRASE)
    assert page.passphrase() is None
    page.own_again.setText("x" * MIN_OWN_PASSPHRASE)
    assert page.passphrase() == "x" * MIN_OWN_PASSPHRASE
    page.own_edit.setText("short")
    page.own_again.setText("short")
    assert page.passphrase() is None


def test_long_remote_names_are_elided_with_the_whole_text_in_a_tooltip(qtbot: QtBot) -> None:
    label = ElidedLabel()
    qtbot.addWidget(label)
    label.resize(120, 20)
    name = "Anna \u202eevil\u202c " + "very long display name " * 5
    label.set_full_text(name)
    assert "\u202e" not in label.full_text()  # bidi override stripped
    assert label.text().count("…") == 1
    assert "very long" in label.toolTip()


def test_sign_in_failure_shows_words_and_lets_the_person_retry(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    service = FakeMigrationService()
    service.fail_with = AuthDeniedError("denied")
    page = AccountPage(WizardController(service, interval_ms=10), AccountRole.OLD)
    qtbot.addWidget(page)
    page.prefill("@anna@old.example")
    page.sign_in()
    qtbot.waitUntil(lambda: not page.error_box.isHidden())
    assert page.sign_in_button.isEnabled()
    assert not page.is_complete()
    page.sign_in()
    qtbot.waitUntil(page.is_complete)
    assert page.error_box.isHidden()
    summary = page.summary
    assert isinstance(summary, AccountSummary)
    assert summary.handle == "@anna@old.example"


def test_wizard_focuses_the_first_field_and_resumes_where_the_journal_says(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    window = WizardWindow(controller())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    window.start()
    qtbot.waitUntil(window.welcome_page.resume_box.isVisible)  # the fake has one unfinished
    assert window.next_button.text().replace("&", "") == "Start a new move"
    qtbot.keyClick(window.next_button, Qt.Key.Key_Space)
    assert window.current is window.old_account_page
    qtbot.waitUntil(window.old_account_page.handle_edit.hasFocus)  # typing can start at once
    assert not window.next_button.isEnabled()  # not signed in yet
    qtbot.keyClick(window.back_button, Qt.Key.Key_Space)
    assert window.current is window.welcome_page
    window.welcome_page.resume_button.click()
    qtbot.waitUntil(lambda: window.current is window.copy_page)  # the fake stopped in COPY
    assert window.move_page.new_handle == "@b@new.example"
    window.controller.shutdown()
