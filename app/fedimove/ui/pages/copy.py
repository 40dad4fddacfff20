"""Copy: each ticked category re-created on the new account, with progress per category, an
ETA that names the 00:00 UTC reset when a daily limit holds it, and Pause / Resume. The
CSV-assisted import is shown as one clear instruction with a button that opens the right page.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fedimove.core.models import Category
from fedimove.core.progress import Phase, ProgressEvent
from fedimove.core.service_api import StepOutcome
from fedimove.ui.controller import COPY
from fedimove.ui.pages.base import WizardPage, plain_label
from fedimove.ui.pages.wizard_controller import WizardController
from fedimove.ui.pages.words import category_label, eta_words


class CopyPage(WizardPage):
    name = "copy"

    def __init__(self, controller: WizardController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.categories: list[Category] = []
        self.outcome: StepOutcome | None = None
        self._bars: dict[str, tuple[QLabel, QProgressBar, QLabel]] = {}
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        self.eta_label = plain_label("", self)
        self.eta_label.setObjectName("copyEta")
        self.csv_box = QGroupBox(self)
        self.csv_text = plain_label("", self.csv_box)
        self.csv_button = QPushButton(self.csv_box)
        csv_layout = QVBoxLayout(self.csv_box)
        csv_layout.addWidget(self.csv_text)
        csv_row = QHBoxLayout()
        csv_row.addWidget(self.csv_button)
        csv_row.addStretch(1)
        csv_layout.addLayout(csv_row)
        self.csv_box.hide()
        self._csv_url = ""
        self.pause_button = QPushButton(self)
        self.pause_button.setCheckable(True)
        self.pause_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pause_button)
        buttons.addStretch(1)
        self.body.addLayout(self.grid)
        self.body.addWidget(self.eta_label)
        self.body.addWidget(self.csv_box)
        self.body.addLayout(buttons)
        self.body.addStretch(1)
        self.pause_button.toggled.connect(self._pause_toggled)
        self.csv_button.clicked.connect(self._open_import_page)
        controller.progress_changed.connect(self._progress)
        controller.step_finished.connect(self._finished)
        self.retranslate()

    def operations(self) -> tuple[str, ...]:
        return (COPY,)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Copy to your new account"))
        self.intro.setText(
            self.tr(
                "Fedimove re-creates what you ticked on your new account. You can pause, close "
                "the app and come back: it goes on where it stopped, and never adds anything "
                "twice."
            )
        )
        self._pause_text()
        self.csv_box.setTitle(self.tr("One thing to do by hand"))
        self.csv_button.setText(self.tr("&Open the import page"))
        for key, (label, _bar, _counts) in self._bars.items():
            label.setText(category_label(key))

    def set_categories(self, categories: list[Category]) -> None:
        self.categories = list(categories)
        for key in [c.value for c in categories]:
            self._row(key)

    def on_enter(self) -> None:
        if self.outcome is None and not self.controller.is_running(COPY):
            self.start()

    def start(self) -> None:
        self.clear_error()
        self._show_running(not self.pause_button.isChecked())
        self.pause_button.setEnabled(True)
        self.controller.copy([c.value for c in self.categories])

    def _row(self, key: str) -> tuple[QLabel, QProgressBar, QLabel]:
        found = self._bars.get(key)
        if found is None:
            label, bar, counts = (
                plain_label(category_label(key), self, wrap=False),
                QProgressBar(self),
                QLabel(self),
            )
            bar.setAccessibleName(category_label(key))
            bar.setTextVisible(False)
            bar.setRange(0, 1)  # empty until the first count (a busy bar looks full)
            bar.setValue(0)
            row = len(self._bars)
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(bar, row, 1)
            self.grid.addWidget(counts, row, 2)
            found = self._bars[key] = (label, bar, counts)
        return found

    def _progress(self, events: tuple[ProgressEvent, ...]) -> None:
        for event in events:
            if event.phase is not Phase.COPY:
                continue
            if event.status in ("paused", "resumed"):
                self._show_stopped(event.status == "paused")
            elif event.status == "waiting" and event.eta is not None:
                self._show_wait(event.eta, str(event.params.get("reasons", "")))
            elif event.status == "csv_upload_needed":
                self._show_csv(event)
            elif event.category:
                self._advance(event)

    def _advance(self, event: ProgressEvent) -> None:
        _label, bar, counts = self._row(event.category)
        if event.total is not None:
            bar.setRange(0, max(event.total, 1))
            bar.setValue(min(event.done, event.total))
            counts.setText(f"{event.done} / {event.total}")
        self.eta_label.clear()

    def _show_wait(self, until: datetime, reasons: str) -> None:
        self.eta_label.setText(eta_words(until, daily_limit="daily_follow_limit" in reasons))

    def _show_csv(self, event: ProgressEvent) -> None:
        self._csv_url = str(event.params.get("url", ""))
        files = str(event.params.get("files", "")).split("\n")
        self.csv_text.setText(
            self.tr(
                "Your new server allows only 400 new follows a day through the app, but its "
                "import page has no limit. Open the import page, choose “Following list”, "
                "choose “Merge” (never “Overwrite”), and upload this file:\n{files}\n"
                "Fedimove watches the import and fills any gaps by itself."
            ).replace("{files}", "\n".join(files))
        )
        self.csv_box.show()

    def _open_import_page(self) -> None:
        if self._csv_url:
            self.controller.open_url(self._csv_url)

    def _pause_toggled(self, paused: bool) -> None:
        self.controller.set_copy_paused(paused)
        self._pause_text()
        self._show_running(not paused)

    def _show_running(self, running: bool) -> None:
        """Right after a click: "Paused" waits for the copy's word that it has stopped."""
        if running:
            self.status.setText(self.tr("Copying…"))
        else:
            self.status.setText(
                self.tr("Pausing… Fedimove first finishes what it is sending right now.")
            )

    def _show_stopped(self, stopped: bool) -> None:
        # A word from before the last click is stale: the click's own word comes next.
        if stopped and self.pause_button.isChecked():
            self.status.setText(self.tr("Paused. Nothing is sent until you resume."))
        elif not stopped and not self.pause_button.isChecked():
            self.status.setText(self.tr("Copying…"))

    def _pause_text(self) -> None:
        paused = self.pause_button.isChecked()
        self.pause_button.setText(self.tr("&Resume") if paused else self.tr("&Pause"))
        self.pause_button.setAccessibleName(
            self.tr("Resume copying") if paused else self.tr("Pause copying")
        )

    def _finished(self, operation: str, outcome: StepOutcome) -> None:
        if operation != COPY:
            return
        self.outcome = outcome
        self.pause_button.setEnabled(False)
        self.eta_label.clear()
        for _label, bar, counts in self._bars.values():
            if not counts.text():  # nothing to copy in this category
                bar.setValue(bar.maximum())
        self.status.setText(
            self.tr("Copied: {done} done, {skipped} skipped, {failed} could not be copied.")
            .replace("{done}", str(outcome.done))
            .replace("{skipped}", str(outcome.skipped))
            .replace("{failed}", str(outcome.failed))
        )
        self.set_complete(True)

    def on_failed(self, operation: str) -> None:
        self.pause_button.setEnabled(False)
        self.status.setText(self.tr("The copy stopped. Go back and forth to try again."))
