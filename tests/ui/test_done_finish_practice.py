"""The done page's finish in the wizard, on the practice Fediverse with the real service: after
the person finishes tracking, the done page offers the finish; Finish signs Fedimove out of
both practice accounts (forgotten here, revoked there) and shows each server's apps page."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fedimove.core.accounts import AccountsRegistry
from fedimove.core.progress import CancelToken
from fedimove.core.storage.journal_records import MigrationState
from fedimove.ui.pages.wizard_controller import WizardController
from fedimove.ui.wizard import WizardWindow
from tests.e2e.practice_tracking import MovedPractice
from tests.ui.practice_player import run

pytestmark = pytest.mark.timeout(180)
STEP_TIMEOUT = 60_000


def test_finish_on_the_done_page_signs_out_of_both_practice_accounts(
    qtbot: QtBot, moved: MovedPractice, tmp_path: Path
) -> None:
    run(
        qtbot,
        moved.service.finish_tracking(
            on_rows=moved.on_rows, progress=moved.progress, cancel=CancelToken()
        ),
    )
    window = WizardWindow(WizardController(moved.service, interval_ms=30), practice=True)
    qtbot.addWidget(window)
    window.resize(1000, 680)
    window.show()
    window.done_page.destination = tmp_path / "report.html"
    window.show_page("done")
    box = window.done_page.finish_box
    qtbot.waitUntil(box.finish_button.isEnabled, timeout=STEP_TIMEOUT)
    assert not box.restore_check.isVisible()  # neither practice account was locked
    assert box.sign_out_check.isChecked()

    box.finish_button.click()
    qtbot.waitUntil(lambda: box.outcome is not None, timeout=STEP_TIMEOUT)

    assert box.status.text() == "Finished."
    assert box.result.text().count("Fedimove's access is revoked") == 2
    assert box.apps_buttons["old"].isVisible()
    assert box.apps_buttons["new"].isVisible()
    assert AccountsRegistry(moved.service.state.paths).all() == []
    migration = moved.journal.get_migration(moved.migration_id)
    assert migration.state is MigrationState.FINISHED
    qtbot.waitUntil(box.finish_button.isHidden, timeout=STEP_TIMEOUT)  # nothing left to do
    window.controller.shutdown()
