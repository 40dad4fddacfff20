"""Keyboard-only use: on every page, each Alt+letter reaches exactly one control. Two visible
controls with the same mnemonic (Back/Next included) make Alt+letter cycle between them, and
a person who relies on the keyboard cannot tell which one they are on. Checked in English
and in the shipped German translation."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from fedimove.ui.i18n import install_translator
from fedimove.ui.pages.wizard_controller import WizardController
from fedimove.ui.wizard import WizardWindow
from tests.ui.fake_service import FakeMigrationService

_MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _caption(widget: QWidget) -> str:
    if isinstance(widget, QGroupBox):
        return widget.title() if widget.isCheckable() else ""
    if isinstance(widget, QLabel):
        return widget.text() if widget.buddy() is not None else ""  # no buddy: no shortcut
    assert isinstance(widget, QAbstractButton)
    return widget.text()


def _keyed(window: WizardWindow) -> Iterator[tuple[str, str]]:
    page = window.current
    candidates: list[QWidget] = [window.back_button, window.next_button]
    for kind in (QAbstractButton, QLabel, QGroupBox):
        candidates += page.findChildren(kind)
    for widget in candidates:
        if widget.isVisibleTo(window):
            key = mnemonic(_caption(widget))
            if key is not None:
                yield key, _caption(widget)


@pytest.fixture(params=["en", "de"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    install_translator(qapp, request.param)
    try:
        yield request.param
    finally:
        install_translator(qapp, "en")


def test_mnemonic_helper_reads_qt_rules() -> None:
    assert mnemonic("&Back") == "b"
    assert mnemonic("Fish && &Chips") == "c"
    assert mnemonic("No && shortcut") is None


@pytest.mark.parametrize("files_path", [False, True], ids=["live", "files"])
def test_no_page_has_two_controls_on_one_alt_key(
    qtbot: QtBot, language: str, files_path: bool
) -> None:
    window = WizardWindow(WizardController(FakeMigrationService(), interval_ms=10))
    qtbot.addWidget(window)
    window.show()
    window.set_files_mode(files_path)
    clashes: dict[str, dict[str, list[str]]] = {}
    for page in window.page_list:
        # Shown without entering it (entering starts the page's work, not wanted here); the
        # Back/Next words follow the page.
        window.pages.setCurrentWidget(page)
        window._update_buttons()
        seen: dict[str, list[str]] = {}
        for key, caption in _keyed(window):
            seen.setdefault(key, []).append(caption)
        clash = {key: captions for key, captions in seen.items() if len(captions) > 1}
        if clash:
            clashes[page.name] = clash
    assert clashes == {}, f"{language}: {clashes}"
