"""The wizard's window: a header, one page at a time, Back / Next at the bottom.

Pages arrive with the features they show (sign-in, preview, copy, move, followers); until then
the window shows the welcome page so the app starts and can be tested end to end.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)


class WelcomePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Move your Fediverse account"))
        title.setObjectName("pageTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        body = QLabel(
            self.tr(
                "Fedimove moves your account to a new server and brings your followers, "
                "follows, lists, bookmarks, blocks and mutes with it. It makes a backup first, "
                "shows you everything before it changes anything, and asks before the one step "
                "that cannot be undone."
            )
        )
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(title)
        layout.addWidget(body)
        layout.addStretch(1)


class WizardWindow(QMainWindow):
    def __init__(self, *, practice: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.practice = practice
        self.setWindowTitle(self.tr("Fedimove"))
        self.resize(860, 620)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        if practice:
            banner = QLabel(self.tr("Practice mode: nothing here touches a real account."), central)
            banner.setObjectName("practiceBanner")
            banner.setAccessibleName(self.tr("Practice mode banner"))
            banner.setStyleSheet(
                "#practiceBanner { background: #fff3c4; color: #3d3000; padding: 6px; }"
            )
            layout.addWidget(banner)
        self.pages = QStackedWidget(central)
        self.pages.addWidget(WelcomePage(self.pages))
        layout.addWidget(self.pages, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.back_button = QPushButton(self.tr("&Back"), central)
        self.back_button.setEnabled(False)
        self.next_button = QPushButton(self.tr("&Next"), central)
        self.next_button.setDefault(True)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout.addLayout(buttons)
        self.setCentralWidget(central)
