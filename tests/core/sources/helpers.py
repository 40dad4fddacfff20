"""Test data for the sources: a Mastodon archive zip written the way Mastodon's BackupService
writes one, and copies of the shared CSV samples."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

from tests.core.storage.test_csv_formats import SAMPLES

PNG = b"\x89PNG\r\n\x1a\n" + b"avatar-bytes" * 20
JPEG = b"\xff\xd8\xff\xe0" + b"header-bytes" * 20
CLIP = b"\x89PNG\r\n\x1a\n" + b"attachment" * 30


def actor(host: str = "old.example", user: str = "anna") -> dict[str, Any]:
    return {
        "@context": ["https://www.w3.org/ns/activitystreams"],
        "id": f"https://{host}/users/{user}",
        "type": "Person",
        "preferredUsername": user,
        "name": "Anna <b>🐘</b>",
        "summary": "<p>Line one<br>line <a href='https://x.example'>two</a></p><p>Bye</p>",
        "url": f"https://{host}/@{user}",
        "manuallyApprovesFollowers": True,
        "discoverable": True,
        "attachment": [
            {
                "type": "PropertyValue",
                "name": "Site",
                "value": "<a href='https://a.example'>a.example</a>",
            },
            {"type": "PropertyValue", "name": "Pronouns", "value": "she/her"},
        ],
        "icon": {"type": "Image", "mediaType": "image/png", "url": "avatar.png"},
        "image": {"type": "Image", "mediaType": "image/jpeg", "url": "header.jpg"},
    }


def outbox(host: str = "old.example") -> dict[str, Any]:
    note = {
        "id": f"https://{host}/users/anna/statuses/1",
        "type": "Note",
        "url": f"https://{host}/@anna/1",
        "published": "2025-01-02T03:04:05Z",
        "content": "<p>Hello <script>alert(1)</script><b>world</b> &amp; friends</p>",
        "summary": None,
        "attachment": [
            {
                "type": "Document",
                "mediaType": "image/png",
                "url": "/media_attachments/files/000/001/original/clip.png",
                "name": "a <clip>",
            },
            {"type": "Document", "mediaType": "image/png", "url": "https://tracker.example/x.png"},
        ],
    }
    warned = {
        "id": f"https://{host}/users/anna/statuses/2",
        "type": "Note",
        "published": "2025-01-03T00:00:00Z",
        "content": "<p>spoiler body</p>",
        "summary": "CW <i>food</i>",
    }
    return {
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": "outbox.json",
        "type": "OrderedCollection",
        "totalItems": 3,
        "orderedItems": [
            {"type": "Create", "published": note["published"], "object": note},
            {"type": "Create", "published": warned["published"], "object": warned},
            {
                "type": "Announce",
                "published": "2025-01-04T00:00:00Z",
                "object": "https://other.example/users/zed/statuses/9",
            },
        ],
    }


def collection(name: str, items: list[str]) -> dict[str, Any]:
    return {
        "id": name,
        "type": "OrderedCollection",
        "totalItems": len(items),
        "orderedItems": items,
    }


BOOKMARKED = ["https://other.example/users/zed/statuses/1", "https://third.example/notes/2"]
LIKED = ["https://other.example/users/zed/statuses/3"]


def write_mastodon_zip(
    path: Path, *, host: str = "old.example", extra: dict[str, bytes] | None = None
) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("actor.json", json.dumps(actor(host)))
        archive.writestr("outbox.json", json.dumps(outbox(host)))
        archive.writestr("bookmarks.json", json.dumps(collection("bookmarks.json", BOOKMARKED)))
        archive.writestr("likes.json", json.dumps(collection("likes.json", LIKED)))
        archive.writestr("avatar.png", PNG)
        archive.writestr("header.jpg", JPEG)
        archive.writestr("media_attachments/files/000/001/original/clip.png", CLIP)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


def copy_samples(dest: Path, *names: str) -> list[Path]:
    paths = []
    for name in names:
        shutil.copy(SAMPLES / name, dest / name)
        paths.append(dest / name)
    return paths
