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

import gc
import heapq
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import count as counter

from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from index.search.bm25 import Bm25
from index.search.candidates import Candidates, find_candidates, has_phrases
from index.search.plan import QueryPlan, score_by_rarest
from index.search.segment_search import SegmentSearch
from index.search.windows import Window, segment_windows

__all__ = ["RankedPage", "collector_paused", "rank"]

# Check phrases in one pass per window after this many checks, if most of them failed.
_BULK_AFTER = 32
# (-score, document number in the index, candidates number, index in them, stage): queued.
_Entry = tuple[float, int, int, int, int]


@dataclass(slots=True)
class RankedPage:
    """The best ``hits`` as (score, document number), best first, and the total."""

    total: int
    total_is_exact: bool
    hits: list[tuple[float, int]] = field(default_factory=list)


def rank(
    searcher: Searcher,
    plan: QueryPlan,
    count: int,
    exact_total: bool,
    leaves: Sequence[tuple[Searcher, int]] | None = None,
) -> RankedPage | None:
    """The ``count`` best hits of ``plan`` among the documents of ``leaves`` (some of the
    searcher's segment searchers with their document offsets; default all of them); None if
    the searcher does not score with BM25F."""
    if not isinstance(searcher.weighting, BM25F):
        return None
    bm25 = Bm25(searcher, searcher.weighting)
    plan = score_by_rarest(plan, bm25.doc_frequency)
    ranking = _Ranking(plan, defer=not exact_total)
    for leaf, offset in searcher.leaf_searchers() if leaves is None else leaves:
        segment = SegmentSearch(leaf.reader(), offset, bm25)
        ranking.add_windows(segment_windows(segment, plan, whole=exact_total))
    hits = ranking.best(count)
    if exact_total:
        ranking.open_all()
    return RankedPage(*ranking.total(len(hits), exact_total), hits)


@contextmanager
def collector_paused() -> Iterator[None]:
    """No garbage collection while a search runs (unless the program turned it off itself).

    A broad search decodes thousands of posting blocks, which live until it ends and make
    the collector run full passes over the whole program's objects in the middle of it
    (tens of milliseconds at 100k articles). The search makes no reference cycles: its
    objects are freed as it returns, and the collector resumes after.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Ranking:
    """Windows not opened yet (best bound first), and queued candidates (best score first).

    A queued entry's last field says how far it was checked: 0 not at all, 1 its deferred
    terms and exclusions, 2 everything (a sure hit at that score). The unchecked candidates
    of a window wait in its own order, best first, with only the next one queued: a broad
    query opens windows of thousands, and queuing each would make as many tuples for the
    garbage collector to count.
    """

    def __init__(self, plan: QueryPlan, defer: bool) -> None:
        self.plan = plan
        self.defer = defer
        self.phrase_order = plan.phrases()
        self.phrases = bool(self.phrase_order)
        self.unsure = self.phrases  # whether a candidate may fail a check
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
        self._open(heapq.heappop(self._windows)[2])

    def _open(self, window: Window) -> None:
        self.opened += window.size
        found = find_candidates(
            window.segment,
            self.plan,
            window.order,
            window.docs(),
            window.from_first,
            window.with_optional,
            self.defer,
        )
        if found is None:
            return
        self.found.append(found)
        self.candidates += len(found.docs)
        self.unsure = self.unsure or found.unsure
        self._queue_next(len(self.found) - 1)

    def _queue_next(self, number: int) -> None:
        """Queue the next best candidate of a window, if it has one left."""
        found = self.found[number]
        if found.cursor < len(found.order):
            index = found.order[found.cursor]
            entry = (-found.scores[index], found.segment.offset + found.docs[index], number, index)
            heapq.heappush(self.queue, (*entry, 0))

    def open_all(self) -> None:
        while self._windows:
            self._open_next()

    def best(self, count: int) -> list[tuple[float, int]]:
        """Take candidates best first, checking them, until ``count`` hits are sure: a
        candidate is taken only when no unopened window could beat it."""
        hits: list[tuple[float, int]] = []
        queue = self.queue
        while len(hits) < count:
            if not queue or -queue[0][0] < self._frontier():
                if not self._windows:
                    break
                self._open_next()
                continue
            negative, docnum, number, index, stage = heapq.heappop(queue)
            found = self.found[number]
            if stage == 0:
                found.cursor += 1
                self._queue_next(number)
            if stage == 0 and found.unsure:
                self._bulk_if_failing(found)
                refined = found.refine(index)
                if refined is None:
                    self.checked += 1
                    continue
                if refined < -negative:  # its deferred terms scored below their bounds
                    heapq.heappush(queue, (-refined, docnum, number, index, 1))
                    continue
            if stage < 2:
                lost = self._check(found, index)
                if lost is None:
                    continue
                if lost:
                    heapq.heappush(queue, (negative + lost, docnum, number, index, 2))
                    continue
            hits.append((-negative, docnum))
        return hits

    def _bulk_if_failing(self, found: Candidates) -> None:
        """Once most candidates fail (a phrase of two common characters: thousands of
        candidates, a handful of matches), check the rest of a window in one pass."""
        if self.checked >= _BULK_AFTER and self.passed * 4 < self.checked:
            found.check_all(self.phrase_order)

    def _check(self, found: Candidates, index: int) -> float | None:
        """None if the candidate fails a required phrase, else the score its optional
        phrases that do not match had added."""
        self.checked += 1
        if self.phrases:
            self._bulk_if_failing(found)
            if not has_phrases(found, self.phrase_order, index):
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
        if not self.unsure:
            if not self._windows:
                return self.candidates, True
            estimate = self.candidates * self.all_documents / max(self.opened, 1)
            return max(round(estimate), hits), False
        pending = [(e[2], e[3]) for e in self.queue if e[4] == 1] + [
            (number, index)
            for number, found in enumerate(self.found)
            for index in found.order[found.cursor :]
        ]
        if not self._windows and (exact or not pending):
            for number in {number for number, _ in pending}:
                self.found[number].check_all(self.phrase_order)
            return self.passed + sum(self._passes(*entry) for entry in pending), True
        estimate = self._matches_opened() * self.all_documents / max(self.opened, 1)
        return max(round(estimate), hits), False

    def _matches_opened(self) -> float:
        """How many candidates of the windows opened pass every check: counted where a
        window was checked whole, else estimated from the share that passed there (or,
        with none checked whole, among the candidates checked one by one, the best ones:
        a biased sample, but the only one)."""
        whole = [found for found in self.found if found.passing is not None]
        if whole:
            share = sum(len(f.passing or ()) for f in whole) / sum(len(f.docs) for f in whole)
        else:
            share = self.passed / max(self.checked, 1)
        total = 0.0
        for found in self.found:
            if found.passing is not None:
                total += len(found.passing)
            elif found.unsure or self.phrases:
                total += len(found.docs) * share
            else:
                total += len(found.docs)
        return total

    def _passes(self, number: int, index: int) -> bool:
        found = self.found[number]
        return found.docs[index] in found.check_all(self.phrase_order)
