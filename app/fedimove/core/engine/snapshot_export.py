"""From a signed-in account to a backup file: open a REST session with the server's declared
budgets, read the snapshot, turn own posts into an ActivityStreams outbox (with their media),
and hand everything to the archive writer (`core/storage/archive.py`).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import httpx

from fedimove.core.engine.scheduler import SchedulerPool
from fedimove.core.engine.snapshot import AccountSnapshot, MediaFile
from fedimove.core.models import Snapshot
from fedimove.core.servers.detect import detect_server
from fedimove.core.servers.rest import RestClient
from fedimove.core.storage.archive import ProfileImage, write_archive

AS_CONTEXT = "https://www.w3.org/ns/activitystreams"
#: Attachments larger than this stay links in the outbox (the archive keeps what fits in RAM).
MAX_ATTACHMENT = 64 * 1024 * 1024


async def open_client(
    http: httpx.AsyncClient, origin: str, token: str, *, pool: SchedulerPool
) -> RestClient:
    """A REST client with the budgets and page sizes this server's adapter declares, sharing
    the server's scheduler with every other client of that server."""
    server = await detect_server(origin, http)
    host = httpx.URL(origin).netloc.decode("ascii")
    scheduler = pool.for_host(host, server.capabilities.rate_budgets)
    client = RestClient(origin, token, scheduler, http=http)
    client.use_capabilities(server.capabilities)
    return client


def plain_snapshot(snapshot: AccountSnapshot) -> Snapshot:
    """The shared `Snapshot` part (what the archive's snapshot.json holds)."""
    return Snapshot(**{f.name: getattr(snapshot, f.name) for f in fields(Snapshot)})


def _image(media: MediaFile | None) -> ProfileImage | None:
    if media is None:
        return None
    return ProfileImage(media.content_type.split(";", 1)[0].strip().lower(), media.data)


def _activity(post: dict[str, Any], actor: str, attachments: list[dict[str, Any]]) -> Any:
    """A boost becomes an Announce of the original; anything else a Create of a Note."""
    reblog = post.get("reblog")
    if isinstance(reblog, dict):
        return {
            "id": f"{post.get('uri')}/activity",
            "type": "Announce",
            "actor": actor,
            "published": post.get("created_at"),
            "object": reblog.get("uri"),
        }
    note = {
        "id": post.get("uri"),
        "type": "Note",
        "url": post.get("url"),
        "published": post.get("created_at"),
        "attributedTo": actor,
        "content": post.get("content", ""),
        "summary": post.get("spoiler_text") or None,
        "sensitive": bool(post.get("sensitive")),
        "inReplyTo": post.get("in_reply_to_id"),
        "attachment": attachments,
    }
    return {
        "id": f"{post.get('uri')}/activity",
        "type": "Create",
        "actor": actor,
        "published": post.get("created_at"),
        "visibility": post.get("visibility"),  # kept: followers-only posts stay behind
        "object": note,
    }


@dataclass(slots=True)
class _Outbox:
    document: dict[str, Any]
    media_files: dict[str, Path]


async def build_outbox(client: RestClient, snapshot: AccountSnapshot, work: Path) -> _Outbox:
    """Posts as a Create/Note outbox; each attachment downloaded into `work` and referenced
    by its name under `media/`."""
    media_files: dict[str, Path] = {}
    items = []
    for post in snapshot.posts:
        attachments = []
        for index, media in enumerate(post.get("media_attachments") or []):
            if not isinstance(media, dict):
                continue
            url = str(media.get("url") or "")
            entry = {"type": "Document", "url": url, "name": media.get("description")}
            fetched = await client.fetch_media(url)
            if fetched is not None and len(fetched[0]) <= MAX_ATTACHMENT:
                name = f"posts/{post.get('id')}-{index}{Path(url).suffix[:8]}"
                target = work / name.replace("/", "_")
                target.write_bytes(fetched[0])
                media_files[name] = target
                entry.update(url=f"media/{name}", mediaType=fetched[1])
            attachments.append(entry)
        items.append(_activity(post, snapshot.account.uri, attachments))
    document = {
        "@context": AS_CONTEXT,
        "id": "outbox.json",
        "type": "OrderedCollection",
        "totalItems": len(items),
        "orderedItems": items,
    }
    return _Outbox(document, media_files)


@contextmanager
def _workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="fedimove-export-") as name:
        yield Path(name)


async def write_backup(
    client: RestClient,
    snapshot: AccountSnapshot,
    path: Path,
    passphrase: str,
    *,
    include_posts: bool = False,
    work_factor: int | None = None,
) -> None:
    """Write `snapshot` (and its posts, when asked) as an encrypted backup at `path`."""
    extra: dict[str, Any] = {} if work_factor is None else {"work_factor": work_factor}
    with _workdir() as work:
        wanted = include_posts or bool(snapshot.posts)
        outbox = await build_outbox(client, snapshot, work) if wanted else None
        write_archive(
            path,
            plain_snapshot(snapshot),
            passphrase,
            avatar=_image(snapshot.avatar),
            header=_image(snapshot.header),
            outbox=outbox.document if outbox else None,
            media_files=outbox.media_files if outbox else None,
            **extra,
        )
