"""Read a term's posting list in one index segment block by block, for the ranking code.

Whoosh's matchers move one posting at a time through several layers of Python; a search over
a 100k-article library touches hundreds of thousands of postings. Here a block of postings is
decoded in one go (ids, weights and the undecoded position values), only when a document
the query still considers falls in it, and kept for the rest of the search.

Whoosh's block layout (``W3LeafMatcher``: before each block, its length and a header with
its last id, highest weight and shortest field length) is read directly; postings inlined
in the term table are one block, and another codec's are read through the public matcher
interface as one block.
"""

from __future__ import annotations

import io
import pickle
import struct
import zlib
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.matching import FilterMatcher
from whoosh.reading import TermNotFound

__all__ = ["Block", "TermPostings", "open_postings", "postings_of"]

_INT = struct.Struct("!i")  # Whoosh's block length


@dataclass(slots=True)
class Block:
    """Decoded postings: ascending document numbers, their weights, their encoded values."""

    ids: Sequence[int]
    weights: Sequence[float]
    values: Sequence[Any]

    def slot(self, docnum: int) -> int:
        """Index of ``docnum`` in the block, or -1."""
        ids = self.ids
        index = bisect_left(ids, docnum)
        return index if index < len(ids) and ids[index] == docnum else -1


@dataclass(frozen=True, slots=True)
class _Extent:
    """Where a block's data lives in the postings file, and what its header says."""

    last_id: int
    count: int
    data_start: int
    data_end: int
    compressed: bool
    max_weight: float = 0.0  # the highest weight in the block
    min_length: int = 0  # the shortest field length in the block, as Whoosh's byte code


class TermPostings:
    """One term's postings in one segment: block headers read at once, blocks on demand."""

    def __init__(
        self, doc_frequency: int, extents: list[_Extent], source: Any, value_size: int = -1
    ) -> None:
        self.doc_frequency = doc_frequency
        self._value_size = value_size  # of each posting's value, if fixed (joined in a block)
        self._extents = extents
        self._last_ids = [extent.last_id for extent in extents]
        self._source = source  # the postings file, or a ready Block
        self._blocks: dict[int, Block] = {}

    @property
    def block_count(self) -> int:
        return len(self._extents)

    def block(self, index: int) -> Block:
        block = self._blocks.get(index)
        if block is None:
            block = self._blocks[index] = self._decode(index)
        return block

    def _decode(self, index: int) -> Block:
        if isinstance(self._source, Block):
            return self._source
        extent = self._extents[index]
        data = self._source.get(extent.data_start, extent.data_end - extent.data_start)
        if extent.compressed:
            data = zlib.decompress(data)
        deltas, weights, values = pickle.loads(data)
        ids = list(accumulate(deltas))
        if weights is None:
            weights = (1.0,) * extent.count
        elif isinstance(weights, float):
            weights = (weights,) * extent.count
        if values is None:
            values = (None,) * extent.count
        elif isinstance(values, bytes) and self._value_size > 0:
            size = self._value_size
            values = [values[i : i + size] for i in range(0, len(values), size)]
        return Block(ids, weights, values)

    def blocks(self) -> list[Block]:
        return [self.block(i) for i in range(len(self._extents))]

    def ids(self) -> list[int]:
        """Every document number of the list (deleted documents included)."""
        ids: list[int] = []
        for block in self.blocks():
            ids.extend(block.ids)
        return ids

    def weights_in(self, indexes: Iterable[int]) -> dict[int, float]:
        """The weight of every posting of these blocks (decoded), by document number."""
        table: dict[int, float] = {}
        for index in indexes:
            block = self.block(index)
            table.update(zip(block.ids, block.weights, strict=True))
        return table

    def blocks_holding(self, docs: Sequence[int]) -> list[int]:
        """The indexes of the blocks that may hold any of ``docs`` (ascending)."""
        last_ids, count = self._last_ids, len(self._extents)
        return sorted({i for i in (bisect_left(last_ids, d) for d in docs) if i < count})

    def blocks_between(self, first: int, last: int) -> range:
        """The indexes of the blocks that may hold documents from ``first`` to ``last``."""
        low = bisect_left(self._last_ids, first)
        high = min(bisect_left(self._last_ids, last), len(self._extents) - 1)
        return range(low, max(low, high + 1))

    def find(self, docnum: int) -> tuple[Block, int] | None:
        """The block holding ``docnum`` and its index there, or None."""
        index = bisect_left(self._last_ids, docnum)
        if index == len(self._last_ids):
            return None
        block = self.block(index)
        slot = block.slot(docnum)
        return (block, slot) if slot >= 0 else None

    @property
    def last_ids(self) -> list[int]:
        """The last document number of each block, ascending."""
        return self._last_ids

    def block_counts(self) -> list[int]:
        """The number of postings in each block."""
        return [extent.count for extent in self._extents]

    def block_maxima(self) -> list[tuple[float, int]]:
        """Each block's highest weight and shortest field length (byte code), from its header:
        what bounds the score of any of its documents."""
        return [(extent.max_weight, extent.min_length) for extent in self._extents]


def open_postings(reader: Any, fieldname: str, text: str) -> TermPostings | None:
    """The postings of ``text`` in ``fieldname`` of a segment reader, or None if absent."""
    field = reader.schema[fieldname]
    try:
        term = field.to_bytes(text)
        terminfo = reader.term_info(fieldname, term)
    except (ValueError, TermNotFound):
        return None
    return postings_of(reader, fieldname, term, terminfo)


def postings_of(reader: Any, fieldname: str, term: bytes, terminfo: Any) -> TermPostings:
    """The postings of a term whose term info was already read."""
    field = reader.schema[fieldname]
    doc_frequency = int(terminfo.doc_frequency())
    postfile = getattr(getattr(reader, "_terms", None), "_postfile", None)
    if isinstance(terminfo, W3TermInfo) and postfile is not None:
        if terminfo.is_inlined():
            ids, weights, values = terminfo.inlined_postings()
            return _single(doc_frequency, Block(list(ids), weights, values or (None,) * len(ids)))
        offset, length = terminfo.extent()
        if isinstance(length, tuple):  # Whoosh 2.7 reads it back as a 1-tuple
            (length,) = length
        data = postfile.get(offset, length)
        value_size = field.format.fixed_value_size() or -1
        return TermPostings(doc_frequency, _extents(data, offset), postfile, value_size)
    matcher = reader.postings(fieldname, term)  # another codec: one posting at a time
    while isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    return _single(doc_frequency, _read_all(matcher))


def _extents(data: bytes, offset: int) -> list[_Extent]:
    """The block headers of a posting list in Whoosh's layout (``W3LeafMatcher``): a magic
    number, then per block its length (negative for the last), a pickled header tuple
    (count, last id, max weight, compression, min length, max length) and the data."""
    if data[: len(WHOOSH3_HEADER_MAGIC)] != WHOOSH3_HEADER_MAGIC:
        raise ValueError("not a Whoosh 3 posting list")
    stream = io.BytesIO(data)
    position = len(WHOOSH3_HEADER_MAGIC)
    extents: list[_Extent] = []
    while True:
        (length,) = _INT.unpack_from(data, position)
        stream.seek(position + _INT.size)
        count, last_id, max_weight, compression, min_length, _ = pickle.load(stream)
        end = position + _INT.size + abs(length)
        start = offset + stream.tell()
        extents.append(
            _Extent(last_id, count, start, offset + end, bool(compression), max_weight, min_length)
        )
        if length < 0:
            return extents
        position = end


def _single(doc_frequency: int, block: Block) -> TermPostings:
    last = block.ids[-1] if block.ids else -1
    top = max(block.weights, default=0.0)
    return TermPostings(doc_frequency, [_Extent(last, len(block.ids), 0, 0, False, top)], block)


def _read_all(matcher: Any) -> Block:
    ids: list[int] = []
    weights: list[float] = []
    values: list[Any] = []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        values.append(matcher.value())
        matcher.next()
    return Block(ids, weights, values)
