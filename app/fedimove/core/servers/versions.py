"""Reading the version strings servers report.

Servers write versions many ways: `4.3.0`, `4.2.10+glitch`, `4.4.0-beta.2`, GoToSocial's
`0.17.3 git-abc123`, a Mastodon-compatible `3.5.3+0.17.0` (GoToSocial with version injection),
Akkoma's `2.7.2 (compatible; Akkoma 3.10.0)` (fediverse-apis §7.2).
"""

from __future__ import annotations

import re

Version = tuple[int, int, int]

_NUMBERS = re.compile(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?")
_COMPATIBLE = re.compile(r"\(compatible;\s*[^\s)]+\s+([^)\s]+)\)", re.IGNORECASE)

UNKNOWN: Version = (0, 0, 0)


def parse_version(text: str) -> Version:
    """The first `major.minor.patch` in `text`; (0, 0, 0) when there is none."""
    match = _NUMBERS.search(text or "")
    if not match:
        return UNKNOWN
    return (int(match[1]), int(match[2] or 0), int(match[3] or 0))


def compatible_software_version(text: str) -> str:
    """`2.7.2 (compatible; Akkoma 3.10.0)` → `3.10.0`; "" when not written that way."""
    match = _COMPATIBLE.search(text or "")
    return match[1] if match else ""


def at_least(version: str | Version, minimum: Version) -> bool:
    parsed = parse_version(version) if isinstance(version, str) else version
    return parsed >= minimum


def format_version(version: Version) -> str:
    return ".".join(str(part) for part in version)
