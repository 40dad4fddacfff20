"""Misskey and its forks: detected and explained, not signed in to (DESIGN §0.14, §7).

They sign in with MiAuth, not Mastodon's OAuth, and the endpoints a migration needs most
(`i/move`, `i/import-*`) accept only the browser's own session token, never an app's
(fediverse-apis §1.4, §6.5). Fedimove says so and offers guided steps and the backup's CSVs.
"""

from __future__ import annotations

from datetime import timedelta

from fedimove.core.servers.base import (
    ActionSupport,
    Capabilities,
    FollowPacing,
    ServerProbe,
    SignInMethod,
    SupportLevel,
)

LIMITATIONS = (
    "sign_in_miauth",
    "move_native_session_only",
    "import_native_session_only",
)


class MisskeyAdapter:
    names: tuple[str, ...] = (
        "misskey",
        "sharkey",
        "firefish",
        "iceshrimp",
        "foundkey",
        "cherrypick",
        "catodon",
    )

    def matches(self, probe: ServerProbe) -> bool:
        return probe.software in self.names

    def capabilities(self, probe: ServerProbe) -> Capabilities:
        return Capabilities(
            support=SupportLevel.DETECTED_ONLY,
            sign_in=SignInMethod.MIAUTH,
            pkce=True,
            oob=False,
            alias=ActionSupport.GUIDED,
            move=ActionSupport.GUIDED,
            follow_pacing=FollowPacing(per_window=100, window=timedelta(hours=1)),
            limitations=LIMITATIONS,
        )


class OtherSoftwareAdapter:
    """Any other Fediverse software: named, explained, not signed in to."""

    names: tuple[str, ...] = (
        "pixelfed",
        "threads",
        "friendica",
        "lemmy",
        "peertube",
        "mitra",
        "wordpress",
    )

    def matches(self, probe: ServerProbe) -> bool:
        return True

    def capabilities(self, probe: ServerProbe) -> Capabilities:
        code = "software_not_supported" if probe.software else "software_unknown"
        return Capabilities(
            support=SupportLevel.DETECTED_ONLY,
            sign_in=SignInMethod.NONE,
            oob=False,
            alias=ActionSupport.GUIDED,
            move=ActionSupport.GUIDED,
            limitations=(code,),
        )
