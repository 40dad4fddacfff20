"""User settings: declared, typed, stored as JSON in the config dir (DESIGN §6).

Every setting is declared once as a `Setting` with its type, default and allowed values, so
reading one gives a value of the right type or its default, never a surprise. The file is
`{"version": N, "settings": {...}}`:

- a value of the wrong type or outside its range reads as the default (and is listed in
  `Settings.repaired`, for the log); it is written back as found until the user sets the key;
- keys this version does not know are kept and written back untouched (a newer Fedimove may
  have written them), except keys that look like secrets, which are dropped: secrets live in
  the keyring only;
- an unreadable file (not JSON, wrong shape) is moved aside as `settings.json.corrupt-<time>`
  and the defaults are used;
- an older file is upgraded by `UPGRADES` after a copy `settings.json.v<N>.bak` is taken.
"""

from __future__ import annotations

import errno
import json
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from fedimove.core.errors import ConfigError, DiskFullError, ReadOnlyStorageError, StorageError
from fedimove.core.storage.files import write_private_file, write_private_json

if TYPE_CHECKING:
    from fedimove.core.storage.paths import AppPaths

T = TypeVar("T", bool, int, float, str)

VERSION = 1
_SECRET_WORDS = ("token", "secret", "password", "passphrase", "credential", "cookie")
_LANGUAGE_TAG = r"[a-z]{2,3}([_-][A-Za-z0-9]{2,8})*"

Upgrade = Callable[[dict[str, Any]], dict[str, Any]]


def looks_secret(key: str) -> bool:
    lowered = key.lower()
    return any(word in lowered for word in _SECRET_WORDS)


@dataclass(frozen=True, slots=True)
class Setting(Generic[T]):
    """One declared setting. Its type is the type of its default."""

    key: str
    default: T
    description: str
    choices: tuple[T, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    pattern: str | None = None  # a full-match regular expression for text

    def __post_init__(self) -> None:
        if looks_secret(self.key):
            raise ValueError(f"settings never hold secrets: {self.key}")
        if self.check(self.default) is None:
            raise ValueError(f"the default of {self.key} is not allowed by its own rules")

    def check(self, raw: object) -> T | None:
        """`raw` as this setting's type when it is allowed, else None."""
        value = self._typed(raw)
        if value is None:
            return None
        if self.choices and value not in self.choices:
            return None
        if isinstance(value, int | float) and not isinstance(value, bool):
            if self.minimum is not None and value < self.minimum:
                return None
            if self.maximum is not None and value > self.maximum:
                return None
        if isinstance(value, str) and self.pattern and not re.fullmatch(self.pattern, value):
            return None
        return value

    def _typed(self, raw: object) -> T | None:
        kind = type(self.default)
        if kind is bool:
            return raw if isinstance(raw, bool) else None
        if isinstance(raw, bool):
            return None  # JSON true is not the number 1
        if kind is float and isinstance(raw, int):
            return float(raw)
        return raw if isinstance(raw, kind) else None


ALIAS_WAIT_MINUTES = Setting(
    "alias_wait_minutes",
    15,
    "Minutes between the alias becoming visible and the Move (DESIGN §0.4).",
    minimum=0,
    maximum=7 * 24 * 60,
)
TRACKING_DAYS = Setting(
    "tracking_days", 14, "Days to track followers after the Move.", minimum=1, maximum=90
)
FULL_SCAN_HOURS = Setting(
    "full_scan_hours",
    4,
    "Hours between full scans of the old followers list.",
    minimum=1,
    maximum=48,
)
INCLUDE_FAVOURITES = Setting(
    "include_favourites", False, "Copy favourites (each one notifies its author)."
)
API_ONLY = Setting(
    "api_only", False, "Never use a server's CSV import; copy item by item, even if slower."
)
BACKUP_DIR = Setting("backup_dir", "", "Folder for backup archives; empty: Documents.")
LANGUAGE = Setting(
    "language", "", "Interface language; empty: follow the system.", pattern=f"|{_LANGUAGE_TAG}"
)
THEME = Setting("theme", "system", "Colour theme.", choices=("system", "light", "dark"))

DECLARED: tuple[Setting[Any], ...] = (
    ALIAS_WAIT_MINUTES,
    TRACKING_DAYS,
    FULL_SCAN_HOURS,
    INCLUDE_FAVOURITES,
    API_ONLY,
    BACKUP_DIR,
    LANGUAGE,
    THEME,
)

#: version -> function that lifts the raw `settings` mapping from `version - 1` to `version`.
UPGRADES: Mapping[int, Upgrade] = {}


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _storage_error(error: OSError, path: Path) -> StorageError:
    if error.errno == errno.ENOSPC:
        return DiskFullError("no space left for the settings", file=path.name)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ReadOnlyStorageError("the settings cannot be written", file=path.name)
    return StorageError("settings file error", file=path.name, errno=error.errno)


class Settings:
    """The user's settings, loaded from and saved to one JSON file."""

    def __init__(
        self,
        path: Path,
        *,
        declared: Sequence[Setting[Any]] = DECLARED,
        version: int = VERSION,
        upgrades: Mapping[int, Upgrade] = UPGRADES,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        keys = [setting.key for setting in declared]
        if len(set(keys)) != len(keys):
            raise ValueError("a setting is declared twice")
        self.path = path
        self.version = version
        self._declared = {setting.key: setting for setting in declared}
        self._upgrades = upgrades
        self._now = now or (lambda: datetime.now(UTC))
        self._values: dict[str, Any] = {}
        self._unknown: dict[str, Any] = {}
        self._file_version = version
        #: Keys whose stored value was invalid and fell back to the default (for the log).
        self.repaired: list[str] = []
        #: Copies written by `load`: a corrupt file moved aside, or the file before an upgrade.
        self.backups: list[Path] = []

    @classmethod
    def load(cls, path: Path, **options: Any) -> Settings:
        settings = cls(path, **options)
        settings.reload()
        return settings

    @classmethod
    def load_default(cls, paths: AppPaths) -> Settings:
        return cls.load(paths.settings)

    # --- values -------------------------------------------------------------------------------

    def get(self, setting: Setting[T]) -> T:
        self._require_declared(setting)
        value: T = self._values.get(setting.key, setting.default)
        return value

    def set(self, setting: Setting[T], value: T) -> None:
        """Change a value in memory (`save` writes it); `ConfigError` when not allowed."""
        self._require_declared(setting)
        checked = setting.check(value)
        if checked is None:
            raise ConfigError("value not allowed for this setting", setting=setting.key)
        self._unknown.pop(setting.key, None)
        if checked == setting.default:
            self._values.pop(setting.key, None)  # defaults are not written: they may improve
        else:
            self._values[setting.key] = checked

    def reset(self, setting: Setting[T]) -> None:
        self._require_declared(setting)
        self._values.pop(setting.key, None)
        self._unknown.pop(setting.key, None)

    def as_dict(self) -> dict[str, Any]:
        """Every declared setting with its current value."""
        return {key: self.get(setting) for key, setting in self._declared.items()}

    def _require_declared(self, setting: Setting[Any]) -> None:
        if self._declared.get(setting.key) is not setting:
            raise ConfigError("setting not declared", setting=setting.key)

    # --- file ---------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the file (a missing file means all defaults)."""
        self._values, self._unknown, self.repaired = {}, {}, []
        self._file_version = self.version
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        except OSError as error:
            raise _storage_error(error, self.path) from error
        parsed = self._parse(text)
        if parsed is None:
            self._move_aside()
            return
        file_version, raw = parsed
        if file_version < self.version:
            raw = self._upgrade(file_version, raw)
            file_version = self.version
        self._file_version = file_version
        self._take(raw)

    @staticmethod
    def _parse(text: str) -> tuple[int, dict[str, Any]] | None:
        try:
            document = json.loads(text)
        except ValueError:
            return None
        if not isinstance(document, dict):
            return None
        version, raw = document.get("version"), document.get("settings", {})
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            return None
        return (version, raw) if isinstance(raw, dict) else None

    def _take(self, raw: dict[str, Any]) -> None:
        for key, value in raw.items():
            setting = self._declared.get(key)
            if setting is None:
                if not looks_secret(key):
                    self._unknown[key] = value
                continue
            checked = setting.check(value)
            if checked is None:
                # Read as the default, but written back as found: it may be a value a newer
                # Fedimove allows (a new theme, say). Setting the key replaces it.
                self.repaired.append(key)
                self._unknown[key] = value
            elif checked != setting.default:
                self._values[key] = checked

    def _upgrade(self, file_version: int, raw: dict[str, Any]) -> dict[str, Any]:
        self.backups.append(self._copy_to(f"{self.path.name}.v{file_version}.bak"))
        for version in range(file_version + 1, self.version + 1):
            step = self._upgrades.get(version)
            if step is not None:
                raw = step(dict(raw))
        return raw

    def _move_aside(self) -> None:
        target = self.path.with_name(f"{self.path.name}.corrupt-{_stamp(self._now())}")
        try:
            os.replace(self.path, target)
        except OSError as error:
            raise _storage_error(error, self.path) from error
        self.backups.append(target)

    def _copy_to(self, name: str) -> Path:
        target = self.path.with_name(name)
        try:
            write_private_file(target, self.path.read_bytes())
        except OSError as error:
            raise _storage_error(error, target) from error
        return target

    def save(self) -> None:
        """Write atomically (a crash leaves the old file or the new one, never half of one)."""
        document = {
            # Never lower the version: a newer Fedimove would otherwise run its upgrades again.
            "version": max(self.version, self._file_version),
            "settings": {**self._unknown, **self._values},
        }
        try:
            write_private_json(self.path, document)
        except OSError as error:
            raise _storage_error(error, self.path) from error
