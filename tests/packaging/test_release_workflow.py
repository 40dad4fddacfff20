"""The release workflow (it cannot run here): every installer is self-checked on its runner,
and secrets reach the scripts only through the environment."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

WORKFLOW = Path(__file__).resolve().parents[2] / ".github" / "workflows" / "release.yml"
BUILD_JOBS = ("linux", "appimage", "windows", "macos")


@pytest.fixture(scope="module")
def jobs() -> dict[str, Any]:
    workflow = yaml.safe_load(WORKFLOW.read_text())
    result: dict[str, Any] = workflow["jobs"]
    return result


def commands(job: dict[str, Any]) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


@pytest.mark.parametrize("name", BUILD_JOBS)
def test_every_installer_is_self_checked_on_its_runner(jobs: dict[str, Any], name: str) -> None:
    text = commands(jobs[name])
    assert "--self-check" in text or "packaging/check.sh" in text


def test_the_linux_job_runs_the_same_check_as_ci(jobs: dict[str, Any]) -> None:
    assert jobs["linux"]["container"].startswith("debian:")
    assert "packaging/check.sh" in commands(jobs["linux"])


def test_secrets_never_appear_inside_a_script(jobs: dict[str, Any]) -> None:
    # An expression inside `run:` is pasted into the script before it runs; via env it is data.
    for job in jobs.values():
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), step.get("name")


def test_releases_publish_only_after_every_build(jobs: dict[str, Any]) -> None:
    assert set(jobs["publish"]["needs"]) == set(BUILD_JOBS)
    assert "SHA256SUMS" in commands(jobs["publish"])
