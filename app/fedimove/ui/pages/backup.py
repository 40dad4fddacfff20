"""Backup: an encrypted archive of everything, written before anything changes. Always.

The archive opens with any `age` tool. The passphrase is a recovery phrase shown once (the
default) or the person's own; either way the page never stores it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from fedimove.core.service_api import StepOutcome
from fedimove.core.storage.archive_passphrase import generate_recovery_phrase
from fedimove.ui.controller import BACKUP
from fedimove.ui.pages.base import WizardPage, plain_label, set_form_rows
from fedimove.ui.pages.wizard_controller import WizardController

MIN_OWN_PASSPHRASE = 12


def default_backup_path() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / "fedimove-backup.age"


class BackupPage(WizardPage):
    name = "backup"

    def __init__(self, controller: WizardController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.phrase = generate_recovery_phrase()
        self.path_edit = QLineEdit(str(default_backup_path()), self)
        self.browse_button = QPushButton(self)
        self.use_phrase = QRadioButton(self)
        self.use_own = QRadioButton(self)
        group = QButtonGroup(self)
        group.addButton(self.use_phrase)
        group.addButton(self.use_own)
        self.use_phrase.setChecked(True)
        self.phrase_label = plain_label(self.phrase, self)
        self.phrase_label.setObjectName("recoveryPhrase")
        font = self.phrase_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.phrase_label.setFont(font)
        self.copy_phrase = QPushButton(self)
        self.own_edit, self.own_again = QLineEdit(self), QLineEdit(self)
        for edit in (self.own_edit, self.own_again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.write_button = QPushButton(self)
        form = QFormLayout()
        where = QHBoxLayout()
        where.addWidget(self.path_edit, 1)
        where.addWidget(self.browse_button)
        self._form, self._where = form, where
        phrase_row = QHBoxLayout()
        phrase_row.addWidget(self.phrase_label, 1)
        phrase_row.addWidget(self.copy_phrase)
        self.body.addLayout(form)
        self.body.addWidget(self.use_phrase)
        self.body.addLayout(phrase_row)
        self.body.addWidget(self.use_own)
        own = QFormLayout()
        self._own_form = own
        self.body.addLayout(own)
        buttons = QHBoxLayout()
        buttons.addWidget(self.write_button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.body.addStretch(1)
        self.browse_button.clicked.connect(self._browse)
        self.copy_phrase.clicked.connect(self._copy_phrase)
        self.write_button.clicked.connect(self.write)
        self.use_own.toggled.connect(self._own_toggled)
        controller.step_finished.connect(self._finished)
        self.retranslate()
        self._own_toggled(False)

    def operations(self) -> tuple[str, ...]:
        return (BACKUP,)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Save a backup"))
        self.intro.setText(
            self.tr(
                "Before anything changes, Fedimove saves everything it read into one encrypted "
                "file. It opens with Fedimove or any “age” tool, with the passphrase below."
            )
        )
        set_form_rows(self._form, [(self.tr("Save to"), self._where)])
        self.path_edit.setAccessibleName(self.tr("Backup file"))
        self.browse_button.setText(self.tr("&Choose…"))
        self.use_phrase.setText(
            self.tr("Use this recovery phrase (write it down; it is shown once):")
        )
        self.copy_phrase.setText(self.tr("Co&py"))
        self.copy_phrase.setAccessibleName(self.tr("Copy the recovery phrase"))
        self.phrase_label.setAccessibleName(self.tr("Recovery phrase"))
        self.use_own.setText(self.tr("Use my own passphrase"))
        set_form_rows(
            self._own_form,
            [(self.tr("Passphrase"), self.own_edit), (self.tr("Again"), self.own_again)],
        )
        self.own_edit.setAccessibleName(self.tr("Passphrase"))
        self.own_again.setAccessibleName(self.tr("Passphrase again"))
        self.write_button.setText(self.tr("&Write the backup"))

    def _own_toggled(self, own: bool) -> None:
        self.own_edit.setEnabled(own)
        self.own_again.setEnabled(own)

    def _browse(self) -> None:
        dialog = QFileDialog(self, self.tr("Save the backup"), self.path_edit.text())
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("age")
        dialog.fileSelected.connect(self.path_edit.setText)
        dialog.open()  # never exec() a dialog on the event loop's behalf

    def _copy_phrase(self) -> None:
        QGuiApplication.clipboard().setText(self.phrase)
        self.status.setText(self.tr("The recovery phrase is on the clipboard."))

    def passphrase(self) -> str | None:
        if self.use_phrase.isChecked():
            return self.phrase
        own, again = self.own_edit.text(), self.own_again.text()
        if own != again:
            self.status.setText(self.tr("The two passphrases are not the same."))
            return None
        if len(own) < MIN_OWN_PASSPHRASE:
            self.status.setText(
                self.tr("Use at least {n} characters.").replace("{n}", str(MIN_OWN_PASSPHRASE))
            )
            return None
        return own

    def write(self) -> None:
        passphrase = self.passphrase()
        path = self.path_edit.text().strip()
        if passphrase is None or not path:
            return
        self.clear_error()
        self.write_button.setEnabled(False)
        self.status.setText(self.tr("Writing the backup…"))
        self.controller.backup(path, passphrase)

    def _finished(self, operation: str, outcome: StepOutcome) -> None:
        if operation != BACKUP:
            return
        self.write_button.setEnabled(True)
        self.status.setText(
            self.tr("Backup saved to {path}.").replace("{path}", str(outcome.params.get("path")))
        )
        self.set_complete(True)

    def on_failed(self, operation: str) -> None:
        self.write_button.setEnabled(True)
        self.status.clear()
