"""The followers step of the wizard: the followers page (its own module) with tracking started
when it is first shown and kept running while the window is open, until the tracking window
closes or the person finishes tracking (after a confirmation), which leads to the done page."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from fedimove.core.service_api import StepOutcome
from fedimove.ui.controller import APPROVE, EXPORT_MISSING, RESEND, TRACK
from fedimove.ui.pages.base import WizardPage
from fedimove.ui.pages.followers import FollowersPage
from fedimove.ui.pages.wizard_controller import FINISH_TRACKING, WizardController


class FollowersStepPage(WizardPage):
    name = "followers"

    def __init__(self, controller: WizardController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.title.hide()
        self.intro.hide()
        self.followers = FollowersPage(controller, self)
        self.body.addWidget(self.followers, 1)
        self.followers.action_bar.finish_requested.connect(self.finish_tracking)
        controller.step_finished.connect(self._step_finished)
        self.set_complete(True)
        self.retranslate()

    def operations(self) -> tuple[str, ...]:
        return (TRACK, APPROVE, RESEND, EXPORT_MISSING, FINISH_TRACKING)

    def can_go_back(self) -> bool:
        return False  # the move is done; the way back leads nowhere useful

    def on_enter(self) -> None:
        if not self.controller.is_running(TRACK) and not self.controller.is_running(
            FINISH_TRACKING
        ):
            self.controller.track_followers()

    def finish_tracking(self) -> None:
        """The person confirmed: the last scan runs, then the done page shows the report."""
        self.clear_error()
        self.status.setText(self.tr("Checking one last time who stayed behind…"))
        self.controller.finish_tracking()

    def _step_finished(self, operation: str, outcome: StepOutcome) -> None:
        if operation == FINISH_TRACKING:
            self.status.clear()
            self.jump_requested.emit("done")
        elif operation == APPROVE and not self.controller.is_running(TRACK):
            # Tracking has ended (or stopped): one round shows the approved followers.
            self.controller.track_followers()

    def on_failed(self, operation: str) -> None:
        if operation == FINISH_TRACKING:
            self.status.clear()
            self.followers.action_bar.finish_button.setEnabled(True)
            if not self.controller.is_running(TRACK):  # finishing stopped it: watch again
                self.controller.track_followers()
