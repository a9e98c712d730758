"""Whoosh storage tuned for bigram postings: compact positions and working posting inlining."""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from typing import Any

from whoosh.codec import whoosh3
from whoosh.fields import TEXT
from whoosh.formats import Positions
from whoosh.matching import ListMatcher

from index.search.analyzer import BigramAnalyzer, index_terms
from index.search.vocabulary import registered_vocabulary

__all__ = ["BigramField", "CompactPositions", "InliningCodec", "encode_positions"]

_SHORT = b"H"
_LONG = b"I"


def encode_positions(positions: list[int]) -> bytes:
    """Positions as a typecode byte plus a native array: 2 bytes each below 65536."""
    if positions[-1] < 0x10000:
        return _SHORT + array("H", positions).tobytes()
    return _LONG + array("I", positions).tobytes()


def _decode(value: bytes) -> array[int]:
    return array(chr(value[0]), value[1:])


class CompactPositions(Positions):  # type: ignore[misc]
    """Whoosh's Positions format with a smaller, faster encoding (no pickle per posting)."""

    def encode(self, poslist: list[int]) -> bytes:
        return encode_positions(poslist)

    def decode_positions(self, valuestring: bytes) -> list[int]:
        return list(_decode(valuestring))

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

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> Any:
        return _InliningPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )
