"""The wizard's window: the steps on the left, one page at a time, Back / Next at the bottom.

Pages decide when they are complete and whether Back makes sense; the window moves between
them, hands each page what the earlier ones learned (the ticked categories, the new handle),
and sets the keyboard focus on the page's first field so the whole flow works without a mouse.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fedimove.core.models import Category
from fedimove.core.service_api import AccountRole, AccountSummary, Preview, ResumePoint
from fedimove.ui.pages.account import AccountPage
from fedimove.ui.pages.alias import AliasPage
from fedimove.ui.pages.backup import BackupPage
from fedimove.ui.pages.base import WizardPage
from fedimove.ui.pages.checks import ChecksPage
from fedimove.ui.pages.copy import CopyPage
from fedimove.ui.pages.done import DonePage
from fedimove.ui.pages.followers_step import FollowersStepPage
from fedimove.ui.pages.move import MovePage
from fedimove.ui.pages.old_files import OldFilesPage
from fedimove.ui.pages.preview import PreviewPage
from fedimove.ui.pages.unavailable import UnavailableService
from fedimove.ui.pages.welcome import WelcomePage
from fedimove.ui.pages.wizard_controller import WizardController

BANNER_STYLE = "#practiceBanner { background: #fff3c4; color: #3d3000; padding: 6px; }"


class WizardWindow(QMainWindow):
    def __init__(
        self,
        controller: WizardController | None = None,
        *,
        practice: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.practice = practice
        #: The "My old server is gone" path: files instead of the old account (issue 12).
        self.files_mode = False
        self._logins: list[tuple[str, str]] = []
        self.controller = controller or WizardController(UnavailableService(), self)
        self.resize(940, 640)
        central = QWidget(self)
        outer = QVBoxLayout(central)
        self.banner: QLabel | None = None
        if practice:
            self.banner = QLabel(central)
            self.banner.setObjectName("practiceBanner")
            self.banner.setWordWrap(True)
            self.banner.setStyleSheet(BANNER_STYLE)
            outer.addWidget(self.banner)
        middle = QHBoxLayout()
        self.steps = QListWidget(central)
        self.steps.setObjectName("wizardSteps")
        self.steps.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.steps.setFixedWidth(180)
        self.pages = QStackedWidget(central)
        self.page_list = self._make_pages()
        for page in self.page_list:
            self.pages.addWidget(page)
            self.steps.addItem("")
            page.complete_changed.connect(self._update_buttons)
            page.jump_requested.connect(self.show_page)
        middle.addWidget(self.steps)
        middle.addWidget(self.pages, 1)
        outer.addLayout(middle, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.back_button = QPushButton(central)
        self.next_button = QPushButton(central)
        self.next_button.setDefault(True)
        self.next_button.setAutoDefault(True)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        outer.addLayout(buttons)
        self.setCentralWidget(central)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.controller.signed_in.connect(self._signed_in)
        self.controller.busy_changed.connect(self._update_buttons)
        self.controller.resumed.connect(self._resumed)
        self.welcome_page.old_server_gone.connect(self.choose_files_path)
        self.controller.preview_ready.connect(self._files_preview)  # after the page's own
        self.controller.old_files_read.connect(self._old_files_read)
        self.retranslate()
        self.pages.setCurrentIndex(0)
        self._update_buttons()

    def _make_pages(self) -> list[WizardPage]:
        c, holder = self.controller, self.pages
        self.welcome_page = WelcomePage(c, holder)
        self.old_files_page = OldFilesPage(c, holder)
        self.old_account_page = AccountPage(c, AccountRole.OLD, holder)
        self.new_account_page = AccountPage(c, AccountRole.NEW, holder)
        self.preview_page = PreviewPage(c, holder)
        self.backup_page = BackupPage(c, holder)
        self.copy_page = CopyPage(c, holder)
        self.alias_page = AliasPage(c, holder)
        self.checks_page = ChecksPage(c, holder)
        self.move_page = MovePage(c, holder)
        self.followers_page = FollowersStepPage(c, holder)
        self.done_page = DonePage(c, holder)
        return [
            self.welcome_page, self.old_files_page, self.old_account_page, self.new_account_page,
            self.preview_page, self.backup_page, self.copy_page, self.alias_page,
            self.checks_page, self.move_page, self.followers_page, self.done_page,
        ]  # fmt: skip

    # --- text --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Fedimove"))
        if self.banner is not None:
            words = self.tr(
                "Practice mode: nothing here touches a real account. The demo accounts "
                "are filled in; their sign-in pages open in your browser."
            )
            if self._logins:
                words += "\n" + self.tr("Sign in there with: {logins}").replace(
                    "{logins}", ";  ".join(f"{login} / {secret}" for login, secret in self._logins)
                )
            self.banner.setText(words)
            self.banner.setAccessibleName(self.tr("Practice mode banner"))
        names = [
            self.tr("Welcome"), self.tr("Your files"), self.tr("Old account"),
            self.tr("New account"), self.tr("What will move"), self.tr("Backup"), self.tr("Copy"),
            self.tr("Link accounts"), self.tr("Checks"), self.tr("Move"),
            self.tr("Followers"), self.tr("Done"),
        ]  # fmt: skip
        path = self._path()
        for index, name in enumerate(names):
            item = self.steps.item(index)
            item.setHidden(index not in path)
            item.setText(f"{path.index(index) + 1}. {name}" if index in path else name)
        self.steps.setAccessibleName(self.tr("Steps"))
        self.back_button.setText(self.tr("&Back"))
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- moving between pages ----------------------------------------------------------------

    @property
    def current(self) -> WizardPage:
        page = self.pages.currentWidget()
        assert isinstance(page, WizardPage)
        return page

    def start(self) -> None:
        """Called once the event loop runs: the first page may start work (resume lookup)."""
        self._entered(self.current)

    def prefill(self, old_handle: str, new_handle: str) -> None:
        self.old_account_page.prefill(old_handle)
        self.new_account_page.prefill(new_handle)

    def show_practice_logins(self, logins: list[tuple[str, str]]) -> None:
        """The practice servers' demo sign-ins (made-up passwords, shown on purpose)."""
        self._logins = list(logins)
        self.retranslate()

    def show_page(self, name: str) -> None:
        for index, page in enumerate(self.page_list):
            if page.name == name:
                self._show(index)
                return

    def go_next(self) -> None:
        index = self.pages.currentIndex()
        if not self.current.is_complete():
            return
        if index == len(self.page_list) - 1:
            self.close()
            return
        if self.current is self.welcome_page:
            self.set_files_mode(False)  # "Start": the move with the old account
        self._leaving(self.current)
        self._show(self._step_from(index, 1))

    def go_back(self) -> None:
        index = self.pages.currentIndex()
        if index > 0 and self.current.can_go_back():
            self._show(self._step_from(index, -1))

    def choose_files_path(self) -> None:
        """The welcome page's "My old server is gone": the files path, from its first page."""
        self.set_files_mode(True)
        self._show(self.page_list.index(self.old_files_page))

    def set_files_mode(self, files: bool) -> None:
        if files != self.files_mode:
            self.files_mode = files
            self.retranslate()

    def _path(self) -> list[int]:
        """The pages of the chosen path, in order (the step list shows only these)."""
        if self.files_mode:
            shown = [
                self.welcome_page, self.old_files_page, self.new_account_page,
                self.preview_page, self.copy_page, self.done_page,
            ]  # fmt: skip
        else:
            shown = [page for page in self.page_list if page is not self.old_files_page]
        return [self.page_list.index(page) for page in shown]

    def _step_from(self, index: int, step: int) -> int:
        path = self._path()
        if index not in path:
            return max(0, min(index + step, len(self.page_list) - 1))
        position = max(0, min(path.index(index) + step, len(path) - 1))
        return path[position]

    def _show(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.steps.setCurrentRow(index)
        self._update_buttons()
        self._entered(self.current)

    def _leaving(self, page: WizardPage) -> None:
        if page is self.preview_page:
            self.copy_page.set_categories(self.preview_page.chosen_categories())
        old, new = self.old_files_page.summary, self.new_account_page.summary
        if page is self.new_account_page and self.files_mode and old and new:
            self.done_page.set_old_server_gone(old.handle, new.handle)

    def _entered(self, page: WizardPage) -> None:
        page.on_enter()
        QTimer.singleShot(0, lambda: self._focus_first(page))

    def _focus_first(self, page: WizardPage) -> None:
        if page is not self.current:
            return
        # The first enabled widget that takes the keyboard, else the Next button.
        for child in page.findChildren(QWidget):
            policy = child.focusPolicy()
            if (
                child.isVisible()
                and child.isEnabled()
                and policy & Qt.FocusPolicy.TabFocus
                and not isinstance(child, QLabel)
            ):
                child.setFocus(Qt.FocusReason.TabFocusReason)
                return
        self.next_button.setFocus()

    def _update_buttons(self, *_args: object) -> None:
        page = self.current
        index = self.pages.currentIndex()
        self.steps.setCurrentRow(index)
        self.back_button.setEnabled(index > 0 and page.can_go_back())
        self.next_button.setEnabled(page.is_complete())
        self.next_button.setText(page.next_text())

    def _files_preview(self, preview: Preview) -> None:
        """The preview page speaks of the Move; with the old server gone there is none."""
        page = self.preview_page
        page.servers.setVisible(not self.files_mode)
        if not self.files_mode:
            return
        known = sum(c.count for c in preview.categories if c.category is Category.FOLLOWERS)
        page.intro.setText(
            self.tr("Nothing has changed yet. Tick what Fedimove should copy to your new account.")
        )
        page.followers_summary.setText(
            self.tr(
                "Your followers cannot move: your old server is gone ({known} known from your "
                "files). The last page gives you a “we moved” post, and the report lists them."
            ).replace("{known}", str(known))
        )

    def _resumed(self, point: ResumePoint) -> None:
        codes = point.old_capabilities
        self.set_files_mode("old_server_gone" in codes)
        if self.files_mode:
            self.done_page.set_old_server_gone(point.old_handle, point.new_handle)
        self.move_page.set_accounts(point.new_handle, needs_password="move_password" in codes)

    def _old_files_read(self, _summary: AccountSummary) -> None:
        """The service forgot any old sign-in: so does the old account page."""
        page = self.old_account_page
        page.summary = None
        page.card.hide()
        page.set_complete(False)

    def _signed_in(self, role: str, summary: AccountSummary) -> None:
        if role == AccountRole.OLD.value:
            self.old_files_page.forget_check()  # the service forgot the files
            self.move_page.set_accounts(
                self.move_page.new_handle, needs_password="move_password" in summary.capabilities
            )
        else:
            self.move_page.set_accounts(
                summary.handle, needs_password=self.move_page.needs_password
            )
