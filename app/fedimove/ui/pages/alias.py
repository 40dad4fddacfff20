"""Link the accounts (alias): through the server's API where it has one, otherwise a settings
page in the browser with exactly what to paste; Fedimove watches until the link is visible."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from fedimove.core.progress import Phase, ProgressEvent
from fedimove.core.service_api import StepOutcome
from fedimove.ui.controller import ALIAS
from fedimove.ui.pages.base import ElidedLabel, WizardPage, plain_label
from fedimove.ui.pages.wizard_controller import WizardController


class AliasPage(WizardPage):
    name = "alias"

    def __init__(self, controller: WizardController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.done = False
        self.link_button = QPushButton(self)
        self.guide = QGroupBox(self)
        self.guide_text = plain_label("", self.guide)
        self.paste_value = ElidedLabel(self.guide)
        self.paste_value.setObjectName("pasteValue")
        self.copy_button = QPushButton(self.guide)
        self.open_button = QPushButton(self.guide)
        guide_layout = QVBoxLayout(self.guide)
        guide_layout.addWidget(self.guide_text)
        paste_row = QHBoxLayout()
        paste_row.addWidget(self.paste_value, 1)
        paste_row.addWidget(self.copy_button)
        paste_row.addWidget(self.open_button)
        guide_layout.addLayout(paste_row)
        self.guide.hide()
        self._url = ""
        buttons = QHBoxLayout()
        buttons.addWidget(self.link_button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.body.addWidget(self.guide)
        self.body.addStretch(1)
        self.link_button.clicked.connect(self.link)
        self.copy_button.clicked.connect(self._copy)
        self.open_button.clicked.connect(self._open)
        controller.progress_changed.connect(self._progress)
        controller.step_finished.connect(self._finished)
        self.retranslate()

    def operations(self) -> tuple[str, ...]:
        return (ALIAS,)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Link the two accounts"))
        self.intro.setText(
            self.tr(
                "Your new account must say that it is also your old one (an “alias”). Only "
                "then do your followers' servers accept the move. This changes nothing for "
                "your followers yet."
            )
        )
        self.link_button.setText(self.tr("&Link the accounts"))
        self.guide.setTitle(self.tr("In your browser"))
        self.copy_button.setText(self.tr("&Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy the old account's address"))
        self.open_button.setText(self.tr("&Open the page again"))

    def link(self) -> None:
        self.clear_error()
        self.link_button.setEnabled(False)
        self.status.setText(self.tr("Linking…"))
        self.controller.set_alias()

    def _progress(self, events: tuple[ProgressEvent, ...]) -> None:
        for event in events:
            if event.phase is Phase.ALIAS and event.status == "guided_step":
                self._url = str(event.params.get("url", ""))
                self.paste_value.set_full_text(str(event.params.get("paste", "")))
                self.guide_text.setText(
                    self.tr(
                        "Your browser opened the “Account aliases” page of your new server. "
                        "Sign in there as {account} if it asks, paste this address into the "
                        "alias field and save:"
                    ).replace("{account}", "@" + str(event.params.get("account", "")))
                )
                self.guide.show()
                self.status.setText(self.tr("Waiting until the link is visible…"))

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.paste_value.full_text())

    def _open(self) -> None:
        if self._url:
            self.controller.open_url(self._url)

    def _finished(self, operation: str, outcome: StepOutcome) -> None:
        if operation != ALIAS:
            return
        self.done = True
        self.guide.hide()
        self.link_button.setEnabled(False)
        if outcome.status == "visible":
            self.status.setText(self.tr("Linked. Your new account now names your old one."))
        else:
            self.status.setText(
                self.tr(
                    "Linked, but this server hides the link from outside checks, so Fedimove "
                    "cannot confirm it from here."
                )
            )
        self.set_complete(True)

    def on_failed(self, operation: str) -> None:
        self.link_button.setEnabled(True)
        self.status.clear()
