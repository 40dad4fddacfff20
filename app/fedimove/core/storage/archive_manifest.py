"""`manifest.yml` of the FEP-6fcd account export container, in a small YAML subset.

Fedimove writes and reads only nested mappings of scalars, so the YAML is written here rather
than by a YAML library (none is a runtime dependency): two-space indentation, keys plain when
they cannot be mistaken for anything else, strings double-quoted with JSON escapes (valid YAML
double-quoted scalars), integers and `true`/`false` plain. The reader accepts exactly that (plus
plain string scalars and full-line comments, as other FEP-6fcd tools write) and refuses the rest
with an `ArchiveError`.
"""

from __future__ import annotations

import json
import re

from fedimove.core.errors import ArchiveError

ManifestValue = str | int | bool | dict[str, "ManifestValue"]
Manifest = dict[str, ManifestValue]

UBC_VERSION = "0.1"
MANIFEST_URL = "https://w3id.org/fep/6fcd#manifest-file"
_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")
_PLAIN_VALUE = re.compile(r"^[A-Za-z0-9_./:#\-][A-Za-z0-9_./:#@+\- ]*$")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}
_LINE = re.compile(
    r"^(?P<indent> *)(?P<key>\"(?:[^\"\\]|\\.)*\"|[^:\"#][^:]*):(?: (?P<value>.*))?$"
)
_MAX_DEPTH = 16
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def _quote(text: str) -> str:
    """A YAML double-quoted scalar: JSON's escapes, plus escapes for what YAML reads as a line
    break or does not allow raw (C1 controls, U+2028/2029, U+FEFF, U+FFFE/FFFF)."""
    quoted = json.dumps(text, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _key(text: str) -> str:
    if _PLAIN_KEY.fullmatch(text) and text.lower() not in _RESERVED:
        return text
    return _quote(text)


def _scalar(value: str | int | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return _quote(value)


def dump_manifest(manifest: Manifest) -> str:
    lines: list[str] = []

    def emit(mapping: Manifest, depth: int) -> None:
        for key, value in mapping.items():
            prefix = "  " * depth + _key(key) + ":"
            if isinstance(value, dict):
                lines.append(prefix)
                emit(value, depth + 1)
            else:
                lines.append(f"{prefix} {_scalar(value)}")

    emit(manifest, 0)
    return "\n".join(lines) + "\n"


def _bad(line: int, reason: str) -> ArchiveError:
    return ArchiveError("manifest.yml is not valid", reason=reason, line=line)


def _parse_scalar(text: str, line: int) -> str | int | bool:
    text = text.strip()
    if text.startswith('"'):
        try:
            value = json.loads(text)
        except ValueError:
            raise _bad(line, "bad_string") from None
        if not isinstance(value, str):
            raise _bad(line, "bad_string")
        return value
    if text in ("true", "false"):
        return text == "true"
    if re.fullmatch(r"-?(0|[1-9][0-9]{0,17})", text):
        return int(text)
    if text.startswith("'") and text.endswith("'") and len(text) >= 2:
        return text[1:-1].replace("''", "'")
    if _PLAIN_VALUE.fullmatch(text) and text.lower() not in _RESERVED and ": " not in text:
        return text
    raise _bad(line, "unsupported_value")


def _mapping_for(stack: list[tuple[int, Manifest]], indent: int, line: int) -> Manifest:
    while stack[-1][0] > indent:
        stack.pop()
    if stack[-1][0] != indent:
        raise _bad(line, "indentation")
    return stack[-1][1]


def load_manifest(text: str) -> Manifest:
    root: Manifest = {}
    stack: list[tuple[int, Manifest]] = [(0, root)]
    opened: tuple[int, Manifest] | None = None  # a mapping opened by `key:`, awaiting its lines
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip() or raw.lstrip().startswith("#") or raw in ("---", "..."):
            continue
        match = _LINE.match(raw.rstrip())
        if not match or "\t" in raw:
            raise _bad(number, "syntax")
        indent = len(match["indent"])
        if opened is not None:
            if indent <= opened[0] or len(stack) > _MAX_DEPTH:
                raise _bad(number, "indentation")
            stack.append((indent, opened[1]))
            opened = None
        mapping = _mapping_for(stack, indent, number)
        key = match["key"]
        key = str(_parse_scalar(key, number)) if key.startswith('"') else key.strip()
        if key in mapping:
            raise _bad(number, "duplicate_key")
        value = match["value"]
        if value is None or not value.strip():
            child: Manifest = {}
            mapping[key] = child
            opened = (indent, child)
        else:
            mapping[key] = _parse_scalar(value, number)
    if opened is not None:
        raise _bad(number, "empty_mapping")
    return root
