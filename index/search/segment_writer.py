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

from collections.abc import Callable, Mapping
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

__all__ = ["BulkSegmentWriter", "FieldPostings", "MergePolicy"]

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

    def add_postings_to_pool(self, reader: Any, startdoc: int, docmap: Any) -> None:
        """Postings of a segment being merged into this one join the in-memory lists."""
        schema = self.schema
        for name, tbytes, docnum, weight, vbytes in self._process_posts(
            reader.iter_postings(), startdoc, docmap
        ):
            if isinstance(schema[name], BigramField):
                table = self._positional.setdefault(name, {})
                _add_positional(table, docnum, {tbytes.decode("utf-8"): vbytes})
            else:
                _add_generic(self._generic.setdefault(name, {}), tbytes, docnum, weight, vbytes)

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        lengths_reader = self.per_document_reader()
        try:
            self._write_postings(lengths_reader)
        finally:
            lengths_reader.close()
        self.fieldwriter.close()

    def _write_postings(self, lengths_reader: Any) -> None:
        fieldwriter = self.fieldwriter
        count = self.docnum
        for name in sorted(self._positional.keys() | self._generic.keys()):
            field = self.schema[name]
            lengths = [lengths_reader.doc_field_length(docnum, name, 0) for docnum in range(count)]
            fieldwriter.start_field(name, field)
            postings_writer: BulkPostingsWriter = fieldwriter._postwriter
            if name in self._positional:
                positional = self._positional[name]
                boost = float(field.format.field_boost)
                for term in sorted(positional):  # code point order is UTF-8 byte order
                    entry = positional[term]
                    values = entry[1::2]
                    weights = posting_weights(values, boost)
                    terminfo = postings_writer.write_postings(
                        field.format, entry[0::2], weights, values, lengths
                    )
                    fieldwriter.add_term(term.encode("utf-8"), terminfo)
            else:
                generic = self._generic[name]
                for tbytes in sorted(generic):
                    entry = generic[tbytes]
                    values = entry[2::3]
                    terminfo = postings_writer.write_postings(
                        field.format, entry[0::3], entry[1::3], values if values[0] else [], lengths
                    )
                    fieldwriter.add_term(tbytes, terminfo)
            fieldwriter.finish_field()
        self._positional.clear()
        self._generic.clear()


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
