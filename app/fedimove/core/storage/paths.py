"""Where Fedimove keeps its files.

Every path comes from here: platformdirs by default, one override for tests and portable use
(`FEDIMOVE_HOME`, or an explicit root passed in), so no test ever writes to the real user dirs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "Fedimove"
APP_AUTHOR = "Fedimove"
HOME_ENV = "FEDIMOVE_HOME"


@dataclass(frozen=True, slots=True)
class AppPaths:
    data: Path
    config: Path
    log: Path
    cache: Path

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        """All directories below one root (tests, portable installs)."""
        return cls(
            data=root / "data", config=root / "config", log=root / "log", cache=root / "cache"
        )

    @classmethod
    def default(cls) -> AppPaths:
        override = os.environ.get(HOME_ENV)
        if override:
            return cls.under(Path(override).expanduser())
        dirs = platformdirs.PlatformDirs(APP_NAME, APP_AUTHOR)
        return cls(
            data=Path(dirs.user_data_dir),
            config=Path(dirs.user_config_dir),
            log=Path(dirs.user_log_dir),
            cache=Path(dirs.user_cache_dir),
        )

    def ensure(self) -> AppPaths:
        """Create the directories (private to the user) and return self."""
        for path in (self.data, self.config, self.log, self.cache):
            path.mkdir(parents=True, exist_ok=True, mode=0o700)
        return self

    @property
    def journal(self) -> Path:
        return self.data / "journal.sqlite"

    @property
    def settings(self) -> Path:
        return self.config / "settings.json"

    def all(self) -> dict[str, Path]:
        return {"data": self.data, "config": self.config, "log": self.log, "cache": self.cache}
