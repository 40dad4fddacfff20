"""The profile images of a files migration, kept beside the journal until it finishes.

The old server that hosted the avatar and header is gone, and the files they came from (a
backup needs its passphrase) may not be at hand after a restart. So once a files migration is
journaled, its images are written under the app's data folder (`media/<migration id>/`), and a
resume serves them from there (`offline.with_local_media`).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from fedimove.core.storage.files import write_private_file, write_private_json

INDEX = "index.json"
Media = dict[str, tuple[bytes, str]]


def media_folder(root: Path, migration_id: int) -> Path:
    return root / str(migration_id)


def save_media(root: Path, migration_id: int, media: Media) -> None:
    """Write each image and an index of its URL and type (nothing when there is none)."""
    if not media:
        return
    folder = media_folder(root, migration_id)
    index: dict[str, dict[str, str]] = {}
    for number, (url, (data, content_type)) in enumerate(sorted(media.items())):
        name = f"{number}.bin"
        write_private_file(folder / name, data)
        index[url] = {"file": name, "type": content_type}
    write_private_json(folder / INDEX, index)  # last: an index names only complete files


def load_media(root: Path, migration_id: int) -> Media:
    """The images saved for a migration; {} when none were (or they cannot be read)."""
    folder = media_folder(root, migration_id)
    try:
        index = json.loads((folder / INDEX).read_text(encoding="utf-8"))
        return {
            str(url): ((folder / Path(str(entry["file"])).name).read_bytes(), str(entry["type"]))
            for url, entry in index.items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def forget_media(root: Path, migration_id: int) -> None:
    shutil.rmtree(media_folder(root, migration_id), ignore_errors=True)
