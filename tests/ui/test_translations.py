"""The German translation is complete and is what the app shows after switching to it."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from fedimove.ui.errors import describe_error
from fedimove.ui.i18n import available_languages, install_translator, translations_dir

UI_DIR = Path(__file__).resolve().parents[2] / "app" / "fedimove" / "ui"


def messages(ts_file: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts_file).getroot()
    return {
        (context.findtext("name", ""), message.findtext("source", "")): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_every_ui_string_has_a_german_translation(tmp_path: Path) -> None:
    sources = sorted(str(path) for path in UI_DIR.rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = set(messages(fresh))
    shipped = messages(translations_dir() / "fedimove_de.ts")
    missing = sorted(wanted - set(shipped))
    assert missing == [], "run pyside6-lupdate and translate the new strings"
    unfinished = [
        key
        for key, message in shipped.items()
        if key in wanted
        and (message.find("translation") is None or not message.findtext("translation"))
    ]
    assert unfinished == []


def test_switching_language_changes_the_words(qapp: QApplication) -> None:
    try:
        assert install_translator(qapp, "de").startswith("de")
        assert describe_error("network.timeout").title == "Der Server ist langsam"
        assert install_translator(qapp, "en") == "en"
        assert describe_error("network.timeout").title == "The server is slow"
    finally:
        install_translator(qapp, "en")


def test_german_is_offered(qapp: QApplication) -> None:
    assert "de" in available_languages()


@pytest.mark.parametrize("language", ["", "fr", "C"])
def test_any_language_request_falls_back_quietly(qapp: QApplication, language: str) -> None:
    try:
        assert install_translator(qapp, language)
    finally:
        install_translator(qapp, "en")


def test_the_shipped_qm_is_compiled_from_the_shipped_ts(tmp_path: Path) -> None:
    """The app loads the .qm; a .ts translated but not released would ship the old words."""
    shipped = translations_dir()
    fresh = tmp_path / "fresh.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run(
        [str(lrelease), str(shipped / "fedimove_de.ts"), "-qm", str(fresh)],
        check=True,
        capture_output=True,
    )
    assert fresh.read_bytes() == (shipped / "fedimove_de.qm").read_bytes(), (
        "run pyside6-lrelease resources/translations/fedimove_de.ts -qm ...fedimove_de.qm"
    )
