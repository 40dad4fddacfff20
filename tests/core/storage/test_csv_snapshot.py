"""A Snapshot from a set of Mastodon CSV files (the "old server is gone" source)."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from fedimove.core.errors import CsvFormatError, CsvWrongKindError
from fedimove.core.models import AccountRef
from fedimove.core.storage.csv_formats import CsvKind
from fedimove.core.storage.csv_snapshot import read_csv_files, snapshot_from_csv
from tests.core.storage.test_csv_formats import SAMPLES

ANNA = AccountRef("anna@old.example")
WHEN = datetime(2026, 1, 1, tzinfo=UTC)


def test_every_sample_at_once(tmp_path: Path) -> None:
    names = [
        "following_accounts.csv",
        "muted_accounts.csv",
        "blocked_accounts.csv",
        "lists.csv",
        "bookmarks.csv",
        "filters.csv",
    ]
    paths = []
    for name in names:
        shutil.copy(SAMPLES / name, tmp_path / name)
        paths.append(tmp_path / name)
    texts = read_csv_files(paths)
    snapshot = snapshot_from_csv(texts, account=ANNA, taken_at=WHEN, old_domain="old.example")
    assert len(snapshot.following) == 2
    assert len(snapshot.mutes) == 2
    assert len(snapshot.blocks) == 2
    assert [lst.title for lst in snapshot.lists] == ["Mastodon project", "test"]
    assert len(snapshot.bookmarks) == 4
    assert len(snapshot.filters) == 3
    assert snapshot.followers == []


def test_files_with_other_names_are_recognised_by_content(tmp_path: Path) -> None:
    renamed = tmp_path / "export (3).csv"
    shutil.copy(SAMPLES / "lists.csv", renamed)
    assert list(read_csv_files([renamed])) == [CsvKind.LISTS]


def test_a_broken_file_stops_the_whole_set_and_names_itself() -> None:
    texts = {
        CsvKind.BLOCKS: (SAMPLES / "blocked_accounts.csv").read_text(encoding="utf-8"),
        CsvKind.FOLLOWING: (SAMPLES / "muted_accounts.csv").read_text(encoding="utf-8"),
    }
    with pytest.raises(CsvWrongKindError) as caught:
        snapshot_from_csv(texts, account=ANNA, taken_at=WHEN, old_domain="old.example")
    assert caught.value.params["kind"] == "following_accounts"
    assert caught.value.params["found"] == "muted_accounts"


def test_two_files_of_one_kind_are_refused(tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    shutil.copy(SAMPLES / "lists.csv", first)
    shutil.copy(SAMPLES / "lists.csv", second)
    with pytest.raises(CsvFormatError) as caught:
        read_csv_files([first, second])
    assert caught.value.params["reason"] == "duplicate_kind"
