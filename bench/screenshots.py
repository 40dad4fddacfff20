"""Render the wizard's UI parts offscreen to PNGs (light, dark, German) for review and docs.

QT_QPA_PLATFORM=offscreen .venv/bin/python bench/screenshots.py [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from fedimove.core.errors import NetworkTimeoutError
from fedimove.ui.crash import CrashDialog, build_crash_report
from fedimove.ui.i18n import install_translator
from fedimove.ui.pages.followers import FollowersPage
from ui_demo_data import demo_followers


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Base: "#1f1f1f",
        QPalette.ColorRole.AlternateBase: "#292929",
        QPalette.ColorRole.Text: "#e8e8e8",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e8e8e8",
        QPalette.ColorRole.Highlight: "#3d8fd1",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a",
        QPalette.ColorRole.ToolTipBase: "#353535",
        QPalette.ColorRole.ToolTipText: "#e8e8e8",
    }
    for role, color in roles.items():
        palette.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Text):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6f6f6f"))
    return palette


def save(widget: QWidget, out: Path, name: str) -> Path:
    widget.show()
    QApplication.processEvents()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    return path


def followers_page(count: int) -> FollowersPage:
    page = FollowersPage()
    page.resize(1100, 760)
    moved_at = datetime.now(UTC) - timedelta(hours=6)
    page.chart.set_start(moved_at)
    if count:
        page.apply_rows(tuple(demo_followers(count, moved_at=moved_at)))
        page.feed.flush()
        page.refresh_summaries()
    page.fill_server_choices()
    return page


def crash_dialog() -> CrashDialog:
    try:
        raise NetworkTimeoutError("Authorization: Bearer not-a-real-token")
    except NetworkTimeoutError as error:
        report = build_crash_report(type(error), error, error.__traceback__)
    return CrashDialog(report)


def render_all(out: Path, suffix: str) -> list[Path]:
    shots = [
        save(followers_page(3000), out, f"followers{suffix}"),
        save(followers_page(0), out, f"followers-empty{suffix}"),
        save(crash_dialog(), out, f"crash-dialog{suffix}"),
    ]
    filtered = followers_page(3000)
    filtered.search.setText("user1")
    filtered.show_server("mastodon.social")
    shots.append(save(filtered, out, f"followers-filtered{suffix}"))
    return shots


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("/tmp/shots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    install_translator(app, "en")
    light = app.palette()
    shots = render_all(args.out, "-light")
    app.setPalette(dark_palette())
    shots += render_all(args.out, "-dark")
    app.setPalette(light)
    install_translator(app, "de")
    shots += render_all(args.out, "-de")
    for shot in shots:
        print(shot)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
