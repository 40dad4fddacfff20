"""One run of the copy client, to be killed at any moment (the crash harness).

`python -m tests.e2e.crash.copy_client JOURNAL OLD_ORIGIN NEW_ORIGIN`; the tokens come in the
environment (`FEDIMOVE_TEST_OLD_TOKEN`, `FEDIMOVE_TEST_NEW_TOKEN`), never in a file. It starts
the migration if the journal has none, else resumes the latest one; exit 0 once finished.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from fedimove.core.clock import SystemClock
from fedimove.core.engine.migration import MigrationEngine
from fedimove.core.engine.plan import DEFAULT_COPY
from fedimove.core.engine.scheduler import SchedulerPool
from fedimove.core.engine.snapshot_export import open_client
from fedimove.core.http import make_client
from fedimove.core.storage.journal import Journal


async def main(journal_path: Path, old_origin: str, new_origin: str) -> int:
    clock = SystemClock()
    journal = Journal.open(journal_path, clock)
    pool = SchedulerPool(clock)
    async with make_client() as http:
        old = await open_client(http, old_origin, os.environ["FEDIMOVE_TEST_OLD_TOKEN"], pool=pool)
        new = await open_client(http, new_origin, os.environ["FEDIMOVE_TEST_NEW_TOKEN"], pool=pool)
        engine = MigrationEngine(journal, clock, exports_dir=journal_path.parent / "exports")
        existing = journal.list_migrations()
        if existing:
            result = await engine.resume(existing[0].id, old, new)
        else:
            _, result = await engine.start(old, new, DEFAULT_COPY, api_only=True)
    journal.close()
    return 0 if result.finished and not result.failed else 2


if __name__ == "__main__":
    sys.exit(asyncio.run(main(Path(sys.argv[1]), sys.argv[2], sys.argv[3])))
