"""Render every wizard page offscreen, light and dark and in German, by driving the real wizard
through a move on the practice Fediverse (the same path as `test_wizard_e2e.py`).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.screenshots [--out DIR] [--small]

`--small` writes indexed-colour PNGs (for docs/screenshots/, which the README links to).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication

from fedimove.core.clock import ScaledClock
from fedimove.core.service_api import FollowerState
from fedimove.ui.i18n import install_translator
from fedimove.ui.pages.wizard_controller import WizardController
from fedimove.ui.practice import PracticeSession, practice_session
from fedimove.ui.wizard import WizardWindow
from tests.ui.practice_player import BrowserPlayer

SPEED = 120.0
WINDOW_SIZE = (1000, 680)
VARIANTS = {"light": ("en", False), "dark": ("en", True), "de": ("de", False)}


def dark_palette() -> QPalette:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from screenshots import dark_palette as bench_dark  # the followers page's own shots

    palette: QPalette = bench_dark()
    return palette


async def until(condition: Callable[[], bool], within: float = 120.0) -> None:
    """Poll a condition while the loop runs (a script, not a test: no qtbot here)."""
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the wizard did not get there in time")
        await asyncio.sleep(0.05)


class Shooter:
    def __init__(self, window: WizardWindow, out: Path, suffix: str, small: bool) -> None:
        self.window, self.out, self.suffix, self.small = window, out, suffix, small
        self.saved: list[Path] = []

    async def shot(self, name: str) -> None:
        # Let the coalesced progress and layouts settle (never processEvents() inside a
        # coroutine: it re-enters the loop).
        await asyncio.sleep(0.3)
        image = self.window.grab().toImage()
        if self.small:
            flags = Qt.ImageConversionFlag  # a flat palette: a quarter of the bytes, crisp text
            image = image.convertToFormat(
                QImage.Format.Format_Indexed8,
                flags.ThresholdDither | flags.AvoidDither | flags.ColorOnly,
            )
        path = self.out / f"{name}{self.suffix}.png"
        image.save(str(path))
        self.saved.append(path)


async def drive(
    window: WizardWindow, session: PracticeSession, player: BrowserPlayer, shooter: Shooter
) -> tuple[Path, str]:
    """The live move; returns the backup it wrote and its passphrase (for the files path)."""
    w, tmp = window, Path(tempfile.mkdtemp(prefix="fedimove-shots-"))
    await until(lambda: not w.controller.busy)
    await shooter.shot("01-welcome")
    w.go_next()
    await shooter.shot("02-old-account-empty")
    w.old_account_page.sign_in()
    await until(w.old_account_page.is_complete)
    await shooter.shot("03-old-account")
    w.go_next()
    w.new_account_page.sign_in()
    await until(w.new_account_page.is_complete)
    await shooter.shot("04-new-account")
    w.go_next()
    await until(w.preview_page.is_complete)
    await shooter.shot("05-preview")
    w.go_next()
    w.backup_page.path_edit.setText(str(tmp / "fedimove-backup.age"))
    await shooter.shot("06-backup")
    w.backup_page.write()
    await until(w.backup_page.is_complete)
    w.copy_page.pause_button.setChecked(True)  # the copy stops at its first safe point
    w.go_next()
    await asyncio.sleep(2.0)  # it reads the old account again, then waits
    await shooter.shot("07-copy-paused")
    w.copy_page.pause_button.setChecked(False)
    await until(w.copy_page.is_complete)
    await shooter.shot("08-copy-done")
    w.go_next()
    player.hold = lambda url: url.endswith("/settings/aliases")
    w.alias_page.link()
    await until(w.alias_page.guide.isVisible)
    await shooter.shot("09-alias-guided")
    await player.release()
    await until(w.alias_page.is_complete)
    w.go_next()
    await until(lambda: bool(w.checks_page.results))
    await shooter.shot("10-checks-attention")
    w.checks_page.no_recent_move.setChecked(True)
    clock = session.network.clock
    assert isinstance(clock, ScaledClock)
    clock.advance(15 * 60)
    w.checks_page.run()
    await until(w.checks_page.is_complete)
    await shooter.shot("11-checks-passed")
    w.go_next()
    w.move_page.typed.setText(session.new.handle)
    await shooter.shot("12-move-confirm")
    w.move_page.send_move()
    await until(w.move_page.is_complete)
    w.go_next()
    stats = w.followers_page.followers.model.stats
    await until(lambda: stats.state_counts[FollowerState.MOVED] >= 60)
    await shooter.shot("13-followers")
    w.done_page.destination = tmp / "fedimove-report.html"
    w.go_next()
    await until(lambda: w.done_page.files is not None)
    await shooter.shot("14-done")
    w.controller.shutdown()
    return tmp / "fedimove-backup.age", w.backup_page.phrase


async def drive_files(window: WizardWindow, backup: Path, phrase: str, shooter: Shooter) -> None:
    """The "My old server is gone" path from the backup the live move wrote."""
    w, tmp = window, backup.parent
    await until(lambda: not w.controller.busy)
    w.welcome_page.gone_button.click()
    await shooter.shot("15-old-files-empty")
    wrong = tmp / "following_accounts.csv"
    wrong.write_text("#domain\nspam.example\n", encoding="utf-8")  # blocks offered as follows
    w.old_files_page.add_files([wrong])
    w.old_files_page.handle_edit.setText("anna@old.practice")
    w.old_files_page.read_files()
    await until(w.old_files_page.error_box.isVisible)
    await shooter.shot("16-old-files-wrong-file")
    w.old_files_page.files.setCurrentRow(0)
    w.old_files_page.remove_selected()
    w.old_files_page.add_files([backup])
    w.old_files_page.passphrase_edit.setText(phrase)
    w.old_files_page.read_files()
    await until(w.old_files_page.is_complete)
    await shooter.shot("17-old-files-read")
    w.go_next()
    w.new_account_page.sign_in()
    await until(w.new_account_page.is_complete)
    w.go_next()
    await until(w.preview_page.is_complete)
    await shooter.shot("18-files-preview")
    w.go_next()
    await until(w.copy_page.is_complete)
    w.done_page.destination = tmp / "fedimove-files-report.html"
    w.go_next()
    await until(lambda: w.done_page.files is not None)
    await shooter.shot("19-files-done")
    w.controller.shutdown()


async def render_variant(out: Path, name: str, small: bool) -> list[Path]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    language, dark = VARIANTS[name]
    install_translator(app, language)
    app.setPalette(dark_palette() if dark else app.style().standardPalette())
    player = BrowserPlayer()
    clock = ScaledClock(SPEED)
    async with practice_session(open_url=player, clock=clock, served=False) as session:
        player.session = session
        window = WizardWindow(WizardController(session.service, interval_ms=50), practice=True)
        window.resize(*WINDOW_SIZE)
        window.prefill(session.old.handle, session.new.handle)
        window.show_practice_logins([(d.login, d.password) for d in (session.old, session.new)])
        window.show()
        window.start()
        suffix = "" if name == "light" else f"-{name}"
        shooter = Shooter(window, out, suffix, small)
        backup, phrase = await drive(window, session, player, shooter)
        window.close()
        files = WizardWindow(WizardController(session.service, interval_ms=50), practice=True)
        files.resize(*WINDOW_SIZE)
        files.prefill(session.old.handle, session.new.handle)
        files.show_practice_logins([(d.login, d.password) for d in (session.old, session.new)])
        files.show()
        files.start()
        files_shooter = Shooter(files, out, suffix, small)
        await drive_files(files, backup, phrase, files_shooter)
        files.close()
    return shooter.saved + files_shooter.saved


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("/tmp/shots"))
    parser.add_argument("--small", action="store_true")
    parser.add_argument("--only", choices=sorted(VARIANTS), action="append")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    variants = args.only or list(VARIANTS)
    if len(variants) > 1:  # one practice Fediverse per process, as in the app
        for name in variants:
            command = [sys.executable, "-m", "tests.ui.screenshots", "--out", str(args.out)]
            command += ["--only", name, *(["--small"] if args.small else [])]
            subprocess.run(command, check=True)
        return 0
    import qasync

    app = QApplication.instance() or QApplication(sys.argv[:1])
    saved: list[Path] = []

    async def everything() -> None:
        saved.extend(await render_variant(args.out, variants[0], args.small))

    qasync.run(everything())
    del app
    for path in saved:
        print(path, path.stat().st_size)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
