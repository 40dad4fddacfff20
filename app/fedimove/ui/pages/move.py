"""The Move: the one step that cannot be undone. The button stays disabled until the person
types the new account's address; servers that need the password ask for it here (kept in
memory for this one Move). A guided Move says exactly what to do in the browser."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fedimove.core.progress import Phase, ProgressEvent
from fedimove.core.service_api import StepOutcome
from fedimove.ui.controller import MOVE
from fedimove.ui.pages.base import ElidedLabel, WizardPage, plain_label, set_form_rows
from fedimove.ui.pages.wizard_controller import WizardController


def normal_handle(text: str) -> str:
    return text.strip().lstrip("@").lower()


class MovePage(WizardPage):
    name = "move"

    def __init__(self, controller: WizardController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.new_handle = ""
        self.needs_password = False
        self.moved = False
        self.warning = plain_label("", self)
        self.warning.setObjectName("moveWarning")
        self.typed = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.move_button = QPushButton(self)
        self.move_button.setEnabled(False)
        self.form = QFormLayout()
        self.guide = QGroupBox(self)
        self.guide_text = plain_label("", self.guide)
        self.paste_value = ElidedLabel(self.guide)
        guide_layout = QVBoxLayout(self.guide)
        guide_layout.addWidget(self.guide_text)
        guide_layout.addWidget(self.paste_value)
        self.guide.hide()
        row = QHBoxLayout()
        row.addWidget(self.move_button)
        row.addStretch(1)
        self.body.addWidget(self.warning)
        self.body.addLayout(self.form)
        self.body.addLayout(row)
        self.body.addWidget(self.guide)
        self.body.addStretch(1)
        self.typed.textChanged.connect(self._typed_changed)
        self.password.textChanged.connect(self._typed_changed)
        self.typed.returnPressed.connect(self.send_move)
        self.move_button.clicked.connect(self.send_move)
        controller.progress_changed.connect(self._progress)
        controller.step_finished.connect(self._finished)
        self.retranslate()

    def operations(self) -> tuple[str, ...]:
        return (MOVE,)

    def can_go_back(self) -> bool:
        return not self.moved and not self.controller.is_running(MOVE)

    def set_accounts(self, new_handle: str, *, needs_password: bool) -> None:
        self.new_handle = new_handle
        self.needs_password = needs_password
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Move your account"))
        self.intro.setText(
            self.tr(
                "Your old account will point to {new}, and every follower whose server supports "
                "it will follow {new} instead. Your old account stays, but you cannot post from "
                "it anymore, and Mastodon allows the next move only after 30 days."
            ).replace("{new}", self.new_handle or self.tr("your new account"))
        )
        self.warning.setText(self.tr("This cannot be undone."))
        font = self.warning.font()
        font.setBold(True)
        self.warning.setFont(font)
        set_form_rows(
            self.form,
            [
                (self.tr("Type your new address to confirm"), self.typed),
                (self.tr("Password of your old account"), self.password),
            ],
        )
        self.form.setRowVisible(1, self.needs_password)
        self.typed.setPlaceholderText(self.new_handle)
        self.typed.setAccessibleName(self.tr("Type your new address to confirm"))
        self.password.setAccessibleName(self.tr("Password of your old account"))
        self.move_button.setText(self.tr("&Move my account"))
        self.guide.setTitle(self.tr("In your browser"))

    def confirmed(self) -> bool:
        typed_ok = bool(self.new_handle) and (
            normal_handle(self.typed.text()) == normal_handle(self.new_handle)
        )
        return typed_ok and (not self.needs_password or bool(self.password.text()))

    def _typed_changed(self) -> None:
        self.move_button.setEnabled(self.confirmed() and not self.moved)

    def send_move(self) -> None:
        if not self.confirmed() or self.moved:
            return
        self.clear_error()
        self.move_button.setEnabled(False)
        self.typed.setEnabled(False)
        if self.needs_password:
            self.controller.set_move_password(self.password.text())
            self.password.clear()
        self.status.setText(self.tr("Moving…"))
        self.controller.move(self.typed.text())

    def _progress(self, events: tuple[ProgressEvent, ...]) -> None:
        for event in events:
            if event.phase is Phase.MOVE and event.status == "guided_step":
                self.guide_text.setText(
                    self.tr(
                        "Your browser opened the “Move to a different account” page of your "
                        "old server. Sign in there as {account} if it asks, enter this address "
                        "and your password, and confirm:"
                    ).replace("{account}", "@" + str(event.params.get("account", "")))
                )
                self.paste_value.set_full_text(str(event.params.get("paste", "")))
                self.guide.show()
                self.status.setText(self.tr("Waiting until your old server confirms the move…"))

    def _finished(self, operation: str, outcome: StepOutcome) -> None:
        if operation != MOVE:
            return
        self.moved = True
        self.guide.hide()
        self.status.setText(self.tr("Moved. Your followers are on their way."))
        self.set_complete(True)

    def on_failed(self, operation: str) -> None:
        self.typed.setEnabled(True)
        self._typed_changed()
        self.status.clear()
