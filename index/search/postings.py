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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from operator import attrgetter
from typing import Any, TypeVar

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.matching import FilterMatcher
from whoosh.reading import TermNotFound

__all__ = ["Block", "TermPostings", "list_ids", "open_postings", "postings_of"]

_INT = struct.Struct("!i")  # Whoosh's block length
_FRAMED = b"\x80\x05\x95"  # a pickle in protocol 5 opening with a frame: its length follows
_FRAME = struct.Struct("<Q")
# Read all the blocks a run of documents spans once the documents outnumber them this much.
T = TypeVar("T")
_WEIGHTS = attrgetter("weights")  # a block's columns, for TermPostings._filled
_VALUES = attrgetter("values")
_BULK_RATIO = 2


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


@dataclass(slots=True)
class _Extents:
    """Where each block of a posting list lives in the postings file, and what its header
    says: one list per field, one entry per block."""

    last_ids: list[int]
    counts: list[int]
    starts: list[int]  # of the block's data
    ends: list[int]
    compressed: list[bool]
    max_weights: list[float]  # the highest weight in the block
    min_lengths: list[int]  # the shortest field length in the block, as Whoosh's byte code


class TermPostings:
    """One term's postings in one segment: block headers read at once, blocks on demand."""

    def __init__(
        self, doc_frequency: int, extents: _Extents, source: Any, value_size: int = -1
    ) -> None:
        self.doc_frequency = doc_frequency
        self._value_size = value_size  # of each posting's value, if fixed (joined in a block)
        self._extents = extents
        self._last_ids = extents.last_ids
        self._source = source  # the postings file, or a ready Block
        self._buffer = getattr(source, "_buf", None)  # a BufferFile's bytes: sliced, no copy
        self._blocks: dict[int, Block] = {}
        self.weights: dict[int, float] = {}  # by document number, of the blocks tabled
        self._tabled: set[int] = set()
        self.values: dict[int, Any] = {}  # by document number, of the blocks listed
        self._listed: set[int] = set()

    @property
    def block_count(self) -> int:
        return len(self._last_ids)

    def block(self, index: int) -> Block:
        block = self._blocks.get(index)
        if block is None:
            block = self._blocks[index] = self._decode(index)
        return block

    def _decode(self, index: int) -> Block:
        source = self._source
        if isinstance(source, Block):
            return source
        extents = self._extents
        start, end = extents.starts[index], extents.ends[index]
        buffer = self._buffer
        data = buffer[start:end] if buffer is not None else source.get(start, end - start)
        deltas, weights, values = _block_fields(data, extents.compressed[index])
        ids = list(accumulate(deltas))
        if weights is None:
            weights = (1.0,) * len(ids)
        elif isinstance(weights, float):
            weights = (weights,) * len(ids)
        if values is None:
            values = (None,) * len(ids)
        elif isinstance(values, bytes) and self._value_size > 0:
            size = self._value_size
            values = [values[i : i + size] for i in range(0, len(values), size)]
        return Block(ids, weights, values)

    def blocks(self) -> list[Block]:
        return [self.block(i) for i in range(len(self._last_ids))]

    def ids(self) -> list[int]:
        """Every document number of the list (deleted documents included)."""
        ids: list[int] = []
        for block in self.blocks():
            ids.extend(block.ids)
        return ids

    def table(self, docs: Sequence[int]) -> dict[int, float]:
        """:attr:`weights`, holding every posting of the blocks ``docs`` (ascending) may fall
        in: a document of ``docs`` has the term if and only if the table has it.

        The table grows over the search, each block added once: the windows of a search
        overlap the same blocks of a common term, and each would otherwise build its own.
        """
        return self._filled(self.weights, self._tabled, docs, _WEIGHTS)

    def value_table(self, docs: Sequence[int]) -> dict[int, Any]:
        """:attr:`values` (each posting's encoded value, such as its positions), holding every
        posting of the blocks ``docs`` (ascending) may fall in, as :meth:`table`."""
        return self._filled(self.values, self._listed, docs, _VALUES)

    def _filled(
        self,
        table: dict[int, T],
        added: set[int],
        docs: Sequence[int],
        column: Callable[[Any], Sequence[T]],
    ) -> dict[int, T]:
        """``table`` with the ``column`` of every block ``docs`` may fall in added once."""
        for index in self._blocks_for(docs):
            if index not in added:
                added.add(index)
                block = self.block(index)
                table.update(zip(block.ids, column(block), strict=True))
        return table

    def _blocks_for(self, docs: Sequence[int]) -> Sequence[int]:
        """The blocks ``docs`` (ascending) may fall in: all those their span crosses, or,
        if they are few for that span, those they fall in."""
        if not docs:
            return ()
        blocks: Sequence[int] = self.blocks_between(docs[0], docs[-1])
        if len(docs) < _BULK_RATIO * len(blocks):
            blocks = self.blocks_holding(docs)
        return blocks

    def having(self, docs: Sequence[int]) -> list[int]:
        """Those of ``docs`` (ascending) that have the term."""
        table = self.table(docs)
        return [d for d in docs if d in table]

    def blocks_holding(self, docs: Sequence[int]) -> list[int]:
        """The indexes of the blocks that may hold any of ``docs`` (ascending)."""
        last_ids = self._last_ids
        count = len(last_ids)
        return sorted({i for i in (bisect_left(last_ids, d) for d in docs) if i < count})

    def blocks_between(self, first: int, last: int) -> range:
        """The indexes of the blocks that may hold documents from ``first`` to ``last``."""
        low = bisect_left(self._last_ids, first)
        high = min(bisect_left(self._last_ids, last), len(self._last_ids) - 1)
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
        return list(self._extents.counts)

    def block_maxima(self) -> list[tuple[float, int]]:
        """Each block's highest weight and shortest field length (byte code), from its header:
        what bounds the score of any of its documents."""
        extents = self._extents
        return list(zip(extents.max_weights, extents.min_lengths, strict=True))


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
        value_size = field.format.fixed_value_size() or -1
        buffer = getattr(postfile, "_buf", None)  # a BufferFile's: read in place
        if buffer is not None:
            extents = _extents(buffer, 0, offset)
        else:
            extents = _extents(postfile.get(offset, length), offset, 0)
        return TermPostings(doc_frequency, extents, postfile, value_size)
    matcher = reader.postings(fieldname, term)  # another codec: one posting at a time
    while isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    return _single(doc_frequency, _read_all(matcher))


def _extents(data: Any, base: int, start: int) -> _Extents:
    """The block headers of a posting list (see :func:`_headers`) that starts at ``start``
    in ``data`` (a buffer), which starts at ``base`` in the postings file."""
    extents = _Extents([], [], [], [], [], [], [])
    for header, data_start, data_end in _headers(data, start):
        count, last_id, max_weight, compression, min_length, _ = header
        extents.last_ids.append(last_id)
        extents.counts.append(count)
        extents.starts.append(base + data_start)
        extents.ends.append(base + data_end)
        extents.compressed.append(bool(compression))
        extents.max_weights.append(max_weight)
        extents.min_lengths.append(min_length)
    return extents


def _headers(data: Any, start: int) -> Iterator[tuple[tuple[Any, ...], int, int]]:
    """Each block of a posting list in Whoosh's layout (``W3LeafMatcher``) that starts at
    ``start`` in ``data``: its header tuple (count, last id, max weight, compression, min
    length, max length) and where its data starts and ends. The list is a magic number,
    then per block its length (negative for the last), the pickled header and the data."""
    position = start + len(WHOOSH3_HEADER_MAGIC)
    if bytes(data[start:position]) != WHOOSH3_HEADER_MAGIC:
        raise ValueError("not a Whoosh 3 posting list")
    framed = len(_FRAMED) + _FRAME.size
    while True:
        (length,) = _INT.unpack_from(data, position)
        head = position + _INT.size
        end = head + abs(length)
        if bytes(data[head : head + len(_FRAMED)]) == _FRAMED:  # our writer's: length known
            (size,) = _FRAME.unpack_from(data, head + len(_FRAMED))
            header_end = head + framed + size
            yield pickle.loads(data[head:header_end]), header_end, end
        else:  # Whoosh's own, in protocol 2: read up to its end
            stream = io.BytesIO(data[head:end])
            header = pickle.load(stream)
            yield header, head + stream.tell(), end
        if length < 0:
            return
        position = end


def list_ids(data: Any, offset: int) -> list[int]:
    """Every document number of the posting list at ``offset`` of ``data`` (a postings
    file's buffer), read without a :class:`TermPostings`: the date column reads thousands
    of short lists at once."""
    ids: list[int] = []
    for header, start, end in _headers(data, offset):
        ids += accumulate(_block_fields(data[start:end], bool(header[3]))[0])
    return ids


def _block_fields(data: Any, compressed: bool) -> tuple[Any, Any, Any]:
    """A block's stored (id deltas, weights, values), from its bytes in the postings file."""
    fields: tuple[Any, Any, Any] = pickle.loads(zlib.decompress(data) if compressed else data)
    return fields


def _single(doc_frequency: int, block: Block) -> TermPostings:
    last = block.ids[-1] if block.ids else -1
    top = max(block.weights, default=0.0)
    extents = _Extents([last], [len(block.ids)], [0], [0], [False], [top], [0])
    return TermPostings(doc_frequency, extents, block)


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
