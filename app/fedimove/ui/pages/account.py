"""Old account and new account: type a handle, sign in through the browser, see who you are
signed in as and what the server allows (one page class, two roles)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fedimove.core.service_api import AccountRole, AccountSummary
from fedimove.ui.controller import sign_in_operation
from fedimove.ui.pages.base import ElidedLabel, WizardPage, plain_label, set_form_rows
from fedimove.ui.pages.wizard_controller import WizardController


def capability_sentences(summary: AccountSummary) -> list[str]:
    """What this server allows that matters for this side of the move (codes from the
    service): the Move is sent from the old account, the alias and the copy happen on the new."""
    codes = summary.capabilities
    if summary.role is AccountRole.OLD:
        lines = [
            QCoreApplication.translate("AccountPage", "Fedimove sends the move for you.")
            if "move_api" in codes
            else QCoreApplication.translate(
                "AccountPage", "You start the move on a settings page; Fedimove guides you."
            )
        ]
    else:
        lines = [
            QCoreApplication.translate("AccountPage", "Fedimove links the accounts for you.")
            if "alias_api" in codes
            else QCoreApplication.translate(
                "AccountPage", "You link the accounts on a settings page; Fedimove guides you."
            )
        ]
        if "follows_per_day" in codes:
            lines.append(
                QCoreApplication.translate(
                    "AccountPage", "This server allows 400 new follows a day through apps."
                )
            )
    if "experimental" in codes:
        lines.append(
            QCoreApplication.translate(
                "AccountPage", "Support for this server software is experimental."
            )
        )
    return lines


class AccountPage(WizardPage):
    def __init__(
        self, controller: WizardController, role: AccountRole, parent: QWidget | None = None
    ) -> None:
        super().__init__(controller, parent)
        self.role = role
        self.name = f"{role.value}_account"
        self.summary: AccountSummary | None = None
        self.handle_edit = QLineEdit(self)
        self.handle_edit.setClearButtonEnabled(True)
        self.sign_in_button = QPushButton(self)
        row = QHBoxLayout()
        row.addWidget(self.handle_edit, 1)
        row.addWidget(self.sign_in_button)
        self.card = QGroupBox(self)
        form = QFormLayout()
        self.name_label, self.handle_label = ElidedLabel(self.card), ElidedLabel(self.card)
        self.server_label, self.counts_label = ElidedLabel(self.card), ElidedLabel(self.card)
        self.allows_label = plain_label("", self.card)
        self.warning_label = plain_label("", self.card)
        self._fields = [self.name_label, self.handle_label, self.server_label, self.counts_label]
        self._form = form
        card_layout = QVBoxLayout(self.card)
        card_layout.addLayout(form)
        card_layout.addWidget(self.allows_label)
        card_layout.addWidget(self.warning_label)
        self.card.hide()
        self.body.addLayout(row)
        self.body.addWidget(self.card)
        self.body.addStretch(1)
        self.sign_in_button.clicked.connect(self.sign_in)
        self.handle_edit.returnPressed.connect(self.sign_in)
        self.handle_edit.textEdited.connect(self._handle_edited)
        controller.signed_in.connect(self._signed_in)
        self.retranslate()

    def operations(self) -> tuple[str, ...]:
        return (sign_in_operation(self.role),)

    def retranslate(self) -> None:
        old = self.role is AccountRole.OLD
        self.title.setText(self.tr("Your old account") if old else self.tr("Your new account"))
        self.intro.setText(
            self.tr("Which account are you moving away from? Type its address and sign in.")
            if old
            else self.tr(
                "Which account are you moving to? Create it on the new server first if you "
                "have not, then type its address and sign in."
            )
        )
        self.handle_edit.setPlaceholderText(self.tr("@you@example.social"))
        self.handle_edit.setAccessibleName(
            self.tr("Old account address") if old else self.tr("New account address")
        )
        self.sign_in_button.setText(self.tr("&Sign in with the browser"))
        self.sign_in_button.setAccessibleName(self.sign_in_button.text().replace("&", ""))
        self.card.setTitle(self.tr("Signed in"))
        labels = [self.tr("Name"), self.tr("Address"), self.tr("Server"), self.tr("Counts")]
        set_form_rows(self._form, list(zip(labels, self._fields, strict=True)))
        if self.summary is not None:
            self._show(self.summary)

    def prefill(self, handle: str) -> None:
        self.handle_edit.setText(handle)

    def sign_in(self) -> None:
        handle = self.handle_edit.text().strip()
        if not handle:
            self.handle_edit.setFocus()
            return
        self.clear_error()
        self.sign_in_button.setEnabled(False)
        self.status.setText(
            self.tr("Your browser opens the server's sign-in page. Allow access there, then "
                    "come back here.")
        )  # fmt: skip
        self.controller.sign_in(self.role.value, handle)

    def _handle_edited(self) -> None:
        if self.summary is not None:
            self.summary = None
            self.card.hide()
            self.set_complete(False)

    def _signed_in(self, role: str, summary: AccountSummary) -> None:
        if role != self.role.value:
            return
        self.summary = summary
        self.sign_in_button.setEnabled(True)
        self.status.setText(self.tr("Signed in."))
        self._show(summary)
        self.set_complete(True)

    def _show(self, summary: AccountSummary) -> None:
        self.name_label.set_full_text(summary.display_name or summary.handle)
        self.handle_label.set_full_text(summary.handle)
        self.server_label.set_full_text(f"{summary.software} {summary.version}".strip())
        self.counts_label.set_full_text(
            self.tr("{followers} followers, following {following}")
            .replace("{followers}", str(summary.followers_count))
            .replace("{following}", str(summary.following_count))
        )
        self.allows_label.setText("\n".join(f"• {line}" for line in capability_sentences(summary)))
        warning = ""
        if self.role is AccountRole.NEW and summary.locked:
            warning = self.tr(
                "This account approves followers by hand. Before the move you can choose to "
                "approve the followers who come from your old account automatically."
            )
        self.warning_label.setText(warning)
        self.warning_label.setVisible(bool(warning))
        self.card.show()

    def on_failed(self, operation: str) -> None:
        self.sign_in_button.setEnabled(True)
        self.status.clear()
