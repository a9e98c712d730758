"""Snippets highlight exactly what the index matched, at the right offsets."""

from __future__ import annotations

from index.search.query import parse_query
from index.search.snippets import Snippet, find_matches, make_snippet
from index.search.vocabulary import default_vocabulary

BIGRAMS = default_vocabulary().bigrams

TEXT = "鲁迅的青年時代是在紹興度過的。他後來去了日本，學習醫學。中国农业发展银行今天宣布。"


def spans_of(text: str, query: str) -> list[str]:
    return [text[s:e] for s, e in find_matches(text, parse_query(query, BIGRAMS).atoms)]


def test_highlights_cover_matches_in_either_script() -> None:
    assert spans_of(TEXT, "时代 农业") == ["時代", "农业"]
    assert spans_of(TEXT, '"后来去"') == ["後來去"]


def test_one_character_query_highlights_that_character_only() -> None:
    assert spans_of(TEXT, "学") == ["學", "學"]


def test_overlapping_matches_merge() -> None:
    assert spans_of(TEXT, "鲁迅 迅的青") == ["鲁迅的青"]


def test_snippet_window_and_render() -> None:
    snippet = make_snippet(TEXT, parse_query("农业", BIGRAMS).atoms, width=20)
    assert snippet.text.startswith("…")
    assert [snippet.text[s:e] for s, e in snippet.highlights] == ["农业"]
    assert "[农业]" in snippet.render()


def test_no_match_gives_the_opening_of_the_text() -> None:
    snippet = make_snippet("第一段\n第二段", ["不在"], width=5)
    assert snippet == Snippet("第一段 第…", ())


def test_words_match_whole_and_runs_need_a_gap() -> None:
    text = "iPhone手机 iPhones 中国 银行 中国银行"
    assert spans_of(text, "iphone") == ["iPhone"]
    assert spans_of(text, "iPhone手") == ["iPhone手"]
    assert spans_of(text, '"中国 银行"') == ["中国 银行"]
