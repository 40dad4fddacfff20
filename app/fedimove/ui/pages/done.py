"""Done: the report (HTML and CSV) of everything that moved, was skipped or failed, and where
each follower ended; and what is left to tidy up by hand."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPlainTextEdit, QPushButton, QWidget

from fedimove.core.service_api import ReportFiles, StepOutcome
from fedimove.ui.controller import COPY, REPORT
from fedimove.ui.pages.base import WizardPage, plain_label
from fedimove.ui.pages.done_finish import FinishBox
from fedimove.ui.pages.wizard_controller import FINISH, FINISH_OPTIONS, WizardController


def default_report_path() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / "fedimove-report.html"


class DonePage(WizardPage):
    name = "done"

    def __init__(self, controller: WizardController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.files: ReportFiles | None = None
        self.destination = default_report_path()
        self.report_button = QPushButton(self)
        self.open_button = QPushButton(self)
        self.open_button.setEnabled(False)
        self.tidy = plain_label("", self)
        #: The files path (old server gone): who moved from where, for the "we moved" post.
        self.gone: tuple[str, str] | None = None
        self.post_box = QGroupBox(self)
        self.post_text = QPlainTextEdit(self.post_box)
        self.post_text.setReadOnly(True)
        self.post_text.setTabChangesFocus(True)
        self.post_text.setMaximumHeight(110)
        self.copy_post_button = QPushButton(self.post_box)
        self.posts_page: Path | None = None
        self.posts_button = QPushButton(self)
        self.posts_button.hide()
        post_layout = QHBoxLayout(self.post_box)
        post_layout.addWidget(self.post_text, 1)
        post_layout.addWidget(self.copy_post_button)
        self.post_box.hide()
        row = QHBoxLayout()
        row.addWidget(self.report_button)
        row.addWidget(self.open_button)
        row.addWidget(self.posts_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.body.addSpacing(12)
        self.body.addWidget(self.post_box)
        #: The last step: `locked` back, Fedimove signed out, the apps pages (§0.16).
        self.finish_box = FinishBox(controller, self)
        self.body.addWidget(self.finish_box)
        self.body.addWidget(self.tidy)
        self.body.addStretch(1)
        self.report_button.clicked.connect(self.write_report)
        self.copy_post_button.clicked.connect(self._copy_post)
        self.posts_button.clicked.connect(self._open_posts)
        controller.step_finished.connect(self._step_finished)
        self.open_button.clicked.connect(self._open)
        controller.report_written.connect(self._written)
        self.set_complete(True)
        self.retranslate()

    def operations(self) -> tuple[str, ...]:
        return (REPORT, FINISH_OPTIONS, FINISH)

    def can_go_back(self) -> bool:
        return True

    def next_text(self) -> str:
        return self.tr("&Close")

    def set_old_server_gone(self, old_handle: str, new_handle: str) -> None:
        """The files path: followers could not move; offer the "we moved" post."""
        self.gone = (old_handle, new_handle)
        self.post_box.show()
        self.retranslate()

    def retranslate(self) -> None:
        self.post_box.setTitle(self.tr("A “we moved” post for your new account"))
        self.post_text.setAccessibleName(self.tr("The “we moved” post"))
        self.copy_post_button.setText(self.tr("Cop&y the post"))
        self.copy_post_button.setAccessibleName(self.tr("Copy the post to the clipboard"))
        self.posts_button.setText(self.tr("Open your &posts"))
        self.posts_button.setAccessibleName(self.tr("Open your old posts, kept as a page"))
        self.finish_box.retranslate()
        if self.gone is not None:
            self._retranslate_gone(*self.gone)
            return
        self.title.setText(self.tr("Your move is done"))
        self.intro.setText(
            self.tr(
                "Followers keep arriving for a while; the followers page shows each one. The "
                "report lists everything that moved, what was skipped and why."
            )
        )
        self.report_button.setText(self.tr("&Save the report"))
        self.open_button.setText(self.tr("&Open the report"))
        self.tidy.setText(
            self.tr(
                "Still to do by hand: posts for followers only stay on your old server, and "
                "scheduled posts on your old account will not be published."
            )
        )

    def _retranslate_gone(self, old: str, new: str) -> None:
        self.title.setText(self.tr("Everything your files held is copied"))
        self.intro.setText(
            self.tr(
                "Your followers could not move (cannot move: old server gone): only your old "
                "server could have told them. The report lists everything that was copied, "
                "what was skipped and why, and every follower your files knew, so you can "
                "look people up."
            )
        )
        server = old.rpartition("@")[2]
        self.post_text.setPlainText(
            self.tr(
                "We moved! I used to be {old}, but {server} has shut down, so my followers "
                "could not be moved automatically. If you followed me there, please follow me "
                "here ({new}) and boost this so others find me too. Thank you!"
            )
            .replace("{old}", old)
            .replace("{server}", server)
            .replace("{new}", new)
        )
        self.report_button.setText(self.tr("&Save the report"))
        self.open_button.setText(self.tr("&Open the report"))
        self.tidy.setText(
            self.tr(
                "Your posts could not move either; a Fedimove backup or Mastodon's archive "
                "keeps them."
            )
        )

    def _step_finished(self, operation: str, outcome: StepOutcome) -> None:
        """A copy from files that held posts kept them as a page to read offline."""
        page = outcome.params.get("posts_page") if operation == COPY else None
        if page:
            self.posts_page = Path(str(page))
            self.posts_button.show()

    def _open_posts(self) -> None:
        if self.posts_page is not None:
            self.controller.open_url(QUrl.fromLocalFile(str(self.posts_page)).toString())

    def _copy_post(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.post_text.toPlainText())
            self.status.setText(self.tr("The post is copied; paste it into a new post."))

    def on_enter(self) -> None:
        self.finish_box.refresh()
        if self.files is None and not self.controller.is_running(REPORT):
            self.write_report()

    def write_report(self) -> None:
        self.clear_error()
        self.report_button.setEnabled(False)
        self.status.setText(self.tr("Writing the report…"))
        self.controller.write_report(str(self.destination))

    def _written(self, files: ReportFiles) -> None:
        self.files = files
        self.report_button.setEnabled(True)
        self.open_button.setEnabled(True)
        self.status.setText(
            self.tr("Report saved: {html} and {csv}")
            .replace("{html}", str(files.html))
            .replace("{csv}", str(files.csv))
        )

    def _open(self) -> None:
        if self.files is not None:
            self.controller.open_url(QUrl.fromLocalFile(str(self.files.html)).toString())

    def on_failed(self, operation: str) -> None:
        self.report_button.setEnabled(True)
        self.status.clear()
