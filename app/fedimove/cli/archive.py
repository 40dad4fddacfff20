"""`fedimove archive show FILE` and `fedimove archive export-csv FILE -o DIR`.

`show` prints the manifest and how many items of each kind the backup holds; `export-csv` writes
the Mastodon-importable CSV files, unencrypted, on explicit request. The passphrase comes from
`--passphrase-file` (first line), else the keyring's cached copy for this file, else a prompt.
A wrong passphrase, a damaged or a cut file gives a coded error and prints nothing of the backup.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TextIO

from fedimove.core.errors import FedimoveError, StorageError
from fedimove.core.storage.archive import ArchiveContents, read_archive
from fedimove.core.storage.archive_manifest import dump_manifest
from fedimove.core.storage.archive_passphrase import recall_passphrase
from fedimove.core.storage.secrets import SecretStore

WORDS = {
    "archive.invalid": "This file is not a Fedimove backup Fedimove can read.",
    "archive.wrong_passphrase": "The passphrase is wrong (or the file's key block is damaged).",
    "archive.tampered": "The backup has been changed or damaged; nothing was read from it.",
    "archive.header_invalid": "The backup's header is damaged; nothing was read from it.",
    "archive.truncated": "The backup file is incomplete (cut short); nothing was read from it.",
    "archive.unsupported": "This is not a backup this version of Fedimove can open.",
    "storage.failed": "The files could not be written.",
    "storage.disk_full": "The disk is full.",
    "input.no_passphrase": "No passphrase: use --passphrase-file, or run in a terminal.",
    "input.target_exists": "The folder already holds these files; add --force to replace them.",
}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("archive", help="open a Fedimove backup")
    commands = parser.add_subparsers(dest="archive_command", metavar="ACTION", required=True)
    show = commands.add_parser("show", help="print a backup's manifest and what it holds")
    show.add_argument("file", type=Path)
    _add_passphrase_option(show)
    show.set_defaults(handler=run_show)
    export = commands.add_parser(
        "export-csv", help="write the backup's Mastodon-importable CSV files, unencrypted"
    )
    export.add_argument("file", type=Path)
    export.add_argument("-o", "--output", type=Path, required=True, help="folder to write into")
    export.add_argument("--force", action="store_true", help="replace files already there")
    _add_passphrase_option(export)
    export.set_defaults(handler=run_export_csv)


def _add_passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file", type=Path, help="read the passphrase from the first line of a file"
    )


class _NoPassphraseError(FedimoveError):
    code = "input.no_passphrase"


class _TargetExistsError(FedimoveError):
    code = "input.target_exists"


def _passphrase(args: argparse.Namespace) -> str:
    if args.passphrase_file is not None:
        try:
            lines = args.passphrase_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise _NoPassphraseError("unreadable passphrase file") from exc
        if lines and lines[0]:
            return str(lines[0])
        raise _NoPassphraseError("empty passphrase file")
    try:
        cached = recall_passphrase(SecretStore.open(allow_session=True), args.file)
    except FedimoveError:  # no keyring, or not an age file: reading will say which
        cached = None
    if cached:
        return cached
    if not sys.stdin.isatty():
        raise _NoPassphraseError("no passphrase given")
    return getpass.getpass("Backup passphrase: ")


def _fail(error: FedimoveError, err: TextIO) -> int:
    words = WORDS.get(error.code, "Something went wrong.")
    print(f"fedimove: {words} [{error.code}]", file=err)
    return 2


def print_summary(contents: ArchiveContents, out: TextIO) -> None:
    snapshot = contents.snapshot
    print(f"Backup of {snapshot.account.acct}, taken {snapshot.taken_at.isoformat()}", file=out)
    print("\nmanifest.yml:", file=out)
    for line in dump_manifest(contents.manifest).splitlines():
        print(f"  {line}", file=out)
    print("\nContents:", file=out)
    for category, count in contents.counts().items():
        print(f"  {category.replace('_', ' '):<16}{count:>8}", file=out)


def run_show(args: argparse.Namespace) -> int:
    out, err = sys.stdout, sys.stderr
    try:
        contents = read_archive(args.file, _passphrase(args))
    except FedimoveError as error:
        return _fail(error, err)
    print_summary(contents, out)
    return 0


def _write_private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as target:
        target.write(text)


def run_export_csv(args: argparse.Namespace) -> int:
    out, err = sys.stdout, sys.stderr
    try:
        contents = read_archive(args.file, _passphrase(args))
        target: Path = args.output
        names = [kind.file_name for kind in contents.csv_files]
        if not args.force and any((target / name).exists() for name in names):
            raise _TargetExistsError("files exist")
        try:
            target.mkdir(parents=True, exist_ok=True, mode=0o700)
            for kind, text in contents.csv_files.items():
                _write_private(target / kind.file_name, text)
        except OSError as exc:
            raise StorageError("cannot write the CSV files") from exc
    except FedimoveError as error:
        return _fail(error, err)
    for name in names:
        print(target / name, file=out)
    return 0
