"""A set of CSV files as a source: Mastodon's export page (`following_accounts.csv`, ...) or
GoToSocial's exports (`following.csv`, `followers.csv`, `lists.csv`, `blocks.csv`, `mutes.csv`).

Built on `csv_snapshot`: each file is recognised by name or content and read exactly as
Mastodon's importer reads it (bare local usernames resolved against the old domain). Every file
is read before anything is returned, so a broken or wrongly typed file stops the whole set with
its coded error before anything changes.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from fedimove.core.engine.snapshot import AccountSnapshot
from fedimove.core.errors import CsvFormatError
from fedimove.core.models import AccountRef, Category, Handle
from fedimove.core.sources.base import NOT_IN_CSV, OLD_SERVER_GONE, SourceKind, SourceResult
from fedimove.core.storage.csv_formats import CsvKind
from fedimove.core.storage.csv_snapshot import read_csv_files, snapshot_from_csv

CATEGORY_OF = {
    CsvKind.FOLLOWING: Category.FOLLOWING,
    CsvKind.FOLLOWERS: Category.FOLLOWERS,
    CsvKind.LISTS: Category.LISTS,
    CsvKind.BLOCKS: Category.BLOCKS,
    CsvKind.MUTES: Category.MUTES,
    CsvKind.DOMAIN_BLOCKS: Category.DOMAIN_BLOCKS,
    CsvKind.BOOKMARKS: Category.BOOKMARKS,
    CsvKind.FILTERS: Category.FILTERS,
}
GOTOSOCIAL_NAMES = {"following.csv", "followers.csv", "blocks.csv", "mutes.csv"}
#: Never in a CSV export (an archive zip or a Fedimove backup may have them).
_NEVER_IN_CSV = (
    Category.PROFILE,
    Category.FAVOURITES,
    Category.FOLLOWED_TAGS,
    Category.FEATURED_TAGS,
    Category.ENDORSEMENTS,
    Category.NOTES,
)


def is_csv(path: Path) -> bool:
    return path.suffix.lower() == ".csv"


def _read_each(paths: list[Path]) -> tuple[dict[CsvKind, str], dict[CsvKind, str]]:
    """Each file's text and name by kind (one kind per file, each kind once)."""
    texts: dict[CsvKind, str] = {}
    names: dict[CsvKind, str] = {}
    for path in paths:
        try:
            kind, text = next(iter(read_csv_files([path]).items()))
        except CsvFormatError as error:  # e.g. not UTF-8: say which file
            error.params.setdefault("file", path.name)
            raise
        if kind in texts:
            raise CsvFormatError("two files of one kind", reason="duplicate_kind", file=path.name)
        texts[kind], names[kind] = text, path.name
    return texts, names


def read_csv_set(paths: list[Path], old: Handle, taken_at: datetime) -> SourceResult:
    texts, names = _read_each(paths)
    account = AccountRef(acct=old.acct)
    try:
        plain = snapshot_from_csv(texts, account=account, taken_at=taken_at, old_domain=old.domain)
    except CsvFormatError as error:  # say which file, not only which kind
        error.params.setdefault("file", names.get(CsvKind(str(error.params.get("kind")))))
        raise
    snapshot = AccountSnapshot(account=account, taken_at=taken_at)
    for kind in texts:
        name = CATEGORY_OF[kind].value
        setattr(snapshot, name, getattr(plain, name))
    provided = {CATEGORY_OF[kind] for kind in texts}
    missing = dict.fromkeys(_NEVER_IN_CSV, NOT_IN_CSV)
    missing[Category.FOLLOWERS] = OLD_SERVER_GONE
    gts = any(path.name.lower() in GOTOSOCIAL_NAMES for path in paths)
    source_kind = SourceKind.GOTOSOCIAL_CSV if gts else SourceKind.MASTODON_CSV
    return SourceResult(
        source_kind, snapshot, provided, missing, files=tuple(path.name for path in paths)
    )
