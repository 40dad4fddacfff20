"""The backup archive: exact round trip, opens with any age tool, all-or-nothing reading."""

from __future__ import annotations

import io
import os
import stat
import tarfile
from datetime import UTC, datetime
from pathlib import Path

import pyrage
import pytest
import yaml

from fedimove.core.errors import (
    ArchiveError,
    ArchiveTamperedError,
    ArchiveTruncatedError,
    ArchiveUnsupportedError,
    ArchiveWrongPassphraseError,
)
from fedimove.core.models import (
    AccountRef,
    FilterEntry,
    FilterKeyword,
    FollowEntry,
    ListEntry,
    MuteEntry,
    ProfileData,
    ProfileField,
    Snapshot,
    StatusRef,
)
from fedimove.core.storage import csv_formats as cf
from fedimove.core.storage.archive import ProfileImage, read_archive, write_archive
from fedimove.core.storage.archive_manifest import load_manifest
from fedimove.core.storage.csv_formats import CsvKind

FAST = 2  # scrypt work factor for tests (real backups: 18)
PASS = "tr0ub4dor & 3"


def acct(user: str, domain: str = "remote.example", local_id: str = "") -> AccountRef:
    return AccountRef(
        acct=f"{user}@{domain}",
        uri=f"https://{domain}/users/{user}",
        url=f"https://{domain}/@{user}",
        local_id=local_id,
        display_name=f"{user.title()} ✨",
    )


def rich_snapshot() -> Snapshot:
    when = datetime(2026, 5, 1, 12, 30, 15, 123456, tzinfo=UTC)
    return Snapshot(
        account=acct("anna", "old.example", "1"),
        taken_at=when,
        profile=ProfileData(
            display_name="Anna 🐘",
            note='Line one\nline "two", with commas',
            fields=(ProfileField("Site", "https://anna.example"), ProfileField("Pronouns", "she")),
            avatar_url="https://old.example/avatar.png",
            header_url="https://old.example/header.jpg",
            locked=True,
            bot=False,
            discoverable=True,
            indexable=None,
            hide_collections=False,
            privacy="unlisted",
            sensitive=True,
            language="de",
        ),
        following=[
            FollowEntry(acct("bob", local_id="11"), show_reblogs=False, notify=True),
            FollowEntry(acct("carol", "other.example"), languages=("en", "fr")),
            FollowEntry(acct("dave"), languages=()),
        ],
        followers=[acct("erin"), acct("frank", "old.example")],
        lists=[
            ListEntry('Work, "mostly"', "followed", True, (acct("bob"), acct("carol")), "7"),
            ListEntry("Empty list", "none", False, (), "8"),
        ],
        bookmarks=[StatusRef("https://remote.example/statuses/1", "https://x/1", "91", "bob@x")],
        favourites=[StatusRef("https://remote.example/statuses/2")],
        blocks=[acct("mallory")],
        mutes=[
            MuteEntry(acct("oscar"), notifications=False, expires_at=when),
            MuteEntry(acct("peggy")),
        ],
        domain_blocks=["spam.example", "worse.example"],
        followed_tags=["python", "fediverse"],
        filters=[
            FilterEntry(
                "spoilers",
                ("home", "public"),
                "blur",
                when.replace(microsecond=0),
                (FilterKeyword("finale", True), FilterKeyword("#{ruby}", False)),
            )
        ],
        featured_tags=["python"],
        endorsements=[acct("bob")],
        notes={"bob@remote.example": "met at the conference\nsecond line"},
    )


AVATAR = ProfileImage("image/png", b"\x89PNG fake avatar")
HEADER = ProfileImage("image/jpeg", b"\xff\xd8 fake header")
OUTBOX = {
    "type": "OrderedCollection",
    "totalItems": 1,
    "orderedItems": [{"type": "Create", "object": {"type": "Note", "content": "<p>hi</p>"}}],
}


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    path = tmp_path / "backup.age"
    write_archive(
        path, rich_snapshot(), PASS, avatar=AVATAR, header=HEADER, outbox=OUTBOX, work_factor=FAST
    )
    return path


def test_round_trip_is_exact(archive: Path) -> None:
    contents = read_archive(archive, PASS)
    assert contents.snapshot == rich_snapshot()
    assert contents.avatar == AVATAR
    assert contents.header == HEADER
    assert contents.outbox == OUTBOX
    counts = contents.counts()
    assert counts["following"] == 3
    assert counts["lists"] == 2
    assert counts["posts"] == 1


def test_file_is_private_and_written_without_leftovers(archive: Path) -> None:
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert [p.name for p in archive.parent.iterdir()] == ["backup.age"]


def test_opens_with_any_age_tool_and_holds_the_fep_6fcd_layout(archive: Path) -> None:
    plain = pyrage.passphrase.decrypt(archive.read_bytes(), PASS)
    with tarfile.open(fileobj=io.BytesIO(plain)) as tar:
        names = set(tar.getnames())
        manifest_file = tar.extractfile("manifest.yml")
        assert manifest_file is not None
        manifest_text = manifest_file.read().decode()
    assert names == {
        "manifest.yml",
        "activitypub/actor.json",
        "activitypub/outbox.json",
        "activitypub/following_accounts.csv",
        "activitypub/followers.csv",
        "activitypub/lists.csv",
        "activitypub/blocked_accounts.csv",
        "activitypub/muted_accounts.csv",
        "activitypub/blocked_domains.csv",
        "activitypub/bookmarks.csv",
        "activitypub/filters.csv",
        "fedimove/snapshot.json",
        "media/avatar.png",
        "media/header.jpg",
    }
    manifest = yaml.safe_load(manifest_text)
    assert manifest == load_manifest(manifest_text)
    assert manifest["ubc-version"] == "0.1"
    assert "following_accounts.csv" in manifest["contents"]["activitypub"]["contents"]
    assert manifest["meta"]["counts"]["following"] == 3


def test_csvs_inside_are_what_the_readers_accept(archive: Path) -> None:
    contents = read_archive(archive, PASS)
    snapshot = rich_snapshot()
    files = contents.csv_files
    assert [e.account.acct for e in cf.read_following(files[CsvKind.FOLLOWING])] == [
        e.account.acct for e in snapshot.following
    ]
    assert files[CsvKind.FOLLOWING].startswith(
        "Account address,Show boosts,Notify on new posts,Languages\n"
        "bob@remote.example,false,true,\n"
    )
    assert [m.acct for m in cf.read_followers(files[CsvKind.FOLLOWERS])] == [
        a.acct for a in snapshot.followers
    ]
    assert cf.read_domain_blocks(files[CsvKind.DOMAIN_BLOCKS]) == snapshot.domain_blocks
    assert [lst.title for lst in cf.read_lists(files[CsvKind.LISTS])] == ['Work, "mostly"']


def test_wrong_passphrase(archive: Path) -> None:
    with pytest.raises(ArchiveWrongPassphraseError):
        read_archive(archive, "not the passphrase")


def _payload_start(blob: bytes) -> int:
    mac_line = blob.index(b"\n---") + 1
    return blob.index(b"\n", mac_line) + 1 + 16  # after the MAC line and the 16-byte nonce


def _sampled_offsets(blob: bytes) -> list[int]:
    start = _payload_start(blob)
    return [*range(start), *range(start, len(blob), 97), *range(len(blob) - 300, len(blob))]


def test_changing_any_byte_fails_without_data(tmp_path: Path, archive: Path) -> None:
    blob = archive.read_bytes()
    start = _payload_start(blob)
    target = tmp_path / "changed.age"
    for offset in _sampled_offsets(blob):
        changed = bytearray(blob)
        changed[offset] ^= 0x20
        target.write_bytes(bytes(changed))
        with pytest.raises(ArchiveError) as caught:
            read_archive(target, PASS)
        if offset >= start - 16:  # nonce and payload
            assert type(caught.value) is ArchiveTamperedError, offset
        else:  # the header: the scrypt stanza's salt and wrapped key cannot be told from a
            # wrong passphrase (age's design); the first line from another file format
            allowed = (ArchiveTamperedError, ArchiveWrongPassphraseError, ArchiveUnsupportedError)
            assert isinstance(caught.value, allowed), offset


def test_cutting_the_file_anywhere_is_truncation(tmp_path: Path) -> None:
    path = tmp_path / "big.age"
    media = tmp_path / "clip.bin"
    media.write_bytes(os.urandom(150_000))  # three STREAM chunks and a bit
    write_archive(path, rich_snapshot(), PASS, media_files={"clip.bin": media}, work_factor=FAST)
    blob = path.read_bytes()
    start = _payload_start(blob)
    cut_file = tmp_path / "cut.age"
    for keep in [*range(0, start, 7), *range(start, len(blob), 1_013), len(blob) - 1]:
        cut_file.write_bytes(blob[:keep])
        with pytest.raises(ArchiveError) as caught:
            read_archive(cut_file, PASS)
        assert isinstance(caught.value, ArchiveTruncatedError | ArchiveUnsupportedError), keep
        if keep >= 22:  # past the first line, which alone cannot say "age"
            assert isinstance(caught.value, ArchiveTruncatedError), keep


def test_media_files_are_streamed_in_and_come_back(tmp_path: Path) -> None:
    from fedimove.core.storage.archive import DecryptedArchive

    media = tmp_path / "video.mp4"
    media.write_bytes(os.urandom(300_000))
    path = tmp_path / "b.age"
    write_archive(path, rich_snapshot(), PASS, media_files={"video.mp4": media}, work_factor=FAST)
    out = io.BytesIO()
    with DecryptedArchive(path, PASS) as archive:
        assert archive.extract_member("media/video.mp4", out)
    assert out.getvalue() == media.read_bytes()


def test_a_failed_write_leaves_the_old_backup_untouched(tmp_path: Path, archive: Path) -> None:
    before = archive.read_bytes()
    with pytest.raises(FileNotFoundError):
        write_archive(
            archive,
            rich_snapshot(),
            PASS,
            media_files={"gone.bin": tmp_path / "missing"},
            work_factor=FAST,
        )
    assert archive.read_bytes() == before
    assert sorted(p.name for p in archive.parent.iterdir()) == ["backup.age"]


def test_missing_file_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError) as caught:
        read_archive(tmp_path / "nope.age", PASS)
    assert caught.value.params["reason"] == "not_found"


def test_an_armored_copy_opens_too(tmp_path: Path, archive: Path) -> None:
    """What `age -a` would make of the backup: ASCII armor, 64 columns, padded base64."""
    import base64

    encoded = base64.b64encode(archive.read_bytes())
    lines = [encoded[i : i + 64] for i in range(0, len(encoded), 64)]
    armored = tmp_path / "backup.age.asc"
    armored.write_bytes(
        b"-----BEGIN AGE ENCRYPTED FILE-----\n"
        + b"\n".join(lines)
        + b"\n-----END AGE ENCRYPTED FILE-----\n"
    )
    assert read_archive(armored, PASS).snapshot == rich_snapshot()
