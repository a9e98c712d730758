"""Candidate documents of a query plan in one segment, and their scores.

A candidate has the required terms looked up so far and scores its exact score plus, for
each term left for later, the highest score that term could add (its block's bound, from the
block header). Common words of a query (这样, 成为) fill hundreds of blocks at 100k
articles; looking each candidate up in them would decode nearly all of those blocks, so
once the candidates are many, such a term is deferred: :meth:`Candidates.refine` looks it up
(and checks the exclusions) only for a candidate the ranking is about to take. Whether a
required phrase's terms stand side by side is left to :func:`has_phrases` in the same way.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, field

from index.search.plan import Clause, QueryPlan
from index.search.postings import TermPostings
from index.search.segment_search import SegmentSearch
from index.search.term_column import ColumnMatches

__all__ = [
    "Candidates",
    "Deferred",
    "driver",
    "find_candidates",
    "has_phrases",
    "optional_scores",
    "required_order",
    "start_documents",
]

# Defer a term once looking the candidates up would decode more of its blocks than this.
_DEFER_ABOVE = 32


@dataclass(slots=True)
class Deferred:
    """A required term not looked up yet, and the most it can add to each candidate."""

    fieldname: str
    term: str
    postings: TermPostings
    bounds: list[float]  # by candidate


@dataclass(slots=True)
class Candidates:
    """Some of a segment's candidates, their scores (exact but for the deferred terms'
    bounds), and their optional clauses' scores (in the documents that have the clause's
    terms; its phrase is not checked yet)."""

    segment: SegmentSearch
    docs: list[int]
    scores: list[float] = field(default_factory=list)
    optional: list[tuple[Clause, dict[int, float]]] = field(default_factory=list)
    deferred: list[Deferred] = field(default_factory=list)
    excluded: list[Clause] = field(default_factory=list)  # exclusions not checked yet
    passing: set[int] | None = None  # after check_all: the documents that pass every check
    order: list[int] = field(default_factory=list)  # indexes, best score first
    cursor: int = 0  # in ``order``: the candidates before it were taken

    @property
    def unsure(self) -> bool:
        """Whether candidates may still fail a deferred term or exclusion."""
        return bool(self.deferred or self.excluded)

    def refine(self, index: int) -> float | None:
        """Candidate ``index``'s exact score, its deferred terms looked up and exclusions
        checked; None if it lacks a term or matches an exclusion."""
        docnum = self.docs[index]
        if self.passing is not None and docnum not in self.passing:
            return None
        if any(self.segment.matches(clause, docnum) for clause in self.excluded):
            return None
        score = self.scores[index]
        for deferred in self.deferred:
            found = deferred.postings.find(docnum)
            if found is None:
                return None
            weight = {docnum: found[0].weights[found[1]]}
            exact = self.segment.bm25.term_scores(
                self.segment.reader, deferred.fieldname, deferred.term, weight, [docnum]
            )
            score += exact[0] - deferred.bounds[index]
        return score

    def check_all(self, phrases: list[Clause]) -> set[int]:
        """The candidates that pass every check (deferred terms, exclusions, required
        phrases), found in one pass: cheaper than one by one once most fail."""
        if self.passing is None:
            docs = self.docs
            for deferred in self.deferred:
                docs = deferred.postings.having(docs)
            for clause in self.excluded:
                docs = [d for d in docs if not self.segment.matches(clause, d)]
            passing = set(docs)
            for clause in phrases:
                if passing:
                    passing = self.segment.phrase_matches(clause, passing)
            self.passing = passing
            # The ranking need not take the others one by one: the next is queued already.
            rest = self.cursor + 1
            every = self.docs
            self.order[rest:] = [i for i in self.order[rest:] if every[i] in passing]
        return self.passing


def required_order(segment: SegmentSearch, plan: QueryPlan) -> list[Clause] | None:
    """The required clauses, the one matching the fewest documents first; None if one
    matches nothing in this segment.

    A range of a one-term field (``date:``) is checked in a column, with no block to
    decode, so it comes right after the first clause, before any term is looked up. It
    leads only if it matches fewer documents than the rarest term has blocks: else the
    rarest term's windows (:mod:`index.search.windows`) can stop early, the range keeping
    their documents as they open.
    """
    sizes = {id(clause): segment.size(clause) for clause in plan.required}
    if min(sizes.values()) == 0:
        return None
    order = sorted(plan.required, key=lambda clause: sizes[id(clause)])
    columns = [clause for clause in order if segment.is_column(clause)]
    others = [clause for clause in order if not segment.is_column(clause)]
    if not columns or not others:
        return order
    lead = driver(segment, others[0])
    if lead is not None and sizes[id(columns[0])] >= lead.block_count:
        return [others[0], *columns, *others[1:]]
    return columns + others


def driver(segment: SegmentSearch, clause: Clause) -> TermPostings | None:
    """The rarest term of a term clause (its documents are where candidates start)."""
    if clause.expand is not None:
        return None
    return segment.by_frequency(clause)[0][1]


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
    defer: bool = True,
) -> Candidates | None:
    """The candidates among ``docs`` (ascending), scored. ``from_first``: ``docs`` all match
    the first clause of ``order``, which need not be checked; ``with_optional``: score the
    optional clauses, else none of them matches these documents; ``defer``: leave common
    terms and exclusions to :meth:`Candidates.refine`."""
    deleted = segment.deleted
    if deleted:
        docs = [d for d in docs if d not in deleted]
    weights: list[tuple[str, str, dict[int, float]]] = []
    later: list[tuple[str, str, TermPostings]] = []
    lead = driver(segment, order[0]) if from_first else None  # ``docs`` all have it
    for clause in order:
        if clause.expand is not None:
            if clause is not order[0] or not from_first:
                docs = _matching(segment.expanded_scores(clause), docs)
            continue
        for term, postings in segment.by_frequency(clause):
            assert postings is not None  # the clause's size was not 0
            if defer and weights and _costly(postings, docs):
                later.append((clause.fieldname, term, postings))
                continue
            if postings is lead:
                postings.table(docs)
            else:
                docs = postings.having(docs)
            weights.append((clause.fieldname, term, postings.weights))
    excluded = plan.excluded
    if not (defer and len(docs) > _DEFER_ABOVE):
        for clause in excluded:
            docs = [d for d in docs if not segment.matches(clause, d)]
        excluded = []
    if not docs:
        return None
    candidates = Candidates(segment, docs, excluded=list(excluded))
    candidates.deferred = [_deferred(segment, docs, *term) for term in later]
    _score(candidates, plan, plan.optional if with_optional else [], weights)
    return candidates


def _matching(matched: Mapping[int, float], docs: list[int]) -> list[int]:
    if isinstance(matched, ColumnMatches):
        return matched.keep(docs)
    return [d for d in docs if d in matched]


def _costly(postings: TermPostings, docs: list[int]) -> bool:
    """Whether looking ``docs`` up would decode more than a few of the term's blocks."""
    if len(docs) <= _DEFER_ABOVE:
        return False
    span = len(postings.blocks_between(docs[0], docs[-1]))
    return span > _DEFER_ABOVE and len(postings.blocks_holding(docs)) > _DEFER_ABOVE


def _deferred(
    segment: SegmentSearch, docs: list[int], fieldname: str, term: str, postings: TermPostings
) -> Deferred:
    block_bounds = segment.bm25.block_bounds(fieldname, term, postings.block_maxima())
    last_ids = postings.last_ids
    bounds = []
    for d in docs:
        block = bisect_left(last_ids, d)
        bounds.append(block_bounds[block] if block < len(block_bounds) else 0.0)
    return Deferred(fieldname, term, postings, bounds)


def _score(
    candidates: Candidates,
    plan: QueryPlan,
    optional: list[Clause],
    weights: list[tuple[str, str, dict[int, float]]],
) -> None:
    """Each candidate's score: its required clauses (deferred terms at their bound), plus 1
    per exclusion (as Whoosh counts a NOT), plus the ``optional`` clauses whose terms it has
    (their phrases not checked yet)."""
    segment, docs = candidates.segment, candidates.docs
    bm25, reader = segment.bm25, segment.reader
    scores = [float(len(plan.excluded))] * len(docs)
    for fieldname, term, having in weights:
        add = bm25.term_scores(reader, fieldname, term, having, docs)
        scores = [s + a for s, a in zip(scores, add, strict=True)]
    for deferred in candidates.deferred:
        scores = [s + b for s, b in zip(scores, deferred.bounds, strict=True)]
    for clause in plan.required:
        if clause.expand is not None:
            matched = segment.expanded_scores(clause)
            if isinstance(matched, ColumnMatches):  # one weight for every match
                weight = matched.weight
                scores = [s + weight for s in scores]
            else:
                scores = [s + matched[d] for s, d in zip(scores, docs, strict=True)]
    for clause in optional:
        extra = optional_scores(segment, clause, docs)
        if extra:
            candidates.optional.append((clause, extra))
            scores = [s + extra.get(d, 0.0) for s, d in zip(scores, docs, strict=True)]
    candidates.scores = scores
    # Best first; equal scores keep the order of their documents (Whoosh's order).
    candidates.order = sorted(range(len(docs)), key=scores.__getitem__, reverse=True)


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
        having = postings.having(having)
        by_term.append((term, postings.weights))
    totals = [0.0] * len(having)
    for term, weights in by_term:
        add = segment.bm25.term_scores(segment.reader, clause.fieldname, term, weights, having)
        totals = [t + a for t, a in zip(totals, add, strict=True)]
    return dict(zip(having, totals, strict=True))


def has_phrases(candidates: Candidates, phrases: list[Clause], index: int) -> bool:
    """Whether candidate ``index`` has each of ``phrases``' terms side by side."""
    docnum = candidates.docs[index]
    if candidates.passing is not None:
        return docnum in candidates.passing
    segment = candidates.segment
    return all(segment.has_phrase(clause, docnum) for clause in phrases)
