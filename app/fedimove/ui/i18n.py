"""Load Fedimove's translation (and Qt's own, for standard buttons) for the user's language.

Translations live in `resources/translations/fedimove_<lang>.qm`, compiled from the `.ts`
sources with `pyside6-lrelease` (`compile_translations()` does it when a `.qm` is missing or
older than its `.ts`, e.g. in a fresh checkout). The language follows the system locale unless
one is given; English needs no file.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from fedimove.resources import resource_dir

_log = logging.getLogger(__name__)
# The translators installed by the last call, so a language switch can remove them.
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return resource_dir() / "translations"


def available_languages() -> list[str]:
    """Languages with a shipped translation (from the `.ts` sources), plus English."""
    names = {path.stem.removeprefix("fedimove_") for path in translations_dir().glob("*.ts")}
    return ["en", *sorted(names)]


def _lrelease() -> str | None:
    beside_python = Path(sys.executable).with_name("pyside6-lrelease")
    if beside_python.exists():
        return str(beside_python)
    return shutil.which("pyside6-lrelease")


def compile_translations(directory: Path | None = None) -> list[Path]:
    """Compile each `.ts` whose `.qm` is missing or stale; returns the `.qm` files written."""
    folder = directory or translations_dir()
    tool = _lrelease()
    written: list[Path] = []
    for source in sorted(folder.glob("*.ts")):
        target = source.with_suffix(".qm")
        if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        if tool is None:
            _log.warning("pyside6-lrelease not found; %s stays uncompiled", source.name)
            continue
        subprocess.run(  # noqa: S603 - a fixed tool on our own files
            [tool, "-silent", str(source), "-qm", str(target)], check=True
        )
        written.append(target)
    return written


def _load(translator: QTranslator, locale: QLocale, name: str, folder: str) -> bool:
    return translator.load(locale, name, "_", folder)


def install_translator(app: QCoreApplication, language: str = "") -> str:
    """Install the translation for `language` ("de", "de_DE"; "" for the system's) on `app`,
    replacing one installed before. Returns the language used ("en" when none matched)."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    locale = QLocale(language) if language else QLocale.system()
    QLocale.setDefault(locale)
    if locale.language() in (QLocale.Language.English, QLocale.Language.C):
        return "en"
    try:
        compile_translations()
    except (OSError, subprocess.CalledProcessError):
        _log.warning("could not compile translations; using the shipped .qm files")
    ours = QTranslator(app)
    if not _load(ours, locale, "fedimove", str(translations_dir())):
        return "en"
    qt_own = QTranslator(app)
    installed = [ours]
    if _load(
        qt_own, locale, "qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        installed.append(qt_own)
    for translator in installed:
        app.installTranslator(translator)
    _installed.extend(installed)
    return ours.language() or locale.name()
