"""The old account from whatever files the person still has: any mix of a Fedimove backup,
Mastodon's archive zip and CSV files (Mastodon's or GoToSocial's), folders of them included.

Every file is recognised and read before anything is returned, so a broken, hostile or wrongly
typed file stops everything with a coded error before anything changes. Where two files hold
one category, the first in this order wins: backup, archive zip, CSV files (the backup is
Fedimove's exact record; the zip and the CSVs are what the old server chose to export).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from fedimove.core.errors import ArchiveError, SourceError
from fedimove.core.models import Category, Handle
from fedimove.core.posts_html import MediaLoader, write_posts_html
from fedimove.core.sources.backup import is_backup, read_backup
from fedimove.core.sources.base import NOT_IN_FILES, OLD_SERVER_GONE, SourceKind, SourceResult
from fedimove.core.sources.csv_set import is_csv, read_csv_set
from fedimove.core.sources.mastodon_zip import read_mastodon_archive
from fedimove.core.sources.zip_safety import SafeZip, ZipLimits

ZIP_MAGIC = b"PK\x03\x04"
_MEDIA_LIMIT = 64 * 1024 * 1024


@dataclass(slots=True)
class FileSet:
    backups: list[Path] = field(default_factory=list)
    zips: list[Path] = field(default_factory=list)
    csvs: list[Path] = field(default_factory=list)


def _expand(paths: list[Path]) -> list[Path]:
    """A folder stands for the files in it (not its sub-folders)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.is_file()))
        else:
            found.append(path)
    return found


def _is_zip(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == ZIP_MAGIC
    except OSError:
        return False


def classify(paths: list[Path]) -> FileSet:
    files = FileSet()
    for path in _expand(paths):
        if not path.exists():
            raise SourceError("no such file", reason="not_found", file=path.name)
        if is_backup(path):
            files.backups.append(path)
        elif _is_zip(path):
            files.zips.append(path)
        elif is_csv(path):
            files.csvs.append(path)
        else:
            raise SourceError("not a file Fedimove can read", reason="unknown_file", file=path.name)
    if len(files.backups) > 1:
        raise SourceError("more than one backup", reason="several_backups")
    return files


def read_files(
    paths: list[Path],
    *,
    now: datetime,
    passphrase: str | None = None,
    old: Handle | None = None,
    zip_limits: ZipLimits | None = None,
) -> SourceResult:
    """One SourceResult from all the files (see the module docstring for the order)."""
    if not paths:
        raise SourceError("no files given", reason="no_files")
    files = classify(paths)
    results: list[SourceResult] = []
    for path in files.backups:
        if passphrase is None:
            raise ArchiveError("the backup needs its passphrase", reason="passphrase_missing")
        results.append(read_backup(path, passphrase))
    results.extend(read_mastodon_archive(path, limits=zip_limits) for path in files.zips)
    owner = _owner(results, old)
    if files.csvs:
        if owner is None:
            raise SourceError("whose CSV files are these?", reason="old_account_unknown")
        results.append(read_csv_set(files.csvs, owner, now))
    return combine(results)


def _owner(results: list[SourceResult], old: Handle | None) -> Handle | None:
    owners = {Handle.parse(r.snapshot.account.acct) for r in results}
    if old is not None:
        owners.add(old)
    if len(owners) > 1:
        raise SourceError("the files belong to different accounts", reason="different_accounts")
    return next(iter(owners), None)


def combine(results: list[SourceResult]) -> SourceResult:
    if len(results) == 1:
        return results[0]
    first = results[0]
    merged = SourceResult(SourceKind.FILES, first.snapshot, set(), {})
    for result in results:
        _take(merged, result)
    for result in results:
        for category, reason in result.missing.items():
            if category not in merged.provided or category is Category.FOLLOWERS:
                merged.missing.setdefault(category, reason)
    for category in set(Category) - merged.provided - set(merged.missing):
        merged.missing[category] = NOT_IN_FILES
    merged.missing[Category.FOLLOWERS] = OLD_SERVER_GONE
    return merged


def _take(merged: SourceResult, result: SourceResult) -> None:
    """Copy into `merged` the categories `result` provides and it does not have yet."""
    target, source = merged.snapshot, result.snapshot
    for category in result.provided - merged.provided:
        if category is Category.PROFILE:
            target.profile, target.avatar, target.header = (
                source.profile,
                source.avatar,
                source.header,
            )
            merged.media.update(result.media)
        elif category is not Category.POSTS:
            setattr(target, category.value, getattr(source, category.value))
        merged.provided.add(category)
    if target is not source and not target.account.uri and source.account.uri:
        target.account = source.account
    if merged.outbox is None and result.outbox is not None:
        merged.outbox, merged.outbox_path = result.outbox, result.outbox_path
    merged.files += result.files


@contextmanager
def media_loader(path: Path, passphrase: str | None) -> Iterator[MediaLoader]:
    """Reads a post's attachments from the file its outbox came from."""
    if is_backup(path):
        from fedimove.core.storage.archive_read import DecryptedArchive

        with DecryptedArchive(path, passphrase or "") as archive:
            yield lambda name: archive.read_member(name, limit=_MEDIA_LIMIT)
        return
    with SafeZip(path) as archive:
        yield lambda name: archive.read(name, limit=_MEDIA_LIMIT)


def write_posts_page(result: SourceResult, dest: Path, passphrase: str | None = None) -> int:
    """The browsable local copy of the posts; returns how many posts it shows (0: no outbox,
    and no page is written)."""
    if result.outbox is None or result.outbox_path is None:
        return 0
    title = f"Posts of @{result.snapshot.account.acct}"
    with media_loader(result.outbox_path, passphrase) as load:
        return write_posts_html(dest, result.outbox, load, title=title)
