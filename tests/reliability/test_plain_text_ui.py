"""Server-supplied text is never rendered as rich text (issue 10). The UI's own tests check
single widgets with hostile names (tests/ui/test_pages.py, test_follower_table.py); this sweep
walks every label of the whole wizard window and requires plain-text format, except labels
reviewed here to carry only Fedimove's own words or numbers. A new label that is neither fails
until it is made plain (ui/pages/base.py: `plain_label`, `ElidedLabel`) or reviewed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel
from pytestqt.qtbot import QtBot

from fedimove.ui.pages.copy import CopyPage
from fedimove.ui.pages.followers import FollowersPage
from fedimove.ui.pages.wizard_controller import WizardController
from fedimove.ui.wizard import WizardWindow
from tests.ui.fake_service import FakeMigrationService


def _own_words(window: WizardWindow) -> set[int]:
    """Labels reviewed to show only Fedimove's own (translated) words or counts."""
    reviewed: set[int] = set()
    if window.banner is not None:
        reviewed.add(id(window.banner))  # the practice-mode banner
    for page in window.findChildren(FollowersPage):
        reviewed |= {id(page.title), id(page.intro), id(page.empty_label)}
    for copy_page in window.findChildren(CopyPage):
        reviewed |= {id(row[2]) for row in copy_page._bars.values()}  # "done / total"
    for form in window.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and item.widget() is not None:
                reviewed.add(id(item.widget()))  # form captions: words for Fedimove's fields
    return reviewed


def test_every_label_of_the_wizard_is_plain_text_or_reviewed(qtbot: QtBot) -> None:
    window = WizardWindow(WizardController(FakeMigrationService(), interval_ms=10), practice=True)
    qtbot.addWidget(window)
    reviewed = _own_words(window)
    labels = window.findChildren(QLabel)
    rich = [
        label
        for label in labels
        if label.textFormat() != Qt.TextFormat.PlainText
        and id(label) not in reviewed
        and label.pixmap().isNull()  # icons
    ]
    print(f"plain-text sweep: {len(labels)} labels, {len(reviewed)} reviewed as own words")
    assert len(labels) > 20
    assert rich == [], [(label.objectName(), label.text()[:60]) for label in rich]
