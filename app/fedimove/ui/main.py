"""Start the wizard: one QApplication, one qasync event loop, one window."""

from __future__ import annotations

import asyncio
import contextlib
import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from fedimove import __version__
from fedimove.resources import icon_path
from fedimove.ui.wizard import WizardWindow


def make_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Fedimove")
    app.setApplicationDisplayName("Fedimove")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Fedimove")
    app.setDesktopFileName("app.fedimove.Fedimove")
    app.setWindowIcon(QIcon(str(icon_path())))
    return app


async def _run_window(app: QApplication, *, practice: bool) -> None:
    closed = asyncio.Event()
    app.aboutToQuit.connect(closed.set)
    window = WizardWindow(practice=practice)
    window.show()
    await closed.wait()


def run_gui(*, practice: bool = False) -> int:
    import qasync

    app = make_app()
    with contextlib.suppress(asyncio.CancelledError):  # raised by qasync when the app quits
        qasync.run(_run_window(app, practice=practice))
    return 0


def main() -> int:
    return run_gui(practice="--practice" in sys.argv)
