"""A notice across the top of the window: something the person should know that does not stop
them (unlike a dialog), and stays in view for as long as it is true.

Plain text only, a heading and a sentence or three; its accessible name and description carry
the same words, so a screen reader announces them when the window gets focus.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QVBoxLayout, QWidget

from fedimove.ui.labels import palette_is_dark

#: Soft amber in a light palette, a deep one in a dark palette: noticeable, not alarming.
_COLOURS = {False: ("#fff3c4", "#3d3000", "#e0c060"), True: ("#3d3200", "#fff3c4", "#806a20")}


class NoticeBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable, so it can be read out
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        self.heading = self._label(bold=True)
        self.message = self._label(bold=False)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.heading)
        words.addWidget(self.message)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(words, 1)
        self._restyle()

    def _label(self, *, bold: bool) -> QLabel:
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if bold:
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        return label

    def set_notice(self, heading: str, message: str) -> None:
        self.heading.setText(heading)
        self.message.setText(message)
        self.setAccessibleName(heading)
        self.setAccessibleDescription(message)
        self.setToolTip(message)

    def text(self) -> str:
        return f"{self.heading.text()}\n{self.message.text()}"

    def _restyle(self) -> None:
        # The surroundings' palette: our own carries the style sheet's colours.
        around = self.parentWidget()
        palette = around.palette() if around is not None else QGuiApplication.palette()
        background, foreground, border = _COLOURS[palette_is_dark(palette)]
        sheet = (
            f"#noticeBar {{ background: {background}; border: 1px solid {border}; }}"
            f"#noticeBar QLabel {{ color: {foreground}; background: transparent; }}"
        )
        if sheet != self.styleSheet():  # setting it sends a change event of its own
            self.setStyleSheet(sheet)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()
        super().changeEvent(event)


class SignInsInMemoryNotice(NoticeBar):
    """No usable keyring: the sign-ins live in memory and end with this run of Fedimove."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.retranslate()

    def retranslate(self) -> None:
        self.set_notice(
            self.tr("Your sign-ins are kept only until Fedimove closes"),
            self.tr(
                "Fedimove found no password store (keyring) it can use on this computer, so "
                "it keeps your sign-ins in memory. Nothing is lost if you close Fedimove "
                "before the move is finished: it goes on where it stopped, but you will have "
                "to sign in to both accounts again first. To have your sign-ins remembered, "
                "install or unlock your system's keyring (for example GNOME Keyring or "
                "KWallet), then start Fedimove again."
            ),
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
