# ruff: noqa: E501 - user-facing sentences stay on one line for translators
"""Turn a `FedimoveError` into words a person can act on: a title, a message and one action.

Every `code` in `fedimove.core.errors` has an entry here (a test checks it). The texts are
marked with QT_TRANSLATE_NOOP so lupdate finds them and translated when looked up, so a language
switch takes effect without restarting. No traceback, raw server body or parameter value is
ever put into these words; a code unknown here (an error class added later) falls back to its
nearest mapped parent class, then to a generic text.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from fedimove.core.errors import FedimoveError

_CONTEXT = "ErrorMessages"


# Named as Qt names it, because that is the name lupdate looks for.
def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context`; it is translated when looked up."""
    return text


class ErrorAction(StrEnum):
    """What the dialog's main button does (the page decides how)."""

    RETRY = "retry"
    RETRY_LATER = "retry_later"
    SIGN_IN_AGAIN = "sign_in_again"
    EDIT_INPUT = "edit_input"
    CHOOSE_OTHER_SERVER = "choose_other_server"
    CHOOSE_OTHER_LOCATION = "choose_other_location"
    OPEN_SETTINGS = "open_settings"
    REVIEW_CHECKS = "review_checks"
    DISMISS = "dismiss"
    REPORT_PROBLEM = "report_problem"


_ACTION_LABELS: dict[ErrorAction, str] = {
    ErrorAction.RETRY: QT_TRANSLATE_NOOP("ErrorMessages", "Try again"),
    ErrorAction.RETRY_LATER: QT_TRANSLATE_NOOP("ErrorMessages", "Try again later"),
    ErrorAction.SIGN_IN_AGAIN: QT_TRANSLATE_NOOP("ErrorMessages", "Sign in again"),
    ErrorAction.EDIT_INPUT: QT_TRANSLATE_NOOP("ErrorMessages", "Change what you typed"),
    ErrorAction.CHOOSE_OTHER_SERVER: QT_TRANSLATE_NOOP("ErrorMessages", "Choose another server"),
    ErrorAction.CHOOSE_OTHER_LOCATION: QT_TRANSLATE_NOOP("ErrorMessages", "Choose another place"),
    ErrorAction.OPEN_SETTINGS: QT_TRANSLATE_NOOP("ErrorMessages", "Open settings"),
    ErrorAction.REVIEW_CHECKS: QT_TRANSLATE_NOOP("ErrorMessages", "Review the checks"),
    ErrorAction.DISMISS: QT_TRANSLATE_NOOP("ErrorMessages", "OK"),
    ErrorAction.REPORT_PROBLEM: QT_TRANSLATE_NOOP("ErrorMessages", "Report the problem"),
}


@dataclass(frozen=True, slots=True)
class ErrorText:
    code: str
    title: str
    message: str
    action: ErrorAction
    action_label: str


# code -> (title, message, action); untranslated source texts.
_A = ErrorAction
_MESSAGES: dict[str, tuple[str, str, ErrorAction]] = {
    "internal": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Something went wrong"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "Fedimove ran into a problem it did not expect. Nothing was lost: what was done so far is saved.",
        ),
        _A.REPORT_PROBLEM,
    ),
    "config.invalid": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Settings could not be read"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages", "Fedimove's settings file is damaged. Fedimove will use its defaults."
        ),
        _A.DISMISS,
    ),
    "keyring.unavailable": (
        QT_TRANSLATE_NOOP("ErrorMessages", "No password store found"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "This computer has no password store Fedimove can use, so it cannot remember your sign-in. You can continue: you will sign in again next time.",
        ),
        _A.DISMISS,
    ),
    "keyring.locked": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Password store is locked"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages", "Your computer's password store is locked. Unlock it, then try again."
        ),
        _A.RETRY,
    ),
    "storage.failed": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Could not save"),
        QT_TRANSLATE_NOOP("ErrorMessages", "Fedimove could not write to this computer's disk."),
        _A.RETRY,
    ),
    "storage.disk_full": (
        QT_TRANSLATE_NOOP("ErrorMessages", "The disk is full"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "There is not enough free space. Free some space or choose another place, then try again.",
        ),
        _A.CHOOSE_OTHER_LOCATION,
    ),
    "storage.read_only": (
        QT_TRANSLATE_NOOP("ErrorMessages", "This place is read-only"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages", "Fedimove is not allowed to write here. Choose another place."
        ),
        _A.CHOOSE_OTHER_LOCATION,
    ),
    "journal.failed": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Progress could not be saved"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "Fedimove could not update its record of this move. It stopped so that nothing is done twice.",
        ),
        _A.RETRY,
    ),
    "journal.busy": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Fedimove is already working on this move"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "Another Fedimove window or command is running this move. Close it or wait until it finishes.",
        ),
        _A.RETRY_LATER,
    ),
    "archive.invalid": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Not a Fedimove backup"),
        QT_TRANSLATE_NOOP("ErrorMessages", "This file is not a backup Fedimove can open."),
        _A.CHOOSE_OTHER_LOCATION,
    ),
    "archive.wrong_passphrase": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Wrong passphrase"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages", "The passphrase does not open this backup. Check it and try again."
        ),
        _A.EDIT_INPUT,
    ),
    "archive.tampered": (
        QT_TRANSLATE_NOOP("ErrorMessages", "The backup was changed"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "This backup was changed or damaged after it was written, so Fedimove will not trust it.",
        ),
        _A.DISMISS,
    ),
    "archive.truncated": (
        QT_TRANSLATE_NOOP("ErrorMessages", "The backup is incomplete"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages", "This backup ends too early; it was probably not copied completely."
        ),
        _A.DISMISS,
    ),
    "csv.invalid": (
        QT_TRANSLATE_NOOP("ErrorMessages", "The file could not be read"),
        QT_TRANSLATE_NOOP("ErrorMessages", "This file is not in the format Fedimove expects."),
        _A.CHOOSE_OTHER_LOCATION,
    ),
    "input.invalid_handle": (
        QT_TRANSLATE_NOOP("ErrorMessages", "That is not an account address"),
        QT_TRANSLATE_NOOP("ErrorMessages", "Type your account like @name@example.social."),
        _A.EDIT_INPUT,
    ),
    "input.same_account": (
        QT_TRANSLATE_NOOP("ErrorMessages", "That is the same account"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages", "The new account must be a different account from the old one."
        ),
        _A.EDIT_INPUT,
    ),
    "feature.unavailable": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Not available yet"),
        QT_TRANSLATE_NOOP("ErrorMessages", "This version of Fedimove cannot do this step yet."),
        _A.DISMISS,
    ),
    "source.invalid": (
        QT_TRANSLATE_NOOP("ErrorMessages", "These files cannot be used"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "Fedimove cannot use these files as your old account. Nothing was changed.",
        ),
        _A.CHOOSE_OTHER_LOCATION,
    ),
    "source.zip_unsafe": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Unsafe archive refused"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "This zip file holds entries that could write outside its folder. Fedimove did not open it.",
        ),
        _A.CHOOSE_OTHER_LOCATION,
    ),
    "source.zip_too_large": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Archive too large"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "This zip file unpacks to far more than an account archive holds. Fedimove did not open it.",
        ),
        _A.CHOOSE_OTHER_LOCATION,
    ),
    "input.invalid_url": (
        QT_TRANSLATE_NOOP("ErrorMessages", "That is not a web address"),
        QT_TRANSLATE_NOOP("ErrorMessages", "Type a server address like example.social."),
        _A.EDIT_INPUT,
    ),
    "network.failed": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Connection problem"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "Fedimove could not talk to the server. Check your internet connection.",
        ),
        _A.RETRY,
    ),
    "network.unreachable": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Server not reachable"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "The server did not answer. It may be down, or the address may be wrong.",
        ),
        _A.RETRY,
    ),
    "network.timeout": (
        QT_TRANSLATE_NOOP("ErrorMessages", "The server is slow"),
        QT_TRANSLATE_NOOP("ErrorMessages", "The server took too long to answer."),
        _A.RETRY,
    ),
    "network.tls": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Secure connection failed"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "The server's security certificate could not be verified, so Fedimove did not connect.",
        ),
        _A.CHOOSE_OTHER_SERVER,
    ),
    "network.insecure_url": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Insecure address"),
        QT_TRANSLATE_NOOP("ErrorMessages", "Fedimove only connects to servers over HTTPS."),
        _A.EDIT_INPUT,
    ),
    "network.redirect_loop": (
        QT_TRANSLATE_NOOP("ErrorMessages", "The server sends Fedimove in circles"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages", "The server redirected too many times. It may be misconfigured."
        ),
        _A.CHOOSE_OTHER_SERVER,
    ),
    "network.response_too_large": (
        QT_TRANSLATE_NOOP("ErrorMessages", "The server's answer was too large"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages", "The server sent more data than expected, so Fedimove stopped reading."
        ),
        _A.RETRY_LATER,
    ),
    "server.error": (
        QT_TRANSLATE_NOOP("ErrorMessages", "The server had a problem"),
        QT_TRANSLATE_NOOP("ErrorMessages", "The server could not do what Fedimove asked."),
        _A.RETRY_LATER,
    ),
    "server.busy": (
        QT_TRANSLATE_NOOP("ErrorMessages", "The server is busy"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "The server is overloaded or under maintenance. Fedimove will try again.",
        ),
        _A.RETRY_LATER,
    ),
    "server.rate_limited": (
        QT_TRANSLATE_NOOP("ErrorMessages", "The server asks Fedimove to slow down"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "The server's limit was reached. Fedimove waits and continues by itself.",
        ),
        _A.RETRY_LATER,
    ),
    "server.malformed_response": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Unexpected answer"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages", "The server answered in a way Fedimove does not understand."
        ),
        _A.RETRY_LATER,
    ),
    "server.not_fediverse": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Not a Fediverse server"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages", "There is a website at this address, but no Fediverse server."
        ),
        _A.EDIT_INPUT,
    ),
    "server.unsupported": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Server software not supported"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages", "Fedimove cannot move accounts on this kind of server yet."
        ),
        _A.CHOOSE_OTHER_SERVER,
    ),
    "server.too_old": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Server software too old"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "This server runs a version too old for Fedimove. Ask its admins to update.",
        ),
        _A.CHOOSE_OTHER_SERVER,
    ),
    "account.not_found": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Account not found"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages", "The server does not know this account. Check the spelling."
        ),
        _A.EDIT_INPUT,
    ),
    "account.suspended": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Account suspended"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "This account is suspended on its server, so it cannot be moved from or to.",
        ),
        _A.DISMISS,
    ),
    "account.moved": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Account already moved"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "This account has already moved to another one. Followers sent here would not arrive.",
        ),
        _A.EDIT_INPUT,
    ),
    "account.disabled": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Account not usable"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "The server says this account's login is disabled: it may have moved or still await approval.",
        ),
        _A.DISMISS,
    ),
    "server.not_permitted": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Not allowed"),
        QT_TRANSLATE_NOOP("ErrorMessages", "The server does not allow this for your account."),
        _A.DISMISS,
    ),
    "auth.scope_missing": (
        QT_TRANSLATE_NOOP("ErrorMessages", "More permission needed"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "Fedimove needs a permission it was not given. Sign in again and allow it.",
        ),
        _A.SIGN_IN_AGAIN,
    ),
    "auth.failed": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Sign-in failed"),
        QT_TRANSLATE_NOOP("ErrorMessages", "Signing in did not work."),
        _A.SIGN_IN_AGAIN,
    ),
    "auth.denied": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Sign-in was declined"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "Access was not granted in the browser. Sign in again and choose Authorize.",
        ),
        _A.SIGN_IN_AGAIN,
    ),
    "auth.state_mismatch": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Sign-in could not be verified"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "The answer from the browser did not match this sign-in, so Fedimove ignored it for your safety.",
        ),
        _A.SIGN_IN_AGAIN,
    ),
    "auth.code_invalid": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Sign-in expired"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages", "The sign-in code was not accepted. It may have expired."
        ),
        _A.SIGN_IN_AGAIN,
    ),
    "auth.timeout": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Sign-in took too long"),
        QT_TRANSLATE_NOOP("ErrorMessages", "Fedimove waited for the browser, but no answer came."),
        _A.SIGN_IN_AGAIN,
    ),
    "auth.token_invalid": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Signed out"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages", "The server no longer accepts Fedimove's sign-in. Sign in again."
        ),
        _A.SIGN_IN_AGAIN,
    ),
    "auth.not_signed_in": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Not signed in"),
        QT_TRANSLATE_NOOP("ErrorMessages", "Sign in to this account first."),
        _A.SIGN_IN_AGAIN,
    ),
    "run.cancelled": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Stopped"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages", "You stopped this step. You can continue later where it stopped."
        ),
        _A.DISMISS,
    ),
    "move.preflight_failed": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Not ready to move"),
        QT_TRANSLATE_NOOP("ErrorMessages", "Some checks did not pass. Fix them before the move."),
        _A.REVIEW_CHECKS,
    ),
    "move.consent_missing": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Please confirm the move"),
        QT_TRANSLATE_NOOP("ErrorMessages", "Type your new account's address to confirm the move."),
        _A.EDIT_INPUT,
    ),
    "move.cooldown": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Moved too recently"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "This account moved recently; the server allows another move only after a waiting period.",
        ),
        _A.DISMISS,
    ),
    "journal.lease_lost": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Another Fedimove took over"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "Another Fedimove window or command continued this move while this one was paused. This window stopped so that nothing is done twice.",
        ),
        _A.DISMISS,
    ),
    "journal.corrupt": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Fedimove's record is damaged"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "Fedimove's record of your moves is damaged. A copy was kept; your accounts were not changed by this.",
        ),
        _A.REPORT_PROBLEM,
    ),
    "journal.too_new": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Made by a newer Fedimove"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "This move was recorded by a newer version of Fedimove. Update Fedimove to continue it.",
        ),
        _A.DISMISS,
    ),
    "journal.invalid_transition": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Step out of order"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "Fedimove refused a step that would have happened out of order. Nothing was changed.",
        ),
        _A.REPORT_PROBLEM,
    ),
    "journal.not_found": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Move not found"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "Fedimove has no record of this move.",
        ),
        _A.DISMISS,
    ),
    "archive.header_invalid": (
        QT_TRANSLATE_NOOP("ErrorMessages", "The backup is damaged"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "The beginning of this backup is damaged, or it was not written by an age tool.",
        ),
        _A.CHOOSE_OTHER_LOCATION,
    ),
    "archive.unsupported": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Backup format not supported"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "This file is not a backup this version of Fedimove can open.",
        ),
        _A.CHOOSE_OTHER_LOCATION,
    ),
    "csv.wrong_kind": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Wrong kind of file"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "This file holds another kind of list than the one asked for (for example blocks instead of follows).",
        ),
        _A.CHOOSE_OTHER_LOCATION,
    ),
    "csv.truncated": (
        QT_TRANSLATE_NOOP("ErrorMessages", "The file is incomplete"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "This file ends too early; it was probably not saved completely.",
        ),
        _A.CHOOSE_OTHER_LOCATION,
    ),
    "auth.wrong_account": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Signed in to another account"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "The browser signed in to a different account than the one you typed. Sign out there, or type that account instead.",
        ),
        _A.SIGN_IN_AGAIN,
    ),
    "auth.registration_failed": (
        QT_TRANSLATE_NOOP("ErrorMessages", "The server refused Fedimove"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "The server did not let Fedimove register as an app. It may allow only a few sign-ins per hour; try again later.",
        ),
        _A.RETRY_LATER,
    ),
    "move.refused": (
        QT_TRANSLATE_NOOP("ErrorMessages", "The old server refused the move"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "Your old server did not accept the move. Nothing was changed; check the reason shown and try again.",
        ),
        _A.REVIEW_CHECKS,
    ),
    "move.not_verified": (
        QT_TRANSLATE_NOOP("ErrorMessages", "The move is not confirmed yet"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "The move was asked for, but your old account does not show it yet. Fedimove keeps checking.",
        ),
        _A.RETRY_LATER,
    ),
    "alias.not_visible": (
        QT_TRANSLATE_NOOP("ErrorMessages", "The accounts are not linked yet"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "Your new account does not show your old one as an alias yet. It can take a few minutes; Fedimove keeps checking.",
        ),
        _A.RETRY_LATER,
    ),
    "alias.refused": (
        QT_TRANSLATE_NOOP("ErrorMessages", "The new server refused the link"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "Your new server did not accept your old account as an alias. It may not have found your old account: check that your old server is reachable, then try again.",
        ),
        _A.RETRY_LATER,
    ),
    "move.resend_unavailable": (
        QT_TRANSLATE_NOOP("ErrorMessages", "The move cannot be sent again"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "Your old server cannot send the move again, or not yet.",
        ),
        _A.DISMISS,
    ),
    "practice.stopped": (
        QT_TRANSLATE_NOOP("ErrorMessages", "The practice move stopped"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "The practice move could not be taken to its end. Nothing real was touched; "
            "try again, and report a problem if it keeps happening.",
        ),
        _A.REPORT_PROBLEM,
    ),
    "finish.too_early": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Follower tracking has not ended yet"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "Finishing signs Fedimove out and puts your settings back, so it waits until follower tracking has ended. Finish tracking on the followers page first.",
        ),
        _A.DISMISS,
    ),
    "selftest.refused": (
        QT_TRANSLATE_NOOP("ErrorMessages", "Self-test not run"),
        QT_TRANSLATE_NOOP(
            "ErrorMessages",
            "The self-test only runs on throwaway accounts, and only after you type the confirmation exactly.",
        ),
        _A.EDIT_INPUT,
    ),
}


def mapped_codes() -> frozenset[str]:
    return frozenset(_MESSAGES)


def _translate(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _nearest_mapped_code(error: FedimoveError | str) -> str:
    if isinstance(error, str):
        return error if error in _MESSAGES else "internal"
    for cls in type(error).__mro__:
        code = getattr(cls, "code", None)
        if isinstance(code, str) and code in _MESSAGES:
            return code
    return "internal"


def describe_error(error: FedimoveError | str) -> ErrorText:
    """Words for `error` (or for an error code) in the current UI language."""
    code = _nearest_mapped_code(error)
    title, message, action = _MESSAGES[code]
    return ErrorText(
        code=error if isinstance(error, str) else error.code,
        title=_translate(title),
        message=_translate(message),
        action=action,
        action_label=_translate(_ACTION_LABELS[action]),
    )
