"""My old server is gone: the old account from the files the person still has (issue 12).

Any mix of a Fedimove backup, Mastodon's archive zip and CSV export files (or a folder of them).
The service reads and checks every file before anything changes; a wrong or damaged file is
named in the error box. The page says plainly what cannot come along (the followers) and what
helps instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fedimove.core.errors import FedimoveError
from fedimove.core.service_api import AccountSummary
from fedimove.ui.controller import OLD_FILES
from fedimove.ui.pages.base import WizardPage, plain_label, set_form_rows
from fedimove.ui.pages.wizard_controller import WizardController

#: Names that look like a Fedimove backup (the service recognises it by its content).
BACKUP_SUFFIXES = (".age", ".fedimove")


def looks_like_backup(path: Path) -> bool:
    return path.suffix.lower() in BACKUP_SUFFIXES


def needs_owner(path: Path) -> bool:
    """CSV files (or a folder that may hold them) do not say whose they are."""
    return path.suffix.lower() == ".csv" or not path.suffix


class OldFilesPage(WizardPage):
    name = "old_files"

    def __init__(self, controller: WizardController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.summary: AccountSummary | None = None
        self._asked: QLineEdit | None = None  # a field the service asked for
        self.followers_box = QGroupBox(self)
        self.followers_text = plain_label("", self.followers_box)
        QVBoxLayout(self.followers_box).addWidget(self.followers_text)
        self.files = QListWidget(self)
        self.files_label = QLabel(self)
        self.files_label.setTextFormat(Qt.TextFormat.PlainText)  # the mnemonic still works
        self.files_label.setBuddy(self.files)
        self.files.setMinimumHeight(90)
        self.add_files_button, self.add_folder_button = QPushButton(self), QPushButton(self)
        self.remove_button = QPushButton(self)
        self.passphrase_edit, self.handle_edit = QLineEdit(self), QLineEdit(self)
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.read_button = QPushButton(self)
        self.result_label = plain_label("", self)
        self.result_label.setObjectName("oldFilesResult")
        self._build()
        self.add_files_button.clicked.connect(self._choose_files)
        self.add_folder_button.clicked.connect(self._choose_folder)
        self.remove_button.clicked.connect(self.remove_selected)
        self.read_button.clicked.connect(self.read_files)
        self.passphrase_edit.textEdited.connect(self._changed)
        self.handle_edit.textEdited.connect(self._changed)
        self.passphrase_edit.returnPressed.connect(self.read_files)
        self.handle_edit.returnPressed.connect(self.read_files)
        self.files.itemSelectionChanged.connect(self._update)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.files)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)
        controller.old_files_read.connect(self._read)
        self.retranslate()
        self._update()

    def _build(self) -> None:
        buttons = QVBoxLayout()
        for button in (self.add_files_button, self.add_folder_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        chooser = QHBoxLayout()
        chooser.addWidget(self.files, 1)
        chooser.addLayout(buttons)
        self._form = QFormLayout()
        read_row = QHBoxLayout()
        read_row.addWidget(self.read_button)
        read_row.addStretch(1)
        self.body.addWidget(self.followers_box)
        self.body.addWidget(self.files_label)
        self.body.addLayout(chooser, 1)
        self.body.addLayout(self._form)
        self.body.addLayout(read_row)
        self.body.addWidget(self.result_label)

    def operations(self) -> tuple[str, ...]:
        return (OLD_FILES,)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Your old server is gone"))
        self.intro.setText(
            self.tr(
                "Fedimove can still bring across what your files hold. Choose a Fedimove "
                "backup, Mastodon's archive zip, or the CSV files from your old server's "
                "export page (several at once, or a folder). Nothing changes until the copy "
                "starts."
            )
        )
        self.followers_box.setTitle(self.tr("Your followers cannot come with you"))
        self.followers_text.setText(
            self.tr(
                "Only your old server could tell your followers that you moved, so they have "
                "to find you again. What helps: a “we moved” post from your new account (the "
                "last page gives you one to copy), and the report, which lists every follower "
                "a Fedimove backup knows, so you can look people up."
            )
        )
        self.files.setAccessibleName(self.tr("Chosen files"))
        self.add_files_button.setText(self.tr("Add &files…"))
        self.add_folder_button.setText(self.tr("Add a f&older…"))
        self.remove_button.setText(self.tr("&Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected file"))
        self.passphrase_edit.setAccessibleName(self.tr("Backup passphrase"))
        self.handle_edit.setAccessibleName(self.tr("Old account address"))
        self.handle_edit.setPlaceholderText(self.tr("@you@old.server"))
        self.read_button.setText(self.tr("&Check the files"))
        set_form_rows(
            self._form,
            [
                (self.tr("Backup &passphrase:"), self.passphrase_edit),
                (self.tr("Old &account:"), self.handle_edit),
            ],
        )
        if self.summary is not None:
            self._show_summary(self.summary)

    # --- the chosen files --------------------------------------------------------------------

    def chosen(self) -> list[Path]:
        items = (self.files.item(index) for index in range(self.files.count()))
        return [Path(item.data(Qt.ItemDataRole.UserRole)) for item in items]

    def add_files(self, paths: Sequence[Path | str]) -> None:
        """Add files or folders to the list (the file dialogs end here; tests call it)."""
        known = {str(path) for path in self.chosen()}
        for path in (Path(p) for p in paths):
            if str(path) in known:
                continue
            known.add(str(path))
            item = QListWidgetItem(path.name + ("/" if not path.suffix else ""))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.files.addItem(item)
        self._changed()

    def remove_selected(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))
        self._changed()

    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose your old account's files"),
            "",
            self.tr("Backups, archives and CSV files")
            + " (*.age *.fedimove *.zip *.csv);;"
            + self.tr("All files")
            + " (*)",
        )
        self.add_files(paths)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder of export files"))
        if folder:
            self.add_files([folder])

    # --- reading -----------------------------------------------------------------------------

    def read_files(self) -> None:
        paths = self.chosen()
        if not paths or self.controller.is_running(OLD_FILES):
            return
        self.clear_error()
        self.read_button.setEnabled(False)
        self.status.setText(self.tr("Reading and checking the files…"))
        self.controller.use_old_files(
            [str(p) for p in paths],
            self.passphrase_edit.text() if self._form.isRowVisible(self.passphrase_edit) else "",
            self.handle_edit.text().strip() if self._form.isRowVisible(self.handle_edit) else "",
        )

    def _read(self, summary: AccountSummary) -> None:
        self.summary = summary
        self.passphrase_edit.clear()  # not kept longer than needed
        self.status.setText(self.tr("Checked. Nothing was changed."))
        self._show_summary(summary)
        self._update()
        self.set_complete(True)

    def _show_summary(self, summary: AccountSummary) -> None:
        self.result_label.setText(
            self.tr("Old account {handle}: following {following}; {followers} followers known.")
            .replace("{handle}", summary.handle)
            .replace("{following}", str(summary.following_count))
            .replace("{followers}", str(summary.followers_count))
        )

    def forget_check(self) -> None:
        """The service no longer holds these files (the old account was signed in to)."""
        self._changed()

    def _changed(self) -> None:
        """Any change after a check needs a new check."""
        if self.summary is not None:
            self.summary = None
            self.result_label.clear()
            self.status.clear()
            self.set_complete(False)
        self._update()

    def _update(self) -> None:
        paths = self.chosen()
        self._show_row(self.passphrase_edit, any(looks_like_backup(p) for p in paths))
        self._show_row(self.handle_edit, any(needs_owner(p) for p in paths))
        self.remove_button.setEnabled(bool(self.files.selectedItems()))
        self.files_label.setText(
            self.tr("Chosen fi&les:") if paths else self.tr("Chosen fi&les (none yet):")
        )
        self.read_button.setEnabled(bool(paths) and not self.controller.is_running(OLD_FILES))

    def _show_row(self, field: QLineEdit, shown: bool) -> None:
        self._form.setRowVisible(field, shown or field is self._asked)

    # --- errors ------------------------------------------------------------------------------

    def show_error(self, error: FedimoveError | str) -> None:
        super().show_error(error)
        if not isinstance(error, FedimoveError):
            return
        reason = str(error.params.get("reason") or "")
        if reason == "passphrase_missing":
            self._asked = self.passphrase_edit  # a backup with another name: ask anyway
        elif reason == "old_account_unknown":
            self._asked = self.handle_edit
        self._update()
        detail = self.error_detail(error)
        if detail:
            self.error_box.setText(f"{self.error_box.text()}\n{detail}")

    def error_detail(self, error: FedimoveError) -> str:
        """Which file, and why, in plain words (the error's code has the general words)."""
        file = str(error.params.get("file") or error.params.get("member") or "")
        reasons = {
            "passphrase_missing": self.tr("The backup needs its passphrase: type it above."),
            "old_account_unknown": self.tr(
                "CSV files do not say whose they are: type your old account's address above."
            ),
            "unknown_file": self.tr(
                "{file} is none of: a Fedimove backup, Mastodon's archive zip, CSV export files."
            ),
            "several_backups": self.tr("Choose one backup only."),
            "different_accounts": self.tr("The files belong to different accounts."),
            "not_found": self.tr("{file} is not there any more."),
            "duplicate_kind": self.tr("Two files hold the same kind of list ({file})."),
            "no_actor": self.tr("The zip file is not Mastodon's archive."),
        }
        words = reasons.get(str(error.params.get("reason") or ""), "")
        if not words and file:
            words = self.tr("The file: {file}")
        return words.replace("{file}", file)

    def on_failed(self, operation: str) -> None:
        self.status.setText(self.tr("Nothing was changed."))
        self._update()
