"""Follows in bulk, then verified and completed one by one (fediverse-apis §3; DESIGN §0.9).

Two ways in, one way out:
- `API_IMPORT` (the server has an import API, e.g. GoToSocial `POST /api/v1/import`): Fedimove
  uploads the CSV itself, in merge mode;
- `CSV_ASSISTED` (Mastodon: imports live only at `/settings/imports`): Fedimove writes the
  exact `following_accounts.csv` files (each within the follow cap and 20,000 rows), tells the
  user to upload them there in **merge** mode (never overwrite: it unfollows everything not in
  the file), and waits.
Then it watches the following count until it stops moving (or the watch times out), checks
the following list against the journal (present → done, without a remote call), alerts on
changes nobody asked for (follows that vanished, e.g. an overwrite import), and hands what is
still missing to the per-item follow step, paced by the daily allowance.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from fedimove.core.engine.plan import PlannedStep, Strategy
from fedimove.core.engine.steps.accounts import FollowStep, accts_of
from fedimove.core.engine.steps.base import StepContext, StepOutcome
from fedimove.core.models import AccountRef, FollowEntry
from fedimove.core.progress import CancelToken, Phase, ProgressEvent, ProgressSink
from fedimove.core.storage.csv_formats import write_following
from fedimove.core.storage.journal_records import Item, ItemState, StepState

MAX_ROWS = 20_000
POLL_EVERY = timedelta(minutes=2)
#: How long Fedimove waits for the user's upload before it goes on by API alone.
WATCH_TIMEOUT = timedelta(days=3)
IMPORTS_PAGE = "/settings/imports"


def split_rows(count: int, room: int | None) -> list[int]:
    """Rows per file: each within 20,000 rows, all together within the follow cap's room."""
    allowed = count if room is None else min(count, max(0, room))
    sizes: list[int] = []
    while allowed > 0:
        sizes.append(min(MAX_ROWS, allowed))
        allowed -= sizes[-1]
    return sizes


def following_csvs(items: list[Item], room: int | None) -> list[str]:
    entries = [
        FollowEntry(
            AccountRef(acct=str(item.payload["acct"])),
            show_reblogs=bool(item.payload.get("reblogs", True)),
            notify=bool(item.payload.get("notify", False)),
            languages=tuple(item.payload["languages"]) if item.payload.get("languages") else None,
        )
        for item in items
    ]
    files, start = [], 0
    for size in split_rows(len(entries), room):
        files.append(write_following(entries[start : start + size]))
        start += size
    return files


class BulkFollowStep(FollowStep):
    def __init__(self, name: str, strategy: Strategy) -> None:
        super().__init__(name)
        self.strategy = strategy

    @property
    def _option(self) -> str:
        return f"bulk:{self.step_name}"

    def _state(self, ctx: StepContext) -> dict[str, Any]:
        stored = ctx.journal.get_migration(ctx.migration_id).options.get(self._option)
        return dict(stored) if isinstance(stored, dict) else {}

    def _save(self, ctx: StepContext, state: dict[str, Any]) -> None:
        ctx.journal.update_options(ctx.migration_id, {self._option: state})

    async def run(
        self, ctx: StepContext, *, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        state = self._state(ctx)
        if not state.get("verified"):
            if not state:
                state = await self._start(ctx, progress)
                if not state:  # nothing to import
                    return await super().run(ctx, progress=progress, cancel=cancel)
            waiting = await self._watch(ctx, state, progress)
            if waiting is not None:
                return waiting
        return await super().run(ctx, progress=progress, cancel=cancel)

    async def _start(self, ctx: StepContext, progress: ProgressSink) -> dict[str, Any]:
        pending = ctx.journal.list_items(
            ctx.migration_id, self.step_name, states=(ItemState.PENDING,), limit=None
        )
        if not pending:
            return {}
        own = await ctx.new.verify_credentials()
        room = None
        if ctx.capabilities.follow_cap is not None:
            limit = ctx.capabilities.follow_cap.limit_for(own.followers_count)
            room = limit - own.following_count
        files = following_csvs(pending, room)
        baseline = sorted(await accts_of(ctx.new.following(ctx.new_account_id)))
        now = ctx.clock.now()
        state: dict[str, Any] = {
            "started": now.isoformat(),
            "baseline": baseline,
            "last_count": own.following_count,
            "changed_at": None,
        }
        if self.strategy is Strategy.API_IMPORT:
            for text in files:
                await self._upload(ctx, text)
        else:
            state["files"] = [str(p) for p in self._write(ctx, files)]
            self._tell_user(ctx, state["files"], progress)
        self._save(ctx, state)
        return state

    async def _upload(self, ctx: StepContext, text: str) -> None:
        files = {"data": ("following_accounts.csv", text.encode(), "text/csv")}
        data = [("type", "following"), ("mode", "merge")]
        await ctx.new.call("POST", "/api/v1/import", data=data, files=files)

    def _write(self, ctx: StepContext, texts: list[str]) -> list[Path]:
        folder = ctx.exports_dir or Path.cwd()
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for index, text in enumerate(texts, start=1):
            suffix = f"-{index}" if len(texts) > 1 else ""
            path = folder / f"following_accounts{suffix}.csv"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
        return paths

    def _tell_user(self, ctx: StepContext, files: list[str], progress: ProgressSink) -> None:
        progress(
            ProgressEvent(
                Phase.COPY,
                category=self.step_name,
                status="csv_upload_needed",
                params={
                    "files": "\n".join(files),
                    "url": ctx.new.origin + IMPORTS_PAGE,
                    "type": "following",
                    "mode": "merge",
                },
            )
        )

    async def _watch(
        self, ctx: StepContext, state: dict[str, Any], progress: ProgressSink
    ) -> StepOutcome | None:
        """None once the import has settled (or the watch timed out) and was verified."""
        now = ctx.clock.now()
        count = (await ctx.new.verify_credentials()).following_count
        started = datetime.fromisoformat(str(state["started"]))
        if count != state["last_count"]:
            state["last_count"], state["changed_at"] = count, now.isoformat()
            self._save(ctx, state)
            return StepOutcome(StepState.WAITING, now + POLL_EVERY, "waiting_import")
        if state.get("changed_at") is None and now - started < WATCH_TIMEOUT:
            reason = (
                "waiting_upload" if self.strategy is Strategy.CSV_ASSISTED else "waiting_import"
            )
            return StepOutcome(StepState.WAITING, now + POLL_EVERY, reason)
        await self._verify(ctx, state, progress)
        state["verified"] = True
        self._save(ctx, {"verified": True, "files": state.get("files", [])})
        return None

    async def _verify(
        self, ctx: StepContext, state: dict[str, Any], progress: ProgressSink
    ) -> None:
        following = await accts_of(ctx.new.following(ctx.new_account_id))
        pending = ctx.journal.list_items(
            ctx.migration_id, self.step_name, states=(ItemState.PENDING,), limit=None
        )
        present = [(item.id, None) for item in pending if item.key in following]
        ctx.journal.mark_done_many(present)
        vanished = set(state.get("baseline", [])) - following
        if vanished:
            progress(
                ProgressEvent(
                    Phase.COPY,
                    category=self.step_name,
                    status="import_unexpected_change",
                    params={"unfollowed": len(vanished)},
                )
            )


def bulk_follow_step(planned: PlannedStep) -> BulkFollowStep:
    return BulkFollowStep(planned.name, planned.strategy)
