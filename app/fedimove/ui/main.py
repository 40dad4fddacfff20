"""Start the wizard: one QApplication, one qasync event loop, one service, one window.

With `--practice` the practice Fediverse is served on the same loop (`ui/practice.py`) and the
wizard opens with its demo accounts filled in. Without a usable keyring the sign-ins are kept in
memory, and a notice at the top of the window says so for as long as it runs. The crash
handler is installed for the whole run.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QBoxLayout, QMessageBox

from fedimove import __version__
from fedimove.core.errors import FedimoveError
from fedimove.core.service import FedimoveService
from fedimove.core.storage.paths import AppPaths
from fedimove.core.storage.secrets import SecretStore
from fedimove.resources import icon_path
from fedimove.ui.crash import CrashHandler, install_crash_handler
from fedimove.ui.errors import describe_error
from fedimove.ui.i18n import install_translator
from fedimove.ui.pages.wizard_controller import WizardController
from fedimove.ui.widgets.notice_bar import SignInsInMemoryNotice
from fedimove.ui.wizard import WizardWindow

if TYPE_CHECKING:
    from fedimove.ui.practice import DemoLogin


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


@dataclass(frozen=True, slots=True)
class Session:
    service: FedimoveService
    #: The practice accounts to fill in (practice mode only).
    demos: list[DemoLogin] = field(default_factory=list)
    #: False: no usable keyring, sign-ins live in memory until Fedimove closes.
    remembers_sign_ins: bool = True


@contextlib.asynccontextmanager
async def open_session(practice: bool, paths: AppPaths | None = None) -> AsyncIterator[Session]:
    """The core service (and, in practice mode, the demo accounts to fill in)."""
    if practice:
        from fedimove.ui.practice import practice_session  # serves the practice Fediverse

        async with practice_session() as session:
            # Practice sign-ins are kept in memory on purpose: nothing to tell.
            yield Session(session.service, [session.old, session.new])
        return
    secrets = SecretStore.open(allow_session=True)
    service = FedimoveService.create(paths or AppPaths.default().ensure(), secrets)
    try:
        yield Session(service, remembers_sign_ins=secrets.persistent)
    finally:
        await service.aclose()


def build_window(
    session: Session, *, practice: bool, crash: CrashHandler | None = None
) -> WizardWindow:
    controller = WizardController(session.service, crash_handler=crash)
    window = WizardWindow(controller, practice=practice)
    if crash is not None:
        crash.parent = window
    if not practice and not session.remembers_sign_ins:
        central = window.centralWidget()
        layout = central.layout() if central is not None else None
        assert isinstance(layout, QBoxLayout)  # the window's outer column
        layout.insertWidget(0, SignInsInMemoryNotice(central))
    if session.demos:
        old, new = session.demos
        window.prefill(old.handle, new.handle)
        window.show_practice_logins([(demo.login, demo.password) for demo in session.demos])
    return window


async def run_window(
    app: QApplication,
    *,
    practice: bool,
    paths: AppPaths | None = None,
    closed: asyncio.Event | None = None,
) -> None:
    """Show the wizard until the app quits (or `closed` is set). A bug anywhere (a Qt slot, a
    task, a callback) shows the crash dialog instead of ending Fedimove without a word."""
    closed = closed or asyncio.Event()
    app.aboutToQuit.connect(closed.set)
    crash = install_crash_handler(loop=asyncio.get_running_loop())
    try:
        async with open_session(practice, paths) as session:
            window = build_window(session, practice=practice, crash=crash)
            window.show()
            window.start()
            await closed.wait()
            window.controller.shutdown()
    except FedimoveError as error:  # before the window was up, e.g. an unreadable journal
        notice = _startup_failed(error)
        await closed.wait()  # closing the notice, the last window, quits the app
        notice.deleteLater()
    except Exception as error:  # a bug before the window was up
        crash(type(error), error, error.__traceback__)
        await closed.wait()
    finally:
        crash.uninstall()
        with contextlib.suppress(RuntimeError):  # a test's window: the app lives on
            app.aboutToQuit.disconnect(closed.set)


def _startup_failed(error: FedimoveError) -> QMessageBox:
    """Fedimove cannot start: the error's own words, in a box that does not block the loop."""
    words = describe_error(error)
    box = QMessageBox(QMessageBox.Icon.Warning, "Fedimove", words.title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(words.message)
    box.setObjectName("startupFailed")
    box.open()
    return box


def run_gui(*, practice: bool = False) -> int:
    import qasync

    app = make_app()
    install_translator(app)
    with contextlib.suppress(asyncio.CancelledError):  # raised by qasync when the app quits
        qasync.run(run_window(app, practice=practice))
    return 0


def main() -> int:
    return run_gui(practice="--practice" in sys.argv)
