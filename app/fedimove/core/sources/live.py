"""The live old account as a source: the ordinary read (`read_snapshot`), wrapped so callers can
treat every source alike. A live account can send the Move, so nothing is "gone"."""

from __future__ import annotations

from collections.abc import Collection

from fedimove.core.engine.snapshot import DEFAULT_CATEGORIES, read_snapshot
from fedimove.core.models import Category
from fedimove.core.progress import CancelToken, ProgressSink
from fedimove.core.servers.rest import RestClient
from fedimove.core.sources.base import SourceKind, SourceResult


class LiveSource:
    kind = SourceKind.LIVE

    def __init__(
        self, client: RestClient, categories: Collection[Category] = DEFAULT_CATEGORIES
    ) -> None:
        self.client = client
        self.categories = set(categories)

    async def read(self, *, progress: ProgressSink, cancel: CancelToken) -> SourceResult:
        snapshot = await read_snapshot(
            self.client, progress=progress, cancel=cancel, categories=self.categories
        )
        return SourceResult(self.kind, snapshot, set(self.categories), {}, old_server_gone=False)
