"""Each document's term in a one-term field (an ``ID`` field such as the date), per segment.

A date range expands to hundreds of day terms; looking each one up and reading its postings
on every search costs more than the rest of the query. A segment never changes, so its date
column is read once (every term's postings) and kept while the segment's reader lives; a
range is then a span of term ranks, found by bisection, and a document matches if its
term's rank is in it.
"""

from __future__ import annotations

import pickle
import struct
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from typing import Any

from whoosh import query as wq
from whoosh.codec.whoosh3 import W3TermInfo, W3TermsReader
from whoosh.fields import ID
from whoosh.formats import Existence

from index.search.postings import list_ids, postings_of
from index.search.reader_cache import ReaderCache

__all__ = ["ColumnMatches", "TermColumn", "has_one_term", "read_columns", "term_column"]

_COLUMNS: ReaderCache[TermColumn] = ReaderCache()
_AFTER_ALL = b"\xff\xff\xff\xff"  # Whoosh's end of an open range
_INFO_SIZE = W3TermInfo._struct.size  # a term info's fixed part (flags first)
_OFFSET = struct.Struct("!q")  # then a posting list's offset (Whoosh's pack_long)


def has_one_term(reader: Any, fieldname: str) -> bool:
    """Whether every document holds at most one term of the field, each weighing the same."""
    field = reader.schema[fieldname]
    return isinstance(field, ID) and type(field.format) is Existence


class TermColumn:
    """The rank (in sorted order) of each document's term; -1 where it has none."""

    def __init__(self, reader: Any, fieldname: str) -> None:
        field = reader.schema[fieldname]
        self.weight = float(field.format.field_boost)
        self.terms: list[bytes] = []  # ascending
        self.ranks = array("i", [-1]) * int(reader.doc_count_all())
        self.counts: list[int] = []
        self._to_bytes = field.to_bytes
        for term, ids in _term_documents(reader, fieldname):
            rank = len(self.terms)
            for docnum in ids:
                self.ranks[docnum] = rank
            self.terms.append(term)
            self.counts.append(len(ids))

    def ranks_in(self, query: wq.TermRange) -> range:
        """The ranks of the terms a range takes in, by Whoosh's rules (``TermRange._btexts``)."""
        start = b"" if query.start is None else self._to_bytes(query.start)
        end = _AFTER_ALL if query.end is None else self._to_bytes(query.end)
        low = bisect_left(self.terms, start)
        if query.startexcl and low < len(self.terms) and self.terms[low] == start:
            low += 1
        high = bisect_right(self.terms, end)
        if query.endexcl and high > 0 and self.terms[high - 1] == end:
            high -= 1
        return range(low, max(low, high))

    def ranks_of(self, terms: Iterable[bytes]) -> frozenset[int]:
        wanted = set(terms)
        return frozenset(rank for rank, term in enumerate(self.terms) if term in wanted)

    def count(self, ranks: Container[int]) -> int:
        """How many documents hold one of these terms (deleted ones included)."""
        if isinstance(ranks, range):
            return sum(self.counts[ranks.start : ranks.stop])
        return sum(count for rank, count in enumerate(self.counts) if rank in ranks)


def _term_documents(reader: Any, fieldname: str) -> Iterator[tuple[bytes, Sequence[int]]]:
    """Each term of the field in order, with its documents: a date holds a few documents a
    segment, mostly inlined in the term table, which one pass over the table reads."""
    raw = _raw_items(reader, fieldname)
    if raw is not None:
        yield from raw
        return
    field = reader.schema[fieldname]
    for term, terminfo in reader.iter_field(fieldname):
        term = term if isinstance(term, bytes) else field.to_bytes(term)
        yield term, postings_of(reader, fieldname, term, terminfo).ids()


def _raw_items(reader: Any, fieldname: str) -> Iterator[tuple[bytes, Sequence[int]]] | None:
    """The same straight from Whoosh 3's term table and postings buffer: term infos read
    in place (``W3TermInfo.from_bytes`` makes an object of each, the reader's own
    ``iter_field`` looks every term up again); None for another codec or storage."""
    terms = getattr(reader, "_terms", None)
    buffer = getattr(getattr(terms, "_postfile", None), "_buf", None)
    if not isinstance(terms, W3TermsReader) or buffer is None:
        return None
    if fieldname not in terms._fieldmap:  # no document of the segment has the field
        return iter(())
    return _table_items(terms._tindex, terms._keycoder(fieldname, b""), buffer)


def _table_items(table: Any, prefix: bytes, buffer: Any) -> Iterator[tuple[bytes, Sequence[int]]]:
    size = len(prefix)  # the field's number, before each term of the field
    for key, info in table.items_from(prefix):
        if key[:size] != prefix:
            return
        if info[0]:  # inlined: (ids, weights, values) pickled after the fixed part
            yield key[size:], pickle.loads(info[_INFO_SIZE:])[0]
        else:  # the offset of its posting list in the postings file follows
            (offset,) = _OFFSET.unpack_from(info, _INFO_SIZE)
            yield key[size:], list_ids(buffer, offset)


def term_column(reader: Any, fieldname: str) -> TermColumn:
    """The segment's column for a one-term field (read on first use)."""
    return _COLUMNS.get(reader, fieldname, lambda: TermColumn(reader, fieldname))


def read_columns(searcher: Any, fieldnames: Iterable[str]) -> int:
    """Read every segment's column of these one-term fields now, so that the first ``date:``
    search does not wait for it (at 100k articles ~30 ms a segment); how many were read."""
    read = 0
    for leaf, _ in searcher.leaf_searchers():
        reader = leaf.reader()
        for fieldname in fieldnames:
            if fieldname in reader.schema and has_one_term(reader, fieldname):
                term_column(reader, fieldname)
                read += 1
    return read


class ColumnMatches(Mapping[int, float]):
    """The documents whose term has one of ``ranks``, each scoring the term's weight (Whoosh
    scores a range by the weights of the terms a document has: here exactly one)."""

    def __init__(self, column: TermColumn, ranks: Container[int]) -> None:
        self.weight = column.weight
        self._column = column
        self._ranks = ranks
        self._docs: list[int] | None = None

    def __contains__(self, docnum: object) -> bool:
        return isinstance(docnum, int) and self._column.ranks[docnum] in self._ranks

    def __getitem__(self, docnum: int) -> float:
        if docnum not in self:
            raise KeyError(docnum)
        return self._column.weight

    def get(self, docnum: int, default: float | None = None) -> float | None:  # type: ignore[override]
        return self._column.weight if docnum in self else default

    def keep(self, docs: Iterable[int]) -> list[int]:
        """Those of ``docs`` that match (one pass, no method call per document)."""
        ranks, wanted = self._column.ranks, self._ranks
        return [d for d in docs if ranks[d] in wanted]

    def docs(self) -> list[int]:
        if self._docs is None:
            ranks = self._ranks
            self._docs = [d for d, rank in enumerate(self._column.ranks) if rank in ranks]
        return self._docs

    def __iter__(self) -> Iterator[int]:
        return iter(self.docs())

    def __len__(self) -> int:
        return self._column.count(self._ranks)
