"""Whoosh's BM25F scores, computed for many documents at once.

Whoosh scores one posting at a time through a scorer object that asks the reader for the
document's field length. Here a term is scored for a whole list of documents with one
comprehension, from a table of the length factor for each of the 256 one-byte length codes
Whoosh stores per document and field; the formula and its inputs are Whoosh's own, so the
scores are the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from math import log
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.scoring import BM25F
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length, length_to_byte

from index.search.postings import segment_doc_frequency
from index.search.reader_cache import ReaderCache

__all__ = ["Bm25", "deleted_docs"]

_LENGTHS: ReaderCache[bytes] = ReaderCache()  # encoded field lengths, by field
_DELETED: ReaderCache[frozenset[int]] = ReaderCache()


class Bm25:
    """The scores a searcher's BM25F weighting gives, index-wide statistics included."""

    def __init__(self, searcher: Searcher, weighting: BM25F) -> None:
        self.searcher = searcher
        self.weighting = weighting
        self.k1 = float(weighting.K1)
        self._norms: dict[str, list[float]] = {}
        self._factors: dict[tuple[str, str], float | None] = {}  # None: the field is unscored
        self._codes: dict[tuple[int, str], bytes] = {}  # by reader (alive while searching)
        self._frequencies: dict[tuple[str, str], int] = {}

    def term_scores(
        self,
        reader: Any,
        fieldname: str,
        text: str,
        weights: Mapping[int, float],
        docs: Sequence[int],
    ) -> list[float]:
        """The term's score in each of ``docs`` (0 where ``weights`` does not have it).

        ``weights`` is the term's weight (frequency times field boost) by document number.
        """
        factor = self._factor(fieldname, text)
        if factor is None:  # Whoosh scores the weight
            return [weights.get(d, 0.0) for d in docs]
        norms = self._length_norms(fieldname)
        key = (id(reader), fieldname)
        lengths = self._codes.get(key)
        if lengths is None:
            lengths = self._codes[key] = self._lengths(reader, fieldname)
        get = weights.get
        return [factor * w / (w + norms[lengths[d]]) if (w := get(d, 0.0)) else 0.0 for d in docs]

    def doc_frequency(self, fieldname: str, text: str) -> int:
        """How many documents of the index have the term (deleted ones included), as the
        searcher's ``doc_frequency`` says, each segment's read in place."""
        key = (fieldname, text)
        found = self._frequencies.get(key)
        if found is None:
            found = self._frequencies[key] = sum(
                segment_doc_frequency(leaf.reader(), fieldname, text)
                for leaf, _ in self.searcher.leaf_searchers()
            )
        return found

    def idf(self, fieldname: str, text: str) -> float:
        """The searcher's ``idf`` (Whoosh's formula, in the searcher's cache), from
        :meth:`doc_frequency`."""
        cache: dict[tuple[str, str], float] = self.searcher._idf_cache
        key = (fieldname, text)
        if key not in cache:
            count = self.searcher.doc_count_all()
            cache[key] = log(count / (self.doc_frequency(fieldname, text) + 1)) + 1
        return cache[key]

    def _factor(self, fieldname: str, text: str) -> float | None:
        """The term's idf times (K1 + 1); None if the field is not scored."""
        key = (fieldname, text)
        if key not in self._factors:
            scorable = self.searcher.schema[fieldname].scorable
            idf = float(self.idf(fieldname, text)) if scorable else 0.0
            self._factors[key] = idf * (self.k1 + 1) if scorable else None
        return self._factors[key]

    def block_bounds(
        self, fieldname: str, text: str, maxima: Sequence[tuple[float, int]]
    ) -> list[float]:
        """The highest score the term can have in each block, from the block's highest
        weight and shortest field length (a length byte code): BM25F grows with the weight
        and falls with the length."""
        if not self.searcher.schema[fieldname].scorable:
            return [weight for weight, _ in maxima]
        factor = self.idf(fieldname, text) * (self.k1 + 1)
        norms = self._length_norms(fieldname)
        return [factor * w / (w + norms[code]) if w else 0.0 for w, code in maxima]

    def add_posting_scores(
        self,
        totals: dict[int, float],
        reader: Any,
        fieldname: str,
        text: str,
        postings: Iterable[tuple[Sequence[int], Sequence[float]]],
    ) -> None:
        """Add the term's score in each document of ``postings`` (blocks of ids and weights)."""
        get = totals.get
        if not self.searcher.schema[fieldname].scorable:
            for ids, weights in postings:
                for d, w in zip(ids, weights, strict=True):
                    totals[d] = get(d, 0.0) + w
            return
        factor = self.idf(fieldname, text) * (self.k1 + 1)
        norms = self._length_norms(fieldname)
        lengths = self._lengths(reader, fieldname)
        for ids, weights in postings:
            for d, w in zip(ids, weights, strict=True):
                totals[d] = get(d, 0.0) + factor * w / (w + norms[lengths[d]])

    def _length_norms(self, fieldname: str) -> list[float]:
        """K1 * (1 - B + B * length / average length) for each one-byte length code."""
        if fieldname not in self._norms:
            b = float(self.weighting._field_B.get(fieldname, self.weighting.B))
            average = float(self.searcher.avg_field_length(fieldname) or 1)
            self._norms[fieldname] = [
                self.k1 * ((1 - b) + b * byte_to_length(code) / average) for code in range(256)
            ]
        return self._norms[fieldname]

    @staticmethod
    def _lengths(reader: Any, fieldname: str) -> bytes:
        """Each document's encoded field length, by document number."""
        return _LENGTHS.get(reader, fieldname, lambda: _length_codes(reader, fieldname))


def _length_codes(reader: Any, fieldname: str) -> bytes:
    count = int(reader.doc_count_all())
    column = None
    perdoc = getattr(reader, "_perdoc", None)
    if perdoc is not None and hasattr(perdoc, "_cached_reader"):
        column = perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
    if column is not None and hasattr(column, "_dbfile"):
        codes = bytes(column._dbfile.get(column._basepos, min(column._count, count)))
    else:  # another codec: ask for each length (slow, but once per segment)
        codes = bytes(
            length_to_byte(reader.doc_field_length(d, fieldname, 0) or 0) for d in range(count)
        )
    return codes + bytes(count - len(codes))


def deleted_docs(reader: Any) -> frozenset[int]:
    """The segment's deleted document numbers (read once per reader)."""

    def read() -> frozenset[int]:
        return frozenset(reader.segment().deleted_docs() if reader.has_deletions() else ())

    return _DELETED.get(reader, "", read)
