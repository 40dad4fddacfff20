"""Check before the Move: every pre-flight check with its result and, where it failed, what to
do; plus the two things only the person can answer (a recent move; going on before the copy
has finished). The Move page stays closed until no blocking check fails."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from fedimove.core.progress import Phase, ProgressEvent
from fedimove.core.service_api import CheckResult
from fedimove.ui.controller import CHECKS
from fedimove.ui.pages.base import WizardPage
from fedimove.ui.pages.wizard_controller import WizardController
from fedimove.ui.text import plain_line, tooltip_text


def check_label(code: str) -> str:
    labels = {
        "alias_visible": QCoreApplication.translate(
            "CheckWords", "The new account names the old one (alias)"
        ),
        "alias_wait": QCoreApplication.translate("CheckWords", "Servers had time to see the alias"),
        "old_not_moved": QCoreApplication.translate(
            "CheckWords", "The old account has not moved yet"
        ),
        "new_not_moved": QCoreApplication.translate(
            "CheckWords", "The new account has not moved away"
        ),
        "new_functional": QCoreApplication.translate("CheckWords", "The new account works"),
        "new_locked": QCoreApplication.translate(
            "CheckWords", "New followers arrive without waiting for you"
        ),
        "servers_resolve": QCoreApplication.translate(
            "CheckWords", "The two servers find each other"
        ),
        "no_cooldown": QCoreApplication.translate("CheckWords", "No move in the last 30 days"),
        "final_read_fresh": QCoreApplication.translate(
            "CheckWords", "Your old account was read just now"
        ),
        "backup_written": QCoreApplication.translate("CheckWords", "A backup is saved"),
        "follower_snapshot": QCoreApplication.translate(
            "CheckWords", "Your followers are recorded"
        ),
        "categories_copied": QCoreApplication.translate(
            "CheckWords", "Everything you ticked is copied"
        ),
        "move_support_listed": QCoreApplication.translate(
            "CheckWords", "All your followers' servers can move followers"
        ),
        "scheduled_posts": QCoreApplication.translate(
            "CheckWords", "No scheduled posts left on the old account"
        ),
    }
    return labels.get(code, code.replace("_", " "))


def fix_label(fix: str) -> str:
    labels = {
        "set_alias": QCoreApplication.translate("CheckWords", "Go back and link the accounts."),
        "wait_until": QCoreApplication.translate(
            "CheckWords", "Wait a little: Fedimove checks again by itself."
        ),
        "confirm_no_recent_move": QCoreApplication.translate(
            "CheckWords", "Tick the box above if it is true."
        ),
        "finish_copy_or_accept": QCoreApplication.translate(
            "CheckWords", "Let the copy finish, or tick the box above."
        ),
        "write_backup": QCoreApplication.translate("CheckWords", "Go back and save the backup."),
        "read_again": QCoreApplication.translate("CheckWords", "Run the checks again."),
        "snapshot_followers": QCoreApplication.translate("CheckWords", "Run the checks again."),
        "choose_another_account": QCoreApplication.translate(
            "CheckWords", "Choose another new account."
        ),
        "check_federation": QCoreApplication.translate(
            "CheckWords", "One server cannot find the other; try again later."
        ),
        "sign_in_new": QCoreApplication.translate(
            "CheckWords", "Sign in to the new account again."
        ),
        "retry": QCoreApplication.translate("CheckWords", "Try again."),
        "check_by_hand": QCoreApplication.translate(
            "CheckWords", "Fedimove cannot see them; look in your old account."
        ),
        "tell_followers": QCoreApplication.translate(
            "CheckWords", "Followers there will not move; tell them your new address."
        ),
    }
    return labels.get(fix, "")


class ChecksPage(WizardPage):
    name = "checks"

    def __init__(self, controller: WizardController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.results: tuple[CheckResult, ...] = ()
        self.no_recent_move = QCheckBox(self)
        self.accept_uncopied = QCheckBox(self)
        self.approve_followers = QCheckBox(self)
        self.run_button = QPushButton(self)
        self.list = QTreeWidget(self)
        self.list.setRootIsDecorated(False)
        self.list.setColumnCount(2)
        self.list.setWordWrap(True)  # a fix is a sentence: wrap it rather than cut it
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for box in (self.no_recent_move, self.accept_uncopied, self.approve_followers):
            self.body.addWidget(box)
        row = QHBoxLayout()
        row.addWidget(self.run_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.body.addWidget(self.list, 1)
        self.run_button.clicked.connect(self.run)
        controller.checks_finished.connect(self.show_results)
        controller.progress_changed.connect(self._progress)
        self.retranslate()

    def operations(self) -> tuple[str, ...]:
        return (CHECKS,)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Check before the move"))
        self.intro.setText(
            self.tr(
                "The move cannot be undone, so Fedimove checks everything first. Answer what "
                "only you know, then run the checks."
            )
        )
        self.no_recent_move.setText(
            self.tr("I have not moved this old account to another account in the last 30 days")
        )
        self.accept_uncopied.setText(
            self.tr("Move now even if some things are not copied yet (the copy goes on after)")
        )
        self.approve_followers.setText(
            self.tr("Approve follow requests from my old followers automatically")
        )
        self.run_button.setText(self.tr("&Run the checks"))
        self.list.setHeaderLabels([self.tr("Check"), self.tr("Result")])
        self.list.setAccessibleName(self.tr("Check results"))
        if self.results:
            self.show_results(self.results)

    def on_enter(self) -> None:
        if not self.results and not self.controller.is_running(CHECKS):
            self.run()

    def run(self) -> None:
        self.clear_error()
        self.set_complete(False)
        self.controller.set_move_answers(
            self.no_recent_move.isChecked(),
            self.accept_uncopied.isChecked(),
            "approve" if self.approve_followers.isChecked() else "",
        )
        self.run_button.setEnabled(False)
        self.status.setText(self.tr("Checking… (this reads your old account once more)"))
        self.controller.run_checks()

    def _progress(self, events: tuple[ProgressEvent, ...]) -> None:
        for event in events:
            if event.phase is Phase.CHECK and event.status == "waiting_alias":
                until = datetime.fromisoformat(str(event.params.get("until")))
                self.status.setText(
                    self.tr(
                        "Everything else passed. Servers need 15 minutes to see the new alias: "
                        "the move is possible from {time}; Fedimove checks again by itself."
                    ).replace("{time}", until.astimezone().strftime("%H:%M"))
                )

    def show_results(self, results: tuple[CheckResult, ...]) -> None:
        self.results = tuple(results)
        self.run_button.setEnabled(True)
        self.list.clear()
        for result in self.results:
            self.list.addTopLevelItem(self._row(result))
        blocking = [r for r in self.results if r.blocking and not r.passed]
        if blocking:
            self.status.setText(
                self.tr("{n} checks need your attention before the move.").replace(
                    "{n}", str(len(blocking))
                )
            )
        else:
            self.status.setText(self.tr("Every check passed. You can move."))
        self.set_complete(not blocking)

    def _row(self, result: CheckResult) -> QTreeWidgetItem:
        fix = str(result.params.get("fix", ""))
        if result.passed:
            outcome = self.tr("✔ Passed")
        elif result.blocking:
            outcome = self.tr("✖ Must be fixed: ") + self._fix(result, fix)
        else:
            outcome = self.tr("! Worth knowing: ") + fix_label(fix)
            names = str(result.params.get("names", ""))
            if names:
                outcome += " (" + plain_line(names.replace(",", ", "), 120) + ")"
        row = QTreeWidgetItem([check_label(result.code), outcome])
        row.setToolTip(1, tooltip_text(outcome))
        return row

    def _fix(self, result: CheckResult, fix: str) -> str:
        ready = result.params.get("ready_at")
        if result.code == "alias_wait" and isinstance(ready, str):
            when = datetime.fromisoformat(ready).astimezone().strftime("%H:%M")
            return self.tr(
                "servers need 15 minutes to see the alias; possible from {time}."
            ).replace("{time}", when)
        return fix_label(fix)

    def on_failed(self, operation: str) -> None:
        self.run_button.setEnabled(True)
        self.status.clear()
