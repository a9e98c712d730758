"""The search helper ranks half of the segments in another process: the same hits."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from index.search import search_helper
from index.search.engine import IndexDocument, SearchIndex
from index.search.query import parse_query
from index.search.ranking import RankedPage
from index.search.search_helper import merge_pages, split_leaves
from tests.helpers.search_corpus import corpus_articles, index_documents

ARTICLES = corpus_articles()
QUERIES = [
    "城市",
    "城市 交通",
    "發展 經濟 社區",
    "社区 -银行",
    "交通 date:2024-03..2024-11",
    '"城市交通"',
    "志願者 旅遊 outlet:人民日报 date:2023-06..2025-02",
    "济活 居民 科学技术",
]


def _index(folder: Any, parts: int = 3) -> SearchIndex:
    """The corpus in ``parts`` commits: as many segments (a fourth would merge them)."""
    index = SearchIndex(folder)
    documents = index_documents(ARTICLES)
    size = -(-len(documents) // parts)
    for start in range(0, len(documents), size):
        index.replace(documents[start : start + size])
    index.helper_min_docs = 0
    return index


@pytest.fixture
def index(tmp_path: Any) -> Iterator[SearchIndex]:
    search_index = _index(tmp_path / "index")
    yield search_index
    search_index.close()


def _search(index: SearchIndex, text: str, exact: bool = False) -> Any:
    page = index.search(parse_query(text, index.bigrams), limit=10, exact_total=exact)
    return [(hit.article_id, round(hit.score, 9)) for hit in page.hits], page.total


def _alone(index: SearchIndex, text: str, exact: bool = False) -> Any:
    helper, index._helper = index._helper, None
    try:
        return _search(index, text, exact)
    finally:
        index._helper = helper


def test_the_helper_ranks_half_and_the_hits_are_the_same(index: SearchIndex) -> None:
    assert len(index._searcher().leaf_searchers()) == 3
    index.start_search_helper()
    helper = index.search_helper
    assert helper is not None
    assert helper.wait_until_usable(30), "the helper did not open the index"
    for text in QUERIES:
        for exact in (False, True):
            hits, total = _search(index, text, exact)
            alone_hits, alone_total = _alone(index, text, exact)
            assert hits == alone_hits, text
            if exact:
                assert total == alone_total, text
    assert helper.answered == 2 * len(QUERIES)


def test_searching_starts_no_helper_and_a_small_index_gets_none(tmp_path: Any) -> None:
    """A one-off search (the command line) would only wait for the helper to exit."""
    index = _index(tmp_path / "index")
    try:
        _search(index, "城市")
        assert index.search_helper is None
        index.helper_min_docs = len(ARTICLES) + 1
        index.start_search_helper()
        assert index.search_helper is None
    finally:
        index.close()


def test_closing_a_helper_still_opening_the_index_does_not_wait(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_helper, "_one_thread", lambda: True)  # forked: patched too
    monkeypatch.setattr(search_helper, "_warm_up", lambda _: time.sleep(30))
    index = _index(tmp_path / "index")
    index.start_search_helper()
    helper = index.search_helper
    assert helper is not None
    started = time.monotonic()
    index.close()
    assert not helper._process.is_alive()
    assert time.monotonic() - started < search_helper._EXIT_SECONDS


def test_a_dead_helper_leaves_the_search_to_this_process(index: SearchIndex) -> None:
    index.start_search_helper()
    helper = index.search_helper
    assert helper is not None
    assert helper.wait_until_usable(30), "the helper did not open the index"
    expected = _alone(index, "城市 交通")
    helper._process.kill()
    helper._process.join(5)
    assert _search(index, "城市 交通") == expected
    assert not helper.usable
    assert _search(index, "城市 交通") == expected  # not asked again


def test_the_helper_follows_new_commits(index: SearchIndex) -> None:
    index.start_search_helper()
    helper = index.search_helper
    assert helper is not None
    assert helper.wait_until_usable(30), "the helper did not open the index"
    _, before = _search(index, "城市", exact=True)
    answered = helper.answered
    index.replace([IndexDocument(99_999, "新闻", "城市")])  # a segment of its own
    hits, total = _search(index, "城市", exact=True)
    assert total == before + 1
    assert (hits, total) == _alone(index, "城市", exact=True)
    assert helper.answered == answered + 1  # on the new generation of the index


def test_the_helper_starts_from_a_fork_server_when_threads_run(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A GUI has threads of its own, which a fork would copy mid-lock."""
    monkeypatch.setattr(search_helper, "_one_thread", lambda: False)
    index.start_search_helper()
    helper = index.search_helper
    assert helper is not None
    assert helper.wait_until_usable(30), "the helper did not open the index"
    assert _search(index, "發展 經濟 社區") == _alone(index, "發展 經濟 社區")
    assert helper.answered == 1


def test_closing_ends_the_helper(tmp_path: Any) -> None:
    index = _index(tmp_path / "index")
    index.start_search_helper()
    helper = index.search_helper
    assert helper is not None
    assert helper.wait_until_usable(30), "the helper did not open the index"
    index.close()
    assert not helper._process.is_alive()


class _Leaf:
    def __init__(self, size: int) -> None:
        self.size = size

    def doc_count_all(self) -> int:
        return self.size


def test_halves_hold_about_as_many_documents_in_index_order() -> None:
    sizes = [5000, 100, 4000, 900, 60, 40, 2500, 2400]
    leaves: Any = [(_Leaf(size), sum(sizes[:i])) for i, size in enumerate(sizes)]
    mine, theirs = split_leaves(leaves)
    assert sorted(mine + theirs, key=lambda leaf: leaf[1]) == leaves
    assert mine == sorted(mine, key=lambda leaf: leaf[1])
    assert theirs == sorted(theirs, key=lambda leaf: leaf[1])
    totals = [sum(leaf.size for leaf, _ in half) for half in (mine, theirs)]
    assert abs(totals[0] - totals[1]) <= 100


def test_merged_pages_rank_by_score_then_document() -> None:
    first = RankedPage(7, True, [(3.0, 10), (2.0, 12), (1.0, 14)])
    second = RankedPage(5, False, [(3.0, 2), (2.0, 30), (0.5, 31)])
    merged = merge_pages(first, second, 4)
    assert merged.hits == [(3.0, 2), (3.0, 10), (2.0, 12), (2.0, 30)]
    assert (merged.total, merged.total_is_exact) == (12, False)
