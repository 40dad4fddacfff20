"""Start-up of the wizard: from a fresh interpreter to the first window painted.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_startup.py [--runs 5] [--imports]

Runs the real entry points in fresh processes, `fedimove` (the command: parses its
sub-commands only when it has one, then opens the wizard) and `fedimove-gui` (the desktop
entry, `fedimove.ui.main:main`), in a throw-away home folder. Two moments of each start:
*shown*, the wizard window shown and painted (what issue 8's "visible under 2 s" means), and
*ready*, the core service opened and handed to it (`LateService.arrive`: the pages' work runs
from then on; what they started before waits for it). Reports the wall time from the process's
launch (what a user waits; on a shared machine it also measures the neighbours) and the
process's CPU time by then (its own work).
`--imports` also lists where import time goes, grouped by package (`python -X importtime`).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ENTRIES = {
    "fedimove": "from fedimove.cli import main; main([])",
    "fedimove-gui": "from fedimove.ui.main import main; main()",
}
# Notes the two moments: the window's first paint, and the service's arrival (then leaves).
_PROBE = """
import json, os, sys, time
from PySide6.QtCore import QEvent, QObject
import fedimove.ui.late_service as _late
import fedimove.ui.wizard as _wizard
_moments = {}
class _FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "shown" not in _moments:
            _moments["shown"] = {"cpu": time.process_time(), "at": time.time()}
        return False
_first_paint = _FirstPaint()
_show = _wizard.WizardWindow.show
def _shown(self):
    self.installEventFilter(_first_paint)
    _show(self)
_wizard.WizardWindow.show = _shown
_arrive = _late.LateService.arrive
def _arrived(self, service):
    _arrive(self, service)
    _moments["ready"] = {"cpu": time.process_time(), "at": time.time()}
    print(json.dumps(_moments), flush=True)
    os._exit(0)
_late.LateService.arrive = _arrived
"""
MOMENTS = ("shown", "ready")


def _environment(home: str) -> dict[str, str]:
    return {
        **os.environ,
        "HOME": home,
        "XDG_DATA_HOME": os.path.join(home, "data"),
        "XDG_CONFIG_HOME": os.path.join(home, "config"),
        "XDG_STATE_HOME": os.path.join(home, "state"),
        "XDG_CACHE_HOME": os.path.join(home, "cache"),
        # No desktop keyring in a bench: fail fast instead of waiting for D-Bus.
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
    }


def one_start(
    entry: str, extra: tuple[str, ...] = ()
) -> tuple[dict[str, tuple[float, float]], str]:
    """{moment: (wall seconds since launch, CPU seconds)} of one start of `entry` in a fresh
    process, and its stderr."""
    with tempfile.TemporaryDirectory(prefix="fedimove-start-") as home:
        launched = time.time()
        done = subprocess.run(
            [sys.executable, *extra, "-c", _PROBE + ENTRIES[entry]],
            env=_environment(home),
            capture_output=True,
            text=True,
            check=True,
        )
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    moments = {
        name: (float(figures[name]["at"]) - launched, float(figures[name]["cpu"]))
        for name in MOMENTS
    }
    return moments, done.stderr


def measure(entry: str, runs: int) -> dict[str, dict[str, float]]:
    walls: dict[str, list[float]] = {name: [] for name in MOMENTS}
    cpus: dict[str, list[float]] = {name: [] for name in MOMENTS}
    for _ in range(runs):
        moments, _ = one_start(entry)
        for name, (wall, cpu) in moments.items():
            walls[name].append(wall)
            cpus[name].append(cpu)
    return {
        name: {
            "wall_median": statistics.median(walls[name]),
            "wall_best": min(walls[name]),
            "cpu_median": statistics.median(cpus[name]),
            "cpu_best": min(cpus[name]),
        }
        for name in MOMENTS
    }


def import_groups(entry: str) -> list[tuple[str, float]]:
    """Seconds of import time (self, summed) per package, largest first."""
    _, stderr = one_start(entry, ("-X", "importtime"))
    groups: dict[str, float] = collections.defaultdict(float)
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, _, name = line[len("import time:") :].split("|")
        parts = name.strip().split(".")
        key = ".".join(parts[:3] if parts[:2] == ["fedimove", "ui"] else parts[:2])
        groups[key if parts[0] == "fedimove" else parts[0]] += int(own) / 1e6
    return sorted(groups.items(), key=lambda item: -item[1])[:15]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--imports", action="store_true")
    args = parser.parse_args()
    print(f"load average before: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for entry in ENTRIES:
        figures = measure(entry, args.runs)
        for name in MOMENTS:
            f = figures[name]
            print(
                f"{entry}: {name} after {f['wall_median']:.2f} s wall (median of {args.runs}, "
                f"best {f['wall_best']:.2f}), {f['cpu_median']:.2f} s CPU "
                f"(best {f['cpu_best']:.2f})"
            )
    print(f"load average after: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.imports:
        for entry in ENTRIES:
            print(f"\nimport time of `{entry}` until ready, by package (self s, -X importtime):")
            for name, seconds in import_groups(entry):
                print(f"  {seconds:6.3f}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
