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
import sqlite3
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
POLL = 0.005


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(extra or {})
    return env


class PracticeServer:
    """`practice_server.py` in a child process, spoken to over its stdin/stdout."""

    def __init__(self, scenario: str = "small", seed: int = 1, *, rate_scale: int = 1) -> None:
        """`rate_scale` multiplies the servers' request budgets: dozens of restarts within
        minutes spend what one real run spreads over hours (the limits are tested elsewhere)."""
        command = ["tests.e2e.crash.practice_server", scenario, str(seed), str(rate_scale)]
        self.process = subprocess.Popen(
            [sys.executable, "-m", *command],
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
    #: (finished items waited for, seconds more) of each killed run
    kills: list[tuple[int, float]] = field(default_factory=list)
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

    def run_killed_at(self, finished: int, extra: float) -> int | None:
        """Run until the journal shows `finished` items finished, wait `extra` seconds more,
        then SIGKILL; its exit code if it ended first, None if killed."""
        process = self._start()
        deadline = time.monotonic() + RUN_TIMEOUT
        while process.poll() is None and time.monotonic() < deadline:
            if finished_items(self.journal) >= finished:
                time.sleep(extra)
                break
            time.sleep(POLL)
        if process.poll() is not None:
            return process.returncode
        process.send_signal(signal.SIGKILL)
        process.wait()
        return None

    def run_to_end(self) -> int:
        process = self._start()
        return process.wait(timeout=RUN_TIMEOUT)


def finished_items(journal: Path) -> int:
    """Items the copy has finished so far (read beside the writer: the journal is in WAL)."""
    if not journal.exists():
        return 0
    try:
        with contextlib.closing(sqlite3.connect(f"file:{journal}?mode=ro", uri=True)) as db:
            row = db.execute(
                "SELECT COUNT(*) FROM items WHERE state IN ('done', 'skipped')"
            ).fetchone()
    except sqlite3.Error:
        return 0  # not created yet, or mid-migration of its schema
    return int(row[0])


def kill_points(seed: int, kills: int, total: int) -> list[tuple[int, float]]:
    """Where to kill: (finished items to wait for, then seconds more). A few kills land in
    start-up and the read (0 items); the rest spread over the whole copy."""
    rng = random.Random(seed)
    early = max(1, kills // 6) if kills else 0
    points = [(0, rng.uniform(0.2, 1.5)) for _ in range(early)]
    points += [
        (rng.randrange(1, max(2, total)), rng.uniform(0, 0.05)) for _ in range(kills - early)
    ]
    rng.shuffle(points)
    return points


def crash_and_resume(client: CopyClient, seed: int, kills: int, total: int) -> CrashRecord:
    """Kill `kills` runs at seeded points of the copy (a run that ends on its own before its
    point counts as a run, not a kill), then run once more to the end."""
    record = CrashRecord(seed)
    for target, extra in kill_points(seed, kills, total):
        record.runs += 1
        code = client.run_killed_at(target, extra)
        if code is None:
            record.kills.append((target, round(extra, 3)))
        else:
            record.exit_codes.append(code)
    record.runs += 1
    record.exit_codes.append(client.run_to_end())
    return record
