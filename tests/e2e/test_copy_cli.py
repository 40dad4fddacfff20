"""`fedimove migrate`, `status` and `resume` on the practice Fediverse (`--practice`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fedimove.cli import main
from fedimove.cli.migrate import parse_categories
from fedimove.core.models import Category


def test_migrate_dry_run_shows_the_plan(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--practice", "migrate", "anna@old.practice", "anna@new.practice", "--dry-run"])
    out = capsys.readouterr().out
    assert code == 0
    lines = {line.split()[0]: line.split() for line in out.splitlines() if line.strip()}
    assert lines["following"][1:] == ["50", "copy_before", "api"]
    assert lines["bookmarks"][1] == "12"
    assert "favourites" not in lines  # off by default (DESIGN §0.11)


def test_migrate_copies_and_reports_per_step(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "--practice",
            "migrate",
            "anna@old.practice",
            "anna@new.practice",
            "--only",
            "blocks,domain-blocks,filters",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0, out
    rows = {line.split()[0]: line.split() for line in out.splitlines()[2:] if line.strip()}
    assert rows["blocks"][1:5] == ["3", "0", "0", "0"]
    assert rows["domain_blocks"][1] == "2"
    assert rows["filters"][1] == "2"


def test_status_without_migrations_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status"]) == 1
    assert "No migration found" in capsys.readouterr().err


def test_only_refuses_unknown_categories() -> None:
    assert parse_categories("lists, Followed-Tags") == {Category.LISTS, Category.FOLLOWED_TAGS}
    with pytest.raises(SystemExit):
        parse_categories("posts")


async def test_status_names_the_reset_of_a_waiting_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.core.engine.steps.practice_copy import copy_world

    from fedimove.core.storage.journal import Journal
    from fedimove.core.storage.paths import AppPaths
    from fedimove.sandbox.limits import FOLLOWS_PER_DAY

    async for world in copy_world(tmp_path):
        world.journal = Journal.open(AppPaths.default().ensure().journal, world.clock)
        new_server = world.network.instance("new.practice")
        anna = new_server.state.find("anna", "new.practice")
        assert anna is not None
        for _ in range(390):  # she followed 390 accounts by hand today: 10 left
            new_server.limiter.hit(FOLLOWS_PER_DAY, str(anna.id))
        old = await world.client("anna@old.practice")
        new = await world.client("anna@new.practice")
        await world.engine().start(
            old, new, {Category.FOLLOWING}, api_only=True, keep_waiting=False
        )
        world.journal.close()
        # The first answer's follow-family headers told the rest: no 429 was needed.
        assert world.schedulers["new.practice"].stats.rate_limited == 0
    assert main(["status"]) == 0
    out = capsys.readouterr().out
    following = next(line for line in out.splitlines() if line.strip().startswith("following"))
    assert following.split()[1:3] == ["10", "40"]
    assert "waiting until" in following
    assert "limits reset at 00:00 UTC" in following
    assert "Expected to finish" in out
