"""Runs a plan: every step of the chosen phases, in order, until each is done, skipping what the
journal says is finished, and coming back to waiting steps when their moment comes.

The runner holds the migration's writer lease (DESIGN §0.13) while it writes, honours pause
and cancel, and reports progress. When every remaining step waits (e.g. for the 00:00 UTC
follow reset), it either sleeps until the earliest moment and goes on (`keep_waiting=True`), or
returns so the caller can stop and resume later.

Pause works like a cancel of the step alone: the step's own token trips at once, so no new
request starts; the request in flight finishes, the items claimed but not yet sent go back to
pending (the step's cancel path), and the runner reports `paused` only once the step has
stopped, then waits for resume and runs the step again (`resumed`).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from fedimove.core.engine.plan import Plan, PlannedStep, Strategy
from fedimove.core.engine.steps import STEPS, Step
from fedimove.core.engine.steps.base import StepContext, StepOutcome
from fedimove.core.errors import CancelledError, FedimoveError
from fedimove.core.progress import CancelToken, Phase, ProgressEvent, ProgressSink
from fedimove.core.storage.journal_records import MigrationPhase, StepState

T = TypeVar("T")

#: The reason a step's token is cancelled with when the person pauses.
PAUSED = "pause"


class PauseToken:
    """Pause the work; `resume()` lets it go on. Work registered with `stopping()` has its
    token cancelled (reason `PAUSED`) the moment `pause()` is called."""

    def __init__(self) -> None:
        self._running = asyncio.Event()
        self._running.set()
        self._stoppable: list[CancelToken] = []

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    def pause(self) -> None:
        self._running.clear()
        for token in list(self._stoppable):
            token.cancel(PAUSED)

    def resume(self) -> None:
        self._running.set()

    @contextlib.contextmanager
    def stopping(self, token: CancelToken) -> Iterator[None]:
        """While the block runs, `pause()` cancels `token`."""
        if self.paused:
            token.cancel(PAUSED)
        self._stoppable.append(token)
        try:
            yield
        finally:
            self._stoppable.remove(token)

    async def wait_running(self, cancel: CancelToken) -> None:
        if not self.paused:
            return
        waiter = asyncio.ensure_future(self._running.wait())
        stopper = asyncio.ensure_future(cancel.wait())
        try:
            await asyncio.wait({waiter, stopper}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (waiter, stopper):
                task.cancel()
        cancel.raise_if_cancelled()


def linked_token(parent: CancelToken) -> CancelToken:
    """A token that is cancelled with `parent` and may also be cancelled alone."""
    child = CancelToken()
    if parent.cancelled:
        child.cancel(parent.reason)
    else:
        parent.on_cancel(lambda: child.cancel(parent.reason))
    return child


async def until_paused(
    work: Callable[[CancelToken], Awaitable[T]], cancel: CancelToken, pause: PauseToken
) -> T | None:
    """`work(token)` with a token that Pause trips too; None when a pause stopped it."""
    token = linked_token(cancel)
    try:
        with pause.stopping(token):
            token.raise_if_cancelled()  # paused already: do not even start
            return await work(token)
    except CancelledError:
        cancel.raise_if_cancelled()  # the person's cancel, with its own reason
        if token.reason != PAUSED:
            raise
        return None


@dataclass(frozen=True, slots=True)
class RunResult:
    finished: bool  # every step of the phases is done (or failed: see `failed`)
    waiting_until: datetime | None = None
    waiting: dict[str, str] = field(default_factory=dict)  # step -> reason
    failed: tuple[str, ...] = ()


def step_for(planned: PlannedStep, steps: Mapping[str, Step] = STEPS) -> Step:
    if planned.strategy is not Strategy.API:
        from fedimove.core.engine.csv_assisted import bulk_follow_step

        return bulk_follow_step(planned)
    return steps[planned.name]


class Runner:
    def __init__(self, ctx: StepContext, plan: Plan, steps: Mapping[str, Step] = STEPS) -> None:
        self.ctx = ctx
        self.plan = plan
        self.steps = steps

    async def run(
        self,
        phases: Iterable[MigrationPhase],
        *,
        progress: ProgressSink,
        cancel: CancelToken,
        pause: PauseToken | None = None,
        keep_waiting: bool = True,
    ) -> RunResult:
        journal, mid = self.ctx.journal, self.ctx.migration_id
        journal.acquire_lease(mid)
        keeper = self._keep_lease()
        try:
            journal.ensure_steps(mid, self.plan.names)
            chosen = self.plan.in_phases(phases)
            self.ctx.pause = pause = pause or PauseToken()
            while True:
                result = await self._round(chosen, progress, cancel, pause)
                if result.waiting_until is None or not keep_waiting:
                    return result
                self._announce_wait(result, progress)
                await self._sleep_until(result.waiting_until, progress, cancel, pause)
        finally:
            if keeper is not None:
                keeper.cancel()
                with contextlib.suppress(asyncio.CancelledError, FedimoveError):
                    await keeper
            with contextlib.suppress(FedimoveError):
                journal.release_lease(mid)

    async def _round(
        self,
        chosen: list[PlannedStep],
        progress: ProgressSink,
        cancel: CancelToken,
        pause: PauseToken,
    ) -> RunResult:
        journal, mid, now = self.ctx.journal, self.ctx.migration_id, self.ctx.clock.now()
        waiting: dict[str, datetime] = {}
        reasons: dict[str, str] = {}
        failed: list[str] = []
        for planned in chosen:
            record = journal.get_step(mid, planned.name)
            if record.state is StepState.DONE:
                continue
            due = record.next_attempt_at
            if record.state is StepState.WAITING and due is not None and due > now:
                waiting[planned.name], reasons[planned.name] = due, record.last_error or ""
                continue
            outcome = await self._run_pausable(planned, progress, cancel, pause)
            if outcome.state is StepState.WAITING and outcome.next_attempt_at is not None:
                waiting[planned.name] = outcome.next_attempt_at
                reasons[planned.name] = outcome.reason or ""
            elif outcome.state is StepState.FAILED:
                failed.append(planned.name)
        until = min(waiting.values()) if waiting else None
        return RunResult(until is None, until, reasons, tuple(failed))

    async def _run_pausable(
        self, planned: PlannedStep, progress: ProgressSink, cancel: CancelToken, pause: PauseToken
    ) -> StepOutcome:
        """Run the step; a pause stops it after the request in flight, and once resumed the
        step runs again from what the journal says is left."""
        while True:
            await self._hold_while_paused(progress, cancel, pause)
            outcome = await self._until_paused(
                lambda token: self._run_step(planned, progress, token), cancel, pause
            )
            if outcome is not None:
                return outcome

    async def _until_paused(
        self,
        work: Callable[[CancelToken], Awaitable[T]],
        cancel: CancelToken,
        pause: PauseToken,
    ) -> T | None:
        try:
            return await until_paused(work, cancel, pause)
        finally:
            self._use_token(cancel)

    def _use_token(self, token: CancelToken) -> None:
        """The clients' requests check this token before they are sent."""
        for client in (self.ctx.new, self.ctx.follow_client):
            if client is not None:
                client.cancel = token

    async def _hold_while_paused(
        self, progress: ProgressSink, cancel: CancelToken, pause: PauseToken
    ) -> None:
        if not pause.paused:
            return
        progress(ProgressEvent(Phase.COPY, status="paused"))
        await pause.wait_running(cancel)
        progress(ProgressEvent(Phase.COPY, status="resumed"))

    async def _run_step(
        self, planned: PlannedStep, progress: ProgressSink, cancel: CancelToken
    ) -> StepOutcome:
        journal, mid = self.ctx.journal, self.ctx.migration_id
        journal.set_step_state(mid, planned.name, StepState.RUNNING)
        self._use_token(cancel)
        try:
            outcome = await step_for(planned, self.steps).run(
                self.ctx, progress=progress, cancel=cancel
            )
        except CancelledError:
            journal.set_step_state(mid, planned.name, StepState.PENDING)
            raise
        except FedimoveError as error:
            journal.set_step_state(mid, planned.name, StepState.FAILED, last_error=error.code)
            raise
        journal.set_step_state(
            mid,
            planned.name,
            outcome.state,
            last_error=outcome.reason,
            next_attempt_at=outcome.next_attempt_at,
        )
        return outcome

    def _announce_wait(self, result: RunResult, progress: ProgressSink) -> None:
        assert result.waiting_until is not None
        reasons = sorted(set(result.waiting.values()) - {""})
        progress(
            ProgressEvent(
                Phase.COPY,
                status="waiting",
                params={"until": result.waiting_until.isoformat(), "reasons": ",".join(reasons)},
                eta=result.waiting_until,
            )
        )

    def _keep_lease(self) -> asyncio.Future[None] | None:
        """Heartbeat beside the work. A simulated clock that jumps to every sleeper's deadline
        would let a timer task run time away, so there the waits beat the heart instead."""
        if getattr(self.ctx.clock, "autojump", False):
            return None
        return asyncio.ensure_future(self.ctx.journal.keep_lease(self.ctx.migration_id))

    async def _sleep_until(
        self, moment: datetime, progress: ProgressSink, cancel: CancelToken, pause: PauseToken
    ) -> None:
        """The clock's own sleep re-reads the wall clock (SystemClock wakes every 60 s). A
        pause meanwhile is reported at once; the next round finds what still waits."""
        clock = self.ctx.clock
        seconds = max(0.0, (moment - clock.now()).total_seconds())

        async def sleep(token: CancelToken) -> bool:
            await token.sleep(clock, seconds)
            return True

        if await self._until_paused(sleep, cancel, pause) is None:
            await self._hold_while_paused(progress, cancel, pause)
        self.ctx.journal.heartbeat(self.ctx.migration_id)
