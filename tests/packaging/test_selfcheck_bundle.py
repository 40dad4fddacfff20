"""The self-check lines that prove a bundle is whole: platform plugins, keyring backends,
compiled translations."""

from __future__ import annotations

import importlib.metadata
import sys
from pathlib import Path

import pytest

from fedimove import selfcheck


def test_the_chosen_platform_plugin_is_loaded_and_required(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    results = selfcheck._check_qt_platform_plugins()
    first = results[0]
    assert first.name == "Qt offscreen plugin"
    assert first.ok
    assert first.required
    assert all(result.ok or not result.required for result in results[1:])


def test_a_platform_plugin_that_is_not_there_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "nosuchplatform")
    first = selfcheck._check_qt_platform_plugins()[0]
    assert first.name == "Qt nosuchplatform plugin"
    assert not first.ok
    assert first.required


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux backends")
def test_keyring_backends_include_the_secret_service() -> None:
    result = selfcheck._check_keyring_backends()
    assert result.ok, result.detail
    assert "SecretService" in result.detail


def test_keyring_without_its_metadata_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    # What a frozen build without copy_metadata("keyring") looks like from inside.
    def no_entry_points(**_: str) -> list[object]:
        return []

    monkeypatch.setattr(importlib.metadata, "entry_points", no_entry_points)
    result = selfcheck._check_keyring_backends()
    assert not result.ok
    assert result.required


def test_a_translation_without_its_compiled_file_fails(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations" / "fedimove_de.ts").write_text("<TS/>")
    (tmp_path / "translations" / "fedimove_fr.ts").write_text("<TS/>")
    (tmp_path / "translations" / "fedimove_de.qm").write_bytes(b"")
    monkeypatch.setattr("fedimove.resources.resource_dir", lambda: tmp_path)
    result = selfcheck._check_translations()
    assert not result.ok
    assert "fedimove_fr" in result.detail


def test_the_shipped_translations_are_compiled() -> None:
    result = selfcheck._check_translations()
    assert result.ok, result.detail
    assert "de" in result.detail.split(", ")


def test_the_wizard_imports_here() -> None:
    assert selfcheck._check_wizard_imports().ok


def test_a_wizard_module_missing_from_a_bundle_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    # None in sys.modules makes the import fail as a module left out of a bundle would.
    monkeypatch.setitem(sys.modules, "fedimove.ui.main", None)
    result = selfcheck._check_wizard_imports()
    assert not result.ok
    assert result.required
    assert "fedimove.ui.main" in result.detail
