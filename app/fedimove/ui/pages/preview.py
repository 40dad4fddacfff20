"""Preview: what will be copied (counts, a sample, what already exists, what is skipped and
why), where the followers are and whether they will follow; the person ticks categories."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fedimove.core.models import Category
from fedimove.core.progress import ProgressEvent
from fedimove.core.service_api import CategoryPreview, Preview
from fedimove.ui.controller import PREVIEW
from fedimove.ui.pages.base import WizardPage, plain_label
from fedimove.ui.pages.wizard_controller import WizardController
from fedimove.ui.pages.words import category_label, prediction_label, skip_reason_label
from fedimove.ui.text import plain_line, tooltip_text

#: Not copied: followers come by the Move itself; posts stay in the backup.
NOT_COPIED = frozenset({Category.FOLLOWERS, Category.POSTS})
OFF_BY_DEFAULT = frozenset({Category.FAVOURITES})


class PreviewPage(WizardPage):
    name = "preview"

    def __init__(self, controller: WizardController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.preview: Preview | None = None
        self.categories = QTreeWidget(self)
        self.categories.setRootIsDecorated(False)
        self.categories.setColumnCount(4)
        self.categories.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.categories.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.followers_summary = plain_label("", self)
        self.servers = QTreeWidget(self)
        self.servers.setRootIsDecorated(False)
        self.servers.setColumnCount(3)
        self.servers.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.followers_summary)
        lower_layout.addWidget(self.servers)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.categories)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.body.addWidget(splitter, 1)
        controller.preview_ready.connect(self.show_preview)
        controller.progress_changed.connect(self._progress)
        self.retranslate()

    def operations(self) -> tuple[str, ...]:
        return (PREVIEW,)

    def retranslate(self) -> None:
        self.title.setText(self.tr("What will move"))
        self.intro.setText(
            self.tr(
                "Nothing has changed yet. Tick what Fedimove should copy to your new account. "
                "Your followers come with the move itself."
            )
        )
        self.categories.setHeaderLabels(
            [self.tr("Copy"), self.tr("How many"), self.tr("For example"), self.tr("Notes")]
        )
        self.categories.setAccessibleName(self.tr("Categories to copy"))
        self.servers.setHeaderLabels([self.tr("Server"), self.tr("Followers"), self.tr("Outlook")])
        self.servers.setAccessibleName(self.tr("Followers by server"))
        if self.preview is not None:
            self.show_preview(self.preview)

    def on_enter(self) -> None:
        if self.preview is None and not self.controller.is_running(PREVIEW):
            self.clear_error()
            self.status.setText(self.tr("Reading your old account…"))
            self.controller.load_preview()

    def _progress(self, events: tuple[ProgressEvent, ...]) -> None:
        if self.preview is not None or not self.controller.is_running(PREVIEW):
            return
        for event in events:
            if event.status == "probing":
                self.status.setText(self.tr("Asking your followers' servers about moves…"))
            elif event.category:
                self.status.setText(
                    self.tr("Reading {what}: {done}")
                    .replace("{what}", category_label(event.category))
                    .replace("{done}", str(event.done))
                )

    def show_preview(self, preview: Preview) -> None:
        chosen = set(self.chosen_categories()) if self.preview is not None else None
        self.preview = preview
        self.categories.clear()
        for item in preview.categories:
            if item.category in NOT_COPIED:
                continue
            self.categories.addTopLevelItem(self._category_row(item, chosen))
        self._show_servers(preview)
        self.status.setText(self.tr("Read. Nothing was changed."))
        self.set_complete(True)

    def _category_row(self, item: CategoryPreview, chosen: set[Category] | None) -> QTreeWidgetItem:
        notes = []
        if item.already_present:
            notes.append(self.tr("{n} already there").replace("{n}", str(item.already_present)))
        for reason, count in item.skipped.items():
            notes.append(f"{count} × {skip_reason_label(reason)}")
        sample = ", ".join(plain_line(s, 60) for s in item.sample[:3])
        row = QTreeWidgetItem(
            [category_label(item.category), str(item.count), sample, "; ".join(notes)]
        )
        row.setData(0, Qt.ItemDataRole.UserRole, item.category.value)
        row.setToolTip(2, tooltip_text(*(plain_line(s) for s in item.sample)))
        row.setToolTip(3, tooltip_text(*notes))
        ticked = item.count > 0 and item.category not in OFF_BY_DEFAULT
        if chosen is not None:
            ticked = item.category in chosen
        row.setCheckState(0, Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        row.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return row

    def _show_servers(self, preview: Preview) -> None:
        self.servers.clear()
        by_outlook: Counter[str] = Counter()
        for server in preview.follower_servers:
            by_outlook[prediction_label(server.prediction)] += server.followers
            row = QTreeWidgetItem(
                [plain_line(server.server, 80), str(server.followers),
                 prediction_label(server.prediction)]
            )  # fmt: skip
            row.setToolTip(0, tooltip_text(server.server, server.software))
            row.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.servers.addTopLevelItem(row)
        total = sum(by_outlook.values())
        parts = [f"{label}: {count}" for label, count in by_outlook.most_common()]
        self.followers_summary.setText(
            self.tr("Your {total} followers: {parts}.")
            .replace("{total}", str(total))
            .replace("{parts}", ", ".join(parts) or "—")
        )

    def chosen_categories(self) -> list[Category]:
        chosen = []
        for index in range(self.categories.topLevelItemCount()):
            row = self.categories.topLevelItem(index)
            if row is not None and row.checkState(0) == Qt.CheckState.Checked:
                chosen.append(Category(row.data(0, Qt.ItemDataRole.UserRole)))
        return chosen
