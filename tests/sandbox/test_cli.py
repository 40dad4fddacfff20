"""`fedimove sandbox` serves in the foreground and stops cleanly on Ctrl-C (SIGINT)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import httpx
import pytest


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


@pytest.mark.parametrize("secure", [False, True])
async def test_move_back_scenario_served_with_or_without_secure_mode(secure: bool) -> None:
    import argparse
    import asyncio
    import io

    from fedimove.cli.sandbox import serve

    out = io.StringIO()
    stop = asyncio.Event()
    args = argparse.Namespace(scenario="move-back", speed=60.0, port=0, seed=1, secure=secure)
    task = asyncio.create_task(serve(args, out, stop))
    while "practice-new-anna" not in out.getvalue():
        assert not task.done(), out.getvalue()
        await asyncio.sleep(0.01)
    origin = next(
        line.split()[-1] for line in out.getvalue().splitlines() if "old.practice" in line
    )
    async with httpx.AsyncClient(trust_env=False) as client:
        actor = await client.get(
            f"{origin}/users/anna", headers={"Accept": "application/activity+json"}
        )
    stop.set()
    await task
    assert "move-back" in out.getvalue()
    assert actor.status_code == 200
    # In move-back anna@old lists anna@new as an alias; secure mode hides it from unsigned reads.
    if secure:
        assert "alsoKnownAs" not in actor.json()
    else:
        assert len(actor.json()["alsoKnownAs"]) == 1  # anna@new, at its loopback address
