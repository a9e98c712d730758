"""How an article's bulky parts are kept in the database: its body, raw dump text and repair
records, each zlib-compressed UTF-8 (read one article, or one page of search hits, at a
time: ~30 µs to expand a body). Bodies stored before compression are TEXT, which
:func:`stored_text` passes through, so older libraries need no migration.

Encoding them is CPU work that the import's worker processes do, ahead of the database.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass

from index.model import Article, Repair

__all__ = [
    "StoredBlobs",
    "compress_text",
    "decode_repairs",
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


def compress_text(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), _LEVEL)


def decompress_text(data: bytes) -> str:
    return zlib.decompress(data).decode("utf-8")


def stored_text(value: str | bytes) -> str:
    """A text column that may be compressed (BLOB) or plain (TEXT, as older rows are)."""
    return value if isinstance(value, str) else decompress_text(value)


def encode_repairs(repairs: list[Repair]) -> bytes:
    rows = [[r.offset, r.before, r.after, r.reason, r.confidence, r.stage] for r in repairs]
    return compress_text(json.dumps(rows, ensure_ascii=False))


def decode_repairs(data: bytes) -> list[Repair]:
    return [Repair(*fields) for fields in json.loads(decompress_text(data))]


def stored_blobs(article: Article) -> StoredBlobs:
    return StoredBlobs(
        compress_text(article.body),
        compress_text(article.raw),
        encode_repairs(article.repairs) if article.repairs else None,
    )
