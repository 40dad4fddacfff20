"""The preview on the practice `small` scenario: counts, what exists, what is skipped and why,
and a forecast per follower server from real probes."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from fedimove.core.engine.preview import NewSide, build_preview
from fedimove.core.engine.preview_servers import (
    Confidence,
    Prediction,
    ServerFacts,
    ServerProber,
    forecast,
)
from fedimove.core.engine.snapshot import read_snapshot
from fedimove.core.models import Category
from fedimove.core.progress import CancelToken, discard_progress
from fedimove.core.servers.base import FollowCap

from .conftest import Practice

OLD, NEW = "anna@old.practice", "anna@new.practice"


async def _preview_setup(practice: Practice) -> tuple[object, object, NewSide]:
    old_client = await practice.client(OLD)
    new_client = await practice.client(NEW)
    old = await read_snapshot(old_client, progress=discard_progress, cancel=CancelToken())
    new = await read_snapshot(new_client, progress=discard_progress, cancel=CancelToken())
    blocks = await new_client.instance_domain_blocks()
    return old, new_client, NewSide(new, tuple(blocks or ()), None)


async def test_forecast_per_follower_server(practice: Practice) -> None:
    new_instance = practice.network.instance("new.practice")
    new_instance.state.server_blocks["gts.practice"] = ("suspend", "")
    new_instance.state.server_blocks["nomove.practice"] = ("silence", "")
    practice.network.instance("legacy.practice").knobs.reachable = False
    old, _, side = await _preview_setup(practice)
    prober = ServerProber(practice.http)
    preview = await build_preview(
        old,
        new=side,
        prober=prober,
        now=practice.clock.now(),
        progress=discard_progress,
        cancel=CancelToken(),
    )

    truth = practice.network.ground_truth
    by_domain = {s.domain: s for s in preview.follower_servers}
    assert {d: s.followers for d, s in by_domain.items()} == truth.followers_by_instance
    assert by_domain["gts.practice"].prediction is Prediction.BLOCKED
    assert by_domain["nomove.practice"].prediction is Prediction.ARRIVES_AS_REQUEST
    assert by_domain["legacy.practice"].prediction is Prediction.UNREACHABLE
    assert by_domain["old.practice"].prediction is Prediction.WILL_MOVE
    assert by_domain["old.practice"].software == "mastodon"
    assert by_domain["old.practice"].confidence is Confidence.HIGH
    assert sum(preview.followers_by_prediction().values()) == len(truth.followers)

    probes = prober.probes
    await build_preview(
        old,
        new=side,
        prober=prober,
        now=practice.clock.now(),
        progress=discard_progress,
        cancel=CancelToken(),
    )
    assert prober.probes == probes  # cached

    following = preview.category(Category.FOLLOWING)
    blocked = [s.item for s in following.skipped if s.reason == "domain_blocked_by_new_server"]
    expected = [a for a in truth.following if a.endswith("@gts.practice")]
    assert sorted(blocked) == sorted(expected)
    assert following.count == len(truth.following)


async def test_existing_items_and_skip_reasons(practice: Practice) -> None:
    truth = practice.network.ground_truth
    old, new_client, _ = await _preview_setup(practice)
    already = next(a for a in truth.following if a.endswith("@gts.practice"))
    ref = await new_client.resolve_account(already)
    assert ref is not None
    await new_client.follow(ref.local_id)
    await new_client.follow_tag(truth.followed_tags[0])
    new = await read_snapshot(new_client, progress=discard_progress, cancel=CancelToken())
    side = NewSide(new, (), FollowCap(threshold=20, followers_ratio=1.1))
    preview = await build_preview(
        old,
        new=side,
        prober=ServerProber(practice.http),
        now=practice.clock.now() + timedelta(days=400),
        progress=discard_progress,
        cancel=CancelToken(),
    )

    following = preview.category(Category.FOLLOWING)
    assert following.existing == 1
    # The new server's cap (20 here) leaves room for 19 more now; the rest after the Move.
    assert following.after_move == len(truth.following) - 1 - 19
    assert following.to_copy == 19
    assert len(following.sample) == 5
    assert preview.category(Category.FOLLOWED_TAGS).existing == 1
    favourites = preview.category(Category.FAVOURITES)
    assert favourites.skip_reasons() == {"favourites_off_by_default": len(truth.favourites)}
    mutes = preview.category(Category.MUTES)
    timed = [a for a, m in truth.mutes.items() if m["expires"] is not None]
    assert sorted(s.item for s in mutes.skipped) == sorted(timed)  # expired a year later
    lists = preview.category(Category.LISTS)
    members = {m for ms in truth.lists.values() for m in ms}
    unfollowed = {m for m in members if m not in truth.following}
    assert {s.item.split(": ")[1] for s in lists.skipped_parts} == unfollowed
    assert lists.to_copy == len(truth.lists)


def test_forecast_table_rules() -> None:
    old_gts = ServerFacts("g.example", True, "gotosocial", "0.14.2")
    assert forecast("g.example", 3, old_gts, ()).prediction is Prediction.NO_MOVE_SUPPORT
    assert forecast("g.example", 3, old_gts, ()).reason == "too_old"
    pixelfed = ServerFacts("p.example", True, "pixelfed", "0.12.0")
    assert forecast("p.example", 1, pixelfed, ()).prediction is Prediction.NO_MOVE_SUPPORT
    odd = ServerFacts("x.example", True, "somethingelse", "1.0")
    assert forecast("x.example", 1, odd, ()).confidence is Confidence.LOW
    sub = ServerFacts("a.b.example", True, "mastodon", "4.2.0")
    verdict = forecast("a.b.example", 1, sub, (("b.example", "suspend"),))
    assert verdict.prediction is Prediction.BLOCKED


def test_service_preview_carries_counts_reasons_and_scores() -> None:
    from fedimove.core.engine.preview import CategoryPreview, Preview, Skipped, to_service_preview
    from fedimove.core.engine.preview_servers import ServerForecast
    from fedimove.core.models import AccountRef

    item = CategoryPreview(
        Category.BLOCKS,
        3,
        ("a@b.example",),
        existing=1,
        skipped=[Skipped("c@d.example", "is_new_account")],
    )
    server = ServerForecast(
        "b.example", 7, "mastodon", "4.4.3", Prediction.WILL_MOVE, Confidence.HIGH, "software_table"
    )
    service = to_service_preview(Preview(AccountRef("a@old.example"), None, [item], [server]))
    assert service.categories[0].already_present == 1
    assert service.categories[0].skipped == {"is_new_account": 1}
    assert service.follower_servers[0].prediction is Prediction.WILL_MOVE
    assert service.follower_servers[0].confidence == 0.9


async def test_probes_are_remembered_between_runs(practice: Practice, tmp_path: Path) -> None:
    from fedimove.core.engine.preview_probe_cache import ProbeCache

    path = tmp_path / "probes.json"
    first = ServerProber(practice.http, remembered=ProbeCache(path, practice.clock))
    origins = {
        "gts.practice": practice.network.origin("gts.practice"),
        "dead.example": "https://dead.example",
    }
    facts = await first.facts_for(origins)
    assert facts["gts.practice"].software == "gotosocial"
    assert not facts["dead.example"].reachable

    again = ServerProber(practice.http, remembered=ProbeCache(path, practice.clock))
    await again.facts_for(origins)
    assert again.probes == 1  # only the unreachable one is probed again
    practice.clock.advance(2 * 86400)
    later = ServerProber(practice.http, remembered=ProbeCache(path, practice.clock))
    await later.facts_for(origins)
    assert later.probes == 2  # a day later, everything is probed afresh
    path.write_text("{not json", encoding="utf-8")
    assert ProbeCache(path, practice.clock).get("gts.practice") is None


def test_obfuscated_blocks_match_by_digest() -> None:
    import hashlib

    from fedimove.core.engine.preview_servers import blocked_severity

    digest = hashlib.sha256(b"spam.example").hexdigest()
    blocks = ((f"sha256:{digest}", "suspend"), ("other.example", "silence"))
    assert blocked_severity("spam.example", blocks) == "suspend"
    assert blocked_severity("eu.spam.example", blocks) == "suspend"
    assert blocked_severity("a.other.example", blocks) == "silence"
    assert blocked_severity("example", blocks) is None
