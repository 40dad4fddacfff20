"""The crash dialog: what a user sees when Fedimove has a bug, with a report they can copy.

While the GUI runs, `install_crash_handler` makes this the `sys.excepthook` (PySide6 reports
an exception escaping a Qt slot there) and the event loop's exception handler (a task or
callback that failed with nobody awaiting it); the bridge hands its tasks' bugs to it too.
The report holds the traceback, Fedimove's, Python's, Qt's and the OS's versions, and nothing
secret: tokens, Authorization headers, passwords, passphrases and OAuth codes are redacted,
and the home folder becomes `~`. The dialog is shown without blocking (never `exec()` inside
a coroutine).
"""

from __future__ import annotations

import asyncio
import logging
import platform
import re
import sys
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from fedimove import __version__

_log = logging.getLogger(__name__)

REDACTED = "[redacted]"
_SENSITIVE_KEYS = (
    r"access_token|refresh_token|id_token|client_secret|code_verifier|token|password|passwd|"
    r"passphrase|secret|api_key|apikey|code|cookie|session"
)
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Header lines and dict items: `Authorization: Bearer x`, `'authorization': 'Bearer x'`.
    (
        re.compile(r"(?i)(['\"]?(?:proxy-)?authorization['\"]?\s*[:=]\s*)(['\"]?)[^'\"\n,}]+"),
        rf"\1\2{REDACTED}",
    ),
    (re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+"), rf"\1 {REDACTED}"),
    # Query strings and keyword arguments: `access_token=abc`, `password='x'`.
    (
        re.compile(rf"(?i)\b((?:{_SENSITIVE_KEYS})\s*=\s*)(['\"]?)[^&\s'\",)}}]+"),
        rf"\1\2{REDACTED}",
    ),
    # JSON and reprs: `"access_token": "abc"`.
    (
        re.compile(rf"(?i)(['\"](?:{_SENSITIVE_KEYS})['\"]\s*:\s*)(['\"])[^'\"]*"),
        rf"\1\2{REDACTED}",
    ),
)


def redact(text: str, *, home: Path | None = None) -> str:
    """`text` without secrets, and with the user's home folder shortened to `~`."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    home_text = str(home if home is not None else Path.home())
    if len(home_text) > 1:
        text = text.replace(home_text, "~")
    return text


def environment_summary() -> str:
    return "\n".join(
        (
            f"Fedimove: {__version__}",
            f"Python: {platform.python_version()} ({platform.python_implementation()})",
            f"Qt: {qVersion()}, PySide6: {pyside_version}",
            f"OS: {platform.system()} {platform.release()} ({platform.machine()})",
            f"Time: {datetime.now(UTC).isoformat(timespec='seconds')}",
        )
    )


def build_crash_report(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> str:
    trace = "".join(traceback.format_exception(kind, error, tb))
    return redact(f"{environment_summary()}\n\n{trace}")


class CrashDialog(QDialog):
    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fedimove had a problem"))
        self.setAccessibleName(self.tr("Crash report"))
        layout = QVBoxLayout(self)
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(size)
        )
        explanation = QLabel(
            self.tr(
                "Something went wrong inside Fedimove. What was done so far is saved, and you "
                "can continue where it stopped. Please copy the report below and send it to "
                "the developers. It contains no passwords or sign-in tokens."
            ),
            self,
        )
        explanation.setWordWrap(True)
        explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setPlainText(report)
        self.details.setAccessibleName(self.tr("Report"))
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("&Copy report"), self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        intro = QHBoxLayout()
        intro.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        intro.addWidget(explanation, 1)
        layout.addLayout(intro)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def add_report(self, report: str) -> None:
        """A second crash while the dialog is open goes into the same report."""
        self.details.appendPlainText("\n" + "-" * 40 + "\n" + report)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


LoopHandler = Callable[[asyncio.AbstractEventLoop, dict[str, Any]], object]


class CrashHandler:
    """`sys.excepthook` (and the loop's exception handler) while the GUI runs; `uninstall()`
    puts the previous ones back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        #: The window the dialog belongs to (set once it exists).
        self.parent = parent
        self._previous: ExceptHook = sys.excepthook
        self._loop: asyncio.AbstractEventLoop | None = None
        self._previous_loop_handler: LoopHandler | None = None
        self.dialog: CrashDialog | None = None
        self.reports: list[str] = []

    def __call__(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous(kind, error, tb)
            return
        report = build_crash_report(kind, error, tb)
        self.reports.append(report)
        _log.error("Unexpected error:\n%s", report)
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add_report(report)
            return
        self.dialog = CrashDialog(report, self.parent)
        self.dialog.open()

    def loop_exception(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        """The loop's exception handler: an error no one awaited is a bug like any other."""
        error = context.get("exception")
        if isinstance(error, Exception):
            self(type(error), error, error.__traceback__)
        else:  # a message without an exception (e.g. a slow callback): only logged
            loop.default_exception_handler(context)

    def install(self, loop: asyncio.AbstractEventLoop | None = None) -> CrashHandler:
        self._previous = sys.excepthook
        sys.excepthook = self
        if loop is not None:
            self._loop = loop
            self._previous_loop_handler = loop.get_exception_handler()
            loop.set_exception_handler(self.loop_exception)
        return self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous
        loop, self._loop = self._loop, None
        if loop is not None and loop.get_exception_handler() == self.loop_exception:
            loop.set_exception_handler(self._previous_loop_handler)


def install_crash_handler(
    parent: QWidget | None = None, loop: asyncio.AbstractEventLoop | None = None
) -> CrashHandler:
    return CrashHandler(parent).install(loop)
