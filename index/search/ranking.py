"""Run a :class:`QueryPlan`: the top hits by BM25F, from posting blocks decoded as needed.

Each segment's documents come in windows (:mod:`index.search.windows`), each with a bound on
the scores inside it. Windows are opened best bound first: their candidates (documents with
every required term, :mod:`index.search.candidates`) are scored with Whoosh's BM25F and
queued. A queued candidate is taken once no unopened window could beat it; only then is it
checked that its required phrases' terms stand side by side (and its optional title phrases,
else it goes back with the lower score). So a broad query opens a few windows and checks a
few dozen documents, not thousands.

The total is exact when every window was opened and no phrase was left unchecked (always
with ``exact_total``); otherwise it is estimated from the windows opened and the share of
checked candidates that passed.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field
from itertools import count as counter

from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from index.search.bm25 import Bm25
from index.search.candidates import Candidates, find_candidates, has_phrases
from index.search.plan import QueryPlan, score_by_rarest
from index.search.segment_search import SegmentSearch
from index.search.windows import Window, segment_windows

__all__ = ["RankedPage", "rank"]

# Check phrases in one pass per window after this many checks, if most of them failed.
_BULK_AFTER = 32
# (-score, document number in the index, candidates number, index in them, sure): queued.
_Entry = tuple[float, int, int, int, bool]


@dataclass(slots=True)
class RankedPage:
    """The best ``hits`` as (score, document number), best first, and the total."""

    total: int
    total_is_exact: bool
    hits: list[tuple[float, int]] = field(default_factory=list)


def rank(searcher: Searcher, plan: QueryPlan, count: int, exact_total: bool) -> RankedPage | None:
    """The ``count`` best hits of ``plan``; None if the searcher does not score with BM25F."""
    if not isinstance(searcher.weighting, BM25F):
        return None
    bm25 = Bm25(searcher, searcher.weighting)
    plan = score_by_rarest(plan, searcher.doc_frequency)
    ranking = _Ranking(plan)
    for leaf, offset in searcher.leaf_searchers():
        ranking.add_windows(segment_windows(SegmentSearch(leaf.reader(), offset, bm25), plan))
    hits = ranking.best(count)
    if exact_total:
        ranking.open_all()
    return RankedPage(*ranking.total(len(hits), exact_total), hits)


class _Ranking:
    """Windows not opened yet (best bound first), and queued candidates (best score first)."""

    def __init__(self, plan: QueryPlan) -> None:
        self.plan = plan
        self.needs_check = any(clause.is_phrase for clause in plan.required)
        self._windows: list[tuple[float, int, Window]] = []
        self._order = counter()
        self.queue: list[_Entry] = []
        self.found: list[Candidates] = []
        self.candidates = 0  # in the windows opened
        self.opened = 0  # documents of the windows opened
        self.all_documents = 0  # documents of all windows
        self.checked = self.passed = 0

    def add_windows(self, windows: list[Window]) -> None:
        for window in windows:
            heapq.heappush(self._windows, (-window.bound, next(self._order), window))
            self.all_documents += window.size

    def _frontier(self) -> float:
        """The best score a document in an unopened window could have."""
        return -self._windows[0][0] if self._windows else -math.inf

    def _open_next(self) -> None:
        _, _, window = heapq.heappop(self._windows)
        self.opened += window.size
        found = find_candidates(
            window.segment,
            self.plan,
            window.order,
            window.docs(),
            window.from_first,
            window.with_optional,
        )
        if found is None:
            return
        number = len(self.found)
        self.found.append(found)
        self.candidates += len(found.docs)
        offset = found.segment.offset
        for i, (d, score) in enumerate(zip(found.docs, found.scores, strict=True)):
            heapq.heappush(self.queue, (-score, offset + d, number, i, False))

    def open_all(self) -> None:
        while self._windows:
            self._open_next()

    def best(self, count: int) -> list[tuple[float, int]]:
        """Take candidates best first, checking their phrases, until ``count`` hits are
        sure: a candidate is taken only when no unopened window could beat it."""
        hits: list[tuple[float, int]] = []
        queue = self.queue
        while len(hits) < count:
            if not queue or -queue[0][0] < self._frontier():
                if not self._windows:
                    break
                self._open_next()
                continue
            negative, docnum, number, index, sure = heapq.heappop(queue)
            if sure:
                hits.append((-negative, docnum))
                continue
            lost = self._check(self.found[number], index)
            if lost is None:
                continue
            if lost:
                heapq.heappush(queue, (negative + lost, docnum, number, index, True))
            else:
                hits.append((-negative, docnum))
        return hits

    def _check(self, found: Candidates, index: int) -> float | None:
        """None if the candidate fails a required phrase, else the score its optional
        phrases that do not match had added. Once most candidates fail (a phrase of two
        common characters: thousands of candidates, a handful of matches), the rest are
        checked in one pass per window."""
        if self.needs_check:
            self.checked += 1
            if self.checked >= _BULK_AFTER and self.passed * 4 < self.checked:
                found.check_all(self.plan)
            if not has_phrases(found, self.plan, index):
                return None
            self.passed += 1
        local = found.docs[index]
        return sum(
            extra[local]
            for clause, extra in found.optional
            if clause.is_phrase and local in extra and not found.segment.has_phrase(clause, local)
        )

    def total(self, hits: int, exact: bool) -> tuple[int, bool]:
        """The number of matches, and whether it is exact (``exact``: every window is open;
        check every candidate left)."""
        unchecked = [entry for entry in self.queue if not entry[4]]
        if not self._windows and not (self.needs_check and unchecked):
            return (self.passed if self.needs_check else self.candidates), True
        if exact:
            for number in {entry[2] for entry in unchecked}:
                self.found[number].check_all(self.plan)
            return self.passed + sum(self._passes(entry) for entry in unchecked), True
        share = self.passed / max(self.checked, 1) if self.needs_check else 1.0
        estimate = self.candidates * self.all_documents / max(self.opened, 1) * share
        return max(round(estimate), hits), False

    def _passes(self, entry: _Entry) -> bool:
        return has_phrases(self.found[entry[2]], self.plan, entry[3])
