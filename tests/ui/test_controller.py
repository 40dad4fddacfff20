"""The controller: pages call slots, outcomes come back as past-tense signals."""

from __future__ import annotations

import asyncio

from pytestqt.qtbot import QtBot

from fedimove.core.errors import AuthDeniedError
from fedimove.core.service_api import AccountRole, FollowerState
from fedimove.ui.controller import COPY, MigrationController, sign_in_operation
from tests.ui.conftest import follower, followers
from tests.ui.fake_service import FakeMigrationService


def test_sign_in_emits_signed_in_with_the_role(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    controller = MigrationController(FakeMigrationService())
    with qtbot.waitSignal(controller.signed_in, timeout=2000) as blocker:
        controller.sign_in("old", "@a@old.example")
    role, summary = blocker.args
    assert role == "old"
    assert summary.role is AccountRole.OLD
    assert summary.handle == "@a@old.example"


def test_failures_carry_the_operation_and_the_error(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    service = FakeMigrationService()
    service.fail_with = AuthDeniedError("denied")
    controller = MigrationController(service)
    with qtbot.waitSignal(controller.failed, timeout=2000) as blocker:
        controller.sign_in("new", "@b@new.example")
    assert blocker.args[0] == sign_in_operation(AccountRole.NEW)
    assert blocker.args[1].code == "auth.denied"


def test_copy_progress_is_coalesced_and_cancel_stops_it(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    service = FakeMigrationService()
    service.gate.clear()  # the copy holds at half-way until cancelled
    controller = MigrationController(service, interval_ms=20)
    progress: list[object] = []
    controller.progress_changed.connect(progress.append)
    finished: list[object] = []
    controller.step_finished.connect(lambda name, outcome: finished.append(name))

    controller.copy(["following"])
    qtbot.waitUntil(lambda: bool(progress), timeout=2000)
    assert controller.is_running(COPY)
    with qtbot.waitSignal(controller.cancelled, timeout=2000) as blocker:
        controller.cancel(COPY)
    assert blocker.args == [COPY]
    assert finished == []
    assert len(progress) < 20  # 5,000 events before the hold
    last = progress[-1][-1]  # type: ignore[index]
    assert last.done == 5_000


def test_followers_reach_the_page_in_batches(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    service = FakeMigrationService()
    service.follower_batches = [
        followers(500),
        [follower(n, FollowerState.MOVED) for n in range(100)],
    ]
    controller = MigrationController(service, interval_ms=20)
    latest: dict[str, FollowerState] = {}
    controller.followers_changed.connect(
        lambda rows: latest.update({row.actor_uri: row.state for row in rows})
    )
    with qtbot.waitSignal(controller.step_finished, timeout=3000):
        controller.track_followers()
    assert len(latest) == 500
    assert sum(state is FollowerState.MOVED for state in latest.values()) == 100


def test_each_step_reports_its_outcome(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: object
) -> None:
    controller = MigrationController(FakeMigrationService())
    with qtbot.waitSignal(controller.preview_ready, timeout=2000):
        controller.load_preview()
    with qtbot.waitSignal(controller.checks_finished, timeout=2000) as checks:
        controller.run_checks()
    assert checks.args[0][0].passed
    with qtbot.waitSignal(controller.step_finished, timeout=2000) as moved:
        controller.move("@b@new.example")
    assert moved.args[0] == "move"
    with qtbot.waitSignal(controller.unfinished_found, timeout=2000) as found:
        controller.find_unfinished()
    assert found.args[0].migration_id == "m1"
    with qtbot.waitSignal(controller.report_written, timeout=2000):
        controller.write_report(str(tmp_path))
