"""Write a Whoosh segment from postings gathered in memory, without Whoosh's posting pool.

Whoosh's own writer sends every posting through a pool that pickles it to temporary runs,
sorts and merges them, then looks up each document's field length again while writing: ~10 µs
of Python per posting, most of an import's time. Here a document's postings arrive already
analyzed (term -> encoded positions, made in a worker process) and are appended to one list
per term; at commit the terms are sorted once and each posting list is written whole, block
by block, through Whoosh's own codec. The result is an ordinary Whoosh segment: locking,
deletions, stored fields, field lengths, merging and the table of contents stay Whoosh's.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator, Mapping
from itertools import groupby
from operator import itemgetter
from typing import Any

from whoosh.fields import UnknownFieldError
from whoosh.writing import SegmentWriter

from index.search.codec import (
    BigramField,
    BulkPostingsWriter,
    FieldPostings,
    one_position,
    posting_weights,
)
from index.search.postings import postings_of

__all__ = ["BulkSegmentWriter", "FieldPostings", "MergePolicy"]

# One term's postings from one source: ids (ascending), weights, values.
_Postings = tuple[list[int], list[float], list[Any]]

# (writer, existing segments) -> the segments to keep; it may add others to the writer.
MergePolicy = Callable[[Any, list[Any]], list[Any]]


class BulkSegmentWriter(SegmentWriter):  # type: ignore[misc]
    """A Whoosh ``SegmentWriter`` that keeps postings in memory and writes them whole.

    A bigram field holds, per term, one flat list ``[docnum, value, docnum, value, ...]``:
    the docnum is one int object per document and one-position values (most) are shared, so
    a posting costs two list slots. Other fields keep ``[docnum, weight, value, ...]``. A
    5,000-article segment holds ~5M postings in ~125 MB.
    """

    def __init__(self, ix: Any, codec: Any, timeout: float, mergetype: MergePolicy) -> None:
        super().__init__(ix, codec=codec, timeout=timeout)
        self.mergetype = mergetype
        self._positional: dict[str, dict[str, list[Any]]] = {}
        self._generic: dict[str, dict[bytes, list[Any]]] = {}
        # Segments merged into this one: (reader, first new document number, old -> new
        # numbers if it has deletions). Their postings are copied as the terms are written.
        self._merged: list[tuple[Any, int, dict[int, int] | None]] = []

    def add_document(self, **fields: Any) -> None:
        self.add_analyzed(fields, {})

    def add_analyzed(
        self, fields: Mapping[str, Any], analyzed: Mapping[str, FieldPostings]
    ) -> None:
        """Add a document; ``analyzed`` holds the postings of its bigram fields if they were
        made ahead (in a worker process), else they are made here."""
        self._check_state()
        schema = self.schema
        docnum = self.docnum
        perdoc = self.perdocwriter
        perdoc.start_doc(docnum)
        for name in sorted(fields):
            value = fields[name]
            if value is None or name.startswith("_"):
                continue
            if name not in schema:
                raise UnknownFieldError(f"No field named {name!r} in {schema}")
            field = schema[name]
            length = 0
            if isinstance(field, BigramField):
                postings = analyzed.get(name) or field.postings(value)
                length = postings.length
                table = self._positional.setdefault(name, {})
                _add_positional(table, docnum, postings.terms)
            elif field.indexed:
                generic = self._generic.setdefault(name, {})
                for tbytes, freq, weight, vbytes in field.index(value):
                    if field.scorable:
                        length += freq
                    _add_generic(generic, tbytes, docnum, weight, vbytes)
            perdoc.add_field(name, field, value if field.stored else None, length)
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def add_reader(self, reader: Any) -> None:
        """Merge a segment into this one. Whoosh adds up each document's field length as
        read back from its one-byte code, which shifts the average lengths BM25 scores with;
        a segment without deletions brings its exact totals instead."""
        totals = self.perdocwriter._fieldlengths
        before = dict(totals)
        super().add_reader(reader)
        if not reader.has_deletions():
            for name in reader.schema.scorable_names():
                totals[name] = before.get(name, 0) + reader.field_length(name)

    def add_postings_to_pool(
        self, reader: Any, startdoc: int, docmap: dict[int, int] | None
    ) -> None:
        """A segment being merged into this one: its postings are copied term by term as the
        segment is written (block by block, not one posting at a time through Whoosh's
        matchers, which cost about as much as indexing the documents again). The writer
        closes the reader once it is done with it."""
        self._merged.append((reader, startdoc, docmap))

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        lengths_reader = self.per_document_reader()
        try:
            self._write_postings(lengths_reader)
        finally:
            lengths_reader.close()
            self._close_merged()
        self.fieldwriter.close()

    def _finish(self) -> None:
        self._close_merged()  # a cancelled merge
        super()._finish()

    def _close_merged(self) -> None:
        for reader, _, _ in self._merged:
            reader.close()
        self._merged.clear()

    def _write_postings(self, lengths_reader: Any) -> None:
        fieldwriter = self.fieldwriter
        count = self.docnum
        names = self._positional.keys() | self._generic.keys()
        for reader, _, _ in self._merged:
            names |= {name for name in reader.indexed_field_names() if name in self.schema}
        for name in sorted(names):
            field = self.schema[name]
            lengths = [lengths_reader.doc_field_length(docnum, name, 0) for docnum in range(count)]
            fieldwriter.start_field(name, field)
            postings_writer: BulkPostingsWriter = fieldwriter._postwriter
            terms: list[bytes] = []
            postings = _keys_into(terms, self._field_postings(name, field))
            infos = postings_writer.write_terms(field.format, postings, lengths)
            fieldwriter.add_terms(terms, infos)
            fieldwriter.finish_field()
        self._positional.clear()
        self._generic.clear()

    def _field_postings(self, name: str, field: Any) -> Iterator[tuple[bytes, _Postings]]:
        """Each term of the field (in byte order) with its postings: the documents added to
        this writer first, then each merged segment's in the order they were added."""
        sources = [self._added_postings(name, field)]
        keeps_values = field.format.fixed_value_size() != 0
        for reader, start, docmap in self._merged:
            sources.append(_merged_postings(reader, name, start, docmap, keeps_values))
        if len(sources) == 1:
            yield from sources[0]
            return
        # heapq.merge keeps the sources' order for equal terms: document numbers ascend.
        for tbytes, group in groupby(heapq.merge(*sources, key=itemgetter(0)), itemgetter(0)):
            ids: list[int] = []
            weights: list[float] = []
            values: list[Any] = []
            for _, (more_ids, more_weights, more_values) in group:
                ids += more_ids
                weights += more_weights
                values += more_values
            if ids:
                yield tbytes, (ids, weights, values)

    def _added_postings(self, name: str, field: Any) -> Iterator[tuple[bytes, _Postings]]:
        """The postings of the documents added to this writer, term by term in byte order."""
        if name in self._positional:
            positional = self._positional[name]
            boost = float(field.format.field_boost)
            for term in sorted(positional):  # code point order is UTF-8 byte order
                entry = positional[term]
                values = entry[1::2]
                yield term.encode("utf-8"), (entry[0::2], posting_weights(values, boost), values)
        elif name in self._generic:
            generic = self._generic[name]
            for tbytes in sorted(generic):
                entry = generic[tbytes]
                values = entry[2::3]
                yield tbytes, (entry[0::3], entry[1::3], values if values[0] else [])


def _keys_into(keys: list[bytes], items: Iterator[tuple[bytes, _Postings]]) -> Iterator[_Postings]:
    """The postings of ``items``, each item's key appended to ``keys`` as it goes by."""
    append = keys.append
    for key, postings in items:
        append(key)
        yield postings


def _add_positional(table: dict[str, list[Any]], docnum: int, terms: Mapping[str, Any]) -> None:
    """The indexing hot loop: two list appends per posting. A lone position (an int) becomes
    its shared encoding, so most postings hold no bytes object of their own."""
    get = table.get
    one = one_position()
    for term, value in terms.items():
        if value.__class__ is int:
            value = one[value]
        entry = get(term)
        if entry is None:
            table[term] = [docnum, value]
        else:
            entry.append(docnum)
            entry.append(value)


def _add_generic(
    table: dict[bytes, list[Any]], tbytes: bytes, docnum: int, weight: float, vbytes: bytes | None
) -> None:
    entry = table.get(tbytes)
    if entry is None:
        table[tbytes] = [docnum, weight, vbytes or b""]
    else:
        entry += (docnum, weight, vbytes or b"")


def _merged_postings(
    reader: Any, name: str, start: int, docmap: dict[int, int] | None, keeps_values: bool
) -> Iterator[tuple[bytes, _Postings]]:
    """A merged segment's postings of field ``name``, term by term in byte order, numbered
    as in the new segment (``start`` + old number, or ``docmap``'s number; deleted documents
    are left out). Each block is decoded once and its values copied as they are."""
    terms = reader._terms
    for (fieldname, tbytes), terminfo in terms.items_from(name, b""):
        if fieldname != name:
            return
        postings = postings_of(reader, name, tbytes, terminfo)
        ids: list[int] = []
        weights: list[float] = []
        values: list[Any] = []
        for block in postings.blocks():
            if docmap is None:
                ids += [start + docnum for docnum in block.ids]
                weights += block.weights
                if keeps_values:
                    values += block.values
                continue
            for i, docnum in enumerate(block.ids):
                new = docmap.get(docnum)
                if new is not None:
                    ids.append(new)
                    weights.append(block.weights[i])
                    if keeps_values:
                        values.append(block.values[i])
        yield tbytes, (ids, weights, values)
