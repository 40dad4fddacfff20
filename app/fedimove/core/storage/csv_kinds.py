"""Which CSV file is which: header rows, header-less defaults, and telling kinds apart.

Mastodon's importer (app/models/form/import.rb) takes the first row as a header when its first
cell is one it knows ("Account address", "#domain", "#uri", "List name"); otherwise the file is
header-less and read with the import type's default columns. Filters always have a header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from fedimove.core.errors import CsvFormatError, CsvWrongKindError
from fedimove.core.storage.csv_rows import Row, parse_rows

ACCOUNT = "Account address"


class CsvKind(StrEnum):
    """A kind of file; the value is its name without `.csv`, as the exporters name it."""

    FOLLOWING = "following_accounts"
    FOLLOWERS = "followers"
    LISTS = "lists"
    BLOCKS = "blocked_accounts"
    MUTES = "muted_accounts"
    DOMAIN_BLOCKS = "blocked_domains"
    BOOKMARKS = "bookmarks"
    FILTERS = "filters"

    @property
    def file_name(self) -> str:
        return f"{self.value}.csv"


FILTER_HEADERS = ["Title", "Context", "Keywords", "Whole Word", "Action", "Expire after"]

#: The header row each exporter writes (empty: the exporter writes none).
HEADERS: dict[CsvKind, list[str]] = {
    CsvKind.FOLLOWING: [ACCOUNT, "Show boosts", "Notify on new posts", "Languages"],
    CsvKind.FOLLOWERS: [ACCOUNT],
    CsvKind.MUTES: [ACCOUNT, "Hide notifications"],
    CsvKind.FILTERS: FILTER_HEADERS,
}

#: The columns a header-less file is read with, and the headers the importer accepts.
_DEFAULT_COLUMNS: dict[CsvKind, list[str]] = {
    CsvKind.FOLLOWING: [ACCOUNT],
    CsvKind.FOLLOWERS: [ACCOUNT],
    CsvKind.BLOCKS: [ACCOUNT],
    CsvKind.MUTES: [ACCOUNT],
    CsvKind.DOMAIN_BLOCKS: ["#domain"],
    CsvKind.BOOKMARKS: ["#uri"],
    CsvKind.LISTS: ["List name", ACCOUNT],
    CsvKind.FILTERS: FILTER_HEADERS,
}
_KNOWN_COLUMNS: dict[CsvKind, set[str]] = {
    CsvKind.FOLLOWING: set(HEADERS[CsvKind.FOLLOWING]),
    CsvKind.MUTES: set(HEADERS[CsvKind.MUTES]),
}
_KNOWN_FIRST = {ACCOUNT, "#domain", "#uri", "List name", "Title"}
_ACCOUNT_RE = re.compile(r"^@?[A-Za-z0-9_.\-]+(@[A-Za-z0-9.\-]+(:\d+)?)?$")
_ALL_COLUMNS = {c for cols in (*HEADERS.values(), *_DEFAULT_COLUMNS.values()) for c in cols}


@dataclass(frozen=True, slots=True)
class TableRow:
    line: int
    values: dict[str, str]

    def get(self, column: str) -> str | None:
        return self.values.get(column)


@dataclass(frozen=True, slots=True)
class Table:
    has_header: bool
    rows: list[TableRow]


def _looks_like_uri(value: str) -> bool:
    return value.strip().lower().startswith(("https://", "http://"))


def _looks_like_account(value: str) -> bool:
    """`user@domain`, `@user@domain` or a bare local username."""
    text = value.strip()
    return _ACCOUNT_RE.fullmatch(text) is not None and ("@" in text or "." not in text)


def _is_full_address(value: str) -> bool:
    return "@" in value.strip().lstrip("@") and _looks_like_account(value)


def _kind_of_header(cells: list[str]) -> CsvKind | None:
    first, columns = cells[0], set(cells)
    by_first = {"Title": CsvKind.FILTERS, "#domain": CsvKind.DOMAIN_BLOCKS}
    by_first |= {"#uri": CsvKind.BOOKMARKS, "List name": CsvKind.LISTS}
    if first in by_first:
        return by_first[first]
    if first != ACCOUNT:
        return None
    if "Hide notifications" in columns:
        return CsvKind.MUTES
    if columns & {"Show boosts", "Notify on new posts", "Languages"}:
        return CsvKind.FOLLOWING
    return CsvKind.BLOCKS


def _kind_of_values(cells: list[str]) -> CsvKind | None:
    first = cells[0]
    if len(cells) >= 2 and _is_full_address(cells[1]) and not _is_full_address(first):
        return CsvKind.LISTS
    if _looks_like_uri(first):
        return CsvKind.BOOKMARKS
    if _looks_like_account(first):
        return CsvKind.BLOCKS
    if first.strip() and " " not in first.strip():
        return CsvKind.DOMAIN_BLOCKS
    return None


def _guess(rows: list[Row]) -> CsvKind | None:
    if not rows:
        return None
    cells = [c.strip() for c in rows[0].fields]
    if cells[0] in _KNOWN_FIRST:
        return _kind_of_header(cells)
    return _kind_of_values(cells)


def detect_kind(text: str) -> CsvKind | None:
    """What a file most likely holds (a plain list of addresses reads as blocks), or None."""
    try:
        return _guess(parse_rows(text))
    except CsvFormatError:
        return None


def _wrong_kind(expected: CsvKind, rows: list[Row]) -> CsvWrongKindError:
    found = _guess(rows)
    return CsvWrongKindError(
        "the file holds another kind of data",
        expected=expected.value,
        found=found.value if found else None,
        line=rows[0].line,
    )


def _check_header(kind: CsvKind, header: list[str], rows: list[Row]) -> None:
    allowed = _KNOWN_COLUMNS.get(kind, set(_DEFAULT_COLUMNS[kind]))
    foreign = (set(header) & _ALL_COLUMNS) - allowed  # columns that belong to another kind
    if foreign or _DEFAULT_COLUMNS[kind][0] not in header:
        raise _wrong_kind(kind, rows)


def _check_values(kind: CsvKind, rows: list[Row], strict_kind: bool) -> None:
    """A header-less file: its first row must look like this kind's data."""
    if kind is CsvKind.FILTERS or (strict_kind and kind in (CsvKind.FOLLOWING, CsvKind.MUTES)):
        raise _wrong_kind(kind, rows)
    found = _kind_of_values([c.strip() for c in rows[0].fields])
    accepted = {CsvKind.FOLLOWING, CsvKind.MUTES, CsvKind.FOLLOWERS, CsvKind.BLOCKS}
    same = found is kind or (found is CsvKind.BLOCKS and kind in accepted)
    if not same:
        raise _wrong_kind(kind, rows)


def read_table(text: str, kind: CsvKind, *, strict_kind: bool = True) -> Table:
    """The rows of a file of `kind`, as dicts keyed by column name."""
    rows = parse_rows(text)
    if not rows:
        return Table(has_header=False, rows=[])
    first = [c.strip() for c in rows[0].fields]
    has_header = first[0] in _KNOWN_FIRST
    if has_header:
        _check_header(kind, first, rows)
        columns, data = first, rows[1:]
    else:
        _check_values(kind, rows, strict_kind)
        columns, data = _DEFAULT_COLUMNS[kind], rows
    return Table(
        has_header=has_header,
        rows=[TableRow(row.line, dict(zip(columns, row.fields, strict=False))) for row in data],
    )
