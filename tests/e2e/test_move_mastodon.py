"""The whole path for a Mastodon old account on the practice Fediverse (`small`): snapshot, the
alias through the guided settings page (the test plays the browser), the checks, consent, the
guided Move, and the tracker until every follower ends where the scenario predicts, with the
right reason. Also holds the browser helpers the other move tests share."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from tests.core.engine.steps.practice_copy import CopyWorld

from fedimove.core.clock import SimulatedClock, utc
from fedimove.core.engine.alias import AliasTier, GuidedStep, record_accounts, set_alias
from fedimove.core.engine.checks import (
    CheckInputs,
    MoveAnswers,
    confirm_move,
    mark_backup_written,
    mark_final_read,
    run_checks,
)
from fedimove.core.engine.followers import FollowerTracker
from fedimove.core.engine.move import MoveContext, perform_move
from fedimove.core.engine.preview_servers import ServerProber
from fedimove.core.engine.snapshot import read_snapshot
from fedimove.core.engine.snapshot_export import write_backup
from fedimove.core.errors import ConsentMissingError, PreflightFailedError
from fedimove.core.http import make_client
from fedimove.core.progress import CancelToken, discard_progress
from fedimove.core.servers.rest import RestClient
from fedimove.core.storage.journal import Journal
from fedimove.core.storage.journal_records import Evidence, FollowerState
from fedimove.sandbox.federation import layer_of
from fedimove.sandbox.network import PracticeNetwork
from fedimove.sandbox.scenario_failures import expected_outcomes, facts_of

START = utc(2026, 3, 2, 9, 0)
_INPUT = re.compile(r"<input\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([\w\-\[\]]+)\s*=\s*(?:'([^']*)'|"([^"]*)")""")

#: The scenario's end states (`scenario_failures`) in the tracker's words.
TRACKER_WORDS = {
    ("moved", "ok"): (FollowerState.MOVED, "ok"),
    ("requested", "limited"): (FollowerState.AWAITING_APPROVAL, "limited"),
    ("requested", "locked"): (FollowerState.AWAITING_APPROVAL, "locked"),
    ("stayed", "suspended"): (FollowerState.GONE, "suspended"),
    ("stayed", "unreachable"): (FollowerState.UNREACHABLE, "unreachable"),
    ("stayed", "no_move"): (FollowerState.NO_MOVE_SUPPORT, "no_move"),
    ("lost", "blocked"): (FollowerState.BLOCKED, "blocked"),
}


def inputs(html: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for tag in _INPUT.findall(html):
        attrs = {m[0]: unescape(m[1] or m[2]) for m in _ATTR.findall(tag)}
        if "name" in attrs:
            found.setdefault(attrs["name"], attrs.get("value", ""))
    return found


async def browser(network: PracticeNetwork, handle: str, password: str) -> httpx.AsyncClient:
    """A browser signed in to `handle`'s server through its HTML form (session cookie)."""
    _user, name = handle.split("@")
    http = httpx.AsyncClient(transport=network.transport, base_url=network.origin(name))
    form = inputs((await http.get("/auth/sign_in")).text)
    fields = {k: v for k, v in form.items() if k in ("authenticity_token", "csrf_token")}
    await http.post(
        "/auth/sign_in", data={**fields, "user[email]": handle, "user[password]": password}
    )
    return http


async def submit(http: httpx.AsyncClient, url: str, fields: dict[str, str]) -> httpx.Response:
    page = await http.get(url)
    assert page.status_code == 200, page.text
    token = inputs(page.text).get("authenticity_token", "")
    return await http.post(url, data={"authenticity_token": token, **fields})


@dataclass
class MoveWorld:
    world: CopyWorld
    old: RestClient
    new: RestClient
    migration_id: int
    steps: list[GuidedStep] = field(default_factory=list)

    @property
    def journal(self) -> Journal:
        return self.world.journal

    @property
    def clock(self) -> SimulatedClock:
        return self.world.clock

    async def play(self, step: GuidedStep) -> None:
        """The person in the browser: signs in as the named account, pastes, submits."""
        self.steps.append(step)
        password = self.world.network.ground_truth.passwords[step.account]
        http = await browser(self.world.network, step.account, password)
        try:
            fields = {step.field: step.paste}
            if step.needs_password:
                fields["current_password"] = password
            response = await submit(http, urlsplit(step.url).path, fields)
            assert response.status_code == 302, response.text
        finally:
            await http.aclose()

    def checks(self, **answers: object) -> CheckInputs:
        return CheckInputs(
            self.journal,
            self.migration_id,
            self.old,
            self.new,
            self.clock,
            answers=MoveAnswers(**answers),  # type: ignore[arg-type]
            prober=ServerProber(self.world.http),
        )

    def tracker(self, **options: bool) -> FollowerTracker:
        return FollowerTracker(
            self.journal,
            self.migration_id,
            self.old,
            self.new,
            prober=ServerProber(self.world.http),
            clock=self.clock,
            **options,
        )

    async def final_read_and_backup(self, tmp_path: Path) -> None:
        snapshot = await read_snapshot(self.old, progress=discard_progress, cancel=CancelToken())
        mark_final_read(self.journal, self.migration_id, self.clock.now())
        await write_backup(self.old, snapshot, tmp_path / "backup.age", "practice", work_factor=10)
        mark_backup_written(self.journal, self.migration_id, self.clock.now())


async def move_world(
    tmp_path: Path, network: PracticeNetwork, old: str, new: str, scopes: str = "read write follow"
) -> AsyncIterator[MoveWorld]:
    clock = network.clock
    assert isinstance(clock, SimulatedClock)
    journal = Journal.open(tmp_path / "journal.sqlite", clock)
    async with make_client(transport=network.transport) as http:
        world = CopyWorld(network, clock, http, journal, tmp_path / "exports")
        old_client, new_client = await world.client(old, scopes), await world.client(new, scopes)
        migration = journal.create_migration(
            old_handle=old,
            old_server=old_client.origin,
            new_handle=new,
            new_server=new_client.origin,
            categories=[],
        )
        await record_accounts(journal, migration.id, old_client, new_client)
        yield MoveWorld(world, old_client, new_client, migration.id)
        await layer_of(network).jobs.close()
    journal.close()


async def track_until_settled(world: MoveWorld, tracker: FollowerTracker) -> list[int]:
    """Move time on while the servers process the Move, polling after each step."""
    jobs = layer_of(world.world.network).jobs
    arrivals: list[int] = []
    while jobs.running or not arrivals:
        await jobs.advance(4, step=2)
        arrivals.append((await tracker.poll()).arrivals)
        assert len(arrivals) < 500, "the move never finished"
    await tracker.full_scan(final=True)
    return arrivals


def ground_handle(actor_uri: str) -> str:
    parts = urlsplit(actor_uri)
    return f"{parts.path.rsplit('/', 1)[-1]}@{parts.netloc}"


@pytest.fixture
async def mastodon(tmp_path: Path) -> AsyncIterator[MoveWorld]:
    network = PracticeNetwork.from_scenario("small", clock=SimulatedClock(START), seed=1)
    async for world in move_world(tmp_path, network, "anna@old.practice", "anna@new.practice"):
        yield world


async def test_mastodon_move_end_to_end(mastodon: MoveWorld, tmp_path: Path) -> None:
    world = mastodon
    tracker = world.tracker()
    assert await tracker.take_snapshot() == 120

    early = await run_checks(world.checks(no_recent_move=True))
    assert not early.result("alias_visible").passed
    with pytest.raises(PreflightFailedError):
        confirm_move(early, "@anna@new.practice", world.clock.now())

    status = await set_alias(
        world.journal,
        world.migration_id,
        world.new,
        tracker.accounts,
        world.clock,
        open_url=world.play,
    )
    assert (status.visible, status.tier) == (True, AliasTier.ACTOR_DOCUMENT)
    assert [s.url for s in world.steps] == [f"{world.new.origin}/settings/aliases"]
    await world.final_read_and_backup(tmp_path)

    report = await run_checks(world.checks())
    assert {r.code for r in report.blocking_failures} == {"alias_wait", "no_cooldown"}
    assert report.result("no_cooldown").params["fix"] == "confirm_no_recent_move"
    world.clock.advance(15 * 60)
    report = await run_checks(world.checks(no_recent_move=True))
    assert report.blocking_failures == []
    listed = report.result("move_support_listed")
    assert not listed.passed
    assert not listed.blocking
    assert "dead.practice" in str(listed.params["names"])
    with pytest.raises(ConsentMissingError):
        confirm_move(report, "@anna@old.practice", world.clock.now())
    consent = confirm_move(report, "@Anna@new.practice ", world.clock.now())

    ctx = MoveContext(world.journal, world.migration_id, world.old, world.clock, world.play)
    moved_at = await perform_move(consent, ctx)
    assert world.steps[-1].url == f"{world.old.origin}/settings/migration"
    assert world.journal.get_migration(world.migration_id).moved_at == moved_at

    arrivals = await track_until_settled(world, tracker)
    assert sum(1 for a in arrivals if a) > 3, "followers arrive gradually"
    expected = expected_outcomes(world.world.network)
    followers = world.journal.list_followers(world.migration_id, limit=None)
    seen = {ground_handle(f.actor_uri): f for f in followers if f.in_snapshot}
    assert seen.keys() == expected.keys()
    for handle, outcome in expected.items():
        follower = seen[handle]
        assert (follower.state, follower.reason) == TRACKER_WORDS[
            (outcome.state, outcome.reason)
        ], handle
    assert all(f.arrived_at is not None for f in followers if f.state is FollowerState.MOVED)
    inferred = {f.state for f in followers if f.evidence is Evidence.INFERRED}
    assert inferred == {FollowerState.NO_MOVE_SUPPORT, FollowerState.BLOCKED}


@pytest.fixture
async def mastodon_locked(tmp_path: Path) -> AsyncIterator[MoveWorld]:
    network = PracticeNetwork.from_scenario("small", clock=SimulatedClock(START), seed=1)
    target = facts_of(network).locked_target
    async for world in move_world(tmp_path, network, "anna@old.practice", target):
        yield world


async def test_mastodon_move_to_a_locked_account(
    mastodon_locked: MoveWorld, tmp_path: Path
) -> None:
    """Remote followers wait as requests with the reason `locked` (those on silenced servers:
    `limited`); followers on the new account's own server are accepted despite the lock."""
    world = mastodon_locked
    tracker = world.tracker()
    await tracker.take_snapshot()
    await set_alias(
        world.journal,
        world.migration_id,
        world.new,
        tracker.accounts,
        world.clock,
        open_url=world.play,
    )
    await world.final_read_and_backup(tmp_path)
    world.clock.advance(15 * 60)
    report = await run_checks(world.checks(no_recent_move=True))
    locked = report.result("new_locked")
    assert not locked.passed
    assert not locked.blocking
    assert locked.params["fix"] == "unlock_or_approve"
    consent = confirm_move(
        report, world.journal.get_migration(world.migration_id).new_handle, world.clock.now()
    )
    ctx = MoveContext(world.journal, world.migration_id, world.old, world.clock, world.play)
    await perform_move(consent, ctx)
    await track_until_settled(world, tracker)

    expected = expected_outcomes(world.world.network, target_locked=True)
    seen = {
        ground_handle(f.actor_uri): f
        for f in world.journal.list_followers(world.migration_id, limit=None)
        if f.in_snapshot
    }
    for handle, outcome in expected.items():
        follower = seen[handle]
        assert (follower.state, follower.reason) == TRACKER_WORDS[
            (outcome.state, outcome.reason)
        ], handle
    reasons = {f.reason for f in seen.values() if f.state is FollowerState.AWAITING_APPROVAL}
    assert reasons == {"locked", "limited"}
    assert world.journal.get_migration(world.migration_id).new_locked_original is True
