"""One tree of errors with stable codes.

The UI (`ui/errors.py`) and the CLI turn a `code` into words and a suggested action; the
message given here is for logs and developers only. `params` carry safe, non-secret details
(a host, a handle, a count) that the words may quote. Never put a token, a password or a raw
server body in either.
"""

from __future__ import annotations

from typing import ClassVar

ParamValue = str | int | float | bool | None


class FedimoveError(Exception):
    """Base of every error Fedimove raises on purpose."""

    code: ClassVar[str] = "internal"
    #: Whether trying again later may succeed without the user changing anything.
    retryable: ClassVar[bool] = False

    def __init__(self, message: str = "", **params: ParamValue) -> None:
        self.params: dict[str, ParamValue] = params
        super().__init__(message or self.code)

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.code

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, params={self.params!r})"


# --- configuration and local environment ------------------------------------------------------


class ConfigError(FedimoveError):
    code = "config.invalid"


class KeyringUnavailableError(FedimoveError):
    """No usable OS keyring: secrets cannot be remembered (never falls back to a file)."""

    code = "keyring.unavailable"


class KeyringLockedError(FedimoveError):
    code = "keyring.locked"


class StorageError(FedimoveError):
    code = "storage.failed"


class DiskFullError(StorageError):
    code = "storage.disk_full"


class ReadOnlyStorageError(StorageError):
    code = "storage.read_only"


class JournalError(StorageError):
    code = "journal.failed"


class JournalBusyError(JournalError):
    """Another Fedimove process holds the migration's writer lease."""

    code = "journal.busy"
    retryable = True


class JournalLeaseLostError(JournalBusyError):
    """Another process took over the migration's lease after ours went stale."""

    code = "journal.lease_lost"
    retryable = False


class JournalCorruptError(JournalError):
    code = "journal.corrupt"


class JournalVersionError(JournalError):
    """The journal was written by a newer Fedimove; it is left untouched."""

    code = "journal.too_new"


class JournalStateError(JournalError):
    """A change the journal's state rules do not allow (a bug, or a second writer)."""

    code = "journal.invalid_transition"


class JournalNotFoundError(JournalError):
    code = "journal.not_found"


class ArchiveError(FedimoveError):
    code = "archive.invalid"


class ArchiveWrongPassphraseError(ArchiveError):
    code = "archive.wrong_passphrase"


class ArchiveTamperedError(ArchiveError):
    code = "archive.tampered"


class ArchiveTruncatedError(ArchiveError):
    code = "archive.truncated"


class CsvFormatError(FedimoveError):
    code = "csv.invalid"


# --- input --------------------------------------------------------------------------------------


class InvalidHandleError(FedimoveError):
    code = "input.invalid_handle"


class InvalidUrlError(FedimoveError):
    code = "input.invalid_url"


# --- network and servers ------------------------------------------------------------------------


class NetworkError(FedimoveError):
    code = "network.failed"
    retryable = True


class ServerUnreachableError(NetworkError):
    code = "network.unreachable"


class NetworkTimeoutError(NetworkError):
    code = "network.timeout"


class TlsError(NetworkError):
    code = "network.tls"
    retryable = False


class InsecureUrlError(FedimoveError):
    """Plain HTTP to a host that is not on this machine: refused, never silently downgraded."""

    code = "network.insecure_url"


class TooManyRedirectsError(NetworkError):
    code = "network.redirect_loop"
    retryable = False


class ResponseTooLargeError(NetworkError):
    code = "network.response_too_large"
    retryable = False


class ServerError(FedimoveError):
    """The server answered, but not with what was asked for."""

    code = "server.error"

    def __init__(self, message: str = "", *, status: int | None = None, **params: ParamValue):
        super().__init__(message, status=status, **params)
        self.status = status


class ServerBusyError(ServerError):
    """5xx or 503 with Retry-After: worth another try later."""

    code = "server.busy"
    retryable = True


class RateLimitedError(ServerError):
    code = "server.rate_limited"
    retryable = True


class MalformedResponseError(ServerError):
    code = "server.malformed_response"


class NotFediverseError(ServerError):
    code = "server.not_fediverse"


class UnsupportedServerError(ServerError):
    code = "server.unsupported"


class ServerTooOldError(UnsupportedServerError):
    code = "server.too_old"


class AccountNotFoundError(ServerError):
    code = "account.not_found"


class AccountSuspendedError(ServerError):
    code = "account.suspended"


class AccountMovedError(ServerError):
    code = "account.moved"


class AccountDisabledError(ServerError):
    """Mastodon's 403 "Your login is currently disabled" (moved or unapproved account)."""

    code = "account.disabled"


class NotPermittedError(ServerError):
    code = "server.not_permitted"


class ScopeMissingError(ServerError):
    code = "auth.scope_missing"


# --- sign-in ------------------------------------------------------------------------------------


class AuthError(FedimoveError):
    code = "auth.failed"


class AuthDeniedError(AuthError):
    code = "auth.denied"


class AuthStateMismatchError(AuthError):
    code = "auth.state_mismatch"


class AuthCodeInvalidError(AuthError):
    code = "auth.code_invalid"


class AuthTimeoutError(AuthError):
    code = "auth.timeout"


class TokenInvalidError(AuthError):
    code = "auth.token_invalid"


class NotSignedInError(AuthError):
    code = "auth.not_signed_in"


# --- migration ----------------------------------------------------------------------------------


class CancelledError(FedimoveError):
    """The user cancelled; not a failure. Distinct from asyncio.CancelledError on purpose."""

    code = "run.cancelled"


class PreflightFailedError(FedimoveError):
    code = "move.preflight_failed"


class ConsentMissingError(FedimoveError):
    code = "move.consent_missing"


class MoveCooldownError(FedimoveError):
    code = "move.cooldown"


# --- backup archive and CSV files (storage/age.py, archive.py, csv_formats.py) ------------------


class ArchiveHeaderError(ArchiveTamperedError):
    """The age header is malformed: damaged, or not written by an age tool."""

    code = "archive.header_invalid"


class ArchiveUnsupportedError(ArchiveError):
    """Not an age file, or an age version / archive layout this Fedimove does not know."""

    code = "archive.unsupported"


class CsvWrongKindError(CsvFormatError):
    """The file holds another kind of data (e.g. blocks offered as follows)."""

    code = "csv.wrong_kind"


class CsvTruncatedError(CsvFormatError):
    code = "csv.truncated"


class WrongAccountError(AuthError):
    """The browser signed in to another account than the handle the user asked for."""

    code = "auth.wrong_account"


class AppRegistrationError(AuthError):
    """The server refused to register Fedimove as an app (scopes, redirect URIs, rate limit)."""

    code = "auth.registration_failed"


class MoveRefusedError(FedimoveError):
    """The old server refused the Move (its reason is mapped to `reason`, never quoted)."""

    code = "move.refused"


class MoveNotVerifiedError(FedimoveError):
    """The Move was asked for, but the old account does not show `moved` yet."""

    code = "move.not_verified"
    retryable = True


class AliasNotVisibleError(FedimoveError):
    """The alias was set (or the page opened) but the new account does not show it yet."""

    code = "alias.not_visible"
    retryable = True


class ResendNotAvailableError(FedimoveError):
    """The old server cannot send the Move again (Mastodon), or not yet (GoToSocial, 7 days)."""

    code = "move.resend_unavailable"


class FeatureUnavailableError(FedimoveError):
    """A step whose engine has not landed in this build: said plainly, never faked."""

    code = "feature.unavailable"


class SameAccountError(FedimoveError):
    """The new account is the old one (a move needs two different accounts)."""

    code = "input.same_account"


class SourceError(FedimoveError):
    """Files offered as the old account (old server gone, issue 12) cannot be used; `reason`
    says why (unknown_file, duplicate_category, old_account_unknown, bad_json, ...)."""

    code = "source.invalid"


class ZipUnsafeError(SourceError):
    """A zip with entries that could escape a folder (`..`, absolute paths, links) or that is
    encrypted: refused whole."""

    code = "source.zip_unsafe"


class ZipTooLargeError(SourceError):
    """A zip (or one entry) bigger than Fedimove reads, or one that inflates far beyond its
    compressed size (a zip bomb)."""

    code = "source.zip_too_large"


class SelfTestRefusedError(FedimoveError):
    """The self-test will not run here: `reason` is `real_account` (more follows or followers
    than a throwaway account has; `--force` overrides) or `not_confirmed` (the typed
    confirmation for the Move did not match)."""

    code = "selftest.refused"


class PracticeMoveStoppedError(FedimoveError):
    """`fedimove practice-move` could not take the practice move to its end."""

    code = "practice.stopped"


class AliasRefusedError(FedimoveError):
    """The new server refused the alias (Akkoma may say so in a 200 answer): `reason` is
    `old_account_unknown` (it does not know the old account and could not fetch it) or
    `refused`; the server's own words are not quoted."""

    code = "alias.refused"


class FinishTooEarlyError(FedimoveError):
    """The finish (revoking access, restoring `locked`) waits until follower tracking has
    ended: `phase` is where the migration stands."""

    code = "finish.too_early"
