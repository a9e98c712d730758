"""Our ranking code finds and scores what Whoosh's searcher does, and checks phrases lazily."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from whoosh import query as wq
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from index.search.bm25 import Bm25
from index.search.candidates import required_order
from index.search.engine import IndexDocument, SearchIndex
from index.search.fold import fold
from index.search.plan import plan_query
from index.search.query import parse_query, text_query
from index.search.segment_search import SegmentSearch
from index.search.top_hits import RankedPage, top_hits, whoosh_top_hits
from tests.helpers.search_corpus import corpus_articles, index_documents

ARTICLES = corpus_articles()
REPLACED = {5: "旧闻稿件", 17: "旧闻稿件"}  # indexed with this word first, then replaced


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    """The corpus in two commits (two segments), two articles replaced (deletions)."""
    search_index = SearchIndex(tmp_path_factory.mktemp("ranking") / "index")
    documents = index_documents(ARTICLES)
    old = [IndexDocument(i, word, word) for i, word in REPLACED.items()]
    search_index.replace(old + documents[: len(documents) // 2])
    search_index.replace(documents[len(documents) // 2 :])
    search_index.replace(d for d in documents if d.article_id in REPLACED)
    yield search_index
    search_index.close()


def searcher(index: SearchIndex) -> Searcher:
    return index._searcher()


def both(
    index: SearchIndex, text: str, count: int = 10, exact: bool = True
) -> tuple[RankedPage, RankedPage]:
    parsed = parse_query(text, index.bigrams)
    boosts = [text_query("title", terms) for terms in parsed.terms]
    ours = top_hits(searcher(index), parsed.query, boosts, count, exact)
    theirs = whoosh_top_hits(searcher(index), parsed.query, boosts, count, exact)
    return ours, theirs


# Words of one index term: scored exactly as Whoosh scores them.
SHORT = [
    "城市",
    "城市 交通",
    "發展 經濟 社區",
    "居民 服务 学校 旅游",
    "社区 -银行",
    "农业 tag:经济日报",
    "交通 date:2024-03..2024-11",
    "date:2025",
    "医院 title:历史",
    "活动 -学校 tag:2024-05",
]
# Phrases: the same matches, ranked by their rarest term.
LONG = [
    "駕駛員",
    "驾驶员 活动 -学校 tag:2024-05",
    "科学技术",
    "全国人民代表大会",
    '"城市交通"',
    '"发展经济"',
    '活动 -"城市交通"',
    "城市 outlet:江門日報",
    "title:城市交通 居民",
    "志願者 旅遊 outlet:人民日报 date:2023-06..2025-02",
    # Two single characters (not a vocabulary bigram) with words and other phrases: the
    # pair is checked first, the words' phrases on what is left.
    "济活 居民 科学技术",
    "濟活 駕駛員 -學校",
    "社區居民 济活 date:2024",
]


@pytest.mark.parametrize("text", SHORT)
def test_same_hits_scores_and_totals_as_whoosh(index: SearchIndex, text: str) -> None:
    ours, theirs = both(index, text, count=15)
    assert ours.total == theirs.total
    assert ours.total_is_exact
    assert [round(s, 9) for s, _ in ours.hits] == [round(s, 9) for s, _ in theirs.hits]
    assert {d for _, d in ours.hits} == {d for _, d in theirs.hits}


@pytest.mark.parametrize("text", SHORT + LONG)
def test_same_matches_as_whoosh(index: SearchIndex, text: str) -> None:
    ours, theirs = both(index, text, count=len(ARTICLES))
    assert ours.total == theirs.total == len(ours.hits)
    assert {d for _, d in ours.hits} == {d for _, d in theirs.hits}
    assert [s for s, _ in ours.hits] == sorted((s for s, _ in ours.hits), reverse=True)


@pytest.mark.parametrize("text", ["城市 交通", "社区 date:2024", "活动 -学校"])
def test_every_hit_in_order_when_asked_for_all(index: SearchIndex, text: str) -> None:
    ours, theirs = both(index, text, count=len(ARTICLES))
    assert len(ours.hits) == ours.total == theirs.total
    assert [(round(s, 9), d) for s, d in ours.hits] == [(round(s, 9), d) for s, d in theirs.hits]


def test_a_phrase_ranks_by_its_rarest_term(index: SearchIndex) -> None:
    parsed = parse_query("全国人民代表大会", index.bigrams)
    phrase = parsed.query
    assert isinstance(phrase, wq.Phrase)
    reader = searcher(index).reader()
    rarest = min(phrase.words, key=lambda word: reader.doc_frequency("content", word))
    ours = top_hits(searcher(index), phrase, [], len(ARTICLES), True)
    alone = whoosh_top_hits(searcher(index), wq.Term("content", rarest), [], len(ARTICLES))
    scores = {d: s for s, d in alone.hits}
    assert ours.hits
    assert all(abs(s - scores[d]) < 1e-9 for s, d in ours.hits)


def found_ids(index: SearchIndex, text: str, exact: bool = True) -> set[int]:
    page = index.search(parse_query(text, index.bigrams), limit=len(ARTICLES), exact_total=exact)
    return {hit.article_id for hit in page.hits}


def scan(needle: str) -> set[int]:
    target = fold(needle)
    return {a.id for a in ARTICLES if target in fold(a.title + "\n" + a.body)}


def test_a_phrase_needs_its_terms_side_by_side(index: SearchIndex) -> None:
    apart = scan("城市") & scan("交通") - scan("城市交通") - scan("城市，交通") - scan("城市、交通")
    assert apart  # the corpus has articles with both words apart
    assert not found_ids(index, '"城市交通"') & apart
    assert found_ids(index, "城市 交通") >= apart


def test_a_broad_phrase_estimates_its_total_unless_asked_to_count(index: SearchIndex) -> None:
    parsed = parse_query('"城市交通"', index.bigrams)
    exact = index.search(parsed, limit=1, exact_total=True)
    estimate = index.search(parsed, limit=1)
    assert exact.total_is_exact
    assert exact.total == len(found_ids(index, '"城市交通"'))
    assert not estimate.total_is_exact
    assert estimate.total >= 1
    assert estimate.hits == exact.hits


def test_replaced_and_deleted_articles_are_not_found(index: SearchIndex) -> None:
    assert found_ids(index, "旧闻稿件") == set()
    assert found_ids(index, "date:2023..2025") == {a.id for a in ARTICLES}


def test_words_typed_in_either_script_find_the_same_articles(index: SearchIndex) -> None:
    assert found_ids(index, "驾驶员 发展") == found_ids(index, "駕駛員 發展") != set()
    assert found_ids(index, "驾驶员 发展") == scan("驾驶员") & scan("发展")


def test_one_character_ranks_by_how_often_its_words_occur(index: SearchIndex) -> None:
    parsed = parse_query("城", index.bigrams)
    page = index.search(parsed, limit=len(ARTICLES), exact_total=True)
    assert {hit.article_id for hit in page.hits} == scan("城")
    assert page.hits[0].score >= page.hits[-1].score


def test_pages_follow_each_other(index: SearchIndex) -> None:
    parsed = parse_query("城市", index.bigrams)
    whole = index.search(parsed, limit=30)
    pages = index.search(parsed, limit=10).hits + index.search(parsed, limit=20, offset=10).hits
    assert [h.article_id for h in pages] == [h.article_id for h in whole.hits]


def test_other_query_shapes_go_to_whoosh(index: SearchIndex) -> None:
    ours, theirs = both(index, "农业 OR 银行", count=20)
    assert ours == theirs
    assert ours.total == len(scan("农业") | scan("银行"))


@pytest.mark.parametrize("text", ["城市", "交通", "駕駛員"])
def test_a_broad_word_stops_early_and_estimates_its_total(index: SearchIndex, text: str) -> None:
    parsed = parse_query(text, index.bigrams)
    page = index.search(parsed, limit=1)
    exact = index.search(parsed, limit=1, exact_total=True)
    assert page.hits == exact.hits
    assert exact.total_is_exact
    assert exact.total == len(scan(text))
    assert not page.total_is_exact
    assert abs(page.total - exact.total) <= exact.total * 0.25


def test_a_date_range_filters_right_after_the_rarest_term_unless_it_is_smaller(
    index: SearchIndex,
) -> None:
    """A range is a column, read with no block decoded: it keeps the lead term's documents
    before any other term is looked up, and leads when it holds fewer documents than the
    rarest term has blocks."""
    search = searcher(index)
    bm25 = Bm25(search, search.weighting)
    wide = plan_query(parse_query("城市 交通 date:2024-03..2024-11", index.bigrams).query)
    days = Counter(article.date for article in ARTICLES)
    day = next(day for day, articles in days.items() if articles == 1)
    narrow = plan_query(parse_query(f"城市 date:{day}", index.bigrams).query)
    assert wide is not None and narrow is not None
    led = 0
    for leaf, offset in search.leaf_searchers():
        segment = SegmentSearch(leaf.reader(), offset, bm25)
        wide_order = required_order(segment, wide)
        assert wide_order is not None
        assert [clause.fieldname for clause in wide_order] == ["content", "date", "content"]
        narrow_order = required_order(segment, narrow)
        if narrow_order is not None:  # the day is in one segment
            assert [clause.fieldname for clause in narrow_order] == ["date", "content"]
            led += 1
    assert led == 1


def test_document_frequencies_and_idf_are_whooshs(index: SearchIndex) -> None:
    """Read from each segment's term table in place, over the segments and deletions."""
    ours = index._index.searcher(weighting=BM25F())
    theirs = index._index.searcher(weighting=BM25F())
    try:
        bm25 = Bm25(ours, ours.weighting)
        assert len(ours.leaf_searchers()) > 1
        for fieldname, text in [
            ("content", "城市"),
            ("content", "旧闻"),  # in the replaced (deleted) copies as well
            ("title", "交通"),
            ("content", "火星"),  # nowhere
            ("tag", "经济日报"),
        ]:
            assert bm25.doc_frequency(fieldname, text) == theirs.doc_frequency(fieldname, text)
            assert bm25.idf(fieldname, text) == theirs.idf(fieldname, text)
    finally:
        ours.close()
        theirs.close()
