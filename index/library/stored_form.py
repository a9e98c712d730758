"""How an article's bulky parts are kept in the database: its body, raw dump text and repair
records, each zlib-compressed UTF-8 (read one article, or one page of search hits, at a
time: ~30 µs to expand a body). The raw text is compressed with the body as zlib's preset
dictionary: most of it is the body's text again, so it takes ~40% less room. Older rows
(bodies stored as TEXT, raw text compressed alone) are read as they are, so older libraries
need no migration.

Encoding them is CPU work that the import's worker processes do, ahead of the database.
"""

from __future__ import annotations

import itertools
import json
import zlib
from dataclasses import dataclass

from index.model import Article, Repair

__all__ = [
    "StoredBlobs",
    "compress_raw",
    "compress_text",
    "decode_repairs",
    "decompress_raw",
    "decompress_text",
    "stored_blobs",
    "stored_text",
]

# zlib level 6 stores Chinese text ~10% smaller than level 1 for ~3x the time; these are
# written once and kept for good, so size wins.
_LEVEL = 6


@dataclass(frozen=True, slots=True)
class StoredBlobs:
    """An article's body, raw text and repairs, encoded as the database keeps them."""

    body: bytes
    raw: bytes
    repairs: bytes | None  # None: no repairs
    repair_count: int


def compress_text(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), _LEVEL)


def decompress_text(data: bytes) -> str:
    return zlib.decompress(data).decode("utf-8")


_WITH_BODY = b"\x02"  # leads raw text compressed against its body; alone it starts 0x78
_WINDOW = 32768  # zlib's window: a preset dictionary longer than this is never reached


def compress_raw(raw: str, body: str) -> bytes:
    """Raw text compressed with the article's body as preset dictionary."""
    compressor = zlib.compressobj(_LEVEL, zdict=body.encode("utf-8")[:_WINDOW])
    return _WITH_BODY + compressor.compress(raw.encode("utf-8")) + compressor.flush()


def decompress_raw(data: bytes, body: str) -> str:
    """The raw text that :func:`compress_raw` (or, in older rows, compress_text) stored."""
    if not data.startswith(_WITH_BODY):
        return decompress_text(data)
    decompressor = zlib.decompressobj(zdict=body.encode("utf-8")[:_WINDOW])
    return (decompressor.decompress(data[1:]) + decompressor.flush()).decode("utf-8")


def stored_text(value: str | bytes) -> str:
    """A text column that may be compressed (BLOB) or plain (TEXT, as older rows are)."""
    return value if isinstance(value, str) else decompress_text(value)


_COLUMNS = b"\x01"  # leads the column layout; the row layout is a bare zlib stream (0x78)
_COLUMNS_ON_RAW = b"\x03"  # the column layout whose befores may be lengths into the raw text


def encode_repairs(repairs: list[Repair], raw: str) -> bytes:
    """Repairs as columns (offset deltas, befores, afters, reasons, confidences, stages), then
    zlib: like values side by side compress a quarter smaller than row by row. A "before"
    that the raw text holds at the repair's offset (96% of them: the annotations, the
    replaced punctuation) is stored as its length, which halves the record; decoding reads
    it back from the raw text. (zlib level 9 would save ~0.5% more for ~1.7x the time.)"""
    names = sorted({r.reason for r in repairs} | {r.stage for r in repairs})
    number = {name: i for i, name in enumerate(names)}
    offsets = [r.offset for r in repairs]
    befores: list[str | int] = [
        len(r.before) if r.before and raw.startswith(r.before, r.offset) else r.before
        for r in repairs
    ]
    columns = [
        names,
        [b - a for a, b in zip([0, *offsets], offsets, strict=False)],
        befores,
        [r.after for r in repairs],
        [number[r.reason] for r in repairs],
        [r.confidence for r in repairs],
        [number[r.stage] for r in repairs],
    ]
    text = json.dumps(columns, ensure_ascii=False, separators=(",", ":"))
    return _COLUMNS_ON_RAW + zlib.compress(text.encode("utf-8"), _LEVEL)


def decode_repairs(data: bytes, raw: str) -> list[Repair]:
    """The repairs :func:`encode_repairs` stored for an article whose raw text is ``raw``
    (older layouts, which do not need it, still read)."""
    if not data.startswith((_COLUMNS, _COLUMNS_ON_RAW)):  # rows, as stored before
        return [Repair(*fields) for fields in json.loads(decompress_text(data))]
    names, deltas, befores, afters, reasons, confidences, stages = json.loads(
        decompress_text(data[1:])
    )
    offsets = list(itertools.accumulate(deltas))
    if data.startswith(_COLUMNS_ON_RAW):
        befores = [
            raw[offset : offset + before] if type(before) is int else before
            for offset, before in zip(offsets, befores, strict=True)
        ]
    return [
        Repair(offset, before, after, names[reason], confidence, names[stage])
        for offset, before, after, reason, confidence, stage in zip(
            offsets, befores, afters, reasons, confidences, stages, strict=True
        )
    ]


def stored_blobs(article: Article) -> StoredBlobs:
    return StoredBlobs(
        compress_text(body := article.body),
        compress_raw(article.raw, body),
        encode_repairs(article.repairs, article.raw) if article.repairs else None,
        len(article.repairs),
    )
