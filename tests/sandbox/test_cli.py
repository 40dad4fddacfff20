"""`fedimove sandbox` serves in the foreground and stops cleanly on Ctrl-C (SIGINT)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import httpx


def test_sandbox_command_serves_until_ctrl_c() -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "fedimove", "sandbox", "--speed", "60"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        lines: list[str] = []
        while not lines or "practice-new-anna" not in lines[-1]:
            line = process.stdout.readline()
            assert line, process.stderr.read() if process.stderr else "no output"
            lines.append(line)
        origin = next(line.split()[-1] for line in lines if "old.practice" in line)
        instance = httpx.get(f"{origin}/api/v2/instance", trust_env=False)
        assert instance.json()["domain"] == origin.removeprefix("http://")
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, err
    assert "Stopped." in out
    assert "Traceback" not in err
