"""The desktop entry and the AppStream metadata the Linux packages install are valid."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from fedimove import __version__

APP_ID = "app.fedimove.Fedimove"
LINUX = Path(__file__).resolve().parents[2] / "resources" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_starts_the_installed_command_with_the_packaged_icon() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "fedimove"  # /usr/bin/fedimove from the .deb, on PATH
    assert entry["Icon"] == APP_ID  # matches the hicolor PNGs from packaging/render_icons.py
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")
    assert entry["Name"] == "Fedimove"


def test_metainfo_describes_the_app_and_points_at_the_desktop_entry() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "AGPL-3.0-or-later"
    assert root.findtext("provides/binary") == "fedimove"
    assert len(root.findall("description/p")) >= 1


def test_metainfo_lists_the_current_version_as_a_release() -> None:
    root = ET.parse(METAINFO).getroot()
    versions = [release.get("version") for release in root.iter("release")]
    assert __version__ in versions, "add a <release> for the new version to the metainfo"


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils absent")
def test_desktop_file_validate_accepts_the_entry() -> None:
    done = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream absent")
def test_appstreamcli_accepts_the_metainfo() -> None:
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
