"""Mastodon's CSV export/import files (fediverse-apis.md §3), and GoToSocial's followers.csv.

Writers give byte-for-byte what Mastodon's exporter writes (app/models/export.rb): the header
rows and column order, `true`/`false`, languages joined with ", ", `nil` as an empty field.
Readers read as Mastodon's importer does (app/models/form/import.rb): blank lines skipped, a
header row recognised by its first cell (else the file is header-less and read with the
default columns), columns found by header name, booleans cast like Rails (`false`, `f`, `0`,
`off` are false; empty is "not given"), `@` stripped from addresses and bare local usernames
completed with the old server's domain.

Fedimove is stricter than Mastodon in one way: a file that holds another kind of data is refused
with `CsvWrongKindError` before anything changes (Mastodon would, for example, import a mutes
file as follows). A header-less list of addresses is what Mastodon writes for blocks, so it is
refused as follows or mutes unless `strict_kind=False` (for hand-made files).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import UTC, datetime

from fedimove.core.errors import CsvFormatError, InvalidHandleError
from fedimove.core.models import (
    AccountRef,
    FilterEntry,
    FilterKeyword,
    FollowEntry,
    Handle,
    ListEntry,
    MuteEntry,
    StatusRef,
)
from fedimove.core.storage.csv_kinds import (
    ACCOUNT,
    FILTER_HEADERS,
    HEADERS,
    CsvKind,
    Table,
    detect_kind,
    read_table,
)
from fedimove.core.storage.csv_rows import decode as decode_csv
from fedimove.core.storage.csv_rows import format_row

__all__ = [
    "CsvKind",
    "decode_csv",
    "detect_kind",
    "read_blocks",
    "read_bookmarks",
    "read_domain_blocks",
    "read_filters",
    "read_followers",
    "read_following",
    "read_lists",
    "read_mutes",
    "write_blocks",
    "write_bookmarks",
    "write_domain_blocks",
    "write_filters",
    "write_followers",
    "write_following",
    "write_lists",
    "write_mutes",
]

_FALSE_VALUES = frozenset({"0", "f", "false", "off"})
_EXPIRY_FORMAT = "%Y-%m-%d %H:%M:%S UTC"
# Ruby's String#inspect writes "#{" as "\#{", which JSON does not know: drop that backslash
# (only where it is not itself escaped).
_RUBY_HASH_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\#")


def _flag(value: bool) -> str:
    return "true" if value else "false"


# --- writers --------------------------------------------------------------------------------------


def write_following(entries: Iterable[FollowEntry]) -> str:
    rows = [format_row(HEADERS[CsvKind.FOLLOWING])]
    for entry in entries:
        languages = None if entry.languages is None else ", ".join(entry.languages)
        rows.append(
            format_row(
                [entry.account.acct, _flag(entry.show_reblogs), _flag(entry.notify), languages]
            )
        )
    return "".join(rows)


def write_mutes(entries: Iterable[MuteEntry]) -> str:
    rows = [format_row(HEADERS[CsvKind.MUTES])]
    rows += [format_row([e.account.acct, _flag(e.notifications)]) for e in entries]
    return "".join(rows)


def write_blocks(accounts: Iterable[AccountRef]) -> str:
    return "".join(format_row([a.acct]) for a in accounts)


def write_followers(accounts: Iterable[AccountRef]) -> str:
    """GoToSocial's followers.csv: a header row, then one address per line."""
    return format_row(HEADERS[CsvKind.FOLLOWERS]) + write_blocks(accounts)


def write_domain_blocks(domains: Iterable[str]) -> str:
    return "".join(format_row([d]) for d in domains)


def write_bookmarks(statuses: Iterable[StatusRef]) -> str:
    return "".join(format_row([s.uri]) for s in statuses)


def write_lists(lists: Iterable[ListEntry]) -> str:
    """One row per member; like Mastodon's, a list without members does not appear."""
    return "".join(format_row([lst.title, m.acct]) for lst in lists for m in lst.members)


def _ruby_array(values: Iterable[object]) -> str:
    # Ruby's Array#inspect of strings and booleans, as Mastodon writes these cells.
    return json.dumps(list(values), ensure_ascii=False, separators=(", ", ": "))


def write_filters(filters: Iterable[FilterEntry]) -> str:
    rows = [format_row(FILTER_HEADERS)]
    for f in filters:
        expiry = f.expires_at.astimezone(UTC).strftime(_EXPIRY_FORMAT) if f.expires_at else None
        rows.append(
            format_row(
                [
                    f.title,
                    _ruby_array(f.context),
                    _ruby_array(k.keyword for k in f.keywords),
                    _ruby_array(k.whole_word for k in f.keywords),
                    f.action,
                    expiry,
                ]
            )
        )
    return "".join(rows)


# --- readers --------------------------------------------------------------------------------------


def _bool(value: str | None, default: bool) -> bool:
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() not in _FALSE_VALUES


def _account(value: str | None, line: int, old_domain: str | None) -> AccountRef:
    cleaned = (value or "").strip().removeprefix("@")
    try:
        handle = Handle.parse(cleaned, default_domain=old_domain or "domain.invalid")
    except InvalidHandleError:
        raise CsvFormatError("not an account address", reason="bad_address", line=line) from None
    if "@" not in cleaned and not old_domain:
        raise CsvFormatError("bare username, old domain unknown", reason="bare_username", line=line)
    return AccountRef(acct=handle.acct)


def _languages(value: str | None) -> tuple[str, ...] | None:
    languages = tuple(part.strip() for part in (value or "").split(",") if part.strip())
    return languages or None


def read_following(
    text: str, *, old_domain: str | None = None, strict_kind: bool = True
) -> list[FollowEntry]:
    table = read_table(text, CsvKind.FOLLOWING, strict_kind=strict_kind)
    return [
        FollowEntry(
            account=_account(row.get(ACCOUNT), row.line, old_domain),
            show_reblogs=_bool(row.get("Show boosts"), True),
            notify=_bool(row.get("Notify on new posts"), False),
            languages=_languages(row.get("Languages")),
        )
        for row in table.rows
    ]


def read_mutes(
    text: str, *, old_domain: str | None = None, strict_kind: bool = True
) -> list[MuteEntry]:
    table = read_table(text, CsvKind.MUTES, strict_kind=strict_kind)
    return [
        MuteEntry(
            account=_account(row.get(ACCOUNT), row.line, old_domain),
            notifications=_bool(row.get("Hide notifications"), True),
        )
        for row in table.rows
    ]


def _accounts(table: Table, old_domain: str | None) -> list[AccountRef]:
    return [_account(row.get(ACCOUNT), row.line, old_domain) for row in table.rows]


def read_blocks(text: str, *, old_domain: str | None = None) -> list[AccountRef]:
    return _accounts(read_table(text, CsvKind.BLOCKS), old_domain)


def read_followers(text: str, *, old_domain: str | None = None) -> list[AccountRef]:
    return _accounts(read_table(text, CsvKind.FOLLOWERS), old_domain)


def read_domain_blocks(text: str) -> list[str]:
    domains = []
    for row in read_table(text, CsvKind.DOMAIN_BLOCKS).rows:
        domain = (row.get("#domain") or "").strip().lower()
        if not domain or any(c in domain for c in " @/\t"):
            raise CsvFormatError("not a domain", reason="bad_domain", line=row.line)
        domains.append(domain)
    return domains


def read_bookmarks(text: str) -> list[StatusRef]:
    statuses = []
    for row in read_table(text, CsvKind.BOOKMARKS).rows:
        uri = (row.get("#uri") or "").strip()
        if not uri.lower().startswith(("https://", "http://")) or " " in uri:
            raise CsvFormatError("not a post address", reason="bad_uri", line=row.line)
        statuses.append(StatusRef(uri=uri))
    return statuses


def read_lists(text: str, *, old_domain: str | None = None) -> list[ListEntry]:
    """Lists in order of first appearance, members in file order."""
    members: dict[str, list[AccountRef]] = {}
    for row in read_table(text, CsvKind.LISTS).rows:
        title = (row.get("List name") or "").strip()
        if not title:
            raise CsvFormatError("list row without a list name", reason="empty_cell", line=row.line)
        members.setdefault(title, []).append(_account(row.get(ACCOUNT), row.line, old_domain))
    return [ListEntry(title=title, members=tuple(accts)) for title, accts in members.items()]


def _array(value: str | None, line: int) -> list[object]:
    text = (value or "").strip() or "[]"
    try:
        parsed = json.loads(_RUBY_HASH_ESCAPE.sub(r"\1#", text))
    except (ValueError, RecursionError):
        raise CsvFormatError("not an array cell", reason="bad_array", line=line) from None
    if not isinstance(parsed, list):
        raise CsvFormatError("not an array cell", reason="bad_array", line=line)
    return parsed


def _expiry(value: str | None, line: int) -> datetime | None:
    text = (value or "").strip()
    if not text:
        return None
    for parse in (lambda t: datetime.strptime(t, _EXPIRY_FORMAT), datetime.fromisoformat):
        try:
            parsed = parse(text)
        except ValueError:
            continue
        return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    raise CsvFormatError("not a date", reason="bad_date", line=line)


def read_filters(text: str) -> list[FilterEntry]:
    filters: list[FilterEntry] = []
    for row in read_table(text, CsvKind.FILTERS).rows:
        context = _array(row.get("Context"), row.line)
        keywords = _array(row.get("Keywords"), row.line)
        whole = _array(row.get("Whole Word"), row.line)
        if not all(isinstance(v, str) for v in [*context, *keywords]) or not all(
            isinstance(w, bool) for w in whole
        ):
            raise CsvFormatError("unexpected array values", reason="bad_array", line=row.line)
        filters.append(
            FilterEntry(
                title=(row.get("Title") or "").strip(),
                context=tuple(str(c) for c in context),
                action=(row.get("Action") or "").strip() or "warn",
                expires_at=_expiry(row.get("Expire after"), row.line),
                keywords=tuple(
                    FilterKeyword(str(k), bool(whole[i]) if i < len(whole) else True)
                    for i, k in enumerate(keywords)
                ),
            )
        )
    return filters
