from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from fedimove.ui.wizard import WizardWindow


def test_window_opens_offscreen_and_renders(qtbot: QtBot, tmp_path: Path) -> None:
    window = WizardWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.windowTitle() == "Fedimove"
    assert window.next_button.isEnabled()
    assert not window.back_button.isEnabled()
    shot = tmp_path / "window.png"
    assert window.grab().save(str(shot))
    assert shot.stat().st_size > 1000


def test_practice_mode_shows_a_banner(qtbot: QtBot) -> None:
    window = WizardWindow(practice=True)
    qtbot.addWidget(window)
    banner = window.findChild(QLabel, "practiceBanner")
    assert banner is not None
    assert "Practice mode" in banner.text()
    assert WizardWindow().findChild(QLabel, "practiceBanner") is None
