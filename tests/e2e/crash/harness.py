"""The crash harness (DESIGN §0.18): practice servers in one long-lived process over loopback,
the copy client in a subprocess killed with SIGKILL at seeded random moments, then resumed,
again and again, until a run finishes. The reliability work raises the number of kills and adds
faults; the pieces stay these.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[3]
OLD, NEW = "old.practice", "new.practice"
#: A client run that never finishes is a bug, not a slow machine.
RUN_TIMEOUT = 120.0


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(extra or {})
    return env


class PracticeServer:
    """`practice_server.py` in a child process, spoken to over its stdin/stdout."""

    def __init__(self, scenario: str = "small", seed: int = 1) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.e2e.crash.practice_server", scenario, str(seed)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=_env(),
        )
        ready = self._read()
        self.origins: dict[str, str] = ready["origins"]

    def _read(self) -> Any:
        stdout = self.process.stdout
        assert stdout is not None
        line = stdout.readline()
        if not line:
            raise RuntimeError("the practice server stopped")
        return json.loads(line)

    def ask(self, command: str) -> Any:
        stdin: IO[str] | None = self.process.stdin
        assert stdin is not None
        stdin.write(command + "\n")
        stdin.flush()
        return self._read()

    def close(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(OSError, RuntimeError, ValueError):
                self.ask("quit")
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()


@dataclass
class CrashRecord:
    seed: int
    kills: list[float] = field(default_factory=list)  # seconds after start of each killed run
    runs: int = 0
    exit_codes: list[int] = field(default_factory=list)


class CopyClient:
    def __init__(self, server: PracticeServer, journal: Path, tokens: dict[str, str]) -> None:
        self.server = server
        self.journal = journal
        self.env = _env(
            {
                "FEDIMOVE_TEST_OLD_TOKEN": tokens[f"anna@{OLD}"],
                "FEDIMOVE_TEST_NEW_TOKEN": tokens[f"anna@{NEW}"],
            }
        )

    def _start(self) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.e2e.crash.copy_client",
                str(self.journal),
                self.server.origins[OLD],
                self.server.origins[NEW],
            ],
            cwd=ROOT,
            env=self.env,
        )

    def run_killed_after(self, seconds: float) -> int | None:
        """Run, SIGKILL after `seconds` unless it ended first; its exit code, or None if
        killed."""
        process = self._start()
        try:
            code = process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()
            return None
        return code

    def run_to_end(self) -> int:
        process = self._start()
        return process.wait(timeout=RUN_TIMEOUT)


def crash_and_resume(
    client: CopyClient, seed: int, kills: int, window: tuple[float, float]
) -> CrashRecord:
    """Kill `kills` runs at seeded random moments within `window` seconds (a run that ends on
    its own first counts as a run, not a kill), then run once more to the end."""
    rng = random.Random(seed)
    record = CrashRecord(seed)
    started = time.monotonic()
    while len(record.kills) < kills and time.monotonic() - started < RUN_TIMEOUT * 4:
        delay = rng.uniform(*window)
        record.runs += 1
        code = client.run_killed_after(delay)
        if code is None:
            record.kills.append(round(delay, 3))
        else:
            record.exit_codes.append(code)
            if code == 0:
                break  # finished before the planned kill: nothing left to interrupt
    record.runs += 1
    record.exit_codes.append(client.run_to_end())
    return record
