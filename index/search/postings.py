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
from functools import cache
from itertools import accumulate
from operator import attrgetter
from typing import Any, TypeVar, cast

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3TermInfo, W3TermsReader
from whoosh.filedb.filetables import HashReader
from whoosh.matching import FilterMatcher
from whoosh.reading import TermNotFound

from index.search.codec import HASH_RECORD_HEAD, HASH_SLOT

__all__ = [
    "Block",
    "TermPostings",
    "list_ids",
    "open_postings",
    "postings_of",
    "segment_doc_frequency",
]

_INT = struct.Struct("!i")  # Whoosh's block length
_TERM_INFO = W3TermInfo._struct  # a term info's fixed part
_OFFSET = struct.Struct("!q")  # then where its posting list is (if not inlined)
_FRAMED = b"\x80\x05\x95"  # a pickle in protocol 5 opening with a frame: its length follows
_FRAME = struct.Struct("<Q")
_DATA = len(_FRAMED) + _FRAME.size  # where a framed pickle's opcodes start
# A block's length, then its header: a pickle whose frame is below 256 bytes long.
_BLOCK_HEAD = struct.Struct("!i3sB7s")
_SMALL_FRAME = bytes(7)  # the frame length's other bytes
# Pickle opcodes (see pickletools) of a block's layout, for _read_block.
_MARK, _NONE, _FLOAT = ord("("), ord("N"), ord("G")
_FIRST_ID = {ord("K"): 1, ord("M"): 2, ord("J"): 4}  # BININT1, BININT2, BININT: their bytes
_TUPLE_END = b"t\x94"  # TUPLE, then MEMOIZE
_END = b"\x87\x94."  # TUPLE3 (the block's three fields), MEMOIZE, STOP
_ONE_FLOAT = struct.Struct(">d")
_PROTOCOL = b"\x80\x05"
_MEMOIZED_NONE = b"N\x94"
_STOP = b"."
T = TypeVar("T")
# A block's bytes, where its values start, the objects memoized before them, their size.
_PendingValues = tuple[bytes, int, int, int]
_WEIGHTS = attrgetter("weights")  # a block's columns, for TermPostings._filled
_VALUES = attrgetter("values")
# Read all the blocks a run of documents spans once the documents outnumber them this much.
_BULK_RATIO = 2


class Block:
    """Decoded postings: ascending document numbers, their weights, their encoded values.

    The values (positions) are needed only to check phrases: a block read by
    :func:`_read_block` keeps its bytes and unpickles them on first use.
    """

    __slots__ = ("_pending", "_values", "ids", "weights")

    def __init__(
        self,
        ids: Sequence[int],
        weights: Sequence[float],
        values: Sequence[Any] | None = None,
        pending: _PendingValues | None = None,
    ) -> None:
        self.ids = ids
        self.weights = weights
        self._values = values
        self._pending = pending

    @property
    def values(self) -> Sequence[Any]:
        values = self._values
        if values is None:
            assert self._pending is not None
            values = self._values = _pending_values(*self._pending, len(self.ids))
            self._pending = None
        return values

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

    def block(self, index: int, values: bool = False) -> Block:
        """Block ``index``, decoded on first use; ``values``: its values will be read (a
        block is then unpickled whole, at once: cheaper than its values alone later)."""
        block = self._blocks.get(index)
        if block is None:
            block = self._blocks[index] = self._decode(index, values)
        return block

    def _decode(self, index: int, values: bool) -> Block:
        source = self._source
        if isinstance(source, Block):
            return source
        extents = self._extents
        start, end = extents.starts[index], extents.ends[index]
        buffer = self._buffer
        data = buffer[start:end] if buffer is not None else source.get(start, end - start)
        count = extents.counts[index]
        return _stored_block(data, extents.compressed[index], count, self._value_size, values)

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
                block = self.block(index, column is _VALUES)
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

    def find(self, docnum: int, values: bool = False) -> tuple[Block, int] | None:
        """The block holding ``docnum`` and its index there, or None."""
        index = bisect_left(self._last_ids, docnum)
        if index == len(self._last_ids):
            return None
        block = self.block(index, values)
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
    found = _find_term(reader, fieldname, text)
    if found is None:
        return None
    term, info, in_place = found
    if in_place:
        field = reader.schema[fieldname]
        return None if info is None else _postings_in_place(field, info, reader._terms._postfile)
    try:
        terminfo = reader.term_info(fieldname, term)
    except (ValueError, TermNotFound):
        return None
    return postings_of(reader, fieldname, term, terminfo)


def segment_doc_frequency(reader: Any, fieldname: str, text: str) -> int:
    """How many documents of a segment have ``text`` in ``fieldname`` (deleted ones
    included), as the reader's ``doc_frequency`` says, read from the term info in place
    where it can be (~10 µs a segment against ~16 through Whoosh's generators, for every
    term of every new query in each of a large index's segments)."""
    found = _find_term(reader, fieldname, text)
    if found is None:
        return 0
    term, info, in_place = found
    if in_place:
        return 0 if info is None else int(_TERM_INFO.unpack_from(info)[2])
    return int(reader.doc_frequency(fieldname, term))


def _find_term(reader: Any, fieldname: str, text: str) -> tuple[bytes, bytes | None, bool] | None:
    """``text`` as the field's term, its stored term info read in place (None: absent), and
    whether it could be read in place (else the reader looks it up); None if ``text``
    cannot be a term of the field."""
    try:
        term: bytes = reader.schema[fieldname].to_bytes(text)
    except ValueError:
        return None
    terms: Any = getattr(reader, "_terms", None)
    if not _in_place(terms):
        return term, None, False
    return term, _term_info_bytes(terms._tindex, terms._keycoder(fieldname, term)), True


def _in_place(terms: Any) -> bool:
    """Whether a segment's term table and postings are Whoosh 3's in mapped buffers, which
    :func:`_term_info_bytes` and :func:`_postings_in_place` read directly."""
    return (
        isinstance(terms, W3TermsReader)
        and isinstance(terms._tindex, HashReader)
        and type(terms._tindex).ranges_for_key is HashReader.ranges_for_key
        and getattr(terms._tindex.dbfile, "_buf", None) is not None
        and getattr(terms._postfile, "_buf", None) is not None
    )


def _term_info_bytes(table: Any, key: bytes) -> bytes | None:
    """A term's stored term info in a Whoosh hash file read in place, or None if absent: what
    ``HashReader.ranges_for_key`` finds (the key's hash picks one of 256 tables and a slot in
    it, then slots are probed in turn), without its generators and a copy per read. A
    search looks each of its terms up in every segment: this took a tenth of a median
    query."""
    buffer = table.dbfile._buf
    keyhash = table.hashfn(key)
    start, slots = table.tables[keyhash & 255]
    if not slots:
        return None
    slot = (keyhash >> 8) % slots
    for _ in range(slots):
        slot_hash, item = HASH_SLOT.unpack_from(buffer, start + slot * HASH_SLOT.size)
        if not item:
            return None
        if slot_hash == keyhash:
            key_length, value_length = HASH_RECORD_HEAD.unpack_from(buffer, item)
            key_start = item + HASH_RECORD_HEAD.size
            value_start = key_start + key_length
            if key_length == len(key) and buffer[key_start:value_start] == key:
                return bytes(buffer[value_start : value_start + value_length])
        slot = slot + 1 if slot + 1 < slots else 0
    return None


def _postings_in_place(field: Any, info: bytes, postfile: Any) -> TermPostings:
    """A term's postings from its stored term info (as ``W3TermInfo.from_bytes`` reads it:
    its flags, weight and document frequency first; then its postings inlined, pickled, or
    where its posting list starts in the postings file, read in place)."""
    inlined, _, doc_frequency = _TERM_INFO.unpack_from(info)[:3]
    if inlined:
        ids, weights, values = pickle.loads(info[_TERM_INFO.size :])
        return _single(doc_frequency, Block(list(ids), weights, values or (None,) * len(ids)))
    (offset,) = _OFFSET.unpack_from(info, _TERM_INFO.size)
    value_size = field.format.fixed_value_size() or -1
    return TermPostings(doc_frequency, _extents(postfile._buf, 0, offset), postfile, value_size)


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
    in ``data`` (a buffer), which starts at ``base`` in the postings file.

    Our writer's headers are read in one loop here, with one ``struct`` call per block for
    its length and its header's frame (a generator, slices and appends per block took
    most of the time: a search reads ~400 headers); others through :func:`_headers`.
    """
    position = _after_magic(data, start)
    headers: list[tuple[Any, ...]] = []
    starts: list[int] = []
    ends: list[int] = []
    unpack = _BLOCK_HEAD.unpack_from
    while True:
        length, opcodes, size, rest = unpack(data, position)
        if opcodes != _FRAMED or rest != _SMALL_FRAME:
            return _general_extents(data, base, start)
        head = position + _INT.size
        header_end = head + _DATA + size
        position = head + abs(length)
        headers.append(pickle.loads(data[head:header_end]))
        starts.append(base + header_end)
        ends.append(base + position)
        if length < 0:
            break
    counts, last_ids, top, compression, shortest, _ = map(list, zip(*headers, strict=True))
    return _Extents(last_ids, counts, starts, ends, list(map(bool, compression)), top, shortest)


def _general_extents(data: Any, base: int, start: int) -> _Extents:
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


def _after_magic(data: Any, start: int) -> int:
    """Where the first block of the posting list at ``start`` begins."""
    position = start + len(WHOOSH3_HEADER_MAGIC)
    if bytes(data[start:position]) != WHOOSH3_HEADER_MAGIC:
        raise ValueError("not a Whoosh 3 posting list")
    return position


def _headers(data: Any, start: int) -> Iterator[tuple[tuple[Any, ...], int, int]]:
    """Each block of a posting list in Whoosh's layout (``W3LeafMatcher``) that starts at
    ``start`` in ``data``: its header tuple (count, last id, max weight, compression, min
    length, max length) and where its data starts and ends. The list is a magic number,
    then per block its length (negative for the last), the pickled header and the data."""
    position = _after_magic(data, start)
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
        ids += _stored_block(data[start:end], bool(header[3]), header[0], -1).ids
    return ids


def _stored_block(
    data: Any, compressed: bool, count: int, value_size: int, values: bool = False
) -> Block:
    """A block from its bytes in the postings file; ``values``: unpickled whole now, as a
    phrase check will read its values (else they wait, where :func:`_read_block` can)."""
    if compressed:
        data = zlib.decompress(data)
    if not values:
        read = _read_block(data, count, value_size)
        if read is not None:
            return read
    deltas, weights, stored_values = pickle.loads(data)
    ids = list(accumulate(deltas))
    return Block(ids, _weights(weights, len(ids)), _values(stored_values, len(ids), value_size))


def _read_block(data: Any, count: int, value_size: int) -> Block | None:
    """The ids and weights of a block (its bytes, decompressed) read straight from its
    pickle, its values left for later; None unless the pickle is laid out as our writer
    and Whoosh's protocol 5 lay out most blocks (then ``pickle.loads`` reads it).

    A block is the tuple (id deltas, weights, values) in one frame: ``(``, the deltas (the
    first one opcode ``K``, ``M`` or ``J`` and 1, 2 or 4 bytes, each other one ``K`` and
    a byte, below 256), ``t`` and a memo opcode; the weights, ``None``, one float or ``(``
    and a float each (``G`` and 8 bytes); the values; and the outer tuple's 3 bytes.
    Reading the deltas and floats with slices and ``struct`` at C speed, and not making
    the values' objects until a phrase needs them, takes a third of the time of
    ``pickle.loads``.
    """
    if count < 4 or data[:3] != _FRAMED or data[11] != _MARK:
        return None
    if _FRAME.unpack_from(data, 3)[0] != len(data) - _DATA or data[-3:] != _END:
        return None  # more than one frame
    width = _FIRST_ID.get(data[_DATA + 1], 0)
    start = _DATA + 2 + width
    end = start + 2 * (count - 1)
    deltas, floats, unpack = _layout(count)
    if not width or data[start:end:2] != deltas or data[end : end + 2] != _TUPLE_END:
        return None
    first = int.from_bytes(data[start - width : start], "little")
    ids = list(accumulate(data[start + 1 : end : 2], initial=first))
    at = end + 2
    kind = data[at]
    if kind == _NONE:
        return Block(ids, (1.0,) * count, pending=(data, at + 1, 1, value_size))
    if kind == _FLOAT:
        (weight,) = _ONE_FLOAT.unpack_from(data, at + 1)
        return Block(ids, (weight,) * count, pending=(data, at + 9, 1, value_size))
    stop = at + 1 + 9 * count
    if kind != _MARK or data[at + 1 : stop : 9] != floats or data[stop : stop + 2] != _TUPLE_END:
        return None
    return Block(ids, unpack.unpack_from(data, at + 1), pending=(data, stop + 2, 2, value_size))


@cache
def _layout(count: int) -> tuple[bytes, bytes, struct.Struct]:
    """The opcodes of ``count`` - 1 one-byte deltas and of ``count`` floats, and how to read
    the floats (each after its opcode)."""
    return b"K" * (count - 1), b"G" * count, struct.Struct(">" + "xd" * count)


def _pending_values(data: bytes, start: int, memoized: int, value_size: int, count: int) -> Any:
    """A block's values, from where they start in its pickle: unpickled on their own, after
    as many placeholders as the pickle memoized before them (its ``h`` opcodes number
    the objects it memoized from the start: the same value twice is stored once)."""
    stored = pickle.loads(_PROTOCOL + _MEMOIZED_NONE * memoized + data[start:-3] + _STOP)
    return _values(stored, count, value_size)


def _weights(weights: Any, count: int) -> Sequence[float]:
    """A block's weights as stored (None: all 1; one float: all that) as one per posting."""
    if weights is None:
        return (1.0,) * count
    if isinstance(weights, float):
        return (weights,) * count
    return cast(Sequence[float], weights)


def _values(values: Any, count: int, value_size: int) -> Sequence[Any]:
    """A block's values as stored (None: none; joined if of a fixed size) as one per posting."""
    if values is None:
        return (None,) * count
    if isinstance(values, bytes) and value_size > 0:
        return [values[i : i + value_size] for i in range(0, len(values), value_size)]
    return cast(Sequence[Any], values)


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
