"""Guard against a Qt binding that loses references to None (PySide6 6.12.0 on Python 3.11).

PySide6-Essentials 6.12.0 returns `None` from every void method without taking a reference;
on Python 3.11 (where None is not immortal) the interpreter aborts after a few thousand calls
such as `QLabel.setText`. This test fails, rather than crashing later somewhere random, if such
a build is installed again.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel


def test_void_calls_keep_none_alive(qapp: object) -> None:
    label = QLabel()
    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(200):
        label.setText("a")
        timer.start(1000)
        timer.stop()
    assert sys.getrefcount(None) >= before - 20
