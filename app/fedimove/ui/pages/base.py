"""What every wizard page shares: a title, one plain sentence on the decision, a status line,
and the signals the wizard listens to (the page became complete; it asks to go elsewhere)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QLayout, QVBoxLayout, QWidget

from fedimove.core.errors import FedimoveError
from fedimove.ui.errors import describe_error
from fedimove.ui.pages.wizard_controller import WizardController
from fedimove.ui.text import plain_line, tooltip_text


def plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = True) -> QLabel:
    """A label that never interprets its text as HTML (remote text is untrusted)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def set_form_rows(form: QFormLayout, rows: Sequence[tuple[str, QWidget | QLayout]]) -> None:
    """Add the rows the first time; later calls only change the labels' words (a language
    switch), so no label is ever left behind."""
    for index, (text, field) in enumerate(rows):
        if index < form.rowCount():
            item = form.itemAt(index, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                label.setText(text)
                continue
        label = QLabel(text)
        if isinstance(field, QWidget):
            label.setBuddy(field)  # Alt+letter and screen readers name the field
            form.addRow(label, field)
        else:
            form.addRow(label, field)


class ElidedLabel(QLabel):
    """One line of remote text, cut with "…" to fit, the whole text in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._full = ""
        self.setMinimumWidth(40)

    def set_full_text(self, text: str) -> None:
        self._full = plain_line(text)
        self.setToolTip(tooltip_text(self._full) if self._full else "")
        self.setAccessibleName(self._full)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = QFontMetrics(self.font())
        width = max(self.width(), 40)
        self.setText(metrics.elidedText(self._full, Qt.TextElideMode.ElideMiddle, width))


def title_font_label(text: str, parent: QWidget | None, scale: float = 1.4) -> QLabel:
    label = plain_label(text, parent)
    label.setObjectName("pageTitle")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


class WizardPage(QWidget):
    """A page of the wizard. Subclasses fill `self.body` and call `set_complete`."""

    complete_changed = Signal(bool)
    #: Asks the wizard to show another page (by name), e.g. after a resume.
    jump_requested = Signal(str)

    name = ""

    def __init__(self, controller: WizardController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._complete = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.title = title_font_label("", self)
        self.intro = plain_label("", self)
        self.body = QVBoxLayout()
        self.status = plain_label("", self)
        self.status.setObjectName("pageStatus")
        self.status.setAccessibleName(self.tr("Status"))
        self.error_box = plain_label("", self)
        self.error_box.setObjectName("pageError")
        self.error_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.error_box.setStyleSheet("#pageError { padding: 6px; border: 1px solid #c0262d; }")
        self.error_box.hide()
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addSpacing(6)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.error_box)
        layout.addWidget(self.status)
        controller.failed.connect(self._on_failed)

    # --- what the wizard asks ----------------------------------------------------------------

    def is_complete(self) -> bool:
        return self._complete

    def set_complete(self, complete: bool) -> None:
        if complete != self._complete:
            self._complete = complete
            self.complete_changed.emit(complete)

    def can_go_back(self) -> bool:
        return True

    def next_text(self) -> str:
        return self.tr("&Next")

    def on_enter(self) -> None:
        """Called each time the page is shown."""

    def operations(self) -> tuple[str, ...]:
        """The controller operations whose failures this page shows."""
        return ()

    def retranslate(self) -> None:
        """Set every text (again, after a language switch); subclasses call it once built."""

    # --- shared behaviour --------------------------------------------------------------------

    def show_error(self, error: FedimoveError | str) -> None:
        words = describe_error(error)
        self.error_box.setText(f"{words.title}\n{words.message}")
        self.error_box.show()

    def clear_error(self) -> None:
        self.error_box.clear()
        self.error_box.hide()

    def _on_failed(self, operation: str, error: object) -> None:
        if operation in self.operations() and isinstance(error, FedimoveError):
            self.show_error(error)
            self.on_failed(operation)

    def on_failed(self, operation: str) -> None:
        """A hook for pages that re-enable a button after a failure."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
