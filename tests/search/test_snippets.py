"""Snippets highlight exactly what the index matched, at the right offsets."""

from __future__ import annotations

import re

import pytest

from index.search.analyzer import CJK_CHARS, TOKEN_PATTERN, WORD_CHARS
from index.search.fold import fold
from index.search.query import parse_query
from index.search.snippets import Snippet, find_matches, make_snippet
from index.search.vocabulary import default_vocabulary
from tests.helpers.search_corpus import corpus_articles

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


def folded_reference(text: str, atom: str) -> list[tuple[int, int]]:
    """The definition: the atom's tokens over the folded text, as the index tokenizes it."""
    tokens = TOKEN_PATTERN.findall(fold(atom))
    gap, optional = f"[^{CJK_CHARS}{WORD_CHARS}]+", f"[^{CJK_CHARS}{WORD_CHARS}]*"
    parts, previous = [], ""
    for cjk, word in tokens:
        if previous:
            parts.append(gap if previous == ("cjk" if cjk else "word") else optional)
        if word:
            parts.append(f"(?<![{WORD_CHARS}]){re.escape(word)}(?![{WORD_CHARS}])")
        else:
            parts.append(re.escape(cjk))
        previous = "cjk" if cjk else "word"
    return [m.span() for m in re.finditer("".join(parts), fold(text))]


MIXED = "ＩＰＨＯＮＥ手機與iphone、IPhone12；發展經濟，发展　经济。Ｗｉ-Ｆｉ 髮型 後來 后来"


@pytest.mark.parametrize(
    "atom", ["iphone", "iphone手机", "发展经济", "发展 经济", "后来", "wi", "fi", "12", "发"]
)
def test_matching_the_unfolded_text_finds_what_the_folded_text_holds(atom: str) -> None:
    texts = [MIXED, TEXT] + [a.title + "\n" + a.body for a in corpus_articles(40)]
    for text in texts:
        assert find_matches(text, [atom]) == _merge_spans(folded_reference(text, atom))


def _merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
