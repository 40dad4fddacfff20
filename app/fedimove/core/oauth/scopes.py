"""Which OAuth scopes to ask for, per operation (DESIGN §0.10, fediverse-apis §1.1).

Registration asks for the superset once per server; each sign-in asks only for what its
operation needs. Never `profile` before Mastodon 4.3 (the server refuses unknown scopes), and
GoToSocial's bulk import needs the top-level `write`.
"""

from __future__ import annotations

from enum import StrEnum

from fedimove.core.errors import UnsupportedServerError
from fedimove.core.servers.versions import at_least

READ_SCOPES = (
    "read:accounts",
    "read:follows",
    "read:blocks",
    "read:mutes",
    "read:lists",
    "read:bookmarks",
    "read:favourites",
    "read:filters",
    "read:search",
    "read:statuses",
)
WRITE_SCOPES = (
    "write:accounts",
    "write:follows",
    "write:blocks",
    "write:mutes",
    "write:lists",
    "write:bookmarks",
    "write:filters",
    "write:media",
)
PROFILE = "profile"
POST_SCOPE = "write:statuses"
TOP_LEVEL_WRITE = "write"

_OAUTH_SOFTWARE = ("mastodon", "hometown", "gotosocial", "akkoma", "pleroma")


class Operation(StrEnum):
    READ = "read"  # the old account: read everything, change nothing
    READ_AND_POST = "read_and_post"  # the old account, when the user wants a "moved" note
    WRITE = "write"  # the new account: re-create, alias, move
    REGISTER = "register"  # the superset registered once per server


def has_profile_scope(software: str, version: str) -> bool:
    if software in ("mastodon", "hometown"):
        return at_least(version, (4, 3, 0))
    if software == "gotosocial":
        return at_least(version, (0, 19, 0))
    return False


def scopes_for(operation: Operation, software: str, version: str) -> tuple[str, ...]:
    """The scopes to request for `operation` on `software` at `version`, in a stable order."""
    software = software.lower()
    if software not in _OAUTH_SOFTWARE:
        raise UnsupportedServerError("no OAuth sign-in for this software", software=software)
    scopes: list[str] = [PROFILE] if has_profile_scope(software, version) else []
    scopes += READ_SCOPES
    if operation in (Operation.READ_AND_POST, Operation.REGISTER):
        scopes.append(POST_SCOPE)
    if operation in (Operation.WRITE, Operation.REGISTER):
        scopes += WRITE_SCOPES
        if software == "gotosocial":
            scopes.append(TOP_LEVEL_WRITE)  # /api/v1/import accepts only `write`
    return tuple(scopes)


def scope_string(scopes: tuple[str, ...]) -> str:
    return " ".join(scopes)
