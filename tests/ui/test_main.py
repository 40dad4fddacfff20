"""What `ui/main.py` sets up around the wizard (issue 8): the window first, painted before the
core service is even imported (the start-up target), the service handed over once open; the
notice when sign-ins can only be kept in memory (and none on a real keyring or in practice
mode), and the crash handler, so a bug in a Qt slot, a loop callback or a bridge task shows the
crash dialog with a redacted report instead of ending Fedimove without a word."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from fedimove.core.errors import StorageError
from fedimove.core.progress import CancelToken, ProgressSink
from fedimove.core.storage.paths import AppPaths
from fedimove.ui import main as main_module
from fedimove.ui.crash import CrashDialog
from fedimove.ui.errors import describe_error
from fedimove.ui.late_service import LateService
from fedimove.ui.main import run_window
from fedimove.ui.widgets.notice_bar import NoticeBar
from fedimove.ui.wizard import WizardWindow

TIMEOUT = 60_000
SECRET = "-".join(("sec", "ret", "value"))


class _OnlyWhenChosen:
    """A priority keyring never sees on the class (so it never picks this backend by itself),
    while the instance a test installs reads as a real store."""

    def __get__(self, instance: object, owner: type | None = None) -> float:
        if instance is None:
            raise RuntimeError("chosen explicitly only")
        return 5.0


class SystemLikeKeyring(KeyringBackend):
    """Stands for the OS keyring: a store Fedimove accepts as persistent."""

    priority = _OnlyWhenChosen()

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.values.pop((service, username), None)


Starter = Callable[..., "Running"]
ChooseKeyring = Callable[[KeyringBackend], None]


@pytest.fixture
def use_keyring() -> Iterator[ChooseKeyring]:
    previous = keyring.get_keyring()

    def choose(backend: KeyringBackend) -> None:
        keyring.set_keyring(backend)

    yield choose
    keyring.set_keyring(previous)


def _window() -> WizardWindow | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, WizardWindow) and widget.isVisible():
            return widget
    return None


class Running:
    """`run_window` as the app runs it, on the test's qasync loop, until `stop()`; by then
    the window is up and its service (the one in `late`) has arrived."""

    def __init__(
        self,
        qtbot: QtBot,
        qapp: QApplication,
        late: list[LateService],
        *,
        practice: bool,
        home: Path,
    ) -> None:
        self.qtbot = qtbot
        self.closed = asyncio.Event()
        paths = None if practice else AppPaths.under(home).ensure()
        self.task = asyncio.ensure_future(
            run_window(qapp, practice=practice, paths=paths, closed=self.closed)
        )
        qtbot.waitUntil(lambda: _window() is not None or self.task.done(), timeout=TIMEOUT)
        assert not self.task.done(), self.task.exception()
        window = _window()
        assert window is not None
        self.window = window
        self.late = late[-1]
        qtbot.waitUntil(lambda: self.late.service is not None, timeout=TIMEOUT)

    def notices(self) -> list[NoticeBar]:
        return [bar for bar in self.window.findChildren(NoticeBar) if bar.isVisible()]

    def stop(self) -> None:
        self.closed.set()
        self.qtbot.waitUntil(self.task.done, timeout=TIMEOUT)
        self.window.close()
        self.window.deleteLater()
        self.task.result()


@pytest.fixture
def made_late_services(monkeypatch: pytest.MonkeyPatch) -> list[LateService]:
    """Every `LateService` `run_window` makes, so a test can wait for the real service."""
    made: list[LateService] = []

    class Recorded(LateService):
        def __init__(self) -> None:
            super().__init__()
            made.append(self)

    monkeypatch.setattr(main_module, "LateService", Recorded)
    return made


@pytest.fixture
def start(
    qtbot: QtBot,
    qapp: QApplication,
    qloop: asyncio.AbstractEventLoop,
    tmp_path: Path,
    made_late_services: list[LateService],
) -> Iterator[Starter]:
    running: list[Running] = []

    def starter(*, practice: bool = False) -> Running:
        home = tmp_path / "home"
        running.append(Running(qtbot, qapp, made_late_services, practice=practice, home=home))
        return running[-1]

    yield starter
    for run in running:
        if not run.task.done():
            run.stop()


def test_without_a_keyring_a_notice_says_sign_ins_last_until_fedimove_closes(
    start: Starter, use_keyring: ChooseKeyring
) -> None:
    use_keyring(keyring.backends.fail.Keyring())  # type: ignore[no-untyped-call]
    run = start()
    notices = run.notices()
    assert len(notices) == 1
    bar = notices[0]
    words = bar.text()
    for expected in ("only until Fedimove closes", "sign in", "again", "keyring"):
        assert expected in words
    assert bar.accessibleName() == bar.heading.text()
    # At the top of the window, above the pages; not a dialog in the way.
    central = run.window.centralWidget()
    assert central is not None
    assert central.layout().itemAt(0).widget() is bar  # type: ignore[union-attr]
    assert run.window.next_button.isEnabled()
    run.stop()


def test_with_a_real_keyring_there_is_no_notice(start: Starter, use_keyring: ChooseKeyring) -> None:
    use_keyring(SystemLikeKeyring())
    run = start()
    assert run.notices() == []
    run.stop()


def test_practice_mode_keeps_sign_ins_in_memory_without_a_notice(
    start: Starter, use_keyring: ChooseKeyring
) -> None:
    use_keyring(keyring.backends.fail.Keyring())  # type: ignore[no-untyped-call]
    run = start(practice=True)
    assert run.window.practice
    assert run.notices() == []
    # The demo accounts are filled in once the practice Fediverse runs.
    old_handle = run.window.old_account_page.handle_edit.text()
    assert old_handle.startswith("@")
    assert "127.0.0.1:" in old_handle
    assert run.window.banner is not None
    assert " / " in run.window.banner.text()
    run.stop()


def _crash_dialogs() -> list[CrashDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog)]


def _wait_for_report(qtbot: QtBot, needle: str) -> CrashDialog:
    def shown() -> CrashDialog | None:
        for dialog in _crash_dialogs():
            if dialog.isVisible() and needle in dialog.details.toPlainText():
                return dialog
        return None

    qtbot.waitUntil(lambda: shown() is not None, timeout=TIMEOUT)
    dialog = shown()
    assert dialog is not None
    return dialog


@pytest.mark.qt_no_exception_capture
def test_the_app_shows_the_crash_dialog_for_bugs_in_slots_callbacks_and_tasks(
    qtbot: QtBot, start: Starter
) -> None:
    before = sys.excepthook
    run = start()
    assert sys.excepthook is not before  # installed for the run

    def slot_bug() -> None:
        raise ZeroDivisionError(f"in a Qt slot access_token={SECRET}")

    def callback_bug() -> None:
        raise LookupError(f"in a loop callback password={SECRET}")

    async def task_bug(progress: ProgressSink, cancel: CancelToken) -> None:
        raise KeyError(f"in a bridge task Authorization: Bearer {SECRET}")

    QTimer.singleShot(0, slot_bug)
    dialog = _wait_for_report(qtbot, "ZeroDivisionError")
    assert dialog.parent() is run.window
    asyncio.get_running_loop().call_soon(callback_bug)
    _wait_for_report(qtbot, "LookupError")
    run.window.controller.bridge.start("bug", task_bug)
    dialog = _wait_for_report(qtbot, "KeyError")
    report = dialog.details.toPlainText()
    assert SECRET not in report
    assert report.count("[redacted]") >= 3
    assert run.window.isVisible()  # Fedimove is still there
    dialog.close()
    run.stop()
    assert sys.excepthook is before  # put back when the window's run ends


def test_a_journal_that_cannot_be_opened_is_said_in_plain_words(
    qtbot: QtBot, qapp: QApplication, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    paths = AppPaths.under(tmp_path / "home").ensure()
    paths.journal.mkdir()  # a journal Fedimove cannot open
    closed = asyncio.Event()
    task = asyncio.ensure_future(run_window(qapp, practice=False, paths=paths, closed=closed))

    def notice() -> QMessageBox | None:
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == "startupFailed" and widget.isVisible():
                assert isinstance(widget, QMessageBox)
                return widget
        return None

    qtbot.waitUntil(lambda: notice() is not None, timeout=TIMEOUT)
    box = notice()
    assert box is not None
    words = describe_error(StorageError("journal file error"))
    assert (box.text(), box.informativeText()) == (words.title, words.message)
    assert not task.done()  # it stays until the person closes it
    assert not any(dialog.isVisible() for dialog in _crash_dialogs())  # not a bug
    assert _window() is None  # the wizard, shown first, went: it cannot work without a journal
    box.close()
    closed.set()
    qtbot.waitUntil(task.done, timeout=TIMEOUT)
    task.result()


@pytest.mark.qt_no_exception_capture
def test_a_bug_before_the_window_opens_shows_the_crash_dialog(
    qtbot: QtBot,
    qapp: QApplication,
    qloop: asyncio.AbstractEventLoop,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*args: object, **kwargs: object) -> WizardWindow:
        raise TypeError(f"a bug while building the window token={SECRET}")

    monkeypatch.setattr(main_module, "build_window", broken)
    closed = asyncio.Event()
    paths = AppPaths.under(tmp_path / "home").ensure()
    task = asyncio.ensure_future(run_window(qapp, practice=False, paths=paths, closed=closed))
    dialog = _wait_for_report(qtbot, "TypeError: a bug while building the window")
    assert SECRET not in dialog.details.toPlainText()
    assert not task.done()
    dialog.close()
    closed.set()
    qtbot.waitUntil(task.done, timeout=TIMEOUT)
    task.result()


@pytest.mark.qt_no_exception_capture
def test_a_bug_while_opening_the_service_shows_the_crash_dialog_and_ends_waiting_work(
    qtbot: QtBot,
    qapp: QApplication,
    qloop: asyncio.AbstractEventLoop,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from fedimove.core.service import FedimoveService

    def broken(*args: object, **kwargs: object) -> FedimoveService:
        raise TypeError(f"a bug while opening the service token={SECRET}")

    monkeypatch.setattr(FedimoveService, "create", broken)
    shown: list[WizardWindow] = []
    real_show = WizardWindow.show

    def show(window: WizardWindow) -> None:
        shown.append(window)
        real_show(window)

    monkeypatch.setattr(WizardWindow, "show", show)
    closed = asyncio.Event()
    paths = AppPaths.under(tmp_path / "home").ensure()
    task = asyncio.ensure_future(run_window(qapp, practice=False, paths=paths, closed=closed))
    dialog = _wait_for_report(qtbot, "TypeError: a bug while opening the service")
    assert SECRET not in dialog.details.toPlainText()
    [window] = shown  # the window came first
    assert not window.isVisible()
    # The welcome page's lookup, waiting for the service, does not wait forever.
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=TIMEOUT)
    assert not task.done()
    dialog.close()
    closed.set()
    qtbot.waitUntil(task.done, timeout=TIMEOUT)
    task.result()
    window.deleteLater()
