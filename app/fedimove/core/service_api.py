"""What the wizard asks of the core: the `MigrationService` protocol and the values it returns.

The GUI (`fedimove.ui.controller`) is written against this protocol only, so it can be built and
tested before the real service exists, and the service can change inside without the GUI
noticing. Everything here is Qt-free plain data. Every long call has the house shape: it
reports `ProgressEvent`s to `progress`, checks `cancel` between units of work, and raises a
`FedimoveError` (never a bare exception) when something the user should hear about goes wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from fedimove.core.errors import ParamValue
from fedimove.core.models import Category
from fedimove.core.progress import CancelToken, Phase, ProgressSink


class AccountRole(StrEnum):
    OLD = "old"
    NEW = "new"


@dataclass(frozen=True, slots=True)
class AccountSummary:
    """A signed-in account as the wizard shows it (remote text: render as plain text)."""

    role: AccountRole
    handle: str  # "@user@domain"
    display_name: str = ""
    avatar_url: str = ""
    software: str = ""  # "mastodon", "gotosocial", ...
    version: str = ""
    locked: bool = False
    followers_count: int = 0
    following_count: int = 0
    #: Stable codes for what this server allows or lacks ("alias_api", "move_api", ...).
    capabilities: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class CategoryPreview:
    category: Category
    count: int
    sample: tuple[str, ...] = ()  # a few handles or titles
    already_present: int = 0  # on the new account already
    skipped: dict[str, int] = field(default_factory=dict)  # reason code -> count


class Prediction(StrEnum):
    """What will probably happen to the followers on one server when the Move is sent."""

    WILL_MOVE = "will_move"
    ARRIVES_AS_REQUEST = "arrives_as_request"
    NO_MOVE_SUPPORT = "no_move_support"
    UNREACHABLE = "unreachable"
    BLOCKED = "blocked"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class ServerPrediction:
    server: str
    followers: int
    prediction: Prediction
    software: str = ""
    confidence: float = 0.0  # 0..1


@dataclass(frozen=True, slots=True)
class Preview:
    categories: tuple[CategoryPreview, ...]
    follower_servers: tuple[ServerPrediction, ...] = ()


@dataclass(frozen=True, slots=True)
class StepOutcome:
    """How one step ended: counts of items and a status code ("done", "paused", ...)."""

    step: str
    status: str = "done"
    done: int = 0
    skipped: int = 0
    failed: int = 0
    params: dict[str, ParamValue] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One pre-flight check before the Move; `code` is stable ("alias_visible", ...)."""

    code: str
    passed: bool
    blocking: bool = True
    params: dict[str, ParamValue] = field(default_factory=dict)


class FollowerState(StrEnum):
    """Where one follower stands. The order of members is the order of urgency in the UI."""

    AWAITING_APPROVAL = "awaiting_approval"  # already left the old account (DESIGN §0.3)
    STILL_ON_OLD = "still_on_old"
    NO_MOVE_SUPPORT = "no_move_support"
    UNREACHABLE = "unreachable"
    BLOCKED = "blocked"
    GONE = "gone"  # suspended or deleted
    UNKNOWN = "unknown"
    MOVED = "moved"


@dataclass(frozen=True, slots=True)
class FollowerRow:
    """One follower as the tracker knows it now. `actor_uri` is the identity (DESIGN §0.6)."""

    actor_uri: str
    handle: str
    state: FollowerState
    display_name: str = ""
    server: str = ""
    software: str = ""
    reason: str = ""  # stable reason code; the UI turns it into words
    observed: bool = True  # False: inferred (DESIGN §0.6)
    arrived_at: datetime | None = None


#: Receives batches of changed follower rows (latest state per actor), many times a second.
FollowerSink = Callable[[Sequence[FollowerRow]], None]


@dataclass(frozen=True, slots=True)
class ResumePoint:
    """An unfinished migration found in the journal."""

    migration_id: str
    old_handle: str
    new_handle: str
    phase: Phase
    updated_at: datetime | None = None
    #: The old account's capability codes, as `AccountSummary.capabilities` has them (after
    #: a resume: "move_password" for a GoToSocial Move; "old_server_gone" for a files move).
    old_capabilities: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class ReportFiles:
    html: Path
    csv: Path


class MigrationService(Protocol):
    """The core facade the wizard drives; the CLI calls the same object."""

    async def find_unfinished(self) -> ResumePoint | None: ...

    async def resume(
        self, migration_id: str, *, progress: ProgressSink, cancel: CancelToken
    ) -> ResumePoint: ...

    async def sign_in(
        self, role: AccountRole, handle: str, *, progress: ProgressSink, cancel: CancelToken
    ) -> AccountSummary: ...

    async def use_old_files(
        self,
        paths: Sequence[Path],
        passphrase: str,
        old_handle: str,
        *,
        progress: ProgressSink,
        cancel: CancelToken,
    ) -> AccountSummary:
        """The old server is gone: read the old account from these files (a Fedimove backup,
        Mastodon's archive zip, CSV exports; `passphrase` for a backup, `old_handle` for CSV
        files; "" when not needed). Every file is checked before anything changes; the
        summary's capabilities hold "old_server_gone"."""
        ...

    async def preview(self, *, progress: ProgressSink, cancel: CancelToken) -> Preview: ...

    async def backup(
        self,
        destination: Path,
        passphrase: str,
        *,
        progress: ProgressSink,
        cancel: CancelToken,
    ) -> StepOutcome: ...

    async def copy(
        self, categories: Sequence[Category], *, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome: ...

    async def set_alias(self, *, progress: ProgressSink, cancel: CancelToken) -> StepOutcome: ...

    async def run_checks(
        self, *, progress: ProgressSink, cancel: CancelToken
    ) -> Sequence[CheckResult]: ...

    async def move(
        self, confirmation: str, *, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome: ...

    async def track_followers(
        self, *, on_rows: FollowerSink, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome: ...

    async def approve_migrated_followers(
        self, *, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        """Approve the follow requests of accounts that followed the old account (§0.3)."""
        ...

    async def resend_move(self, *, progress: ProgressSink, cancel: CancelToken) -> StepOutcome:
        """Send the Move again where the old server allows it (§0.5)."""
        ...

    async def export_missing_followers(
        self, destination: Path, *, progress: ProgressSink, cancel: CancelToken
    ) -> Path:
        """Write a CSV of the followers who did not arrive; returns the file written."""
        ...

    async def write_report(
        self, destination: Path, *, progress: ProgressSink, cancel: CancelToken
    ) -> ReportFiles: ...

    async def finish_tracking(
        self, *, on_rows: FollowerSink, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        """End follower tracking: the final scan, then the *finish* phase (sends the rows)."""
        ...

    async def finish_options(self, *, progress: ProgressSink, cancel: CancelToken) -> StepOutcome:
        """What the finish can offer (no network): params `tracking_finished`, `old_gone`,
        `restore_locked_applies` (the person's accounts were locked: see §0.3), `signed_in`."""
        ...

    async def finish(
        self, *, restore_locked: bool, sign_out: bool, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        """The *finish* step (DESIGN §0.16): put `locked` back, revoke and forget Fedimove's
        access on both servers, say where each lists authorized apps. Params: `locked` (a
        `LockedResult`), `old_access`/`new_access` (an `AccessResult`), `old_server`/
        `new_server` (hosts), `old_apps_url`/`new_apps_url` ("" when not known)."""
        ...


class AccessResult(StrEnum):
    """What the finish did with Fedimove's access to one account."""

    REVOKED = "revoked"  # the server confirmed; the token is forgotten here too
    NOT_CONFIRMED = "not_confirmed"  # forgotten here; the server did not confirm (revoke by hand)
    SIGNED_OUT = "signed_out"  # nothing left to forget (an earlier finish or sign-out)
    KEPT = "kept"  # the person chose to keep Fedimove signed in
    NOT_APPLICABLE = "not_applicable"  # the old server is gone (a move from files)


class LockedResult(StrEnum):
    """What the finish did with the new account's `locked` (DESIGN §0.3)."""

    RESTORED = "restored"  # locked again, as the person had it
    ALREADY_LOCKED = "already_locked"
    NOT_NEEDED = "not_needed"  # neither account was locked
    KEPT = "kept"  # the person chose to leave it open
    NOT_CONFIRMED = "not_confirmed"  # the new server did not answer, or no sign-in is left
