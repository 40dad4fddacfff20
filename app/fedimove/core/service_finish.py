"""The *finish* step (DESIGN §0.16, §0.3), once follower tracking has ended: put the new
account's `locked` where the person meant it to be, take Fedimove's access away on both servers
(revoke on the server, forget the token here and, when no other signed-in account needs it, the
app registration and its secret), and say where each server lists the apps a person authorized.

A move from files (old server gone) has only the new account to touch. Safe to call again:
what an earlier call did is kept in the migration's options and reported the same way.
"""

from __future__ import annotations

import httpx

from fedimove.core.accounts import SignedInAccount
from fedimove.core.engine.steps.profile import PROFILE_KEY
from fedimove.core.errors import FedimoveError, FinishTooEarlyError, ParamValue
from fedimove.core.oauth.flow import SignInFlow
from fedimove.core.progress import CancelToken, Phase, ProgressEvent, ProgressSink
from fedimove.core.servers.rest import RestClient
from fedimove.core.service_api import AccessResult, AccountRole, LockedResult, StepOutcome
from fedimove.core.service_context import ServiceState, from_files
from fedimove.core.storage.journal_records import (
    UNFINISHED_STATES,
    Migration,
    MigrationPhase,
    MigrationState,
)
from fedimove.core.storage.secrets import client_secret_key

#: Where each server software lists the apps the person authorized, and lets them remove
#: one. Software not listed here: the words say "check your server's settings" (never a
#: guessed address; Akkoma's settings live in its front end, with no address of their own).
AUTHORIZED_APPS_PAGES: dict[str, str] = {
    # Doorkeeper's page, mounted by Mastodon's `use_doorkeeper` [M: config/routes.rb].
    "mastodon": "/oauth/authorized_applications",
    # "App Tokens": the tokens of the apps the person authorized, each with "invalidate"
    # [GTS: web/source/settings/views/user/router.tsx, views/user/tokens/index.tsx].
    "gotosocial": "/settings/user/tokens",
}

#: The profile's journal item (its step and key): the old account's profile as read, with its
#: `locked`, which the copy never sets on the new account (§0.3).
_PROFILE_STEP = "profile"
_UNCONFIRMED = (AccessResult.NOT_CONFIRMED, LockedResult.NOT_CONFIRMED)
_LOCKED_NOW = (LockedResult.RESTORED, LockedResult.ALREADY_LOCKED)


def apps_page(origin: str, software: str) -> str:
    """The server's authorized-apps page, or "" when not known."""
    path = AUTHORIZED_APPS_PAGES.get(software.lower())
    return f"{origin.rstrip('/')}{path}" if path else ""


def intended_locked(state: ServiceState, migration: Migration) -> bool:
    """Whether the person's account was locked: the old one as read before the Move (the
    profile step never copies it), or the new one before Fedimove first looked at it."""
    item = state.journal.get_item(migration.id, _PROFILE_STEP, PROFILE_KEY)
    old_locked = item is not None and item.payload.get("locked") is True
    return old_locked or migration.new_locked_original is True


class FinishActions:
    state: ServiceState

    async def finish_options(self, *, progress: ProgressSink, cancel: CancelToken) -> StepOutcome:
        state = self.state
        if state.migration_id is None:  # nothing started yet: nothing to finish
            return StepOutcome("finish_options", params={"tracking_finished": False})
        migration = state.journal.get_migration(state.migration_id)
        done = migration.options.get("finish_locked") in _LOCKED_NOW
        roles = (AccountRole.NEW,) if from_files(migration) else tuple(AccountRole)
        signed_in = any(self._signed_in(role, migration) is not None for role in roles)
        return StepOutcome(
            "finish_options",
            params={
                "tracking_finished": migration.phase is MigrationPhase.FINISH,
                "old_gone": from_files(migration),
                "restore_locked_applies": intended_locked(state, migration) and not done,
                "signed_in": signed_in,
            },
        )

    async def finish(
        self, *, restore_locked: bool, sign_out: bool, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        state = self.state
        migration_id = state.require_migration()
        migration = state.journal.get_migration(migration_id)
        if migration.phase is not MigrationPhase.FINISH:
            raise FinishTooEarlyError("tracking has not ended", phase=migration.phase.value)
        cancel.raise_if_cancelled()
        state.move_password = ""  # held for one Move only; long over
        state.journal.acquire_lease(migration_id)
        try:
            self._remember_software(migration)
            progress(ProgressEvent(Phase.FINISH, status="restoring_locked"))
            locked = await self._restore_locked(migration, wanted=restore_locked)
            state.journal.update_options(migration_id, {"finish_locked": locked.value})
            progress(ProgressEvent(Phase.FINISH, status="signing_out"))
            access = {role: await self._sign_out(role, migration, sign_out) for role in AccountRole}
            if sign_out:
                self._forget_unused_apps(migration)
            if migration.state in UNFINISHED_STATES:
                state.journal.set_state(migration_id, MigrationState.FINISHED)
        finally:
            state.journal.release_lease(migration_id)
        progress(ProgressEvent(Phase.FINISH, done=1, total=1, status="finished"))
        return _outcome(state.journal.get_migration(migration_id), locked, access)

    # --- `locked` ----------------------------------------------------------------------------

    async def _restore_locked(self, migration: Migration, *, wanted: bool) -> LockedResult:
        if not intended_locked(self.state, migration):
            return LockedResult.NOT_NEEDED
        earlier = migration.options.get("finish_locked")
        if earlier in _LOCKED_NOW:
            return LockedResult(earlier)  # an earlier finish saw to it
        if not wanted:
            return LockedResult.KEPT
        try:
            return await self._lock_new_account(migration)
        except FedimoveError as error:
            if error.code.startswith("keyring."):
                raise  # the person can unlock the keyring and finish again
            return LockedResult.NOT_CONFIRMED  # unreachable, refused: the words say so

    async def _lock_new_account(self, migration: Migration) -> LockedResult:
        new = await self._client(AccountRole.NEW, migration)
        if new is None:
            return LockedResult.NOT_CONFIRMED
        own = await new.verify_credentials()
        if own.profile.locked:
            return LockedResult.ALREADY_LOCKED
        await new.call("PATCH", "/api/v1/accounts/update_credentials", data=[("locked", "true")])
        return LockedResult.RESTORED

    async def _client(self, role: AccountRole, migration: Migration) -> RestClient | None:
        """The role's REST client, connected from the keyring when not yet (None when the
        account is signed out)."""
        state = self.state
        found = state.clients.get(role)
        if found is not None:
            return found
        account = self._signed_in(role, migration)
        return None if account is None else await state.connect(role, account)

    # --- access ------------------------------------------------------------------------------

    def _signed_in(self, role: AccountRole, migration: Migration) -> SignedInAccount | None:
        """The account Fedimove still holds a token for (this session's sign-in, else the
        one remembered under the migration's handle)."""
        state = self.state
        handle = migration.old_handle if role is AccountRole.OLD else migration.new_handle
        account = state.accounts.get(role) or state.registry.find(handle)
        if account is None or not state.secrets.get(account.token_key):
            return None
        return account

    async def _sign_out(
        self, role: AccountRole, migration: Migration, wanted: bool
    ) -> AccessResult:
        state = self.state
        if role is AccountRole.OLD and from_files(migration):
            return AccessResult.NOT_APPLICABLE
        account = self._signed_in(role, migration)
        if account is None:
            return AccessResult.SIGNED_OUT
        if not wanted:
            return AccessResult.KEPT
        flow = SignInFlow(state.http, secrets=state.secrets, paths=state.paths)
        try:
            revoked = await flow.sign_out(account)
        except FedimoveError as error:
            if error.code.startswith("keyring."):
                raise
            revoked = False  # refused by the server: forgotten here all the same
            state.secrets.delete(account.token_key)
            flow.accounts.remove(account.handle)
        state.accounts.pop(role, None)
        state.clients.pop(role, None)
        return AccessResult.REVOKED if revoked else AccessResult.NOT_CONFIRMED

    def _forget_unused_apps(self, migration: Migration) -> None:
        """Each server's app registration and client secret, unless another account Fedimove
        is still signed in to uses that server."""
        state = self.state
        flow = SignInFlow(state.http, secrets=state.secrets, paths=state.paths)
        in_use = {account.origin for account in state.registry.all()}
        ours = {migration.new_server} if from_files(migration) else {migration.old_server}
        for origin in (ours | {migration.new_server}) - in_use:
            cached = flow.cache.get(origin)
            flow.forget_app(origin)
            if cached is not None:
                state.secrets.delete(client_secret_key(origin, cached.client_id))

    def _remember_software(self, migration: Migration) -> None:
        """Each server's software, while the sign-ins still say (for the apps pages of a
        later call, after the sign-out)."""
        changes: dict[str, object] = {}
        for role in AccountRole:
            key = f"finish_{role.value}_software"
            account = self._signed_in(role, migration)
            if account is not None and not migration.options.get(key):
                changes[key] = account.software
        if changes:
            self.state.journal.update_options(migration.id, changes)


def _outcome(
    migration: Migration, locked: LockedResult, access: dict[AccountRole, AccessResult]
) -> StepOutcome:
    params: dict[str, ParamValue] = {"locked": locked.value}
    for role, origin in (
        (AccountRole.OLD, migration.old_server),
        (AccountRole.NEW, migration.new_server),
    ):
        software = str(migration.options.get(f"finish_{role.value}_software") or "")
        params[f"{role.value}_access"] = access[role].value
        params[f"{role.value}_server"] = httpx.URL(origin).netloc.decode("ascii")
        params[f"{role.value}_apps_url"] = apps_page(origin, software)
    params["old_gone"] = from_files(migration)
    results = [locked, *access.values()]
    unconfirmed = sum(1 for r in results if r in _UNCONFIRMED)
    return StepOutcome(
        "finish",
        "unconfirmed" if unconfirmed else "finished",
        done=sum(1 for r in results if r in (AccessResult.REVOKED, LockedResult.RESTORED)),
        failed=unconfirmed,
        params=params,
    )
