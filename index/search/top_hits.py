"""The best hits of a query: our ranking code for the common shapes, Whoosh's for the rest."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from whoosh import query as wq
from whoosh.searching import Searcher

from index.search.plan import plan_query
from index.search.ranking import RankedPage, rank

__all__ = ["RankedPage", "top_hits"]


def top_hits(
    searcher: Searcher,
    query: wq.Query,
    boosts: list[wq.Query],
    count: int,
    exact_total: bool = False,
) -> RankedPage:
    """The ``count`` best documents matching ``query``; each of ``boosts`` a document also
    matches adds its score. ``exact_total``: count every match (else the total of a broad
    query may be an estimate, ``total_is_exact`` False)."""
    count = max(1, count)
    plan = plan_query(query, boosts)
    if plan is not None:
        with _collector_paused():
            page = rank(searcher, plan, count, exact_total)
        if page is not None:
            return page
    return whoosh_top_hits(searcher, query, boosts, count, exact_total)


@contextmanager
def _collector_paused() -> Iterator[None]:
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


def whoosh_top_hits(
    searcher: Searcher,
    query: wq.Query,
    boosts: list[wq.Query],
    count: int,
    exact_total: bool = False,
) -> RankedPage:
    """The same through Whoosh's searcher (any query shape).

    Whoosh's own count can miss matches its block-skipping passed over (seen with a NOT
    under the title boost), so an exact total is counted apart, without scores.
    """
    boosted = wq.AndMaybe(query, wq.Or(boosts)) if boosts else query
    results = searcher.search(boosted, limit=count)
    hits = [(float(score), int(docnum)) for score, docnum in results.top_n]
    if exact_total:
        return RankedPage(sum(1 for _ in searcher.docs_for_query(query)), True, hits)
    if results.has_exact_length():
        return RankedPage(len(results), True, hits)
    return RankedPage(max(results.estimated_length(), len(hits)), False, hits)
