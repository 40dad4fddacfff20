"""Words and colours for the follower states and reasons, shared by the table, the counters and
the charts (one place, so they always agree)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap

from fedimove.core.service_api import FollowerState


def follower_state_label(state: FollowerState) -> str:
    translate = QCoreApplication.translate
    labels = {
        FollowerState.AWAITING_APPROVAL: translate("FollowerStates", "Waiting for approval"),
        FollowerState.STILL_ON_OLD: translate("FollowerStates", "Still on old account"),
        FollowerState.NO_MOVE_SUPPORT: translate("FollowerStates", "Server can't move"),
        FollowerState.UNREACHABLE: translate("FollowerStates", "Server unreachable"),
        FollowerState.BLOCKED: translate("FollowerStates", "Blocked"),
        FollowerState.GONE: translate("FollowerStates", "Account gone"),
        FollowerState.UNKNOWN: translate("FollowerStates", "Unknown"),
        FollowerState.MOVED: translate("FollowerStates", "Moved"),
    }
    return labels[state]


def follower_reason_label(reason: str) -> str:
    """Words for a tracker reason code; an unknown code is shown readably rather than hidden."""
    translate = QCoreApplication.translate
    labels = {
        "": "",
        "account_locked": translate("FollowerStates", "Your new account approves followers"),
        "server_no_move": translate("FollowerStates", "Their server ignores moves"),
        "server_down": translate("FollowerStates", "Their server did not answer"),
        "domain_blocked": translate("FollowerStates", "Your new server blocks their server"),
        "suspended": translate("FollowerStates", "Their account was suspended"),
        "deleted": translate("FollowerStates", "Their account was deleted"),
        "not_yet": translate("FollowerStates", "Not arrived yet"),
        "confirmed_by_scan": translate("FollowerStates", "Confirmed by a full check"),
        # The follower tracker's own codes (core/engine/followers.py).
        "ok": "",
        "approved": translate("FollowerStates", "Approved by Fedimove"),
        "already_following": translate("FollowerStates", "Already followed your new account"),
        "new_follower": translate("FollowerStates", "A new follower"),
        "locked": translate("FollowerStates", "Your new account approves followers"),
        "limited": translate("FollowerStates", "Your new server limits their server"),
        "blocked": translate("FollowerStates", "Your new server blocks their server"),
        "left": translate("FollowerStates", "Left your old account, not seen on the new one"),
        "unreachable": translate("FollowerStates", "Their server did not answer"),
        "no_move": translate("FollowerStates", "Their server ignores moves"),
        "unknown": translate("FollowerStates", "No reason known"),
        "gone": translate("FollowerStates", "Their account is gone"),
    }
    return labels.get(reason, reason.replace("_", " "))


def evidence_label(observed: bool) -> str:
    if observed:
        return QCoreApplication.translate("FollowerStates", "Seen")
    return QCoreApplication.translate("FollowerStates", "Inferred")


# Hues chosen to stay apart for common colour-vision deficiencies; shade picked per palette.
_STATE_HUES: dict[FollowerState, tuple[str, str]] = {
    # state: (on light backgrounds, on dark backgrounds)
    FollowerState.AWAITING_APPROVAL: ("#b25d00", "#ffb454"),
    FollowerState.STILL_ON_OLD: ("#6a5acd", "#a99cff"),
    FollowerState.NO_MOVE_SUPPORT: ("#a3319a", "#f08ae6"),
    FollowerState.UNREACHABLE: ("#5f6b7a", "#aab4c0"),
    FollowerState.BLOCKED: ("#c0262d", "#ff7b80"),
    FollowerState.GONE: ("#3d3d3d", "#d0d0d0"),
    FollowerState.UNKNOWN: ("#8a8a8a", "#8f8f8f"),
    FollowerState.MOVED: ("#1a7f37", "#56d37a"),
}


def palette_is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def state_color(state: FollowerState, *, dark: bool) -> QColor:
    light_hex, dark_hex = _STATE_HUES[state]
    return QColor(dark_hex if dark else light_hex)


def dot_icon(color: QColor, size: int = 12) -> QIcon:
    """A filled circle, drawn at twice the size so it stays sharp on HiDPI screens."""
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(color)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)
