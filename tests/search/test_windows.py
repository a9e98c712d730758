"""Windows of a segment whose documents cannot all have the query's words."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.search.bm25 import Bm25
from index.search.engine import IndexDocument, SearchIndex
from index.search.plan import plan_query, score_by_rarest
from index.search.query import parse_query, text_query
from index.search.segment_search import SegmentSearch
from index.search.top_hits import top_hits, whoosh_top_hits
from index.search.windows import segment_windows

# 交通 in every other article (600: five blocks of 128, spread over all 1,200), 城市 in
# the first 700 only: the last blocks of 交通 lie past every article with 城市.
ARTICLE_COUNT = 1200
WORD_BEFORE = 700


def _document(number: int) -> IndexDocument:
    words = []
    if number % 2 == 0:
        words += ["交通"] * (1 + number % 7)
    if number < WORD_BEFORE:
        words += ["城市"] * (1 + number % 5)
    words += ["居民"] * (1 + number % 3)
    return IndexDocument(number + 1, f"报道{number}", " ".join(words))


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    search_index = SearchIndex(Path(tmp_path_factory.mktemp("windows")) / "index")
    search_index.replace(_document(number) for number in range(ARTICLE_COUNT))
    yield search_index
    search_index.close()


def test_a_window_where_a_word_has_no_document_is_left_out(index: SearchIndex) -> None:
    """Its bound was -inf plus slack, NaN, which broke the order of the windows' heap."""
    searcher = index._searcher()
    parsed = parse_query("城市 交通", index.bigrams)
    plan = plan_query(parsed.query, [text_query("title", terms) for terms in parsed.terms])
    assert plan is not None
    plan = score_by_rarest(plan, searcher.doc_frequency)
    bm25 = Bm25(searcher, searcher.weighting)
    ((leaf, offset),) = searcher.leaf_searchers()
    windows = segment_windows(SegmentSearch(leaf.reader(), offset, bm25), plan)
    assert len(windows) == 3  # 交通's blocks 0-2; blocks 3 and 4 start after article 700
    assert all(not math.isnan(window.bound) and window.bound > 0 for window in windows)


@pytest.mark.parametrize("count", [1, 5, 10, 40])
def test_the_best_hits_are_whooshs(index: SearchIndex, count: int) -> None:
    searcher = index._searcher()
    parsed = parse_query("城市 交通", index.bigrams)
    boosts = [text_query("title", terms) for terms in parsed.terms]
    ours = top_hits(searcher, parsed.query, boosts, count)
    theirs = whoosh_top_hits(searcher, parsed.query, boosts, count)
    assert [(round(s, 9), d) for s, d in ours.hits] == [(round(s, 9), d) for s, d in theirs.hits]
    assert ours.total == WORD_BEFORE // 2
