"""One index segment during one search: its terms' postings (each opened once), what a
clause of the plan matches there, and phrase checks from stored positions."""

from __future__ import annotations

from collections.abc import Callable, Collection, Container, Mapping, Sequence
from typing import Any

from whoosh import query as wq

from index.search.bm25 import Bm25, deleted_docs
from index.search.codec import CompactPositions, decode_positions
from index.search.plan import Clause
from index.search.postings import TermPostings, open_postings
from index.search.term_column import ColumnMatches, has_one_term, term_column

__all__ = ["SegmentSearch"]


class SegmentSearch:
    """A segment reader and its document number ``offset`` in the whole index."""

    def __init__(self, reader: Any, offset: int, bm25: Bm25) -> None:
        self.reader = reader
        self.offset = offset
        self.bm25 = bm25
        self.deleted = deleted_docs(reader)
        self._postings: dict[tuple[str, str], TermPostings | None] = {}
        self._by_frequency: dict[int, list[tuple[str, TermPostings | None]]] = {}
        self._expansions: dict[Clause, list[tuple[str, TermPostings]]] = {}
        self._expanded_scores: dict[Clause, Mapping[int, float]] = {}

    def postings(self, fieldname: str, text: str) -> TermPostings | None:
        key = (fieldname, text)
        if key not in self._postings:
            self._postings[key] = open_postings(self.reader, fieldname, text)
        return self._postings[key]

    def clause_postings(self, clause: Clause) -> list[tuple[str, TermPostings | None]]:
        """Each scoring term of a term clause, or each term an expanding clause has here."""
        if clause.expand is None:
            terms = clause.scoring_terms
            return [(term, self.postings(clause.fieldname, term)) for term in terms]
        return list(self._expansion(clause))

    def by_frequency(self, clause: Clause) -> list[tuple[str, TermPostings | None]]:
        """The scoring terms of a term clause, rarest first (absent ones first of all)."""
        key = id(clause)  # the plan holds its clauses while the search runs
        found = self._by_frequency.get(key)
        if found is None:
            found = self._by_frequency[key] = sorted(
                self.clause_postings(clause), key=lambda t: t[1].doc_frequency if t[1] else 0
            )
        return found

    def _expanded_texts(self, clause: Clause) -> list[str]:
        assert clause.expand is not None
        return [
            raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
            for _, raw in clause.expand.expanded_terms(self.reader)
        ]

    def _expansion(self, clause: Clause) -> list[tuple[str, TermPostings]]:
        if clause not in self._expansions:
            found = []
            for text in self._expanded_texts(clause):
                postings = self.postings(clause.fieldname, text)
                if postings is not None:
                    found.append((text, postings))
            self._expansions[clause] = found
        return self._expansions[clause]

    def is_column(self, clause: Clause) -> bool:
        """Whether the clause is matched in a column (:mod:`index.search.term_column`)."""
        return clause.expand is not None and has_one_term(self.reader, clause.fieldname)

    def size(self, clause: Clause) -> int:
        """At most how many documents match ``clause`` here (0: none)."""
        if clause.expand is not None and has_one_term(self.reader, clause.fieldname):
            return len(self.expanded_scores(clause))
        found = [postings for _, postings in self.clause_postings(clause)]
        if clause.expand is not None:
            return sum(p.doc_frequency for p in found if p is not None)
        if not found or any(p is None for p in found):
            return 0
        return min(p.doc_frequency for p in found if p is not None)

    def expanded_scores(self, clause: Clause) -> Mapping[int, float]:
        """Every document an expanding clause (prefix, range) matches, with its score: the
        sum of the scores of the terms it has, as Whoosh scores such a query."""
        query = clause.expand
        assert query is not None
        if clause not in self._expanded_scores and has_one_term(self.reader, clause.fieldname):
            column = term_column(self.reader, clause.fieldname)
            if isinstance(query, wq.TermRange):
                ranks: Container[int] = column.ranks_in(query)
            else:
                ranks = column.ranks_of(raw for _, raw in query.expanded_terms(self.reader))
            self._expanded_scores[clause] = ColumnMatches(column, ranks)
        if clause not in self._expanded_scores:
            totals: dict[int, float] = {}
            for text, postings in self._expansion(clause):
                blocks = ((block.ids, block.weights) for block in postings.blocks())
                self.bm25.add_posting_scores(totals, self.reader, clause.fieldname, text, blocks)
            self._expanded_scores[clause] = totals
        return self._expanded_scores[clause]

    def matches(self, clause: Clause, docnum: int) -> bool:
        """Whether the document matches the clause (phrase positions included)."""
        if clause.expand is not None:
            return docnum in self.expanded_scores(clause)
        for term in clause.terms:
            postings = self.postings(clause.fieldname, term)
            if postings is None or postings.find(docnum) is None:
                return False
        return not clause.is_phrase or self.has_phrase(clause, docnum)

    def has_phrase(self, clause: Clause, docnum: int) -> bool:
        """Whether the clause's terms, all in the document, stand at consecutive positions."""
        starts: set[int] = set()
        for offset, term in enumerate(clause.terms):
            shifted = {p - offset for p in self._positions(clause.fieldname, term, docnum)}
            starts = shifted if offset == 0 else starts & shifted
            if not starts:
                return False
        return True

    def phrase_matches(self, clause: Clause, docs: Collection[int]) -> set[int]:
        """The documents among ``docs`` whose clause terms stand at consecutive positions.

        Every position of a term becomes a key (document << 32) + (position - the term's
        offset in the phrase); the phrase starts where all terms share a key. Set
        operations over all documents at once cost far less than checking them one by one.
        """
        wanted = sorted(docs)
        decode = _positions_decoder(self.reader.schema[clause.fieldname].format)
        starts: set[int] = set()
        for offset, term in enumerate(clause.terms):
            postings = self.postings(clause.fieldname, term)
            if postings is None or not wanted:
                return set()
            values = postings.value_table(wanted)
            keys: set[int] = set()
            for docnum in wanted:
                value = values.get(docnum)
                if value is not None:
                    positions = decode(value)
                    if offset and min(positions) < offset:  # it cannot start before 0
                        positions = [p for p in positions if p >= offset]
                    keys.update(map(((docnum << 32) - offset).__add__, positions))
            starts = keys if offset == 0 else starts & keys
            wanted = sorted({key >> 32 for key in starts})
        return set(wanted)

    def _positions(self, fieldname: str, text: str, docnum: int) -> Sequence[int]:
        postings = self.postings(fieldname, text)
        found = postings.find(docnum, values=True) if postings is not None else None
        if found is None:
            return ()
        block, slot = found
        positions: Sequence[int] = self.reader.schema[fieldname].format.decode_positions(
            block.values[slot]
        )
        return positions


def _positions_decoder(format_: Any) -> Callable[[bytes], Sequence[int]]:
    """The field format's decoder of a posting's positions (ours: straight to an array)."""
    if isinstance(format_, CompactPositions):
        return decode_positions
    decode: Callable[[bytes], Sequence[int]] = format_.decode_positions
    return decode
