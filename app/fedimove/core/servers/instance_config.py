"""Limits a server publishes in its instance document (fediverse-apis §7.2)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fedimove.core.servers.base import JsonObject, ProfileLimits

_MAX_SANE_LIMIT = 1_000_000


def _section(document: JsonObject | None, *path: str) -> Mapping[str, Any]:
    current: Any = document or {}
    for key in path:
        current = current.get(key) if isinstance(current, Mapping) else None
    return current if isinstance(current, Mapping) else {}


def _positive_int(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if 0 < value <= _MAX_SANE_LIMIT else None


def profile_limits(instance: JsonObject | None, defaults: ProfileLimits) -> ProfileLimits:
    """`defaults` overridden by whatever `configuration.accounts` states (Mastodon 4.6, GTS)."""
    accounts = _section(instance, "configuration", "accounts")

    def pick(key: str, fallback: int) -> int:
        found = _positive_int(accounts.get(key))
        return found if found is not None else fallback

    return ProfileLimits(
        max_fields=pick("max_profile_fields", defaults.max_fields),
        field_name_chars=pick("profile_field_name_limit", defaults.field_name_chars),
        field_value_chars=pick("profile_field_value_limit", defaults.field_value_chars),
        display_name_chars=pick("max_display_name_length", defaults.display_name_chars),
        note_chars=pick("max_note_length", defaults.note_chars),
    )


def mastodon_api_version(instance: JsonObject | None) -> int:
    """`api_versions.mastodon` (4.3+), 0 when absent."""
    value = _section(instance, "api_versions").get("mastodon")
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def printable(text: str, limit: int) -> str:
    """Remote text made safe to show: control characters dropped, length capped."""
    return "".join(ch for ch in text if ch.isprintable())[:limit]


def instance_title(instance: JsonObject | None) -> str:
    title = (instance or {}).get("title")
    return printable(title, 200) if isinstance(title, str) else ""
