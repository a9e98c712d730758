"""Whoosh storage tuned for bigram postings: compact positions and working posting inlining."""

from __future__ import annotations

import pickle
import struct
import zlib
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, chain, islice, repeat, starmap
from operator import add, lt, sub
from typing import Any
from zlib import crc32

from whoosh.codec import whoosh3
from whoosh.fields import TEXT
from whoosh.filedb import filetables
from whoosh.formats import Positions
from whoosh.matching import ListMatcher
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import length_to_byte
from whoosh.util.numlists import GrowableArray

from index.search.analyzer import BigramAnalyzer, TermPositions, index_terms, term_positions
from index.search.vocabulary import registered_vocabulary

__all__ = [
    "HASH_RECORD_HEAD",
    "HASH_SLOT",
    "BigramField",
    "BulkPostingsWriter",
    "CompactPositions",
    "FieldPostings",
    "InliningCodec",
    "analyze_text",
    "decode_positions",
    "encode_positions",
    "one_position",
    "posting_weights",
]

_PICKLE_PROTOCOL = 5
_CRC32 = 1  # filetables' hash kinds: 0 MD5, 1 CRC-32, 2 CDB
_COMPRESS_FROM = 256  # bytes of pickled block; smaller ones are stored as they are
_COMPRESSION_LEVEL = 1
_SHORT = b"H"
_LONG = b"I"


def encode_positions(positions: list[int]) -> bytes:
    """Positions as a typecode byte plus a native array: 2 bytes each below 65536."""
    if positions[-1] < 0x10000:
        return _SHORT + array("H", positions).tobytes()
    return _LONG + array("I", positions).tobytes()


def posting_weights(values: Sequence[bytes], boost: float) -> list[float]:
    """The weight of each posting: its number of positions times the field's boost."""
    sizes = list(map(len, values))
    if max(sizes) == 3:  # one position each, the usual case
        return [boost] * len(sizes)
    return [((len(value) - 1) >> (1 if value[0] == 72 else 2)) * boost for value in values]


@dataclass(frozen=True, slots=True)
class FieldPostings:
    """One field of one document, analyzed: its length in tokens, and each term's encoded
    positions (see :func:`encode_positions`), or its one position as an int."""

    length: int
    terms: Mapping[str, bytes | int]


def analyze_text(text: str, bigrams: Set[str]) -> FieldPostings:
    """A bigram field's postings for ``text``: each term's encoded positions, and its length.

    A term seen once (most are) gets its position as an int: it crosses to the importing
    process as a small int, and there :func:`one_position` gives the one shared encoding.
    """
    terms = term_positions(text, bigrams)
    return FieldPostings(terms.token_count(), _encoded_terms(terms))


def _encoded_terms(terms: TermPositions) -> dict[str, bytes | int]:
    """Each term's value: a lone position below 65536 as an int, else the encoded positions.

    It starts from a copy of ``first``, which keeps the order of first occurrence, and then
    visits only the repeated terms (and the lone ones only in a text of over 65536 positions).
    """
    encoded: dict[str, bytes | int] = dict(terms.first)
    for term, positions in terms.repeated.items():
        encoded[term] = encode_positions(positions)
    if terms.extent > 0x10000:
        for term, position in terms.first.items():
            if position >= 0x10000 and term not in terms.repeated:
                encoded[term] = encode_positions([position])
    return encoded


@cache
def one_position() -> list[bytes]:
    """``encode_positions([p])`` for every p below 65536, made once and shared."""
    pairs = array("H", range(0x10000)).tobytes()
    return [_SHORT + pairs[start : start + 2] for start in range(0, 0x20000, 2)]


def decode_positions(value: bytes) -> array[int]:
    """The positions :func:`encode_positions` encoded, as an array."""
    return array(chr(value[0]), value[1:])


class CompactPositions(Positions):  # type: ignore[misc]
    """Whoosh's Positions format with a smaller, faster encoding (no pickle per posting)."""

    def encode(self, poslist: list[int]) -> bytes:
        return encode_positions(poslist)

    def decode_positions(self, valuestring: bytes) -> list[int]:
        return list(decode_positions(valuestring))

    def decode_frequency(self, valuestring: bytes) -> int:
        width = 2 if valuestring[:1] == _SHORT else 4
        return (len(valuestring) - 1) // width

    def decode_weight(self, valuestring: bytes) -> float:
        return self.decode_frequency(valuestring) * float(self.field_boost)


class BigramField(TEXT):  # type: ignore[misc]
    """A text field indexed as CJK bigrams (see :mod:`index.search.analyzer`), phrase-capable.

    It names its bigram vocabulary by key (the schema is pickled into the index, the
    vocabulary is not); the index that owns the field loads and registers it.
    """

    def __init__(self, vocabulary_key: str, field_boost: float = 1.0) -> None:
        super().__init__(
            analyzer=BigramAnalyzer(vocabulary_key), phrase=True, field_boost=field_boost
        )
        self.vocabulary_key = vocabulary_key
        self.format = CompactPositions(field_boost=field_boost)

    def postings(self, value: str) -> FieldPostings:
        """The field's terms in ``value`` with their encoded positions, and its length."""
        return analyze_text(value, registered_vocabulary(self.vocabulary_key).bigrams)

    def index(self, value: str, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        boost = float(self.format.field_boost)
        bigrams = registered_vocabulary(self.vocabulary_key).bigrams
        for term, positions in index_terms(value, bigrams).items():
            yield (
                term.encode("utf-8"),
                len(positions),
                len(positions) * boost,
                encode_positions(positions),
            )


class _InliningPostingsWriter(whoosh3.W3PostingsWriter):  # type: ignore[misc]
    """Whoosh 2.7.4 never inlines (it calls a misspelled method); this does, for short lists."""

    def finish_postings(self) -> Any:
        if not self.written() and len(self) <= self._inlinelimit:
            terminfo: Any = getattr(self, "_terminfo")  # noqa: B009 (untyped base class)
            terminfo.add_block(self)
            terminfo.set_inlined(self._ids, self._weights, self._values)
            setattr(self, "_terminfo", None)  # noqa: B010
            return terminfo
        return super().finish_postings()


class BulkPostingsWriter(_InliningPostingsWriter):
    """Writes whole posting lists (see :mod:`index.search.segment_writer`) in Whoosh's block
    layout, but pickled in protocol 5 (a third of the bytes and a tenth of the time of
    Whoosh's protocol 2), zlib-compressed only when that pays.

    The bytes are exactly those that Whoosh's ``W3PostingsWriter`` (``start_postings``,
    ``add_posting``..., ``finish_postings``) and ``W3TermInfo.to_bytes`` would make with this
    pickle protocol and compression, made term by term in one pass: no posting object, no
    per-block method calls, and the file written once per field.
    """

    def write_terms(
        self, format_: Any, terms: Iterable[TermPostings], lengths: Sequence[int]
    ) -> list[bytes]:
        """Write each term's postings (ids ascending) block by block, or inline them, and
        return each term's term info bytes for the term table, in order.

        ``lengths`` gives each document's field length, for the length bounds.
        """
        codes = list(map(length_to_byte, lengths))
        inline_limit = self._inlinelimit
        block_limit = self._blocklimit
        fixed_size = format_.fixed_value_size()
        keeps_values = fixed_size is None or fixed_size < 0
        postfile = self._postfile
        offset = postfile.tell()
        chunks: list[bytes] = []
        infos: list[bytes] = []
        for ids, weights, values in terms:
            if len(ids) <= inline_limit:
                infos.append(_inlined_term_info(ids, weights, values, codes))
                continue
            blocks, info = _posting_blocks(
                ids, weights, values, codes, block_limit, keeps_values, fixed_size
            )
            infos.append(info + pack_long(offset) + pack_int(len(blocks)))
            chunks.append(blocks)
            offset += len(blocks)
        postfile.write(b"".join(chunks))
        return infos


# One term's postings: document numbers (ascending), weights, values.
TermPostings = tuple[Sequence[int], Sequence[float], Sequence[bytes]]
_TERM_INFO = whoosh3.W3TermInfo._struct


def _posting_blocks(
    ids: Sequence[int],
    weights: Sequence[float],
    values: Sequence[bytes],
    codes: Sequence[int],
    limit: int,
    keeps_values: bool,
    fixed_size: int | None,
) -> tuple[bytes, bytes]:
    """A term's posting blocks as ``W3PostingsWriter`` writes them, and the head of its
    term info (``W3TermInfo.to_bytes`` without the extent)."""
    parts = [whoosh3.WHOOSH3_HEADER_MAGIC]
    count = len(ids)
    total = 0.0
    top: float = 0
    shortest = 255
    longest = 0
    for start in range(0, count, limit):
        end = start + limit
        block_ids = ids[start:end]
        block_weights = weights[start:end]
        block_codes = list(map(codes.__getitem__, block_ids))
        narrow = array("f", block_weights)  # the weights as the block stores them
        total += sum(narrow)
        block_top = max(block_weights)
        top = max(top, block_top)
        low, high = min(block_codes), max(block_codes)
        shortest = min(shortest, low)
        longest = max(longest, high)
        size = len(block_ids)
        if narrow.count(1.0) == size:
            mini_weights: Any = None
        elif narrow.count(narrow[0]) == size:
            mini_weights = narrow[0]
        else:
            mini_weights = tuple(narrow)
        if keeps_values:
            mini_values: Any = tuple(values[start:end])
        elif fixed_size == 0:
            mini_values = None
        else:
            mini_values = b"".join(values[start:end])
        deltas = tuple(map(sub, block_ids, chain((0,), block_ids)))
        data = pickle.dumps((deltas, mini_weights, mini_values), _PICKLE_PROTOCOL)
        compression = 0
        if len(data) >= _COMPRESS_FROM:
            compressed = zlib.compress(data, _COMPRESSION_LEVEL)
            if len(compressed) < len(data) * 0.9:
                data, compression = compressed, _COMPRESSION_LEVEL
        info = (size, block_ids[-1], block_top, compression, low, high)
        infobytes = pickle.dumps(info, _PICKLE_PROTOCOL)
        blocklength = len(infobytes) + len(data)
        parts += (pack_int(-blocklength if end >= count else blocklength), infobytes, data)
    head: bytes = _TERM_INFO.pack(False, total, count, shortest, longest, top, ids[0], ids[-1])
    return b"".join(parts), head


def _inlined_term_info(
    ids: Sequence[int], weights: Sequence[float], values: Sequence[bytes], codes: Sequence[int]
) -> bytes:
    """The term info of postings inlined in the term table, as ``W3TermInfo.to_bytes`` makes
    it but pickled in protocol 5 (Whoosh's 2 spells every ``bytes`` value as a call to
    ``codecs.encode``; ``pickle.loads`` reads either). Made directly: most terms have a few
    postings, and a term info object costs ~10 µs. ``codes`` holds each document's field
    length as its one-byte code (the codes rise with the lengths)."""
    term_codes = list(map(codes.__getitem__, ids))
    head: bytes = _TERM_INFO.pack(
        True,
        sum(weights),
        len(ids),
        min(term_codes),
        max(term_codes),
        max(weights),
        ids[0],
        ids[-1],
    )
    inlined = (tuple(ids), tuple(map(float, weights)), tuple(values))
    return head + pickle.dumps(inlined, _PICKLE_PROTOCOL)


class _CrcTermTable(filetables.OrderedHashWriter):  # type: ignore[misc]
    """Whoosh's ordered term table hashed with CRC-32 instead of MD5: the hash kind is
    recorded in the file, so Whoosh's reader follows; MD5 (via a hex string) cost ~1.5 µs
    per term. Terms are added a field at a time (:meth:`add_sorted`), in the bytes
    ``OrderedHashWriter.add`` would write one at a time."""

    def __init__(self, dbfile: Any) -> None:
        filetables.HashWriter.__init__(self, dbfile, hashtype=_CRC32)
        self.index = GrowableArray("H")
        self.lastkey = b""

    def add_sorted(self, keys: Sequence[bytes], values: Sequence[bytes]) -> None:
        """Add keys (ascending, after every key added before) with their values."""
        if not keys:
            return
        if keys[0] <= self.lastkey or not all(map(lt, keys, islice(keys, 1, None))):
            raise ValueError("Keys must increase")
        heads = map(HASH_RECORD_HEAD.pack, map(len, keys), map(len, values))
        records = b"".join(chain.from_iterable(zip(heads, keys, values, strict=True)))
        sizes = map(add, map(len, keys), map(len, values))
        start = self.dbfile.tell()
        positions = list(accumulate(map(add, sizes, repeat(HASH_RECORD_HEAD.size)), initial=start))
        positions.pop()
        self.dbfile.write(records)
        buckets = self.buckets
        for hashed, position in zip(map(crc32, keys), positions, strict=True):
            buckets[hashed & 255].append((hashed, position))
        _extend_index(self.index, positions)
        self.lastkey = keys[-1]

    def _write_hashes(self) -> None:
        """``HashWriter._write_hashes``, each bucket's table written in one call."""
        dbfile = self.dbfile
        for entries in self.buckets:
            slots = 2 * len(entries)
            self.directory.append((dbfile.tell(), slots))
            table = [(0, 0)] * slots
            for hashed, position in entries:
                slot = (hashed >> 8) % slots
                while table[slot] != (0, 0):
                    slot = (slot + 1) % slots
                table[slot] = (hashed, position)
            dbfile.write(b"".join(starmap(HASH_SLOT.pack, table)))


# Whoosh's hash file (filetables), which the term table is; postings.py reads it in place.
HASH_RECORD_HEAD = struct.Struct("!ii")  # a record's key and value lengths, then them
HASH_SLOT = struct.Struct("!Iq")  # a hash table slot: the key's hash, where its record is


def _extend_index(index: GrowableArray, positions: list[int]) -> None:
    """``index.append`` for each position (ascending): the array widens as
    ``GrowableArray`` widens it, to the narrowest type that holds the last."""
    if not positions:
        return
    try:
        index.array.append(positions[-1])
    except OverflowError:
        index._retype(positions[-1])
    else:
        index.array.pop()
    index.array.extend(positions)


class BulkFieldWriter(whoosh3.W3FieldWriter):  # type: ignore[misc]
    """Whoosh's field writer, plus adding a term whose postings were written whole."""

    def __init__(self, codec: Any, storage: Any, segment: Any) -> None:
        self._codec = codec
        self._storage = storage
        self._segment = segment
        self._fieldname = None
        self._fieldid = None
        self._btext = None
        self._fieldobj = None
        self._format = None
        self._tindex = _CrcTermTable(self._create_file(whoosh3.W3Codec.TERMS_EXT))
        self._fieldmap: dict[str, int] = {}
        self._tindex.extras["fieldmap"] = self._fieldmap
        self._postfile = self._create_file(whoosh3.W3Codec.POSTS_EXT)
        self._postwriter = None
        self._infield = False
        self.is_closed = False

    def add_terms(self, btexts: Sequence[bytes], terminfos: Sequence[bytes]) -> None:
        """Add terms of the current field (ascending) with their term infos (as bytes)."""
        prefix = pack_ushort(self._fieldid)
        self._tindex.add_sorted([prefix + btext for btext in btexts], terminfos)


class InliningCodec(whoosh3.W3Codec):  # type: ignore[misc]
    """The default codec, but posting lists of up to ``inlinelimit`` documents live in the
    term table instead of a separate block: most bigrams occur in few documents."""

    def __init__(self, inlinelimit: int = 4) -> None:
        super().__init__(inlinelimit=inlinelimit)

    def postings_reader(
        self, dbfile: Any, terminfo: Any, format_: Any, term: Any = None, scorer: Any = None
    ) -> Any:
        """Inlined postings of a field without values (ID, KEYWORD) read back with ``b""``
        values: Whoosh's ListMatcher would give ``""``, which crashes segment merges."""
        if terminfo.is_inlined():
            ids, weights, values = terminfo.inlined_postings()
            if not values:
                return ListMatcher(
                    ids,
                    weights,
                    (b"",) * len(ids),
                    format_,
                    scorer=scorer,
                    term=term,
                    terminfo=terminfo,
                )
        return super().postings_reader(dbfile, terminfo, format_, term, scorer)

    def field_writer(self, storage: Any, segment: Any) -> BulkFieldWriter:
        return BulkFieldWriter(self, storage, segment)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> Any:
        return BulkPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )
