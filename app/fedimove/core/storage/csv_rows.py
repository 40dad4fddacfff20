"""CSV rows exactly as Mastodon's Ruby `CSV` reads and writes them.

Python's `csv` module is more forgiving than Ruby's (it accepts a stray quote inside an unquoted
field, which Ruby rejects as "Illegal quoting") and cannot tell an empty string from a missing
value when writing, which Mastodon's exporter does (`nil` → nothing, `""` → `""`). So both
directions are written out here, small and strict:
- fields are separated by `,`, rows by `\\n` (or `\\r\\n` when reading);
- a field is quoted when it is empty (and not `None`) or holds `,`, `"`, `\\r` or `\\n`;
- inside quotes `""` is one quote; nothing may follow a closing quote but `,` or the row end;
- an empty line is skipped (Mastodon's importer reads with `skip_blanks: true`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from fedimove.core.errors import CsvFormatError, CsvTruncatedError

_NEEDS_QUOTES = frozenset(',"\r\n')
MAX_FIELD_CHARS = 100_000


@dataclass(frozen=True, slots=True)
class Row:
    line: int  # 1-based line of the file where the row starts
    fields: list[str]


def format_field(value: str | None) -> str:
    if value is None:
        return ""
    if value == "" or not _NEEDS_QUOTES.isdisjoint(value):
        return '"' + value.replace('"', '""') + '"'
    return value


def format_row(values: Sequence[str | None]) -> str:
    return ",".join(format_field(v) for v in values) + "\n"


def decode(data: bytes) -> str:
    """The text of a CSV file: UTF-8 (a leading byte-order mark, as spreadsheets write, is
    dropped)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CsvFormatError("not UTF-8 text", reason="encoding", offset=exc.start) from None
    return text.removeprefix("\ufeff")


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1

    def error(self, reason: str) -> CsvFormatError:
        return CsvFormatError("malformed CSV", reason=reason, line=self.line)

    def rows(self) -> Iterator[Row]:
        while self.pos < len(self.text):
            start_line = self.line
            fields = self._row()
            if fields != [""]:
                yield Row(start_line, fields)

    def _row(self) -> list[str]:
        fields: list[str] = []
        while True:
            value, ended = self._field()
            fields.append(value)
            if ended:
                return fields

    def _field(self) -> tuple[str, bool]:
        """One field, and whether it ended its row."""
        if self.text.startswith('"', self.pos):
            return self._quoted()
        text = self.text
        end = self.pos
        while end < len(text) and text[end] not in ',\n"\r':
            end += 1
        value = text[self.pos : end]
        self.pos = end
        return value, self._separator()

    def _separator(self) -> bool:
        """Consume what follows a field: True at a row end."""
        text, pos = self.text, self.pos
        if pos >= len(text):
            return True
        char = text[pos]
        if char == ",":
            self.pos += 1
            return False
        if char == "\n" or text.startswith("\r\n", pos):
            self.pos += 1 if char == "\n" else 2
            self.line += 1
            return True
        raise self.error("stray_quote" if char == '"' else "stray_carriage_return")

    def _quoted(self) -> tuple[str, bool]:
        parts: list[str] = []
        pos = self.pos + 1
        while True:
            close = self.text.find('"', pos)
            if close < 0:
                raise CsvTruncatedError("file ends inside a quoted field", line=self.line)
            parts.append(self.text[pos:close])
            self.line += self.text.count("\n", pos, close)
            if self.text.startswith('""', close):
                parts.append('"')
                pos = close + 2
                continue
            self.pos = close + 1
            value = "".join(parts)
            if len(value) > MAX_FIELD_CHARS:
                raise self.error("field_too_long")
            if self.pos < len(self.text) and self.text[self.pos] not in ",\r\n":
                raise self.error("text_after_quote")
            return value, self._separator()


def parse_rows(text: str) -> list[Row]:
    """Every non-blank row with its line number; `CsvFormatError` on malformed quoting,
    `CsvTruncatedError` when the file ends inside a quoted field."""
    return list(_Parser(text).rows())
