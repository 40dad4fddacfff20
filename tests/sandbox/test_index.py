"""`Rows` pages exactly like Mastodon's `paginate_by_id`, checked against a naive model."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fedimove.sandbox.index import Rows


def naive(
    ids: list[int], limit: int, max_id: int | None, since_id: int | None, min_id: int | None
) -> list[int]:
    chosen = [
        i
        for i in sorted(ids)
        if (max_id is None or i < max_id)
        and (since_id is None or i > since_id)
        and (min_id is None or i > min_id)
    ]
    chosen = chosen[:limit] if min_id is not None else chosen[-limit:] if limit else []
    return list(reversed(chosen))


@settings(max_examples=200, deadline=None)
@given(
    st.sets(st.integers(1, 500), max_size=60),
    st.sets(st.integers(1, 500), max_size=20),
    st.integers(1, 30),
    st.none() | st.integers(0, 520),
    st.none() | st.integers(0, 520),
    st.none() | st.integers(0, 520),
)
def test_pages_match_paginate_by_id(
    added: set[int],
    removed: set[int],
    limit: int,
    max_id: int | None,
    since_id: int | None,
    min_id: int | None,
) -> None:
    rows: Rows[str] = Rows()
    for row_id in sorted(added, key=lambda i: (i % 7, i)):  # not always in order
        rows.add(row_id, f"row{row_id}")
    for row_id in removed:
        rows.remove(row_id)
    alive = sorted(added - removed)
    assert len(rows) == len(alive)
    page = rows.page(limit=limit, max_id=max_id, since_id=since_id, min_id=min_id)
    if min_id is not None:
        since_id = None  # min_id wins, as in Mastodon
    assert [i for i, _ in page] == naive(alive, limit, max_id, since_id, min_id)
    assert all(row == f"row{i}" for i, row in page)
