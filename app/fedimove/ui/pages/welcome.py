"""Welcome: what will happen and what cannot move; first, an unfinished move to resume."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from fedimove.core.progress import Phase
from fedimove.core.service_api import ResumePoint
from fedimove.ui.controller import FIND_UNFINISHED, RESUME
from fedimove.ui.pages.base import WizardPage, plain_label
from fedimove.ui.pages.wizard_controller import WizardController

#: Where a resumed migration goes on (page names of the wizard).
RESUME_PAGE = {
    Phase.COPY: "copy",
    Phase.ALIAS: "alias",
    Phase.CHECK: "checks",
    Phase.MOVE: "move",
    Phase.TRACK: "followers",
    Phase.FINISH: "done",
}


class WelcomePage(WizardPage):
    name = "welcome"
    #: The person's old server is gone: the wizard takes the files path (issue 12).
    old_server_gone = Signal()

    def __init__(self, controller: WizardController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.resume_box = QGroupBox(self)
        self.resume_text = plain_label("", self.resume_box)
        self.resume_button = QPushButton(self.resume_box)
        self.what_moves = plain_label("", self)
        self.what_stays = plain_label("", self)
        self.gone_box = QGroupBox(self)
        self.gone_text = plain_label("", self.gone_box)
        self.gone_button = QPushButton(self.gone_box)
        gone = QVBoxLayout(self.gone_box)
        gone.addWidget(self.gone_text)
        gone_row = QHBoxLayout()
        gone_row.addWidget(self.gone_button)
        gone_row.addStretch(1)
        gone.addLayout(gone_row)
        box = QVBoxLayout(self.resume_box)
        box.addWidget(self.resume_text)
        row = QHBoxLayout()
        row.addWidget(self.resume_button)
        row.addStretch(1)
        box.addLayout(row)
        self.resume_box.hide()
        self.body.addWidget(self.resume_box)
        self.body.addWidget(self.what_moves)
        self.body.addWidget(self.what_stays)
        self.body.addSpacing(12)
        self.body.addWidget(self.gone_box)
        self.body.addStretch(1)
        self._point: ResumePoint | None = None
        self.resume_button.clicked.connect(self._resume)
        self.gone_button.clicked.connect(self.old_server_gone)
        controller.unfinished_found.connect(self.show_unfinished)
        controller.resumed.connect(self._resumed)
        self.retranslate()
        self.set_complete(True)

    def operations(self) -> tuple[str, ...]:
        return (FIND_UNFINISHED, RESUME)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Move your Fediverse account"))
        self.intro.setText(
            self.tr(
                "Fedimove moves your account to a new server, one step at a time. It makes a "
                "backup first, shows you everything before it changes anything, and asks "
                "before the one step that cannot be undone."
            )
        )
        self.what_moves.setText(
            self.tr(
                "What comes with you: your followers, the accounts you follow, lists, "
                "bookmarks, blocks, mutes, hidden servers, followed hashtags, filters and "
                "your profile."
            )
        )
        self.what_stays.setText(
            self.tr(
                "What stays behind: your posts. No server accepts them through a move; they "
                "are kept in your backup."
            )
        )
        self.gone_box.setTitle(self.tr("Is your old server gone?"))
        self.gone_text.setText(
            self.tr(
                "If your old server has shut down, Fedimove can still bring across what your "
                "Fedimove backup or your old server's export files hold. Your followers cannot "
                "come along that way; Fedimove tells you what helps."
            )
        )
        self.gone_button.setText(self.tr("My old server is &gone"))
        self.gone_button.setAccessibleName(self.tr("My old server is gone: use my files"))
        self.resume_box.setTitle(self.tr("An unfinished move"))
        self.resume_button.setText(self.tr("&Resume the move"))
        self.resume_button.setAccessibleName(self.tr("Resume the unfinished move"))
        self._show_point()

    def next_text(self) -> str:
        if self._point is not None:
            return self.tr("Start a &new move")
        return self.tr("&Start")

    def on_enter(self) -> None:
        if self._point is None:
            self.controller.find_unfinished()

    def show_unfinished(self, point: ResumePoint | None) -> None:
        self._point = point
        self._show_point()
        self.complete_changed.emit(True)  # the Next button's words changed

    def _show_point(self) -> None:
        point = self._point
        self.resume_box.setVisible(point is not None)
        if point is not None and "old_server_gone" in point.old_capabilities:
            self.resume_text.setText(
                self.tr("Resume the move from your files of {old} to {new}? Fedimove checks "
                        "your new account's sign-in first, then goes on where it stopped.")
                .replace("{old}", point.old_handle)
                .replace("{new}", point.new_handle)
            )  # fmt: skip
        elif point is not None:
            self.resume_text.setText(
                self.tr("Resume the move from {old} to {new}? Fedimove checks both sign-ins "
                        "first, then goes on where it stopped.")
                .replace("{old}", point.old_handle)
                .replace("{new}", point.new_handle)
            )  # fmt: skip

    def _resume(self) -> None:
        if self._point is not None:
            self.resume_button.setEnabled(False)
            self.status.setText(self.tr("Checking your sign-ins…"))
            self.controller.resume(self._point.migration_id)

    def _resumed(self, point: ResumePoint) -> None:
        self.status.clear()
        self.resume_button.setEnabled(True)
        self.jump_requested.emit(RESUME_PAGE.get(point.phase, "copy"))

    def on_failed(self, operation: str) -> None:
        self.resume_button.setEnabled(True)
        self.status.clear()
