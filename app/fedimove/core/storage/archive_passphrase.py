"""The backup's passphrase: a generated recovery phrase, and the keyring cache.

A generated phrase is 32 Crockford base32 characters in 8 groups of 4 (160 random bits), e.g.
`7KQ2-M9XD-...`: strong, and easy to read aloud or copy by hand (no I, L, O or U). It is shown
to the user once; the keyring may also keep it (`remember_passphrase`), but the keyring is never
its only home: without the phrase the backup cannot be opened, by design.

The keyring entry is named after the archive's age header (`archive_id`), which is random per
file and readable without the passphrase, so a file can find its cached passphrase.
"""

from __future__ import annotations

import hashlib
import re
import secrets as random_source
from pathlib import Path

from fedimove.core.errors import ArchiveError
from fedimove.core.storage.secrets import SecretStore, passphrase_key

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CONFUSABLE = str.maketrans({"I": "1", "L": "1", "O": "0"})
_GROUPS = 8
_GROUP_SIZE = 4
_PHRASE_CHARS = re.compile(rf"^[{_CROCKFORD}]{{{_GROUPS * _GROUP_SIZE}}}$")
_MAX_HEADER = 64 * 1024


def generate_recovery_phrase() -> str:
    groups = (
        "".join(random_source.choice(_CROCKFORD) for _ in range(_GROUP_SIZE))
        for _ in range(_GROUPS)
    )
    return "-".join(groups)


def normalize_passphrase(text: str) -> str:
    """A recovery phrase typed in lower case, with spaces, or with O/I/L for 0/1 becomes the
    canonical phrase; any other passphrase is used exactly as given."""
    compact = re.sub(r"[\s\-]", "", text).upper().translate(_CONFUSABLE)
    if _PHRASE_CHARS.fullmatch(compact):
        size = _GROUP_SIZE
        return "-".join(compact[i : i + size] for i in range(0, len(compact), size))
    return text


def archive_id(path: Path) -> str:
    """A stable name for one archive file: a hash of its age header (random salt inside)."""
    try:
        with path.open("rb") as src:
            header = src.read(_MAX_HEADER)
    except OSError as exc:
        raise ArchiveError("cannot read the archive", reason="unreadable") from exc
    end = header.find(b"\n---")
    if not header.startswith(b"age-encryption.org/") or end < 0:
        raise ArchiveError("not an age file", reason="not_age")
    return hashlib.sha256(header[: end + 4]).hexdigest()[:32]


def remember_passphrase(store: SecretStore, path: Path, passphrase: str) -> None:
    store.set(passphrase_key(archive_id(path)), passphrase)


def recall_passphrase(store: SecretStore, path: Path) -> str | None:
    return store.get(passphrase_key(archive_id(path)))


def forget_passphrase(store: SecretStore, path: Path) -> bool:
    return store.delete(passphrase_key(archive_id(path)))
