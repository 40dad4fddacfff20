"""Small helpers shared by the journal tests."""

from __future__ import annotations

from fedimove.core.models import Category
from fedimove.core.storage.journal import Journal
from fedimove.core.storage.journal_records import Migration


def make_migration(
    journal: Journal, *, old: str = "ana@old.example", **options: object
) -> Migration:
    return journal.create_migration(
        old_handle=old,
        old_server=f"https://{old.partition('@')[2]}",
        new_handle="ana@new.example",
        new_server="https://new.example",
        categories=[Category.FOLLOWING, Category.LISTS, Category.BOOKMARKS],
        options=options,
    )
