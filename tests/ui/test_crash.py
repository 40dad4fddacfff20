"""The crash report: useful, copyable, and never holding a secret."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from fedimove.ui.crash import REDACTED, CrashHandler, build_crash_report, redact

SECRETS = {
    "Authorization: Bearer abc.DEF-123": "abc.DEF-123",
    "headers={'authorization': 'Bearer tok_456'}": "tok_456",
    "https://old.example/oauth/token?grant_type=x&code=AUTHCODE789&state=s": "AUTHCODE789",
    '{"access_token": "ZZZ-token-000", "token_type": "Bearer"}': "ZZZ-token-000",
    "move(password='hunter2', handle='@b@new')": "hunter2",
    "client_secret=cs_secret_1 redirect": "cs_secret_1",
    'unlock(passphrase="correct horse")': "correct horse",
    "?access_token=qs_tok_9&x=1": "qs_tok_9",
}


@pytest.mark.parametrize("line", SECRETS)
def test_redact_removes_each_kind_of_secret(line: str) -> None:
    cleaned = redact(line)
    assert SECRETS[line] not in cleaned
    assert REDACTED in cleaned


def test_redact_keeps_what_helps_and_hides_the_home_folder() -> None:
    text = 'File "/home/alice/app.py", line 3, handle=@a@old.example state=ok'
    assert redact(text, home=Path("/home/alice")) == (
        'File "~/app.py", line 3, handle=@a@old.example state=ok'
    )


def failing_call(token: str) -> None:
    raise RuntimeError(f"request failed: Authorization: Bearer {token}")


def test_report_has_versions_and_traceback_without_the_token() -> None:
    token = "-".join(("live", "token", "123"))  # not in the source lines the traceback quotes
    try:
        failing_call(token)
    except RuntimeError:
        kind, error, tb = sys.exc_info()
        assert kind is not None
        assert error is not None
        report = build_crash_report(kind, error, tb)
    for expected in ("Fedimove:", "Qt:", "Python:", "OS:", "failing_call"):
        assert expected in report
    assert token not in report


def test_handler_shows_a_dialog_with_a_copyable_report(qtbot: QtBot) -> None:
    token = "-".join(("tok", "in", "dialog"))
    handler = CrashHandler().install()
    try:
        try:
            failing_call(token)
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
        assert handler.dialog is not None
        qtbot.addWidget(handler.dialog)
        assert handler.dialog.isVisible()
        handler.dialog.copy_button.click()
        copied = QGuiApplication.clipboard().text()
        assert "failing_call" in copied
        assert token not in copied
        try:
            raise ValueError("second")
        except ValueError:
            sys.excepthook(*sys.exc_info())
        assert "ValueError: second" in handler.dialog.details.toPlainText()
    finally:
        handler.uninstall()
    assert sys.excepthook is not handler


def test_the_loop_handler_shows_errors_and_only_logs_messages(qtbot: QtBot) -> None:
    loop = asyncio.new_event_loop()
    try:
        previous = loop.get_exception_handler()
        handler = CrashHandler().install(loop)
        assert loop.get_exception_handler() == handler.loop_exception
        loop.call_exception_handler({"message": "slow callback"})  # no exception: not a crash
        assert handler.reports == []
        error = RuntimeError("boom in a task")
        loop.call_exception_handler({"message": "Task exception", "exception": error})
        assert len(handler.reports) == 1
        assert "RuntimeError: boom in a task" in handler.reports[0]
        assert handler.dialog is not None
        qtbot.addWidget(handler.dialog)
        handler.uninstall()
        assert loop.get_exception_handler() is previous
    finally:
        loop.close()
