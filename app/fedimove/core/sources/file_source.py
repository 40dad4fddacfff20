"""Files as a `SnapshotSource` (the protocol's offline member)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from fedimove.core.clock import Clock
from fedimove.core.models import Handle
from fedimove.core.progress import CancelToken, Phase, ProgressEvent, ProgressSink
from fedimove.core.sources.base import SourceKind, SourceResult
from fedimove.core.sources.files import read_files


class FileSource:
    kind = SourceKind.FILES

    def __init__(
        self,
        paths: list[Path],
        clock: Clock,
        *,
        passphrase: str | None = None,
        old: Handle | None = None,
    ) -> None:
        self.paths = paths
        self.clock = clock
        self.passphrase = passphrase
        self.old = old

    async def read(self, *, progress: ProgressSink, cancel: CancelToken) -> SourceResult:
        cancel.raise_if_cancelled()
        progress(ProgressEvent(Phase.READ, "files", 0, len(self.paths), "reading"))
        # Decrypting a backup (scrypt, then the whole file) must not block the event loop.
        result = await asyncio.to_thread(
            read_files,
            self.paths,
            now=self.clock.now(),
            passphrase=self.passphrase,
            old=self.old,
        )
        progress(ProgressEvent(Phase.READ, "files", len(self.paths), len(self.paths), "read"))
        return result
