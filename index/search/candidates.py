"""Candidate documents of a query plan in one segment, and their scores.

A candidate has every required term and matches no excluded clause; whether a required
phrase's terms stand side by side is left to :func:`has_phrases`, which the ranking calls
only for the candidates it is about to return.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from index.search.bm25 import deleted_docs
from index.search.plan import Clause, QueryPlan
from index.search.postings import TermPostings
from index.search.segment_search import SegmentSearch, term_weights

__all__ = [
    "Candidates",
    "driver",
    "find_candidates",
    "has_phrases",
    "optional_scores",
    "required_order",
    "start_documents",
]


@dataclass(slots=True)
class Candidates:
    """Some of a segment's candidates, their scores, and their optional clauses' scores (in
    the documents that have the clause's terms; its phrase is not checked yet)."""

    segment: SegmentSearch
    docs: list[int]
    scores: list[float] = field(default_factory=list)
    optional: list[tuple[Clause, dict[int, float]]] = field(default_factory=list)
    phrased: set[int] | None = None  # the documents that have every required phrase

    def check_all(self, plan: QueryPlan) -> set[int]:
        """The candidates that have every required phrase, found in one pass (cheaper than
        one by one once most candidates fail)."""
        if self.phrased is None:
            phrased = set(self.docs)
            for clause in plan.required:
                if clause.is_phrase:
                    phrased = self.segment.phrase_matches(clause, phrased)
            self.phrased = phrased
        return self.phrased


def required_order(segment: SegmentSearch, plan: QueryPlan) -> list[Clause] | None:
    """The required clauses, the one matching the fewest documents first; None if one
    matches nothing in this segment."""
    sizes = [segment.size(clause) for clause in plan.required]
    if min(sizes) == 0:
        return None
    order = sorted(range(len(sizes)), key=sizes.__getitem__)
    return [plan.required[i] for i in order]


def driver(segment: SegmentSearch, clause: Clause) -> TermPostings | None:
    """The rarest term of a term clause (its documents are where candidates start)."""
    if clause.expand is not None:
        return None
    return min(
        (p for _, p in segment.clause_postings(clause) if p is not None),
        key=lambda p: p.doc_frequency,
    )


def start_documents(segment: SegmentSearch, clause: Clause) -> list[int]:
    """Every document of the first clause: its rarest term's, or what it expands to."""
    postings = driver(segment, clause)
    if postings is None:
        return sorted(segment.expanded_scores(clause))
    return postings.ids()


def find_candidates(
    segment: SegmentSearch,
    plan: QueryPlan,
    order: list[Clause],
    docs: list[int],
    from_first: bool = True,
    with_optional: bool = True,
) -> Candidates | None:
    """The candidates among ``docs``, scored (``from_first``: ``docs`` all match the first
    clause of ``order``, which need not be checked; ``with_optional``: score the optional
    clauses, else none of them matches these documents)."""
    deleted = deleted_docs(segment.reader)
    if deleted:
        docs = [d for d in docs if d not in deleted]
    weights: list[tuple[str, str, dict[int, float]]] = []
    for clause in order:
        if clause.expand is not None:
            if clause is not order[0] or not from_first:
                matched = segment.expanded_scores(clause)
                docs = [d for d in docs if d in matched]
            continue
        by_frequency = sorted(
            segment.clause_postings(clause), key=lambda t: t[1].doc_frequency if t[1] else 0
        )
        for term, postings in by_frequency:
            assert postings is not None  # the clause's size was not 0
            having = term_weights(postings, docs)
            docs = [d for d in docs if d in having]
            weights.append((clause.fieldname, term, having))
    for clause in plan.excluded:
        docs = [d for d in docs if not segment.matches(clause, d)]
    if not docs:
        return None
    candidates = Candidates(segment, docs)
    _score(candidates, plan if with_optional else replace(plan, optional=[]), weights)
    return candidates


def _score(
    candidates: Candidates, plan: QueryPlan, weights: list[tuple[str, str, dict[int, float]]]
) -> None:
    """Each candidate's score: its required clauses, plus 1 per exclusion (as Whoosh counts
    a NOT), plus the optional clauses whose terms it has (their phrases not checked yet)."""
    segment, docs = candidates.segment, candidates.docs
    bm25, reader = segment.bm25, segment.reader
    scores = [float(len(plan.excluded))] * len(docs)
    for fieldname, term, having in weights:
        add = bm25.term_scores(reader, fieldname, term, having, docs)
        scores = [s + a for s, a in zip(scores, add, strict=True)]
    for clause in plan.required:
        if clause.expand is not None:
            matched = segment.expanded_scores(clause)
            scores = [s + matched[d] for s, d in zip(scores, docs, strict=True)]
    for clause in plan.optional:
        extra = optional_scores(segment, clause, docs)
        if extra:
            candidates.optional.append((clause, extra))
            scores = [s + extra.get(d, 0.0) for s, d in zip(scores, docs, strict=True)]
    candidates.scores = scores


def optional_scores(segment: SegmentSearch, clause: Clause, docs: list[int]) -> dict[int, float]:
    """The clause's score in each of ``docs`` that has all of its terms."""
    if clause.expand is not None:
        matched = segment.expanded_scores(clause)
        return {d: matched[d] for d in docs if d in matched}
    having = docs
    by_term: list[tuple[str, dict[int, float]]] = []
    for term, postings in segment.clause_postings(clause):
        if postings is None:
            return {}
        weights = term_weights(postings, having)
        having = [d for d in having if d in weights]
        by_term.append((term, weights))
    totals = [0.0] * len(having)
    for term, weights in by_term:
        add = segment.bm25.term_scores(segment.reader, clause.fieldname, term, weights, having)
        totals = [t + a for t, a in zip(totals, add, strict=True)]
    return dict(zip(having, totals, strict=True))


def has_phrases(candidates: Candidates, plan: QueryPlan, index: int) -> bool:
    """Whether candidate ``index`` has each required phrase's terms side by side."""
    docnum = candidates.docs[index]
    if candidates.phrased is not None:
        return docnum in candidates.phrased
    segment = candidates.segment
    return all(segment.has_phrase(c, docnum) for c in plan.required if c.is_phrase)
