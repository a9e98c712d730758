"""A summary of the set of article ids the database marks as indexed, in one SQL query.

Recorded in the index's manifest when the index is known to hold exactly those articles, and
computed again at open: if the two agree (and the index's files are those recorded), the index
still holds what the database says it should, without reading the index.
"""

from __future__ import annotations

from dataclasses import dataclass

from index.library.database import LibraryDatabase

__all__ = ["IdSummary", "id_hash", "indexed_summary", "summarize"]

# The hash of an id: scrambled modulo the prime 2^31 - 1 (Lehmer's multiplier), then squared
# modulo it. It must not be linear (a multiplicative hash alone sums to the hash of the sum),
# so that two sets of ids with the same count and sum still differ in the sum of hashes.
# Exact in SQLite's 64-bit integers for ids below 2^47 and up to 2^32 articles.
_MULTIPLIER = 48271
_PRIME = (1 << 31) - 1


@dataclass(frozen=True, slots=True)
class IdSummary:
    """How many ids, their sum, and the sum of their :func:`id_hash` values."""

    count: int
    total: int
    hashed: int

    def to_json(self) -> list[int]:
        return [self.count, self.total, self.hashed]

    @classmethod
    def from_json(cls, value: object) -> IdSummary | None:
        """The summary :meth:`to_json` wrote, or None for anything else."""
        if not isinstance(value, list) or len(value) != 3:
            return None
        if not all(type(v) is int for v in value):
            return None
        return cls(value[0], value[1], value[2])


def id_hash(article_id: int) -> int:
    scrambled = article_id * _MULTIPLIER % _PRIME
    return scrambled * scrambled % _PRIME


def summarize(ids: list[int]) -> IdSummary:
    """The summary of these ids (each counted once per occurrence), computed in Python."""
    return IdSummary(len(ids), sum(ids), sum(id_hash(i) for i in ids))


_SUMS = (
    "count(*) AS n, coalesce(sum(id), 0) AS s,"
    f" coalesce(sum((id * {_MULTIPLIER} % {_PRIME}) * (id * {_MULTIPLIER} % {_PRIME})"
    f" % {_PRIME}), 0) AS h FROM articles"
)
# Every article minus the unindexed ones: both halves read an index (a covering one for all
# articles, the partial one on ``indexed = 0``), where ``WHERE indexed = 1`` would read every
# row of the table, text included (~0.3 s at 100k articles against ~0.03 s).
_INDEXED_SUMMARY = (
    "SELECT a.n - p.n, a.s - p.s, a.h - p.h"
    f" FROM (SELECT {_SUMS}) AS a, (SELECT {_SUMS} WHERE indexed = 0) AS p"
)


def indexed_summary(database: LibraryDatabase) -> IdSummary:
    """The summary of the ids of the articles the database marks as indexed."""
    row = database.db.execute(_INDEXED_SUMMARY).fetchone()
    return IdSummary(int(row[0]), int(row[1]), int(row[2]))
