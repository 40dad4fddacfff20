"""The done page's last step (DESIGN §0.16): lock the new account again when the person's
account was locked, sign Fedimove out of both accounts, then say what happened and where each
server lists the apps the person authorized. Offered once follower tracking has ended."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from fedimove.core.errors import FedimoveError
from fedimove.core.service_api import AccessResult, LockedResult, StepOutcome
from fedimove.ui.controller import TRACK
from fedimove.ui.pages.base import plain_label
from fedimove.ui.pages.wizard_controller import (
    FINISH,
    FINISH_OPTIONS,
    FINISH_TRACKING,
    WizardController,
)

ROLES = ("old", "new")


class FinishBox(QGroupBox):
    """Two choices, a Finish button, a status line, then the result and the apps pages."""

    def __init__(self, controller: WizardController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.options: StepOutcome | None = None
        self.outcome: StepOutcome | None = None
        self.explain = plain_label("", self)
        self.restore_check = QCheckBox(self)
        self.restore_check.setChecked(True)
        self.restore_help = plain_label("", self)
        self.sign_out_check = QCheckBox(self)
        self.sign_out_check.setChecked(True)
        self.sign_out_help = plain_label("", self)
        self.finish_button = QPushButton(self)
        self.status = plain_label("", self)
        self.result = plain_label("", self)
        #: "Open the authorized apps" of each server whose page Fedimove knows.
        self.apps_buttons = {role: QPushButton(self) for role in ROLES}
        self._build()
        controller.finish_options_ready.connect(self._options_ready)
        controller.migration_finished.connect(self._finished)
        controller.step_finished.connect(self._step_finished)
        controller.failed.connect(self._failed)
        self.retranslate()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        for check, help_label in (
            (self.restore_check, self.restore_help),
            (self.sign_out_check, self.sign_out_help),
        ):
            layout.addWidget(check)
            help_label.setContentsMargins(24, 0, 0, 4)
            help_label.setBuddy(check)
            layout.addWidget(help_label)
        row = QHBoxLayout()
        row.addWidget(self.finish_button)
        row.addWidget(self.status, 1)
        layout.addLayout(row)
        layout.addWidget(self.result)
        apps = QHBoxLayout()
        for role, button in self.apps_buttons.items():
            button.hide()
            button.clicked.connect(lambda _=False, r=role: self._open_apps(r))
            apps.addWidget(button)
        apps.addStretch(1)
        layout.addLayout(apps)
        self.restore_check.hide()
        self.restore_help.hide()
        self.result.hide()
        self.finish_button.setEnabled(False)
        self.finish_button.clicked.connect(self.finish)

    # --- what the person sees ----------------------------------------------------------------

    def retranslate(self) -> None:
        self.setTitle(self.tr("Finish: tidy up after your move"))
        self.setAccessibleName(self.tr("Finish"))
        self.restore_check.setText(self.tr("&Lock your new account again, as your account was"))
        self.sign_out_help.setText(
            self.tr(
                "Fedimove's access is revoked on the server and forgotten on this computer. "
                "You can sign in again whenever you like."
            )
        )
        self.sign_out_check.setAccessibleDescription(self.sign_out_help.text())
        self.finish_button.setText(self.tr("Fi&nish"))
        self.finish_button.setAccessibleName(self.tr("Finish the move"))
        self.status.setAccessibleName(self.tr("Finish status"))
        self.result.setAccessibleName(self.tr("What finishing did"))
        self._show_options()
        self._show_outcome()

    def _show_options(self) -> None:
        params = self.options.params if self.options is not None else {}
        gone = params.get("old_gone") is True
        self.sign_out_check.setText(
            self.tr("Sign Fedimove out of your new &account")
            if gone
            else self.tr("Sign Fedimove out of both &accounts")
        )
        applies = params.get("restore_locked_applies") is True
        signed_in = params.get("signed_in") is not False
        for widget, shown in (
            (self.restore_check, applies),
            (self.restore_help, applies),
            (self.sign_out_check, signed_in),
            (self.sign_out_help, signed_in),
        ):
            widget.setVisible(shown)
        self._show_restore_help(gone)
        # Once finished with nothing left to do, the button would only repeat the result.
        self.finish_button.setVisible(applies or signed_in or self.outcome is None)
        ready = params.get("tracking_finished") is True
        self.finish_button.setEnabled(ready and not self.controller.is_running(FINISH))
        for check in (self.restore_check, self.sign_out_check):
            check.setEnabled(ready)
        self.explain.setText(self._explanation(ready, gone, applies or signed_in))

    def _explanation(self, ready: bool, gone: bool, left: bool) -> str:
        if self.options is None:
            return self.tr("Checking what is left to tidy up…")
        if self.outcome is not None and not left:
            return self.tr(
                "Nothing is left to tidy up. Below: what Fedimove did, and where your servers "
                "list the apps you authorized."
            )
        if not ready:
            return self.tr(
                "Available once follower tracking has ended: go back to the followers page "
                "and finish tracking there."
            )
        if gone:
            return self.tr("Your copy is done. Fedimove can now tidy up on your new account.")
        if not self.restore_check.isHidden():
            return self.tr(
                "Fedimove no longer watches your followers. It can now put your settings "
                "back and remove its own access to your accounts."
            )
        return self.tr(
            "Fedimove no longer watches your followers. It can now remove its own access "
            "to your accounts."
        )

    def _show_restore_help(self, gone: bool) -> None:
        if gone:
            text = self.tr(
                "Your account was locked: you approve each new follower. Your new account is "
                "open now; once it is locked, new followers come as requests that you approve."
            )
        else:
            text = self.tr(
                "Your account was locked: you approve each new follower. Fedimove kept your "
                "new account open during the move so your followers could arrive by "
                "themselves. Once it is locked, anyone who still arrives from your old account "
                "comes as a follow request that you approve."
            )
        self.restore_help.setText(text)
        self.restore_check.setAccessibleDescription(text)

    def _show_outcome(self) -> None:
        outcome = self.outcome
        if outcome is None:
            return
        params = outcome.params
        lines = [self._locked_words(LockedResult(str(params.get("locked"))))]
        for role in ROLES:
            access = AccessResult(str(params.get(f"{role}_access")))
            server, url = str(params.get(f"{role}_server", "")), params.get(f"{role}_apps_url")
            lines.append(self._access_words(access, server))
            button = self.apps_buttons[role]
            button.setText(self.tr("Authorized apps on {server}").replace("{server}", server))
            button.setAccessibleName(
                self.tr("Open the authorized apps page of {server}").replace("{server}", server)
            )
            button.setVisible(bool(url) and access is not AccessResult.NOT_APPLICABLE)
            if not url and access is not AccessResult.NOT_APPLICABLE:
                lines.append(
                    self.tr(
                        "Fedimove does not know where {server} lists the apps you authorized: "
                        "check your server's settings."
                    ).replace("{server}", server)
                )
        self.result.setText("\n".join(line for line in lines if line))
        self.result.show()

    def _locked_words(self, locked: LockedResult) -> str:
        return {
            LockedResult.RESTORED: self.tr(
                "Your new account is locked again: you approve each new follower."
            ),
            LockedResult.ALREADY_LOCKED: self.tr("Your new account was already locked."),
            LockedResult.NOT_NEEDED: "",
            LockedResult.KEPT: self.tr(
                "Your new account stays open: anyone can follow it without asking."
            ),
            LockedResult.NOT_CONFIRMED: self.tr(
                "Your new server did not confirm the lock: lock your account in its settings."
            ),
        }[locked]

    def _access_words(self, access: AccessResult, server: str) -> str:
        words = {
            AccessResult.REVOKED: self.tr(
                "{server}: Fedimove's access is revoked and forgotten on this computer."
            ),
            AccessResult.NOT_CONFIRMED: self.tr(
                "{server}: forgotten on this computer, but the server did not confirm: remove "
                "Fedimove from its authorized apps yourself."
            ),
            AccessResult.SIGNED_OUT: self.tr("{server}: Fedimove is already signed out."),
            AccessResult.KEPT: self.tr("{server}: Fedimove stays signed in, as you chose."),
            AccessResult.NOT_APPLICABLE: "",
        }[access]
        return words.replace("{server}", server)

    # --- what happens ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Ask the service what the finish can offer (no network)."""
        if not self.controller.is_running(FINISH_OPTIONS):
            self.controller.finish_options()

    def finish(self) -> None:
        self.finish_button.setEnabled(False)
        self.status.setText(self.tr("Finishing…"))
        self.controller.finish(
            not self.restore_check.isHidden() and self.restore_check.isChecked(),
            not self.sign_out_check.isHidden() and self.sign_out_check.isChecked(),
        )

    def _options_ready(self, options: object) -> None:
        if isinstance(options, StepOutcome):
            self.options = options
            self._show_options()

    def _finished(self, outcome: object) -> None:
        if not isinstance(outcome, StepOutcome):
            return
        self.outcome = outcome
        self.status.setText(
            self.tr("Finished.")
            if outcome.status == "finished"
            else self.tr("Finished, but a server did not confirm everything: see below.")
        )
        self._show_outcome()
        self.refresh()  # what is left (nothing to sign out of any more)

    def _step_finished(self, operation: str, outcome: object) -> None:
        """Tracking ended (the person finished it, or its window closed): ask again."""
        ended = isinstance(outcome, StepOutcome) and outcome.status == "finished"
        if operation == FINISH_TRACKING or (operation == TRACK and ended):
            self.refresh()

    def _failed(self, operation: str, error: object) -> None:
        if operation == FINISH and isinstance(error, FedimoveError):
            self.status.clear()
            self._show_options()

    def _open_apps(self, role: str) -> None:
        url = self.outcome.params.get(f"{role}_apps_url") if self.outcome else None
        if url:
            self.controller.open_url(str(url))
