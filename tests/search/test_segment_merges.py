"""Merging segments copies their postings block by block; the index finds and scores the
same after it, small commits (tiered merges) and an optimize into one segment alike."""

from __future__ import annotations

from pathlib import Path

from index.search.engine import IndexDocument, SearchIndex
from index.search.query import parse_query, text_query
from index.search.top_hits import top_hits, whoosh_top_hits
from tests.helpers.search_corpus import corpus_articles, index_documents

QUERIES = [
    "城市",
    "城市 交通",
    "驾驶员 -学校",
    "济活 居民",
    "全国人民代表大会",
    "城",
    "交通 date:2024-03..2024-11",
    "date:2025",
    "医院 title:历史",
    "农业 tag:经济日报",
    "发展 outlet:人民日报",
]
WORDS = ["城市", "城市 交通", "社区 -银行", "交通 date:2024-03..2024-11", "农业 tag:经济日报"]


def test_thirty_small_commits_merge_and_stay_searchable(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "index")
    try:
        for number in range(30):  # a tag edit or a one-file import each commits a segment
            index.replace([IndexDocument(number, f"標題{number}", "正文內容", tags=("剪報",))])
        assert index.doc_count() == 30
        assert len(index._index._segments()) < 10
        assert index.search(parse_query("tag:剪報", index.bigrams), limit=50).total == 30
        found = index.search(parse_query("正文內容", index.bigrams), limit=50).hits
        assert sorted(hit.article_id for hit in found) == list(range(30))
    finally:
        index.close()


def results(index: SearchIndex) -> dict[str, tuple[int, list[tuple[int, float]]]]:
    found = {}
    for text in QUERIES:
        page = index.search(parse_query(text, index.bigrams), limit=2000, exact_total=True)
        found[text] = (page.total, [(hit.article_id, round(hit.score, 9)) for hit in page.hits])
    return found


def three_segments(index: SearchIndex, documents: list[IndexDocument]) -> None:
    third = len(documents) // 3
    index.replace(documents[:third])
    index.replace(documents[third : 2 * third])
    index.replace(documents[2 * third :])
    assert len(index._index._segments()) == 3


def test_optimize_merges_every_segment_and_finds_and_scores_the_same(tmp_path: Path) -> None:
    documents = index_documents(corpus_articles())
    index = SearchIndex(tmp_path / "index")
    try:
        three_segments(index, documents)
        before = results(index)
        assert before["城市"][0] > 0 and before["济活 居民"][0] > 0

        index.optimize()

        segments = index._index._segments()
        assert len(segments) == 1
        assert index.doc_count() == len(documents)
        assert results(index) == before
        index.optimize()  # one segment, no deletions: nothing to do
        assert index._index._segments()[0].segment_id() == segments[0].segment_id()
    finally:
        index.close()


def test_optimize_drops_deleted_documents(tmp_path: Path) -> None:
    """Replaced articles leave deleted documents, which a merge leaves out: the matches are
    the same, the scores move with the statistics (as after Whoosh's own merge) and are
    still Whoosh's."""
    documents = index_documents(corpus_articles())
    replaced = documents[::50]
    index = SearchIndex(tmp_path / "index")
    try:
        three_segments(index, documents)
        index.replace(IndexDocument(d.article_id, "新标题", "旧闻稿件") for d in replaced)
        before = results(index)

        index.optimize()

        (segment,) = index._index._segments()
        assert not segment.has_deletions()
        assert segment.doc_count_all() == len(documents)
        after = results(index)
        for text in QUERIES:
            assert after[text][0] == before[text][0]
            assert {d for d, _ in after[text][1]} == {d for d, _ in before[text][1]}
        found = index.search(parse_query("旧闻稿件", index.bigrams), limit=100).hits
        assert {hit.article_id for hit in found} == {d.article_id for d in replaced}
        searcher = index._searcher()
        for text in WORDS:  # phrases score by their rarest term: Whoosh adds all of them up
            parsed = parse_query(text, index.bigrams)
            boosts = [text_query("title", terms) for terms in parsed.terms]
            ours = top_hits(searcher, parsed.query, boosts, 20, exact_total=True)
            theirs = whoosh_top_hits(searcher, parsed.query, boosts, 20, exact_total=True)
            assert ours.total == theirs.total
            assert [round(s, 9) for s, _ in ours.hits] == [round(s, 9) for s, _ in theirs.hits]
    finally:
        index.close()
