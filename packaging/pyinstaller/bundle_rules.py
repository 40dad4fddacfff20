"""What goes into the PyInstaller bundle and what stays out; used by fedimove.spec.

Plain functions and data, without PyInstaller, so tests/packaging can check the rules.
"""

from __future__ import annotations

import re
import sysconfig
from collections.abc import Iterable
from pathlib import Path

# Packages whose submodules are imported by name at run time, invisible to the import analysis.
RUNTIME_PACKAGES = (
    "fedimove",  # cli.<command> modules (importlib), sandbox servers, ui pages
    "keyring.backends",  # chosen through keyring's entry points
    "uvicorn",  # loop, protocol and lifespan implementations named in strings
    "starlette",
    "anyio._backends",  # picked by name when an event loop starts
)
# The Secret Service backend talks D-Bus through these (Linux only).
LINUX_RUNTIME_PACKAGES = ("secretstorage", "jeepney")
EXTRA_HIDDEN_IMPORTS = ("multipart", "python_multipart", "certifi")
# Distributions whose metadata must ship: keyring finds its backends through entry points.
METADATA = ("keyring",)

# Qt modules Fedimove does not use (it needs QtCore, QtGui, QtWidgets and QtSvg).
UNUSED_QT_MODULES = [
    "QtNetwork",
    "QtQml",
    "QtQuick",
    "QtQuickWidgets",
    "QtQuickControls2",
    "QtQuick3D",
    "QtWebEngineCore",
    "QtWebEngineWidgets",
    "QtWebEngineQuick",
    "QtWebChannel",
    "QtWebSockets",
    "Qt3DCore",
    "Qt3DRender",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DExtras",
    "Qt3DAnimation",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtSpatialAudio",
    "QtTextToSpeech",
    "QtCharts",
    "QtDataVisualization",
    "QtGraphs",
    "QtPdf",
    "QtPdfWidgets",
    "QtPositioning",
    "QtLocation",
    "QtBluetooth",
    "QtNfc",
    "QtSensors",
    "QtSerialPort",
    "QtSerialBus",
    "QtSql",
    "QtTest",
    "QtDesigner",
    "QtUiTools",
    "QtHelp",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtPrintSupport",
    "QtDBus",
    "QtXml",
    "QtConcurrent",
    "QtRemoteObjects",
    "QtScxml",
    "QtStateMachine",
    "QtHttpServer",
    "QtNetworkAuth",
    "QtAxContainer",
]

# Python modules never needed at run time, pulled in only by optional imports of others.
EXCLUDED_MODULES = (
    "tkinter",
    "_tkinter",
    "pytest",
    "_pytest",
    "hypothesis",
    "mypy",
    "IPython",
    "numpy",
    "PIL",
    "yaml",  # uvicorn reads YAML logging configs only when asked to
    "gi",  # PyGObject would pull GTK from the build host
    "dbus",
    *(f"PySide6.{name}" for name in UNUSED_QT_MODULES),
)

# Qt plugins the bundle must not carry (relative to Qt's plugins folder):
# - the GTK platform theme links GTK, which PyInstaller would copy from the build host;
# - platforms other than the desktop ones (xcb, wayland, windows, cocoa), offscreen, minimal;
# - plugins of unused modules (QML, network, TLS, SQL, print, designer, virtual keyboard, evdev);
# - image formats users never see.
_UNWANTED_QT_PLUGINS = (
    r"platformthemes/(lib)?qgtk3",
    r"platforms/(lib)?q(eglfs|linuxfb|minimalegl|vnc|vkkhrdisplay|direct2d)",
    r"(egldeviceintegrations|generic|networkinformation|tls|sqldrivers|printsupport)/",
    r"(designer|qmltooling|position|multimedia|sensors|webview|canbus)/",
    r"platforminputcontexts/(lib)?qtvirtualkeyboard",
    r"imageformats/(lib)?q(pdf|tga|tiff|wbmp)",
)
_GTK_LIBRARIES = (
    r"lib(gtk|gdk|atk|pango|cairo|harfbuzz|gio|gobject|glib|gmodule|epoxy)[-_.0-9a-z]*\.so"
)


def unwanted_pattern(*, is_mac: bool) -> re.Pattern[str]:
    """Bundle paths (forward slashes) to drop. Of Qt's own translations only qtbase stays."""
    plugins = list(_UNWANTED_QT_PLUGINS)
    if not is_mac:
        plugins.append(r"imageformats/(lib)?qicns")
    return re.compile(
        r"(/plugins/(" + "|".join(plugins) + r"))"
        r"|(PySide6/(Qt/)?translations/(?!qtbase_)[^/]+\.qm$)"
        r"|((^|/)" + _GTK_LIBRARIES + ")",
        re.IGNORECASE,
    )


def python_dirs() -> list[Path]:
    """Where this Python's standard library and installed packages live."""
    keys = ("stdlib", "platstdlib", "purelib", "platlib")
    return sorted({Path(sysconfig.get_path(key)).resolve() for key in keys})


def from_python(source: str, directories: Iterable[Path]) -> bool:
    """Does this library belong to Python or an installed package (not to the host system)?"""
    path = Path(source).resolve()
    if path.name.startswith("libpython"):
        return True
    return any(path.is_relative_to(directory) for directory in directories)


def keep_data(destination: str, unwanted: re.Pattern[str]) -> bool:
    return unwanted.search(destination.replace("\\", "/")) is None


def keep_binary(
    destination: str,
    source: str,
    unwanted: re.Pattern[str],
    *,
    is_linux: bool,
    directories: Iterable[Path],
) -> bool:
    """On Linux the bundle carries Python, Qt (from its wheel) and the packages' own libraries,
    never a copy of the build host's /lib or /usr/lib: those would tie the bundle to the build
    machine's versions. The system provides them; the .deb declares them in Depends."""
    if not keep_data(destination, unwanted):
        return False
    return not is_linux or from_python(source, directories)
