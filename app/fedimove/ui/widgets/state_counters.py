"""One toggle per follower state showing its count; checked toggles filter the table.

Buttons, not painted chips, so they are reachable by keyboard (Tab, Space) and screen readers
announce their names and counts.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QSize, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QToolButton, QWidget

from fedimove.core.service_api import FollowerState
from fedimove.ui.labels import dot_icon, follower_state_label, palette_is_dark, state_color
from fedimove.ui.models.follower_stats import FollowerStats

_COLUMNS = 4


class StateCountersWidget(QWidget):
    #: The set of checked states changed (empty: show every state).
    states_changed = Signal(frozenset)

    def __init__(self, stats: FollowerStats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stats = stats
        self.buttons: dict[FollowerState, QToolButton] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for number, state in enumerate(FollowerState):
            button = QToolButton(self)
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setIconSize(QSize(12, 12))
            button.toggled.connect(self._emit_selection)
            layout.addWidget(button, number // _COLUMNS, number % _COLUMNS)
            self.buttons[state] = button
        self._restyle()
        self.refresh()

    def selected_states(self) -> frozenset[FollowerState]:
        return frozenset(state for state, button in self.buttons.items() if button.isChecked())

    def refresh(self) -> None:
        locale = QLocale()
        for state, button in self.buttons.items():
            count = self._stats.state_counts.get(state, 0)
            label = follower_state_label(state)
            button.setText(f"{label}: {locale.toString(count)}")
            button.setAccessibleName(
                self.tr("Show only: %1 (%2)")
                .replace("%1", label)
                .replace("%2", locale.toString(count))
            )
            button.setToolTip(self.tr("Show only followers in this state"))

    def _restyle(self) -> None:
        dark = palette_is_dark(self.palette())
        for state, button in self.buttons.items():
            button.setIcon(dot_icon(state_color(state, dark=dark)))

    def _emit_selection(self) -> None:
        self.states_changed.emit(self.selected_states())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()
        elif event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)
