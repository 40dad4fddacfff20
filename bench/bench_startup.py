"""Start-up of the wizard: from a fresh interpreter to the first window painted.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_startup.py [--runs 5] [--imports]

Runs the real entry points in fresh processes, `fedimove` (the command: parses its
sub-commands, then opens the wizard) and `fedimove-gui` (the desktop entry,
`fedimove.ui.main:main`), in a throw-away home folder, and stops each when the wizard window
has been shown and painted. Reports the wall time (what a user waits; on a shared machine it
also measures the neighbours) and the process's CPU time by then (its own work).
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
# Replaces WizardWindow.show for the measurement: paint, report, leave at once.
_PROBE = """
import json, os, sys, time
import fedimove.ui.wizard as _wizard
_show = _wizard.WizardWindow.show
def _shown(self):
    _show(self)
    from PySide6.QtWidgets import QApplication
    QApplication.processEvents()
    print(json.dumps({"cpu": time.process_time()}), flush=True)
    os._exit(0)
_wizard.WizardWindow.show = _shown
"""


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


def one_start(entry: str, extra: tuple[str, ...] = ()) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds, stderr) of one start of `entry` in a fresh process."""
    with tempfile.TemporaryDirectory(prefix="fedimove-start-") as home:
        began = time.perf_counter()
        done = subprocess.run(
            [sys.executable, *extra, "-c", _PROBE + ENTRIES[entry]],
            env=_environment(home),
            capture_output=True,
            text=True,
            check=True,
        )
        wall = time.perf_counter() - began
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    return wall, float(figures["cpu"]), done.stderr


def measure(entry: str, runs: int) -> dict[str, float]:
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu, _ = one_start(entry)
        walls.append(wall)
        cpus.append(cpu)
    return {
        "wall_median": statistics.median(walls),
        "wall_best": min(walls),
        "cpu_median": statistics.median(cpus),
        "cpu_best": min(cpus),
    }


def import_groups(entry: str) -> list[tuple[str, float]]:
    """Seconds of import time (self, summed) per package, largest first."""
    _, _, stderr = one_start(entry, ("-X", "importtime"))
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
        f = measure(entry, args.runs)
        print(
            f"{entry}: window shown after {f['wall_median']:.2f} s wall (median of {args.runs}, "
            f"best {f['wall_best']:.2f}), {f['cpu_median']:.2f} s CPU (best {f['cpu_best']:.2f})"
        )
    print(f"load average after: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.imports:
        for entry in ENTRIES:
            print(f"\nimport time of `{entry}` by package (self seconds, -X importtime):")
            for name, seconds in import_groups(entry):
                print(f"  {seconds:6.3f}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
