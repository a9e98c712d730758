"""Analysis: terms, positions, and character offsets that highlighting relies on."""

from __future__ import annotations

from collections import defaultdict

from hypothesis import given
from hypothesis import strategies as st

from index.search.analyzer import (
    BigramAnalyzer,
    index_terms,
    query_terms,
    term_positions,
    token_spans,
)
from index.search.fold import fold
from index.search.vocabulary import default_vocabulary

BIGRAMS = frozenset({"鲁迅", "青年", "中国", "农业", "发展", "银行", "时代"})
CJK_TEXT = st.text(alphabet="中国农业发展银行鲁迅的青年時代社區，。 ab1", min_size=0, max_size=40)


def test_vocabulary_pairs_are_bigrams_other_pairs_single_characters() -> None:
    assert index_terms("鲁迅的青年", BIGRAMS) == {
        "鲁迅": [0],
        "迅": [1],  # 迅的 is not in the vocabulary
        "的": [2],
        "青年": [3],
        "青": [3],  # follows the unknown pair 的青
        "年": [4],  # the end of the run
    }


def test_words_and_single_characters_take_one_position_each() -> None:
    assert index_terms("iPhone 中 2025", BIGRAMS) == {"iphone": [0], "中": [1], "2025": [2]}


def test_query_terms_cover_every_character_at_consecutive_positions() -> None:
    assert query_terms("農業發展", BIGRAMS) == ["农业", "业", "发展"]
    assert query_terms("鲁迅的", BIGRAMS) == ["鲁迅", "迅", "的"]
    assert query_terms("中国abc", BIGRAMS) == ["中国", "国", "abc"]
    assert query_terms("，。", BIGRAMS) == []


def test_offsets_point_at_the_original_characters() -> None:
    text = "社區 iPhone，鄰里節中國農業"
    for span in token_spans(text, default_vocabulary().bigrams):
        assert fold(text[span.start : span.end]) == span.text


@given(CJK_TEXT)
def test_fast_terms_agree_with_spans(text: str) -> None:
    expected: dict[str, list[int]] = defaultdict(list)
    for span in token_spans(text, BIGRAMS):
        expected[span.text].append(span.pos)
    assert index_terms(text, BIGRAMS) == dict(expected)


@given(CJK_TEXT)
def test_term_positions_keep_first_occurrences_in_token_order(text: str) -> None:
    spans = list(token_spans(text, BIGRAMS))
    terms = term_positions(text, BIGRAMS)
    first: dict[str, int] = {}
    for span in spans:
        first.setdefault(span.text, span.pos)
    assert list(terms.first.items()) == list(first.items())
    assert all(len(positions) > 1 for positions in terms.repeated.values())
    assert terms.token_count() == len(spans)
    assert terms.extent == (spans[-1].pos + 1 if spans else 0)


def _cuts_a_word(text: str, start: int, end: int) -> bool:
    def alnum(i: int) -> bool:
        return 0 <= i < len(text) and text[i].isascii() and text[i].isalnum()

    return (alnum(start) and alnum(start - 1)) or (alnum(end - 1) and alnum(end))


@given(CJK_TEXT, st.data())
def test_any_substring_is_a_phrase_of_the_text(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, max(0, len(text) - 2)))
    end = data.draw(st.integers(min(start + 2, len(text)), len(text)))
    needle = text[start:end]
    terms = query_terms(needle, BIGRAMS)
    if len(terms) < 2 or " " in needle or "，" in needle or "。" in needle:
        return  # punctuation splits the needle; single terms are plain term lookups
    if _cuts_a_word(text, start, end):
        return  # letters and digits are indexed as whole words, not substrings
    positions = index_terms(text, BIGRAMS)

    def at(term: str, pos: int, last: bool) -> bool:
        if pos in positions.get(term, []):
            return True
        # A lone CJK character ending the needle may start a bigram there (see text_query).
        return (
            last
            and len(term) == 1
            and any(t.startswith(term) and pos in p for t, p in positions.items())
        )

    assert any(
        all(at(term, p + i, i == len(terms) - 1) for i, term in enumerate(terms))
        for p in positions.get(terms[0], [])
    )


def test_whoosh_analyzer_gives_the_same_tokens_with_offsets() -> None:
    vocabulary = default_vocabulary()
    text = "鲁迅的 iPhone"
    tokens = [
        (t.text, t.pos, t.startchar, t.endchar)
        for t in BigramAnalyzer(vocabulary.key)(text, positions=True, chars=True)
    ]
    assert tokens == [
        (s.text, s.pos, s.start, s.end) for s in token_spans(text, vocabulary.bigrams)
    ]


def test_whoosh_analyzer_in_query_mode_gives_query_terms() -> None:
    vocabulary = default_vocabulary()
    analyzer = BigramAnalyzer(vocabulary.key)
    assert [t.text for t in analyzer("鲁迅的", mode="query")] == query_terms(
        "鲁迅的", vocabulary.bigrams
    )


def test_default_vocabulary_holds_pairs_inside_dictionary_words() -> None:
    bigrams = default_vocabulary().bigrams
    assert {"农业", "银行", "鲁迅", "发展"} <= bigrams
    assert "的青" not in bigrams
