"""`fedimove --self-check`: is everything Fedimove needs present on this machine?

Prints one line per check and returns 1 when any required check fails. Used by users who
report a problem, and by the packaging CI inside each installer's bundle.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import ssl
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from fedimove import __version__
from fedimove.core.storage.paths import AppPaths


@dataclass(frozen=True, slots=True)
class CheckResult:
    name: str
    ok: bool
    detail: str
    required: bool = True


def _check_qt() -> CheckResult:
    try:
        from PySide6 import QtCore
    except ImportError as exc:
        return CheckResult("Qt", False, f"PySide6 cannot be imported: {exc}")
    plugins = Path(QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.PluginsPath))
    platforms = (
        sorted(p.name for p in (plugins / "platforms").glob("*")) if plugins.exists() else []
    )
    if not platforms:
        return CheckResult("Qt", False, f"Qt {QtCore.qVersion()}: no platform plugins in {plugins}")
    return CheckResult("Qt", True, f"Qt {QtCore.qVersion()}, {len(platforms)} platform plugins")


# Qt's platform plugins a desktop session uses, per OS; the first one is the one that must work.
_DESKTOP_PLATFORMS = {"linux": ("xcb", "wayland"), "win32": ("windows",), "darwin": ("cocoa",)}


def _platforms_to_load() -> list[str]:
    names = list(_DESKTOP_PLATFORMS.get(sys.platform, ()))
    chosen = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0]
    if chosen and chosen not in names:
        names.insert(0, chosen)
    return names


def _check_qt_platform_plugins() -> list[CheckResult]:
    """Load each platform plugin for real: a system library it needs and lacks shows up here
    (the classic "could not load the Qt platform plugin xcb"), without needing a display."""
    from PySide6.QtCore import QLibraryInfo, QPluginLoader

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    results = []
    for index, name in enumerate(_platforms_to_load()):
        label, required = f"Qt {name} plugin", index == 0
        files = sorted(folder.glob(f"*q{name}.*")) + sorted(folder.glob(f"*q{name}-*"))
        if not files:
            results.append(CheckResult(label, False, f"not in {folder}", required=required))
            continue
        loader = QPluginLoader(str(files[0]))
        if loader.load():
            results.append(CheckResult(label, True, f"{files[0].name} loads"))
        else:
            results.append(CheckResult(label, False, loader.errorString(), required=required))
    return results


def _check_keyring_backends() -> CheckResult:
    """The backends keyring finds through its entry points: a frozen build that lost keyring's
    metadata, or the D-Bus modules behind the Secret Service, would silently fall back to none."""
    found = sorted(ep.name for ep in importlib.metadata.entry_points(group="keyring.backends"))
    needed = {"linux": ("SecretService", "secretstorage", "jeepney"), "darwin": ("macOS",)}
    needed["win32"] = ("Windows", "win32ctypes.pywin32")
    missing = [name for name in needed.get(sys.platform, ()) if not _importable(name, found)]
    if not found or missing:
        lacking = ", ".join(missing) or "any entry point"
        return CheckResult("keyring backends", False, f"missing {lacking}")
    return CheckResult("keyring backends", True, ", ".join(found))


def _importable(name: str, backend_names: list[str]) -> bool:
    module = f"keyring.backends.{name}" if name in backend_names else name
    try:
        importlib.import_module(module)
    except ImportError:
        return False
    return True


def _check_wizard_imports() -> CheckResult:
    """Import the whole wizard (every page and model) without opening it: a module missing from
    an installer's bundle shows up here instead of when a user starts the app."""
    try:
        importlib.import_module("fedimove.ui.main")
    except ImportError as exc:
        return CheckResult("wizard", False, f"cannot be imported: {exc}")
    return CheckResult("wizard", True, "all pages import")


def _check_qasync() -> CheckResult:
    try:
        importlib.import_module("qasync")
    except ImportError as exc:
        return CheckResult("qasync", False, str(exc))
    return CheckResult("qasync", True, "present")


def _check_keyring() -> CheckResult:
    from fedimove.core.errors import KeyringUnavailableError
    from fedimove.core.storage.secrets import SecretStore

    try:
        store = SecretStore()
    except KeyringUnavailableError as exc:
        return CheckResult(
            "keyring",
            False,
            f"no usable keyring ({exc.params.get('backend')}); sign-ins will last one session",
            required=False,
        )
    return CheckResult("keyring", True, store.backend_description)


def _check_tls() -> CheckResult:
    context = ssl.create_default_context()
    try:
        import certifi

        context.load_verify_locations(certifi.where())
        source = f"certifi {certifi.where()}"
    except ImportError:
        source = "system store"
    count = len(context.get_ca_certs()) or context.cert_store_stats().get("x509_ca", 0)
    if not count:
        return CheckResult("TLS", False, f"no CA certificates found ({source})")
    return CheckResult("TLS", True, f"{count} CA certificates ({source})")


def _check_resources() -> CheckResult:
    from fedimove.resources import resource_dir

    root = resource_dir()
    icon = root / "icons" / "fedimove.svg"
    if not icon.is_file():
        return CheckResult("resources", False, f"missing {icon}")
    return CheckResult("resources", True, str(root))


def _check_translations() -> CheckResult:
    """Every translation source (.ts) has its compiled .qm beside it, which Qt loads."""
    from fedimove.resources import resource_dir

    folder = resource_dir() / "translations"
    sources = {path.stem for path in folder.glob("*.ts")}
    compiled = {path.stem for path in folder.glob("*.qm")}
    if sources - compiled:
        return CheckResult(
            "translations", False, "not compiled: " + ", ".join(sorted(sources - compiled))
        )
    languages = sorted(name.removeprefix("fedimove_") for name in compiled)
    return CheckResult("translations", True, ", ".join(languages) or "English only")


def _check_practice() -> CheckResult:
    missing = []
    for module in ("starlette", "uvicorn", "python_multipart"):
        try:
            importlib.import_module(module)
        except ImportError:
            missing.append(module)
    if missing:
        return CheckResult(
            "practice servers", False, "missing " + ", ".join(missing), required=False
        )
    return CheckResult("practice servers", True, "present")


def _check_dirs(paths: AppPaths) -> list[CheckResult]:
    results = []
    for name, path in paths.all().items():
        try:
            path.mkdir(parents=True, exist_ok=True, mode=0o700)
            with tempfile.NamedTemporaryFile(dir=path, prefix=".selfcheck-"):
                pass
        except OSError as exc:
            results.append(CheckResult(f"{name} dir", False, f"{path}: {exc.strerror}"))
        else:
            results.append(CheckResult(f"{name} dir", True, str(path)))
    return results


def collect(paths: AppPaths | None = None) -> list[CheckResult]:
    checks: list[Callable[[], CheckResult]] = [
        _check_qt,
        _check_qasync,
        _check_wizard_imports,
        _check_keyring,
        _check_tls,
        _check_resources,
        _check_translations,
        _check_practice,
    ]
    results = [check() for check in checks]
    results.extend(_check_qt_platform_plugins())
    results.append(_check_keyring_backends())
    results.extend(_check_dirs(paths or AppPaths.default()))
    return results


def run_self_check(out: TextIO, paths: AppPaths | None = None) -> int:
    out.write(f"Fedimove {__version__} self-check\n")
    results = collect(paths)
    for result in results:
        mark = "ok  " if result.ok else ("FAIL" if result.required else "warn")
        out.write(f"  {mark} {result.name}: {result.detail}\n")
    failed = [r for r in results if r.required and not r.ok]
    out.write(
        "All required checks passed.\n" if not failed else f"{len(failed)} check(s) failed.\n"
    )
    out.flush()
    return 1 if failed else 0


if __name__ == "__main__":  # pragma: no cover
    import sys

    sys.exit(run_self_check(sys.stdout))
