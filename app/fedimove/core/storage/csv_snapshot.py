"""A Snapshot from a set of CSV files (Mastodon's export page, GoToSocial's exports, or the CSVs
of a backup): the "old server is gone" source of issue 12.

Which file is which comes from its name when it is one the exporters use, else from its content
(`detect_kind`). Every file is read before anything is returned, so a broken or wrongly typed file
stops the whole set with its coded error (and the file's name) before anything changes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from fedimove.core.errors import CsvFormatError, CsvWrongKindError
from fedimove.core.models import AccountRef, Snapshot
from fedimove.core.storage import csv_formats as cf
from fedimove.core.storage.csv_formats import CsvKind

#: File names the exporters use, beyond Fedimove's own (`following_accounts.csv`, ...).
_KNOWN_NAMES = {kind.file_name: kind for kind in CsvKind} | {
    "follows.csv": CsvKind.FOLLOWING,
    "following.csv": CsvKind.FOLLOWING,  # GoToSocial
    "blocks.csv": CsvKind.BLOCKS,
    "mutes.csv": CsvKind.MUTES,
    "domain_blocks.csv": CsvKind.DOMAIN_BLOCKS,
}

_FIELDS = {
    CsvKind.FOLLOWING: "following",
    CsvKind.FOLLOWERS: "followers",
    CsvKind.LISTS: "lists",
    CsvKind.BLOCKS: "blocks",
    CsvKind.MUTES: "mutes",
    CsvKind.DOMAIN_BLOCKS: "domain_blocks",
    CsvKind.BOOKMARKS: "bookmarks",
    CsvKind.FILTERS: "filters",
}


def kind_of_file(path: Path, text: str) -> CsvKind:
    kind = _KNOWN_NAMES.get(path.name.lower()) or cf.detect_kind(text)
    if kind is None:
        raise CsvWrongKindError("cannot tell what this file holds", file=path.name, found=None)
    return kind


def read_csv_files(paths: list[Path]) -> dict[CsvKind, str]:
    """The text of each file by kind; two files of one kind, or an unreadable one, is an error."""
    texts: dict[CsvKind, str] = {}
    for path in paths:
        try:
            text = cf.decode_csv(path.read_bytes())
        except OSError as exc:
            raise CsvFormatError(
                "cannot read the file", reason="unreadable", file=path.name
            ) from exc
        kind = kind_of_file(path, text)
        if kind in texts:
            raise CsvFormatError("two files of one kind", reason="duplicate_kind", file=path.name)
        texts[kind] = text
    return texts


def _reader(kind: CsvKind, old_domain: str) -> Callable[[str], Any]:
    readers: dict[CsvKind, Callable[[str], Any]] = {
        CsvKind.FOLLOWING: lambda t: cf.read_following(t, old_domain=old_domain),
        CsvKind.FOLLOWERS: lambda t: cf.read_followers(t, old_domain=old_domain),
        CsvKind.LISTS: lambda t: cf.read_lists(t, old_domain=old_domain),
        CsvKind.BLOCKS: lambda t: cf.read_blocks(t, old_domain=old_domain),
        CsvKind.MUTES: lambda t: cf.read_mutes(t, old_domain=old_domain),
        CsvKind.DOMAIN_BLOCKS: cf.read_domain_blocks,
        CsvKind.BOOKMARKS: cf.read_bookmarks,
        CsvKind.FILTERS: cf.read_filters,
    }
    return readers[kind]


def snapshot_from_csv(
    texts: Mapping[CsvKind, str], *, account: AccountRef, taken_at: datetime, old_domain: str
) -> Snapshot:
    """The Snapshot these files describe (categories without a file stay empty)."""
    snapshot = Snapshot(account=account, taken_at=taken_at)
    for kind, text in texts.items():
        try:
            items = _reader(kind, old_domain)(text)
        except CsvFormatError as error:
            error.params["kind"] = kind.value  # the reader gave the line; say which file
            raise
        setattr(snapshot, _FIELDS[kind], items)
    return snapshot
