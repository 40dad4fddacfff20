"""Small generated PNG images (avatars, headers, Mastodon's "missing" picture), no assets."""

from __future__ import annotations

import struct
import zlib


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def solid_png(
    width: int, height: int, rgb: tuple[int, int, int], accent: tuple[int, int, int] | None = None
) -> bytes:
    """An RGB PNG: a solid colour, with a diagonal band in `accent` so avatars differ visibly."""
    rows = []
    for y in range(height):
        row = bytearray([0])  # filter type "none"
        for x in range(width):
            on_band = accent is not None and abs(x - y) < max(2, width // 8)
            row.extend(accent if on_band and accent else rgb)
        rows.append(bytes(row))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + _chunk(b"IEND", b"")
    )


MISSING = solid_png(8, 8, (200, 200, 210))
