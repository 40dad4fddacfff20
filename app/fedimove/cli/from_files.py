"""`fedimove migrate --from-files PATH... NEW`: move to NEW when the old server is gone (issue 12).

PATH is any mix of a Fedimove backup, Mastodon's archive zip, and CSV files from Mastodon's or
GoToSocial's export pages (or a folder of them). Every file is read and checked before signing
in to NEW, so a broken, hostile or wrongly typed file stops everything before anything changes.
Then the same preview, journal and copy run as for a live migration; followers cannot be moved
without the old server, and the output says so and gives what helps instead.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from fedimove.core.clock import SystemClock
from fedimove.core.engine.followers_actions import export_missing
from fedimove.core.engine.runner import RunResult
from fedimove.core.errors import FedimoveError
from fedimove.core.models import Category, Handle
from fedimove.core.servers.rest import RestClient
from fedimove.core.sources.base import SourceResult
from fedimove.core.sources.files import classify, read_files, write_posts_page
from fedimove.core.sources.media_store import load_media
from fedimove.core.sources.offline import (
    OfflinePreview,
    finish_if_done,
    start_offline,
    with_local_media,
)
from fedimove.core.sources.service_support import offline_preview_for
from fedimove.core.storage.journal import Journal
from fedimove.core.storage.journal_records import Migration
from fedimove.core.storage.paths import AppPaths

WORDS = {
    "csv.invalid": "The file {file} is not a CSV file Fedimove can read ({reason}, line {line}).",
    "csv.truncated": "The file {file} ends too early (line {line}): it was not saved completely.",
    "csv.wrong_kind": "The file {file} holds {found}, not {kind}: choose the right file.",
    "source.invalid": "These files cannot be used ({reason}{of_file}).",
    "source.zip_unsafe": "The zip file was refused: it holds entries that could escape a folder.",
    "source.zip_too_large": "The zip file was refused: it unpacks too large ({reason}).",
    "archive.wrong_passphrase": "The passphrase does not open the backup.",
}
#: Words by `reason`, where one code covers several causes.
REASONS = {
    "duplicate_kind": "Two files hold the same kind of list (the second: {file}).",
    "unreadable": "The file {file} cannot be read.",
    "encoding": "The file {file} is not UTF-8 text.",
    "not_found": "There is no file {file}.",
    "unknown_file": "{file} is none of: a Fedimove backup, Mastodon's archive zip, CSV exports.",
    "old_account_unknown": "Say whose CSV files these are: --old-account user@old.server.",
    "different_accounts": "The files belong to different accounts.",
    "several_backups": "Choose one backup.",
    "bad_zip": "{file} is not a zip file.",
    "no_actor": "The zip holds no actor.json: it is not Mastodon's archive.",
    "bad_json": "{file} inside the archive is damaged.",
    "bad_actor": "actor.json inside the archive names no account.",
    "passphrase_missing": "The backup needs its passphrase (--passphrase-file).",
}


def add_from_files_option(parser: argparse.ArgumentParser) -> None:
    """The options `fedimove migrate` gains for files (its OLD and NEW become optional)."""
    parser.add_argument(
        "--from-files",
        nargs="+",
        metavar="PATH",
        type=Path,
        help="the old server is gone: take the old account from these files (a Fedimove "
        "backup, Mastodon's archive zip, Mastodon or GoToSocial CSV exports, or a folder); "
        "name only the NEW account",
    )
    parser.add_argument("--old-account", help="whose CSV files these are (user@old.server)")
    parser.add_argument("--passphrase-file", type=Path, help="the backup's passphrase (line 1)")
    parser.add_argument("--posts-html", type=Path, help="where to write the posts page")


def dispatch(live: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """`migrate`'s handler: files when `--from-files` is given, else the live migration."""

    def handler(args: argparse.Namespace) -> int:
        if getattr(args, "from_files", None):
            return run_from_files(args)
        if not (args.old and args.new):
            print("fedimove migrate: name OLD and NEW (or use --from-files).", file=sys.stderr)
            return 2
        return live(args)

    return handler


def _split(args: argparse.Namespace) -> tuple[list[Path], str]:
    """`--from-files a b NEW` puts NEW among the files; `NEW --from-files a b` does not."""
    paths = list(args.from_files)
    named = [value for value in (args.old, args.new) if value]
    if len(named) > 1:
        raise SystemExit("with --from-files, name only the NEW account")
    new = named[0] if named else str(paths.pop())
    if Path(new).exists() or "@" not in new:
        raise SystemExit("name the NEW account (user@new.server) after the files")
    if not paths:
        raise SystemExit("--from-files needs at least one file")
    return paths, new


def run_from_files(args: argparse.Namespace) -> int:
    from fedimove.cli.export import _run

    paths, new = _split(args)
    try:
        passphrase = _backup_passphrase(paths, args.passphrase_file)
        old = Handle.parse(args.old_account) if args.old_account else None
        source = read_files(paths, now=SystemClock().now(), passphrase=passphrase, old=old)
    except FedimoveError as error:
        print(f"Nothing was changed. {describe(error)} [{error.code}]", file=sys.stderr)
        return 1
    print_source(source, sys.stdout)
    return _run(_migrate(args, source, new, passphrase))


def describe(error: FedimoveError) -> str:
    params = {k: "" if v is None else v for k, v in error.params.items()}
    params.setdefault("file", params.get("member", "the file"))
    params.setdefault("line", "?")
    params.setdefault("reason", error.code)
    params["of_file"] = f": {params['file']}" if error.params.get("file") else ""
    for key in ("kind", "found"):
        params[key] = str(params.get(key) or "something else").replace("_", " ")
    template = REASONS.get(str(error.params.get("reason"))) or WORDS.get(error.code)
    return template.format(**params) if template else error.message


def _backup_passphrase(paths: list[Path], passphrase_file: Path | None) -> str | None:
    backups = classify(paths).backups
    if not backups:
        return None
    from fedimove.cli.archive import _passphrase  # file, keyring cache, then a prompt

    return _passphrase(argparse.Namespace(passphrase_file=passphrase_file, file=backups[0]))


def print_source(source: SourceResult, out: TextIO) -> None:
    snap = source.snapshot
    print(f"Old account @{snap.account.acct}, from {', '.join(source.files)}", file=out)
    for category in sorted(source.provided, key=list(Category).index):
        print(f"  {category.value:<16}{snap.count(category):>7}", file=out)


def print_preview(preview: OfflinePreview, out: TextIO) -> None:
    print(f"  {'category':<16}{'count':>7}{'exists':>8}{'skip':>6}  to copy", file=out)
    for item in preview.categories:
        if item.category is Category.FOLLOWERS:
            continue
        line = f"  {item.category.value:<16}{item.count:>7}{item.existing:>8}"
        print(f"{line}{len(item.skipped):>6}  {item.to_copy}", file=out)
    print("Cannot be moved:", file=out)
    for category, words in sorted(preview.cannot_move.items(), key=lambda kv: kv[0].value):
        print(f"  {category.value}: {words}", file=out)
    for note in preview.notes:
        print(f"Note: {note}", file=out)


async def _migrate(
    args: argparse.Namespace, source: SourceResult, new_handle: str, passphrase: str | None
) -> int:
    from fedimove.cli.migrate import _copy_sessions, _journal

    practice = bool(getattr(args, "practice", False))
    async with _copy_sessions(practice) as sessions:
        new = await sessions.writer(new_handle)
        preview = await offline_preview_for(source, new)
        print_preview(preview, sys.stdout)
        if args.dry_run:
            return 0
        clock = SystemClock()
        with _journal(practice, clock) as journal:
            return await _copy(args, source, new, journal, preview=preview, passphrase=passphrase)


async def _copy(
    args: argparse.Namespace,
    source: SourceResult,
    new: RestClient,
    journal: Journal,
    *,
    preview: OfflinePreview,
    passphrase: str | None,
) -> int:
    from fedimove.cli.migrate import (
        CopyPrinter,
        _exit_code,
        _exports,
        parse_categories,
        print_status,
    )
    from fedimove.core.engine.migration import MigrationEngine

    engine = MigrationEngine(journal, journal.clock, exports_dir=_exports())
    printer = CopyPrinter(sys.stderr)
    migration, result = await start_offline(
        engine,
        source,
        new,
        parse_categories(args.only),
        api_only=args.api_only,
        progress=printer,
        keep_waiting=not args.stop_when_waiting,
        media_root=media_root(bool(getattr(args, "practice", False))),
    )
    printer.close()
    print(f"Migration {migration.id} (old server gone):")
    print_status(engine.status(migration.id), sys.stdout)
    folder = _exports() / f"migration-{migration.id}"
    _print_help(preview, source, journal, migration.id, folder)
    _write_posts(source, args.posts_html or folder / "posts.html", passphrase)
    return _exit_code(result)


def _print_help(
    preview: OfflinePreview, source: SourceResult, journal: Journal, migration_id: int, folder: Path
) -> None:
    print("Followers: cannot move: old server gone. What helps: post this from the new account:")
    print(f"  {preview.moved_post}")
    if source.snapshot.followers:
        path = folder / "followers-to-look-up.csv"
        count = export_missing(journal, migration_id, path)
        print(f"The {count} followers the files list, to look people up: {path}")


def _write_posts(source: SourceResult, path: Path, passphrase: str | None) -> None:
    shown = write_posts_page(source, path, passphrase)
    if shown:
        print(f"Posts kept as a page you can read offline ({shown}): {path}")


def media_root(practice: bool) -> Path | None:
    """Where a files migration keeps its profile images for `fedimove resume` (practice
    journals are thrown away, so practice runs keep none)."""
    return None if practice else AppPaths.default().ensure().data / "media"


def is_files_migration(migration: Migration) -> bool:
    return bool(migration.options.get("old_server_gone"))


def resumed_new_client(new: RestClient, migration: Migration, practice: bool) -> RestClient:
    """The new account's client for a resumed files migration: the kept profile images are
    served locally (the old server that hosted them is gone)."""
    root = media_root(practice)
    return with_local_media(new, load_media(root, migration.id) if root else {})


def finish_resumed(
    journal: Journal, migration: Migration, result: RunResult, practice: bool
) -> None:
    """No Move will come: a files migration ends with its copy."""
    finish_if_done(journal, migration.id, result, media_root=media_root(practice))
