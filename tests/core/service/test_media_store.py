"""The profile images of a files migration, kept for a resume under the data folder."""

from __future__ import annotations

from pathlib import Path

from fedimove.core.sources.media_store import (
    forget_media,
    load_media,
    media_folder,
    save_media,
)

MEDIA = {
    "https://old.example/avatar.png": (b"\x89PNG avatar", "image/png"),
    "https://old.example/header.jpg": (b"\xff\xd8 header", "image/jpeg"),
}


def test_images_survive_a_restart_and_go_when_forgotten(tmp_path: Path) -> None:
    save_media(tmp_path, 7, MEDIA)
    assert load_media(tmp_path, 7) == MEDIA
    assert load_media(tmp_path, 8) == {}
    forget_media(tmp_path, 7)
    assert not media_folder(tmp_path, 7).exists()
    assert load_media(tmp_path, 7) == {}


def test_no_images_write_nothing(tmp_path: Path) -> None:
    save_media(tmp_path, 1, {})
    assert not media_folder(tmp_path, 1).exists()


def test_a_damaged_index_reads_as_no_images(tmp_path: Path) -> None:
    save_media(tmp_path, 3, MEDIA)
    (media_folder(tmp_path, 3) / "index.json").write_text("{not json", encoding="utf-8")
    assert load_media(tmp_path, 3) == {}


def test_an_index_cannot_point_outside_its_folder(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"secret")
    save_media(tmp_path / "media", 4, MEDIA)
    index = media_folder(tmp_path / "media", 4) / "index.json"
    index.write_text('{"u": {"file": "../../secret.txt", "type": "x"}}', encoding="utf-8")
    assert load_media(tmp_path / "media", 4) == {}
