"""Remote text (names, handles, server messages) made safe to show as one plain line.

Remote text is untrusted (DESIGN.md §5): control characters and bidirectional overrides are
removed (they can reorder what the user reads), whitespace runs become one space, and length is
capped, so a hostile display name cannot break a layout or pretend to be something else.
"""

from __future__ import annotations

import html
import re
import unicodedata

DEFAULT_LIMIT = 200
_ELLIPSIS = "…"
_SPACES = re.compile(r"\s+")
# Bidi embeddings, overrides and isolates; zero-width joiners are kept (emoji sequences).
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


def _is_unsafe(char: str) -> bool:
    return char in _BIDI_CONTROLS or unicodedata.category(char) == "Cc"


def plain_line(text: str, limit: int = DEFAULT_LIMIT) -> str:
    """`text` as one safe line of at most `limit` characters."""
    if text.isascii() and text.isprintable() and len(text) <= limit and "  " not in text:
        return text  # the common case, kept cheap for 100,000 rows
    cleaned = "".join(
        " " if char in "\t\n\r" else char
        for char in text
        if not _is_unsafe(char) or char in "\t\n\r"
    )
    cleaned = _SPACES.sub(" ", cleaned).strip()
    if len(cleaned) > limit:
        cleaned = cleaned[: limit - 1].rstrip() + _ELLIPSIS
    return cleaned


def tooltip_text(*lines: str) -> str:
    """Lines for a tooltip. Qt guesses whether tooltip text is rich text, so remote text
    such as `<img src=...>` would render as HTML: escape it and say that it is rich text."""
    return "<qt>" + "<br>".join(html.escape(line) for line in lines) + "</qt>"
