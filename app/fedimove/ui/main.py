"""Start the wizard: one QApplication, one qasync event loop, one service, one window.

With `--practice` the practice Fediverse is served on the same loop (`ui/practice.py`) and the
wizard opens with its demo accounts filled in.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from fedimove import __version__
from fedimove.core.service import FedimoveService
from fedimove.core.storage.paths import AppPaths
from fedimove.core.storage.secrets import SecretStore
from fedimove.resources import icon_path
from fedimove.ui.i18n import install_translator
from fedimove.ui.pages.wizard_controller import WizardController

if TYPE_CHECKING:
    from fedimove.ui.practice import DemoLogin
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


@contextlib.asynccontextmanager
async def _service(practice: bool) -> AsyncIterator[tuple[FedimoveService, list[DemoLogin]]]:
    """The core service (and, in practice mode, the demo accounts to fill in)."""
    if practice:
        from fedimove.ui.practice import practice_session  # serves the practice Fediverse

        async with practice_session() as session:
            yield session.service, [session.old, session.new]
        return
    service = FedimoveService.create(
        AppPaths.default().ensure(), SecretStore.open(allow_session=True)
    )
    try:
        yield service, []
    finally:
        await service.aclose()


async def _run_window(app: QApplication, *, practice: bool) -> None:
    closed = asyncio.Event()
    app.aboutToQuit.connect(closed.set)
    async with _service(practice) as (service, demos):
        controller = WizardController(service)
        window = WizardWindow(controller, practice=practice)
        if demos:
            window.prefill(demos[0].handle, demos[1].handle)
            window.show_practice_logins([(demo.login, demo.password) for demo in demos])
        window.show()
        window.start()
        await closed.wait()
        controller.shutdown()


def run_gui(*, practice: bool = False) -> int:
    import qasync

    app = make_app()
    install_translator(app)
    with contextlib.suppress(asyncio.CancelledError):  # raised by qasync when the app quits
        qasync.run(_run_window(app, practice=practice))
    return 0


def main() -> int:
    return run_gui(practice="--practice" in sys.argv)
