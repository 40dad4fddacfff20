"""What the person can do from the followers page (DESIGN §2 step 10, §0.3, §0.5): approve the
migrated followers' requests, export those who did not arrive, re-send the Move where the old
server allows it (and from when), and finish tracking, after saying what finishing means.

Only buttons and their words; the page connects the requests to the controller (no I/O here).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fedimove.core.service_api import StepOutcome
from fedimove.ui.controller import APPROVE, RESEND, TRACK
from fedimove.ui.pages.wizard_controller import FINISH_TRACKING


def local_moment(moment: datetime) -> str:
    stamp = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    return QLocale().toString(stamp, QLocale.FormatType.ShortFormat)


class FollowerActionsBar(QWidget):
    approve_requested = Signal()
    resend_requested = Signal()
    #: The file the person chose for the list of followers who did not arrive.
    export_requested = Signal(str)
    #: The person confirmed that tracking should end.
    finish_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.approve_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.resend_button = QPushButton(self)
        self.finish_button = QPushButton(self)
        self.resend_note = QLabel(self)
        self.status = QLabel(self)
        for label in (self.resend_note, self.status):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Followers status"))
        self.resend_button.setEnabled(False)  # until the tracker says a re-send is possible
        self.resend_note.hide()
        self.finish_box: QMessageBox | None = None
        self._resend_from: datetime | None = None
        self._resend_ready = False
        self._finished = False
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.approve_button, self.export_button, self.resend_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.finish_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.resend_note)
        layout.addWidget(self.status)
        self.approve_button.clicked.connect(self.approve_requested)
        self.resend_button.clicked.connect(self.resend_requested)
        self.export_button.clicked.connect(self.choose_export_file)
        self.finish_button.clicked.connect(self.confirm_finish)
        self.retranslate()

    def retranslate(self) -> None:
        self.approve_button.setText(self.tr("A&pprove migrated followers"))
        self.approve_button.setToolTip(
            self.tr("Accept the follow requests of people who followed your old account")
        )
        self.export_button.setText(self.tr("&Export those who did not arrive…"))
        self.export_button.setToolTip(
            self.tr("Save a CSV file of the followers who are not on your new account, with why")
        )
        self.resend_button.setText(self.tr("&Re-send the move"))
        self.finish_button.setText(self.tr("&Finish tracking…"))
        self.finish_button.setToolTip(
            self.tr("Check one last time who stayed behind and why, then stop watching")
        )
        self._show_resend()

    # --- state from the page -------------------------------------------------------------------

    def set_counts(self, *, waiting: int, total: int) -> None:
        self.approve_button.setEnabled(waiting > 0)
        self.export_button.setEnabled(total > 0)

    def set_resend_from(self, moment: datetime | None, *, ready: bool) -> None:
        """When the old server accepts the Move again (None: it never does, e.g. Mastodon),
        and whether that time has come (by the service's clock: practice time runs fast)."""
        self._resend_from = moment
        self._resend_ready = ready
        self.resend_button.setEnabled(moment is not None and ready)
        self.resend_button.setToolTip(
            self.tr("Your old server cannot send the move again")
            if moment is None
            else self.tr("Send the move again, for followers whose servers missed it")
        )
        self._show_resend()

    def _show_resend(self) -> None:
        moment = self._resend_from
        if moment is None or self._resend_ready:
            self.resend_note.hide()
            return
        self.resend_note.setText(
            self.tr("Re-send available from %1").replace("%1", local_moment(moment))
        )
        self.resend_note.show()

    def set_finished(self, finished: bool) -> None:
        self._finished = finished
        self.finish_button.setEnabled(not finished)
        if finished:
            self.show_status(
                self.tr("Tracking has finished. Followers who arrive later still follow you.")
            )

    def show_step_result(self, operation: str, outcome: StepOutcome) -> None:
        """Say how an action ended (the controller's `step_finished`)."""
        if operation == APPROVE:
            self.show_status(
                self.tr("Follow requests of migrated followers approved: %1").replace(
                    "%1", QLocale().toString(outcome.done)
                )
            )
        elif operation == RESEND:
            self.show_status(self.tr("The move was sent again."))
        elif operation in (TRACK, FINISH_TRACKING) and outcome.status == "finished":
            self.set_finished(True)

    def show_exported(self, path: object) -> None:
        self.show_status(self.tr("List saved: %1").replace("%1", str(path)))

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    # --- the person's choices ------------------------------------------------------------------

    def choose_export_file(self) -> None:
        # open(), not exec(): no nested event loop under qasync.
        dialog = QFileDialog(self, self.tr("Save the list of followers who did not arrive"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("CSV files (*.csv)"))
        dialog.setDefaultSuffix("csv")
        dialog.selectFile("followers-not-arrived.csv")
        dialog.fileSelected.connect(self.export_requested)
        dialog.open()

    def confirm_finish(self) -> None:
        """Say what finishing means before it happens (open(): no nested event loop)."""
        if self._finished:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Finish tracking"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("Stop watching your followers?"))
        box.setInformativeText(
            self.tr(
                "Fedimove checks your old account one last time and notes who stayed behind "
                "and why. Followers who arrive later still count: they follow your new "
                "account as usual. This page just stops watching for them."
            )
        )
        finish = box.addButton(self.tr("Finish tracking"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(finish)
        box.finished.connect(lambda _result: self._finish_answered(box, finish))
        self.finish_box = box
        box.open()

    def _finish_answered(self, box: QMessageBox, finish: QPushButton) -> None:
        self.finish_box = None
        if box.clickedButton() is finish:
            self.finish_button.setEnabled(False)
            self.finish_requested.emit()
        box.deleteLater()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
