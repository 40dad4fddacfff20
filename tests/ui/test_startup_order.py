"""Start-up order (issue 8: the wizard visible under 2 s): in a fresh interpreter, the
window is shown and painted before the core service module is even imported, and the service
is handed over after that."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Run in a fresh interpreter: records, in order, the window shown, its first paint, the core
# service's import and the service's arrival, then leaves.
_ORDER_PROBE = """
import json, os, sys
events = []

class WatchImport:
    def find_spec(self, name, path=None, target=None):
        if name == "fedimove.core.service":
            events.append("service imported")
        return None

sys.meta_path.insert(0, WatchImport())
from PySide6.QtCore import QEvent, QObject
import fedimove.ui.late_service as late
import fedimove.ui.wizard as wizard

class WatchPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "painted" not in events:
            events.append("painted")
        return False

watch_paint = WatchPaint()
real_show = wizard.WizardWindow.show

def show(self):
    events.append("shown")
    self.installEventFilter(watch_paint)
    real_show(self)

real_arrive = late.LateService.arrive

def arrive(self, service):
    real_arrive(self, service)
    events.append("arrived")
    print(json.dumps(events), flush=True)
    os._exit(0)

wizard.WizardWindow.show = show
late.LateService.arrive = arrive
from fedimove.ui.main import main
main()
"""


def test_the_window_is_painted_before_the_core_service_is_even_imported(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "QT_QPA_PLATFORM": "offscreen",
    }
    done = subprocess.run(
        [sys.executable, "-c", _ORDER_PROBE],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    events = json.loads(done.stdout.strip().splitlines()[-1])
    assert events == ["shown", "painted", "service imported", "arrived"]
