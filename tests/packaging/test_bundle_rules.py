"""The PyInstaller spec's rules: what the bundle keeps, and what it leaves to the system."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def load(path: Path) -> ModuleType:
    # packaging/ is not a Python package (and `packaging` is taken on PyPI): load by path.
    spec = importlib.util.spec_from_file_location(f"fedimove_packaging_{path.stem}", path)
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rules() -> ModuleType:
    return load(PACKAGING / "pyinstaller" / "bundle_rules.py")


QT = "PySide6/Qt/plugins"


@pytest.mark.parametrize(
    "destination",
    [
        f"{QT}/platforms/libqxcb.so",
        f"{QT}/platforms/libqwayland.so",
        f"{QT}/platforms/libqoffscreen.so",
        f"{QT}/platformthemes/libqxdgdesktopportal.so",
        f"{QT}/imageformats/libqsvg.so",
        f"{QT}/imageformats/libqwebp.so",
        f"{QT}/iconengines/libqsvgicon.so",
        f"{QT}/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/Qt/translations/qtbase_de.qm",
        "resources/translations/fedimove_de.qm",
    ],
)
def test_what_the_desktop_app_needs_stays(rules: ModuleType, destination: str) -> None:
    assert rules.keep_data(destination, rules.unwanted_pattern(is_mac=False))


@pytest.mark.parametrize(
    "destination",
    [
        f"{QT}/platformthemes/libqgtk3.so",  # links GTK from the build host
        f"{QT}/platforms/libqeglfs.so",
        f"{QT}/platforms/libqvnc.so",
        f"{QT}/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        f"{QT}/sqldrivers/libqsqlite.so",
        f"{QT}/tls/libqopensslbackend.so",
        f"{QT}/imageformats/libqpdf.so",
        f"{QT}/imageformats/libqicns.so",  # macOS only
        "PySide6/Qt/translations/qtwebengine_de.qm",
        "libgtk-3.so.0",
        "libcairo.so.2",
    ],
)
def test_what_only_adds_weight_goes(rules: ModuleType, destination: str) -> None:
    assert not rules.keep_data(destination, rules.unwanted_pattern(is_mac=False))


def test_the_mac_bundle_keeps_its_icon_format(rules: ModuleType) -> None:
    assert rules.keep_data(f"{QT}/imageformats/libqicns.dylib", rules.unwanted_pattern(is_mac=True))


def test_linux_bundle_carries_python_and_wheels_but_no_host_libraries(
    rules: ModuleType, tmp_path: Path
) -> None:
    site = tmp_path / "venv" / "lib" / "python3.11" / "site-packages"
    qt_core = site / "PySide6" / "Qt" / "lib" / "libQt6Core.so.6"
    qt_core.parent.mkdir(parents=True)
    qt_core.touch()
    unwanted = rules.unwanted_pattern(is_mac=False)

    def keep(source: Path | str, *, is_linux: bool = True) -> bool:
        return bool(
            rules.keep_binary(
                Path(str(source)).name, str(source), unwanted, is_linux=is_linux, directories=[site]
            )
        )

    assert keep(qt_core)
    assert keep("/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0")
    assert not keep("/usr/lib/x86_64-linux-gnu/libxcb-cursor.so.0")
    assert not keep("/lib/x86_64-linux-gnu/libssl.so.3")
    assert keep("C:/Windows/System32/vcruntime140.dll", is_linux=False)  # PyInstaller decides


def test_the_python_dirs_are_this_interpreters(rules: ModuleType) -> None:
    import PySide6

    assert rules.from_python(PySide6.__file__, rules.python_dirs())


def test_keyring_backends_and_their_metadata_are_declared(rules: ModuleType) -> None:
    # keyring finds its backends through entry points: the modules and the metadata must ship.
    assert "keyring.backends" in rules.RUNTIME_PACKAGES
    assert "keyring" in rules.METADATA
    assert {"secretstorage", "jeepney"} <= set(rules.LINUX_RUNTIME_PACKAGES)
    assert "fedimove" in rules.RUNTIME_PACKAGES  # cli.<command> modules are imported by name


def test_no_module_fedimove_uses_is_excluded(rules: ModuleType) -> None:
    used = {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg"}
    used |= {"starlette", "uvicorn", "keyring", "httpx", "cryptography", "unittest"}
    assert used.isdisjoint(rules.EXCLUDED_MODULES)
