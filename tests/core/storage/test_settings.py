"""Declared, typed settings in a JSON file that survives bad edits and newer versions."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from fedimove.core.clock import utc
from fedimove.core.errors import ConfigError, StorageError
from fedimove.core.storage.paths import AppPaths
from fedimove.core.storage.settings import (
    ALIAS_WAIT_MINUTES,
    DECLARED,
    INCLUDE_FAVOURITES,
    LANGUAGE,
    THEME,
    TRACKING_DAYS,
    VERSION,
    Setting,
    Settings,
)


def write(path: Path, document: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document), encoding="utf-8")


def stored(path: Path) -> dict[str, Any]:
    document = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def test_without_a_file_every_setting_has_its_default(app_paths: AppPaths) -> None:
    settings = Settings.load_default(app_paths)
    assert settings.as_dict() == {
        "alias_wait_minutes": 15,
        "tracking_days": 14,
        "full_scan_hours": 4,
        "include_favourites": False,
        "api_only": False,
        "backup_dir": "",
        "language": "",
        "theme": "system",
    }
    assert settings.repaired == []
    assert not app_paths.settings.exists()  # reading never writes


def test_changes_are_saved_privately_and_read_back(app_paths: AppPaths) -> None:
    settings = Settings.load_default(app_paths)
    settings.set(TRACKING_DAYS, 30)
    settings.set(THEME, "dark")
    settings.set(LANGUAGE, "pt-BR")
    settings.set(INCLUDE_FAVOURITES, True)
    settings.save()

    assert stat.S_IMODE(os.stat(app_paths.settings).st_mode) == 0o600
    again = Settings.load_default(app_paths)
    assert again.get(TRACKING_DAYS) == 30
    assert (again.get(THEME), again.get(LANGUAGE)) == ("dark", "pt-BR")
    assert again.get(INCLUDE_FAVOURITES) is True
    assert stored(app_paths.settings)["version"] == VERSION


def test_defaults_are_not_written(app_paths: AppPaths) -> None:
    settings = Settings.load_default(app_paths)
    settings.set(ALIAS_WAIT_MINUTES, 20)
    settings.set(ALIAS_WAIT_MINUTES, 15)
    settings.set(THEME, "light")
    settings.reset(THEME)
    settings.save()
    assert stored(app_paths.settings)["settings"] == {}


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        (TRACKING_DAYS, 0),
        (TRACKING_DAYS, 91),
        (ALIAS_WAIT_MINUTES, -1),
        (THEME, "neon"),
        (LANGUAGE, "English!"),
        (TRACKING_DAYS, True),  # a bool is not a number here
        (INCLUDE_FAVOURITES, 1),
    ],
)
def test_values_outside_the_declaration_are_refused(
    app_paths: AppPaths, setting: Setting[Any], value: Any
) -> None:
    settings = Settings.load_default(app_paths)
    with pytest.raises(ConfigError) as raised:
        settings.set(setting, value)
    assert raised.value.code == "config.invalid"
    assert settings.get(setting) == setting.default


def test_hand_edited_bad_values_read_as_defaults_and_survive_a_save(
    app_paths: AppPaths,
) -> None:
    write(
        app_paths.settings,
        {"version": 1, "settings": {"tracking_days": "lots", "theme": "sepia", "api_only": True}},
    )
    settings = Settings.load_default(app_paths)
    assert settings.get(TRACKING_DAYS) == 14
    assert settings.get(THEME) == "system"
    assert sorted(settings.repaired) == ["theme", "tracking_days"]
    settings.save()  # "sepia" may be a newer Fedimove's theme: kept until the user chooses
    assert stored(app_paths.settings)["settings"]["theme"] == "sepia"
    settings.set(THEME, "dark")
    settings.save()
    assert stored(app_paths.settings)["settings"]["theme"] == "dark"


def test_unknown_keys_are_kept_but_secrets_are_dropped(app_paths: AppPaths) -> None:
    write(
        app_paths.settings,
        {
            "version": 1,
            "settings": {"future_option": [1, 2], "access_token": "abc", "Old_Password": "x"},
        },
    )
    settings = Settings.load_default(app_paths)
    settings.set(TRACKING_DAYS, 20)
    settings.save()
    assert stored(app_paths.settings)["settings"] == {"future_option": [1, 2], "tracking_days": 20}


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "[1, 2, 3]",
        json.dumps({"version": "one", "settings": {}}),
        json.dumps({"version": 1, "settings": ["a"]}),
        "",
    ],
)
def test_a_corrupt_file_gives_defaults_and_is_kept_aside(app_paths: AppPaths, content: str) -> None:
    app_paths.settings.write_text(content, encoding="utf-8")
    settings = Settings.load(app_paths.settings, now=lambda: utc(2026, 2, 3, 4, 5))

    assert settings.as_dict() == {setting.key: setting.default for setting in DECLARED}
    (backup,) = settings.backups
    assert backup.name == "settings.json.corrupt-20260203T040500Z"
    assert backup.read_text(encoding="utf-8") == content
    assert not app_paths.settings.exists()
    settings.save()
    assert Settings.load_default(app_paths).backups == []


def test_an_older_file_is_upgraded_after_a_backup(app_paths: AppPaths) -> None:
    write(app_paths.settings, {"version": 1, "settings": {"track_days": 21}})

    def rename_tracking(raw: dict[str, Any]) -> dict[str, Any]:
        raw["tracking_days"] = raw.pop("track_days")
        return raw

    settings = Settings.load(app_paths.settings, version=2, upgrades={2: rename_tracking})
    assert settings.get(TRACKING_DAYS) == 21
    (backup,) = settings.backups
    assert stored(backup) == {"version": 1, "settings": {"track_days": 21}}
    settings.save()
    assert stored(app_paths.settings) == {"version": 2, "settings": {"tracking_days": 21}}


def test_a_newer_file_keeps_its_version(app_paths: AppPaths) -> None:
    write(app_paths.settings, {"version": 9, "settings": {"tracking_days": 7, "x": 1}})
    settings = Settings.load_default(app_paths)
    assert settings.get(TRACKING_DAYS) == 7
    settings.save()
    assert stored(app_paths.settings) == {"version": 9, "settings": {"tracking_days": 7, "x": 1}}


def test_declarations_refuse_secrets_duplicates_and_bad_defaults(app_paths: AppPaths) -> None:
    with pytest.raises(ValueError, match="secrets"):
        Setting("api_token", "", "no")
    with pytest.raises(ValueError, match="default"):
        Setting("days", 0, "no", minimum=1)
    with pytest.raises(ValueError, match="twice"):
        Settings(app_paths.settings, declared=(THEME, THEME))
    other = Setting("theme", "system", "a look-alike")
    with pytest.raises(ConfigError):
        Settings.load_default(app_paths).get(other)


def test_a_file_that_cannot_be_replaced_is_a_storage_error(app_paths: AppPaths) -> None:
    app_paths.settings.mkdir()  # a folder where the file should be
    settings = Settings(app_paths.settings)
    settings.set(THEME, "dark")
    with pytest.raises(StorageError) as raised:
        settings.save()
    assert raised.value.code == "storage.failed"
    assert list(app_paths.config.iterdir()) == [app_paths.settings]  # no temporary file left
