"""Windows of a segment's documents with an upper bound on their scores, for early stopping.

A broad query (one common word) has tens of thousands of candidates at 100k articles, but
only the best ten are shown. Each posting block's header holds its highest weight and its
shortest field length, which bound the score of any document in it. A window is one block of
the query's rarest term; its bound adds up, for every scored term, the highest bound among
that term's blocks overlapping the window. The ranking opens windows best bound first and
stops once it holds enough hits scoring at least the best bound still unopened, so most
blocks are never decoded.

The title boost would add the largest title score to every window's bound, as titles with
the word are spread over all of them. So the documents whose title has the query's terms
(title lists are short: read whole) get windows of their own, one per block, bounded by
their best exact title score plus the block's bound, and the block windows leave them out
and bound the body alone.

A query whose score cannot be bounded from headers (a prefix, which sums over many terms)
or whose rarest term has few blocks gets one window holding all of its documents.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Collection
from dataclasses import dataclass

from index.search.candidates import driver, optional_scores, required_order, start_documents
from index.search.plan import Clause, QueryPlan
from index.search.postings import TermPostings
from index.search.segment_search import SegmentSearch
from index.search.term_column import has_one_term, term_column

__all__ = ["Window", "segment_windows"]

# Below this many blocks in the rarest term, one window: bounds would save little.
_MIN_BLOCKS = 4
# Bounds and scores add the same numbers in another order; leave room for rounding.
_SLACK = 1e-9


@dataclass(slots=True)
class Window:
    """Documents none of which can score above ``bound``: the first clause's (of ``order``)
    in one block of its rarest term (``block``) but not in ``skip``, or all of them, or
    ``members``. ``size``: how many documents of the rarest term it stands for."""

    bound: float
    segment: SegmentSearch
    order: list[Clause]
    size: int
    postings: TermPostings | None = None
    block: int = -1
    members: list[int] | None = None
    skip: Collection[int] = ()
    with_optional: bool = True  # score the optional clauses (none match if False)
    from_first: bool = True  # its documents are known to match the first clause

    def docs(self) -> list[int]:
        """Its documents, ascending."""
        if self.members is not None:
            return self.members
        if self.postings is None:
            return start_documents(self.segment, self.order[0])
        ids = self.postings.block(self.block).ids
        return [d for d in ids if d not in self.skip] if self.skip else list(ids)


def segment_windows(segment: SegmentSearch, plan: QueryPlan, whole: bool = False) -> list[Window]:
    """The segment's windows (none if a required clause matches nothing here); ``whole``:
    one window (every match will be counted anyway)."""
    order = required_order(segment, plan)
    if order is None:
        return []
    lead = driver(segment, order[0])
    small = lead is None or lead.block_count < _MIN_BLOCKS
    if whole or small or not _bounded(segment, plan):
        return [Window(math.inf, segment, order, segment.size(order[0]))]
    assert lead is not None
    titled = _optional_matches(segment, plan)
    bounds = _bounds(segment, plan, lead)
    sizes = lead.block_counts()
    by_block: dict[int, list[int]] = {}
    for docnum in sorted(titled):
        block = bisect_left(lead.last_ids, docnum)
        if block < len(sizes) and bounds[block] > -math.inf:
            by_block.setdefault(block, []).append(docnum)
    windows: list[Window] = []
    for block, members in by_block.items():
        sizes[block] -= len(members)
        bound = (bounds[block] + max(titled[d] for d in members)) * (1 + _SLACK)
        windows.append(
            Window(bound, segment, order, len(members), members=members, from_first=False)
        )
    skip = titled.keys()
    windows += [
        Window(bound, segment, order, size, lead, block, skip=skip, with_optional=False)
        for block, (bound, size) in enumerate(zip(bounds, sizes, strict=True))
        if bound > -math.inf  # a required term has no document there: nothing can match
    ]
    return windows


def _bounded(segment: SegmentSearch, plan: QueryPlan) -> bool:
    """Whether every clause's score is bounded by block headers or constant."""
    return all(clause.expand is None for clause in plan.optional) and all(
        clause.expand is None or has_one_term(segment.reader, clause.fieldname)
        for clause in plan.required
    )


def _optional_matches(segment: SegmentSearch, plan: QueryPlan) -> dict[int, float]:
    """The documents with all terms of an optional clause, and those clauses' scores (their
    phrases taken as matching)."""
    found: dict[int, float] = {}
    for clause in plan.optional:
        postings = [p for _, p in segment.clause_postings(clause)]
        if not postings or any(p is None for p in postings):
            continue
        rarest = min((p for p in postings if p is not None), key=lambda p: p.doc_frequency)
        for docnum, score in optional_scores(segment, clause, rarest.ids()).items():
            found[docnum] = found.get(docnum, 0.0) + score
    return found


def _bounds(segment: SegmentSearch, plan: QueryPlan, lead: TermPostings) -> list[float]:
    """Each block window's bound without optional clauses: required terms (-inf where one
    has no block there: nothing can match), exclusions and ranges (constant)."""
    edges = lead.last_ids
    constant = float(len(plan.excluded)) + sum(
        term_column(segment.reader, clause.fieldname).weight
        for clause in plan.required
        if clause.expand is not None
    )
    bounds = [constant] * len(edges)
    for clause in plan.required:
        for term_bounds in _term_bounds(segment, clause, edges):
            bounds = [b + t for b, t in zip(bounds, term_bounds, strict=True)]
    return [b + abs(b) * _SLACK if b > -math.inf else b for b in bounds]  # -inf + inf: NaN


def _term_bounds(segment: SegmentSearch, clause: Clause, edges: list[int]) -> list[list[float]]:
    """For each scoring term of a term clause, its highest block bound over each window
    (-inf where it has no block)."""
    if clause.expand is not None:
        return []
    found = []
    for term, postings in segment.clause_postings(clause):
        if postings is None:
            found.append([-math.inf] * len(edges))
            continue
        block_bounds = segment.bm25.block_bounds(clause.fieldname, term, postings.block_maxima())
        found.append(_window_maxima(postings.last_ids, block_bounds, edges))
    return found


def _window_maxima(last_ids: list[int], values: list[float], edges: list[int]) -> list[float]:
    """The highest of ``values`` (one per block ending at ``last_ids``) over the blocks that
    may hold documents of each window (the windows end at ``edges``)."""
    maxima = []
    low = 0
    for high in edges:
        first = bisect_left(last_ids, low)
        last = min(bisect_left(last_ids, high), len(last_ids) - 1)
        maxima.append(max(values[first : last + 1]) if first < len(last_ids) else -math.inf)
        low = high + 1
    return maxima
