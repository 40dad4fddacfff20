"""A migration whose old account is files (issue 12): the same preview, journal, plan, runner,
steps and report as a live one, with the source in place of the live read.

What differs is said, not hidden: followers cannot be moved without the old server, so the
preview lists them as "cannot move: old server gone", the journal records every follower the
files know with that reason (the report shows them), and the person gets what helps instead —
a "we moved" post and the follower list to look people up. Profile images come from the files:
the new account's client serves them locally (`LocalMediaClient`).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from fedimove.core import service_api
from fedimove.core.engine.migration import MigrationEngine
from fedimove.core.engine.plan import DEFAULT_COPY, build_plan, follow_room, plan_items
from fedimove.core.engine.preview import CategoryPreview, NewSide, category_previews
from fedimove.core.engine.runner import PauseToken, RunResult
from fedimove.core.errors import ConfigError
from fedimove.core.models import AccountRef, Category
from fedimove.core.progress import CancelToken, ProgressSink, discard_progress
from fedimove.core.servers.rest import RestClient
from fedimove.core.sources.base import FOLLOWERS_GONE, SourceResult
from fedimove.core.sources.media_store import forget_media, save_media
from fedimove.core.storage.journal import Journal
from fedimove.core.storage.journal_records import (
    Evidence,
    FollowerState,
    FollowerUpdate,
    Migration,
    MigrationPhase,
    MigrationState,
    StepState,
)

FOLLOWERS_STEP = "followers"
UNKNOWN_FOLLOWERS_KEY = "followers"  # the one item when the files list no follower


class LocalMediaClient(RestClient):
    """The new account's client, serving the files' profile images by their URL (the old
    server that hosted them is gone) and fetching anything else as usual."""

    local_media: dict[str, tuple[bytes, str]]

    async def fetch_media(self, url: str) -> tuple[bytes, str] | None:
        if url in self.local_media:
            return self.local_media[url]
        return await super().fetch_media(url)


def with_local_media(client: RestClient, media: dict[str, tuple[bytes, str]]) -> RestClient:
    if not media:
        return client
    wrapped = LocalMediaClient(
        client.origin,
        client._token,  # the same sign-in; only media reads differ
        client.scheduler,
        http=client.http,
        local_domain=client.local_domain,
        cancel=client.cancel,
    )
    wrapped.local_media = dict(media)
    wrapped.user_key = client.user_key
    if client.capabilities is not None:
        wrapped.use_capabilities(client.capabilities)
    return wrapped


@dataclass(slots=True)
class OfflinePreview:
    old: AccountRef
    categories: list[CategoryPreview]
    cannot_move: dict[Category, str]  # category -> plain words
    followers_known: int
    moved_post: str
    files: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list)

    def category(self, category: Category) -> CategoryPreview:
        return next(c for c in self.categories if c.category is category)


def moved_post(old_acct: str, new_acct: str) -> str:
    """A post for the new account (the old one can no longer post)."""
    old_server = old_acct.rpartition("@")[2]
    return (
        f"We moved! I used to be @{old_acct}, but {old_server} has shut down, so my followers "
        f"could not be moved automatically. If you followed me there, please follow me here "
        f"(@{new_acct}) and boost this so others find me too. Thank you!"
    )


def offline_preview(
    source: SourceResult, new: NewSide, new_acct: str, now: datetime
) -> OfflinePreview:
    """What will be re-created and what cannot, before anything changes."""
    snapshot = source.snapshot
    previews = [
        c
        for c in category_previews(snapshot, new, now)
        if c.category in source.provided or c.category is Category.FOLLOWERS
    ]
    notes = []
    following = next((c for c in previews if c.category is Category.FOLLOWING), None)
    if following is not None and following.after_move:
        notes.append(
            f"{following.after_move} follows are beyond what the new server allows now; "
            "Fedimove tries them all, and those the server refuses are listed in the report."
        )
    return OfflinePreview(
        old=snapshot.account,
        categories=previews,
        cannot_move=source.cannot_move(),
        followers_known=len(snapshot.followers),
        moved_post=moved_post(snapshot.account.acct, new_acct),
        files=source.files,
        notes=notes,
    )


def to_service_preview(preview: OfflinePreview) -> service_api.Preview:
    """The wizard's shape: what cannot move is a "skipped" reason in plain words (followers:
    every one the files list, or 0 when they list none); no follower forecasts, no Move."""
    rows = []
    for item in preview.categories:
        skipped = item.skip_reasons()
        if item.category in preview.cannot_move:
            skipped = {preview.cannot_move[item.category]: item.count}
        rows.append(
            service_api.CategoryPreview(
                item.category, item.count, item.sample, item.existing, skipped
            )
        )
    shown = {item.category for item in preview.categories}
    for category, words in preview.cannot_move.items():
        if category not in shown:
            rows.append(service_api.CategoryPreview(category, 0, skipped={words: 0}))
    return service_api.Preview(tuple(rows))


def _old_server(source: SourceResult) -> str:
    uri = source.snapshot.account.uri
    host = urlsplit(uri).netloc if uri else source.snapshot.account.acct.rpartition("@")[2]
    return f"https://{host}"


def record_followers_gone(journal: Journal, migration_id: int, followers: list[AccountRef]) -> None:
    """Every follower the files know ends as skipped "cannot move: old server gone" (one item
    says so when they know none), and is in the follower table for the report and the list."""
    journal.ensure_steps(migration_id, [FOLLOWERS_STEP])
    specs = [(f.key, {"acct": f.acct, "uri": f.uri}) for f in followers]
    journal.add_items(migration_id, FOLLOWERS_STEP, specs or [(UNKNOWN_FOLLOWERS_KEY, {})])
    for item in journal.list_items(migration_id, step=FOLLOWERS_STEP, limit=None):
        if item.state.value == "pending":
            journal.mark_skipped(journal.claim_item(item.id).id, FOLLOWERS_GONE)
    journal.set_step_state(migration_id, FOLLOWERS_STEP, StepState.DONE)
    if followers:
        journal.snapshot_followers(migration_id, followers)
        journal.update_followers(
            migration_id,
            [
                FollowerUpdate(f.key, FollowerState.UNKNOWN, Evidence.INFERRED, FOLLOWERS_GONE)
                for f in followers
            ],
        )


async def journal_offline(
    journal: Journal,
    source: SourceResult,
    new: RestClient,
    chosen: list[Category],
    *,
    api_only: bool,
) -> Migration:
    """The migration record, its plan and every item; the plan is recorded last, as the engine
    does, so a crash before it leaves nothing that `resume` would take for a plan."""
    new_own = await new.verify_credentials()
    caps = new.capabilities
    if caps is None:
        raise ConfigError("the new server's capabilities are unknown", host=new.host)
    migration = journal.create_migration(
        old_handle=source.snapshot.account.acct,
        old_server=_old_server(source),
        new_handle=new_own.ref.acct,
        new_server=new.origin,
        categories=[*chosen, Category.FOLLOWERS],
        options={"api_only": api_only, "source": source.kind.value, "old_server_gone": True},
    )
    journal.record_new_locked(migration.id, new_own.profile.locked)
    snapshot = source.snapshot
    room = follow_room(caps, following=new_own.following_count, followers=new_own.followers_count)
    # No Move will come, so nothing waits for one: every follow is tried now (paced, or by the
    # CSV-assisted import); any beyond the server's cap end skipped "follow_cap", not pending.
    plan = build_plan(chosen, caps, follows=len(snapshot.following), room=None, api_only=api_only)
    journal.ensure_steps(migration.id, plan.names)
    for name, specs in plan_items(snapshot, plan, room=room).items():
        journal.add_items(migration.id, name, specs)
    record_followers_gone(journal, migration.id, snapshot.followers)
    journal.update_options(migration.id, {"plan": plan.dump(), "room": room})
    journal.set_phase(migration.id, MigrationPhase.COPY_BEFORE)
    return migration


async def start_offline(
    engine: MigrationEngine,
    source: SourceResult,
    new: RestClient,
    categories: Collection[Category] = DEFAULT_COPY,
    *,
    api_only: bool = False,
    progress: ProgressSink = discard_progress,
    cancel: CancelToken | None = None,
    pause: PauseToken | None = None,
    keep_waiting: bool = True,
    media_root: Path | None = None,
) -> tuple[Migration, RunResult]:
    """Journal the files' items as a live start would after its read, then run the copy.
    With `media_root`, the profile images are kept there for a resume (`media_store`)."""
    journal = engine.journal
    chosen = [c for c in Category if c in set(categories) and c in source.provided]
    migration = await journal_offline(journal, source, new, chosen, api_only=api_only)
    if media_root is not None:
        save_media(media_root, migration.id, source.media)
    result = await engine.resume(
        migration.id,
        None,
        with_local_media(new, source.media),
        progress=progress,
        cancel=cancel,
        pause=pause,
        keep_waiting=keep_waiting,
    )
    finish_if_done(journal, migration.id, result, media_root=media_root)
    return journal.get_migration(migration.id), result


def finish_if_done(
    journal: Journal, migration_id: int, result: RunResult, *, media_root: Path | None = None
) -> bool:
    """With no Move to come, a migration from files ends when its copy has: nothing pending,
    in flight or failed anywhere (its plan keeps no follows for after a Move). The kept
    profile images are then no longer needed."""
    counts = journal.item_counts(migration_id).values()
    if not result.finished or result.failed or any(c.pending or c.in_flight for c in counts):
        return False
    journal.set_phase(migration_id, MigrationPhase.FINISH)
    journal.set_state(migration_id, MigrationState.FINISHED)
    if media_root is not None:
        forget_media(media_root, migration_id)
    return True
