"""The followers step of the wizard: the followers page (its own module) with tracking started
when it is first shown and kept running while the window is open."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from fedimove.ui.controller import APPROVE, EXPORT_MISSING, RESEND, TRACK
from fedimove.ui.pages.base import WizardPage
from fedimove.ui.pages.followers import FollowersPage
from fedimove.ui.pages.wizard_controller import WizardController


class FollowersStepPage(WizardPage):
    name = "followers"

    def __init__(self, controller: WizardController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.title.hide()
        self.intro.hide()
        self.followers = FollowersPage(controller, self)
        self.body.addWidget(self.followers, 1)
        self.set_complete(True)
        self.retranslate()

    def operations(self) -> tuple[str, ...]:
        return (TRACK, APPROVE, RESEND, EXPORT_MISSING)

    def can_go_back(self) -> bool:
        return False  # the move is done; the way back leads nowhere useful

    def next_text(self) -> str:
        return self.tr("&Finish")

    def on_enter(self) -> None:
        if not self.controller.is_running(TRACK):
            self.controller.track_followers()
