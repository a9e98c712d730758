"""The best hits of a query: our ranking code for the common shapes, Whoosh's for the rest."""

from __future__ import annotations

from typing import TYPE_CHECKING

from whoosh import query as wq
from whoosh.searching import Searcher

from index.search.plan import plan_query
from index.search.ranking import RankedPage, collector_paused, rank

if TYPE_CHECKING:
    from index.search.search_helper import SearchHelper

__all__ = ["RankedPage", "top_hits"]


def top_hits(
    searcher: Searcher,
    query: wq.Query,
    boosts: list[wq.Query],
    count: int,
    exact_total: bool = False,
    helper: SearchHelper | None = None,
) -> RankedPage:
    """The ``count`` best documents matching ``query``; each of ``boosts`` a document also
    matches adds its score. ``exact_total``: count every match (else the total of a broad
    query may be an estimate, ``total_is_exact`` False). ``helper``: a process that can
    rank half of the segments meanwhile (:mod:`index.search.search_helper`)."""
    count = max(1, count)
    plan = plan_query(query, boosts)
    if plan is not None:
        with collector_paused():
            if helper is not None:
                page = helper.rank(searcher, plan, query, boosts, count, exact_total)
            else:
                page = rank(searcher, plan, count, exact_total)
        if page is not None:
            return page
    return whoosh_top_hits(searcher, query, boosts, count, exact_total)


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
