"""`fedimove migrate --from-files PATH... NEW`: files checked before any sign-in, then the copy
on the practice Fediverse, with the followers' plain "cannot move: old server gone"."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from tests.core.sources.helpers import write_mastodon_zip
from tests.core.storage.test_csv_formats import SAMPLES

from fedimove.cli import main
from fedimove.core.sources.base import FOLLOWERS_GONE


def _exports(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "export"
    folder.mkdir()
    following = folder / "following_accounts.csv"
    following.write_text(
        "Account address,Show boosts,Notify on new posts,Languages\n"
        'ada26@new.practice,true,false,\nbo27@gts.practice,false,true,"en, de"\n',
        encoding="utf-8",
    )
    (folder / "blocked_domains.csv").write_text("spam.example\n", encoding="utf-8")
    return [following, folder / "blocked_domains.csv"]


def test_csv_files_are_copied_to_the_new_account(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [str(p) for p in _exports(tmp_path)]
    args = ["--practice", "migrate", "--from-files", *files, "anna@new.practice"]
    code = main([*args, "--old-account", "anna@old.practice"])
    out = capsys.readouterr().out
    assert code == 0, out
    rows = {line.split()[0]: line.split() for line in out.splitlines() if line.startswith("  ")}
    assert rows["following"][1:3] == ["2", "0"]  # done, pending (status table)
    assert rows["domain_blocks"][1] == "1"
    assert f"followers: {FOLLOWERS_GONE}" in out
    assert "We moved!" in out


def test_a_dry_run_from_an_archive_zip_shows_what_cannot_move(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = write_mastodon_zip(tmp_path / "archive.zip", host="old.practice")
    code = main(
        ["--practice", "migrate", "anna@new.practice", "--from-files", str(archive), "--dry-run"]
    )
    out = capsys.readouterr().out
    assert code == 0, out
    assert "Old account @anna@old.practice, from archive.zip" in out
    assert f"followers: {FOLLOWERS_GONE}" in out
    assert "following: not in Mastodon's archive zip" in out


def test_a_wrongly_typed_file_stops_before_any_sign_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    offered = tmp_path / "following_accounts.csv"
    offered.write_bytes((SAMPLES / "blocked_accounts.csv").read_bytes())
    # No --practice and nobody signed in: the files are refused before that could matter.
    code = main(
        [
            "migrate",
            "--from-files",
            str(offered),
            "anna@new.example",
            "--old-account",
            "a@b.example",
        ]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "Nothing was changed." in err
    assert "following_accounts.csv holds blocked accounts, not following accounts" in err
    assert "[csv.wrong_kind]" in err


def test_a_hostile_zip_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "archive.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("../../.bashrc", "rm -rf ~")
    assert main(["migrate", "--from-files", str(path), "anna@new.example"]) == 1
    assert "[source.zip_unsafe]" in capsys.readouterr().err


def test_migrate_still_needs_two_accounts_without_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["migrate", "anna@old.example"]) == 2
    assert "--from-files" in capsys.readouterr().err


def test_a_backup_gives_the_follower_list_and_the_posts_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.core.sources.test_backup_source import OUTBOX
    from tests.core.storage.test_archive import AVATAR, FAST, PASS, rich_snapshot

    from fedimove.core.storage.archive import write_archive

    snapshot = rich_snapshot()
    backup = tmp_path / "anna.fedimove"
    write_archive(backup, snapshot, PASS, avatar=AVATAR, outbox=OUTBOX, work_factor=FAST)
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASS + "\n", encoding="utf-8")
    posts = tmp_path / "posts.html"
    args = ["--practice", "migrate", "--from-files", str(backup), "anna@new.practice"]
    code = main([*args, "--passphrase-file", str(secret), "--posts-html", str(posts)])
    out = capsys.readouterr().out
    assert code == 0, out
    listed = next(line for line in out.splitlines() if "to look people up" in line)
    assert f"The {len(snapshot.followers)} followers" in listed
    rows = Path(listed.rsplit(": ", 1)[1]).read_text(encoding="utf-8").splitlines()
    assert {row.split(",")[0] for row in rows[1:]} == {f.acct for f in snapshot.followers}
    assert all(FOLLOWERS_GONE in row for row in rows[1:])
    assert "from the backup" in posts.read_text(encoding="utf-8")
    assert f"Posts kept as a page you can read offline (1): {posts}" in out


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"\xff\xfe not text", "is not UTF-8 text"),
        (b'user@example.com\nus"er@test.com\n', "is not a CSV file Fedimove can read"),
    ],
)
def test_broken_files_get_words_naming_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, words: str
) -> None:
    path = tmp_path / "blocked_accounts.csv"
    path.write_bytes(content)
    args = ["migrate", "--from-files", str(path), "a@new.example", "--old-account", "a@b.example"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert words in err
    assert "blocked_accounts.csv" in err


def test_files_without_a_new_account_are_refused(tmp_path: Path) -> None:
    paths = [str(p) for p in _exports(tmp_path)]
    with pytest.raises(SystemExit, match="name the NEW account"):
        main(["migrate", "--from-files", *paths])
