"""Start the wizard: one QApplication, one qasync event loop, one service, one window.

The window is shown and painted first; only then is the core service imported and opened
(most of a second), and handed over: until it arrives the wizard talks to a `LateService`,
whose calls wait for it. With `--practice` the practice Fediverse is served on the same loop
(`ui/practice.py`) and the demo accounts are filled in once it runs. Without a usable keyring
the sign-ins are kept in memory, and a notice at the top of the window says so for as long as
it runs. The crash handler is installed for the whole run.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QBoxLayout, QMessageBox, QWidget

from fedimove import __version__
from fedimove.core.errors import CancelledError, FedimoveError
from fedimove.core.service_api import MigrationService
from fedimove.resources import icon_path
from fedimove.ui.crash import CrashHandler, install_crash_handler
from fedimove.ui.errors import describe_error
from fedimove.ui.i18n import install_translator
from fedimove.ui.late_service import LateService
from fedimove.ui.pages.wizard_controller import WizardController
from fedimove.ui.widgets.notice_bar import SignInsInMemoryNotice
from fedimove.ui.wizard import WizardWindow

if TYPE_CHECKING:
    from fedimove.core.storage.paths import AppPaths
    from fedimove.ui.practice import DemoLogin

#: How long the service waits for the window's first paint (a minimized window never paints).
FIRST_PAINT_WAIT_S = 1.0


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
    service: MigrationService
    #: The practice accounts to fill in (practice mode only).
    demos: list[DemoLogin] = field(default_factory=list)
    #: False: no usable keyring, sign-ins live in memory until Fedimove closes.
    remembers_sign_ins: bool = True


@contextlib.asynccontextmanager
async def open_session(practice: bool, paths: AppPaths | None = None) -> AsyncIterator[Session]:
    """The core service (and, in practice mode, the demo accounts to fill in). The core is
    imported here, not at the top: the window shows before it (the start-up target)."""
    if practice:
        from fedimove.ui.practice import practice_session  # serves the practice Fediverse

        async with practice_session() as session:
            # Practice sign-ins are kept in memory on purpose: nothing to tell.
            yield Session(session.service, [session.old, session.new])
        return
    from fedimove.core.service import FedimoveService
    from fedimove.core.storage.paths import AppPaths
    from fedimove.core.storage.secrets import SecretStore

    secrets = SecretStore.open(allow_session=True)
    service = FedimoveService.create(paths or AppPaths.default().ensure(), secrets)
    try:
        yield Session(service, remembers_sign_ins=secrets.persistent)
    finally:
        await service.aclose()


def build_window(
    service: MigrationService, *, practice: bool, crash: CrashHandler | None = None
) -> WizardWindow:
    controller = WizardController(service, crash_handler=crash)
    window = WizardWindow(controller, practice=practice)
    if crash is not None:
        crash.parent = window
    return window


def show_session(window: WizardWindow, session: Session, *, practice: bool) -> None:
    """What the session tells the person: the keyring notice, the practice accounts."""
    if not practice and not session.remembers_sign_ins:
        central = window.centralWidget()
        layout = central.layout() if central is not None else None
        assert isinstance(layout, QBoxLayout)  # the window's outer column
        notice = SignInsInMemoryNotice(central)
        layout.insertWidget(0, notice)
        notice.show()  # the window is already up: say it now, not at the next turn
    if session.demos:
        old, new = session.demos
        window.prefill(old.handle, new.handle)
        window.show_practice_logins([(demo.login, demo.password) for demo in session.demos])


class _PaintWatch(QObject):
    """Sets `painted` at the watched widget's first paint."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.painted = asyncio.Event()
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted.set()
        return False


async def show_painted(window: WizardWindow) -> None:
    """Show the window and return once it has been painted (or after `FIRST_PAINT_WAIT_S`)."""
    watch = _PaintWatch(window)
    window.show()
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(watch.painted.wait(), FIRST_PAINT_WAIT_S)
    window.removeEventFilter(watch)
    watch.deleteLater()


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
    late = LateService()
    window: WizardWindow | None = None
    try:
        window = build_window(late, practice=practice, crash=crash)
        await show_painted(window)
        window.start()  # the first page's work waits for the service
        async with open_session(practice, paths) as session:
            late.arrive(session.service)
            show_session(window, session, practice=practice)
            await closed.wait()
            window.controller.shutdown()
    except FedimoveError as error:  # the service could not be opened, e.g. an unreadable journal
        notice = _startup_failed(error)
        _retire(window, late)
        await closed.wait()  # closing the notice, the last window, quits the app
        notice.deleteLater()
    except Exception as error:  # a bug
        crash.parent = None  # the window goes: the dialog stands alone
        crash(type(error), error, error.__traceback__)
        _retire(window, late)
        await closed.wait()
    finally:
        crash.uninstall()
        with contextlib.suppress(RuntimeError):  # a test's window: the app lives on
            app.aboutToQuit.disconnect(closed.set)


def _retire(window: WizardWindow | None, late: LateService) -> None:
    """Without a service the wizard can do nothing: end the work waiting for it (as cancelled:
    the notice or crash dialog, shown first, says why) and close the window."""
    if window is None:
        return
    # Not `controller.shutdown()`: a task cancelled before its first step would stay "busy".
    late.fail(CancelledError("Fedimove could not start"))
    window.close()


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
