"""The REST client's writes and error mapping, against the practice Fediverse."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from fedimove.core.engine.snapshot import read_snapshot
from fedimove.core.errors import (
    AccountDisabledError,
    ScopeMissingError,
    TokenInvalidError,
)
from fedimove.core.models import (
    FilterEntry,
    FilterKeyword,
    ListEntry,
    ProfileData,
    ProfileField,
)
from fedimove.core.progress import CancelToken, discard_progress
from fedimove.core.servers.rest import RestClient
from fedimove.sandbox.png import solid_png
from tests.core.engine.conftest import Practice, practice_for

NEW = "anna@new.practice"


@pytest.fixture
async def practice() -> AsyncIterator[Practice]:
    async for value in practice_for("small"):
        yield value


async def _resolved_id(client: RestClient, acct: str) -> str:
    ref = await client.resolve_account(acct)
    assert ref is not None, acct
    return ref.local_id


async def test_follow_block_mute_note_endorse_round_trip(practice: Practice) -> None:
    client = await practice.client(NEW)
    target = await _resolved_id(client, "cai2@gts.practice")
    rel = await client.follow(target, reblogs=False, notify=True, languages=["de"])
    assert rel.following or rel.requested
    assert rel.showing_reblogs is False
    assert rel.notifying is True
    await client.set_note(target, "Met at the market")
    await client.endorse(target)
    blocked = await _resolved_id(client, "dee3@legacy.practice")
    assert (await client.block(blocked)).blocking
    muted = await _resolved_id(client, "ada0@old.practice")
    rel = await client.mute(muted, notifications=False, duration=3600)
    assert rel.muting
    assert rel.muting_notifications is False
    rels = await client.relationships([target, blocked, muted])
    assert rels[target].note == "Met at the market"
    assert rels[target].endorsed


async def test_lookup_404_falls_back_to_search_resolve(practice: Practice) -> None:
    client = await practice.client(NEW)
    # new.practice has never seen this account, so lookup alone would 404 (fediverse-apis §4).
    ref = await client.resolve_account("@ivy60@old.practice")
    assert ref is not None
    assert ref.acct == "ivy60@old.practice"
    assert await client.resolve_account("nobody-here@old.practice") is None


async def test_lists_tags_filters_domains_and_bookmarks(practice: Practice) -> None:
    client = await practice.client(NEW)
    member = await _resolved_id(client, "cai2@gts.practice")
    await client.follow(member)
    created = await client.create_list(
        ListEntry("Birds", replies_policy="followed", exclusive=True)
    )
    await client.add_list_members(created.local_id, [member])
    await client.follow_tag("birds")
    await client.feature_tag("baking")
    await client.block_domain("spam.example")
    await client.create_filter(
        FilterEntry(
            "Spoilers",
            ("home", "public"),
            "hide",
            None,
            (FilterKeyword("finale", whole_word=False),),
        )
    )
    status_uri = practice.network.ground_truth.bookmarks[0]
    status = await client.resolve_status(status_uri)
    assert status is not None
    await client.bookmark(status.local_id)

    snap = await read_snapshot(client, progress=discard_progress, cancel=CancelToken())
    assert [(entry.title, entry.replies_policy, entry.exclusive) for entry in snap.lists] == [
        ("Birds", "followed", True)
    ]
    assert [m.acct for m in snap.lists[0].members] == ["cai2@gts.practice"]
    assert snap.followed_tags == ["birds"]
    assert snap.featured_tags == ["baking"]
    assert snap.domain_blocks == ["spam.example"]
    assert [(f.title, f.action, [k.keyword for k in f.keywords]) for f in snap.filters] == [
        ("Spoilers", "hide", ["finale"])
    ]
    assert [s.uri for s in snap.bookmarks] == [status_uri]


async def test_update_credentials_with_images(practice: Practice) -> None:
    client = await practice.client(NEW)
    avatar = solid_png(8, 8, (1, 2, 3))
    profile = ProfileData(
        display_name="Anna Example",
        note="Birdwatcher.",
        fields=(ProfileField("Pronouns", "she/her"),),
        bot=False,
        privacy="unlisted",
    )
    own = await client.update_credentials(profile, avatar=(avatar, "image/png"))
    assert own.profile.display_name == "Anna Example"
    assert own.profile.note == "Birdwatcher."
    assert [(f.name, f.value) for f in own.profile.fields] == [("Pronouns", "she/her")]
    assert own.profile.privacy == "unlisted"
    fetched = await client.fetch_media(own.profile.avatar_url)
    assert fetched is not None
    assert fetched[0] == avatar


async def test_disabled_login_is_a_coded_error(practice: Practice) -> None:
    client = await practice.client("anna@old.practice")
    instance = practice.network.instance("old.practice")
    anna = instance.state.find("anna", "old.practice")
    assert anna is not None
    anna.approved = False
    with pytest.raises(AccountDisabledError) as raised:
        await client.lists()
    assert "disabled" not in str(raised.value.params)  # no server text kept


async def test_missing_scope_is_a_coded_error(practice: Practice) -> None:
    client = await practice.client(NEW, scopes="read")
    target = await _resolved_id(client, "cai2@gts.practice")
    with pytest.raises(ScopeMissingError):
        await client.follow(target)


async def test_revoked_token_is_a_coded_error(practice: Practice) -> None:
    client = await practice.client(NEW)
    client._token = "not-a-token"
    with pytest.raises(TokenInvalidError):
        await client.verify_credentials()


async def test_timed_mute_keeps_its_expiry(practice: Practice) -> None:
    client = await practice.client(NEW)
    muted = await _resolved_id(client, "ada0@old.practice")
    await client.mute(muted, duration=7200)
    snap = await read_snapshot(client, progress=discard_progress, cancel=CancelToken())
    assert len(snap.mutes) == 1
    expires = snap.mutes[0].expires_at
    assert expires is not None
    assert abs(expires - (practice.clock.now() + timedelta(hours=2))) < timedelta(minutes=1)
