"""The analysis a worker sends for indexing: each term's encoded positions and the length."""

from __future__ import annotations

from collections import defaultdict

from hypothesis import given
from hypothesis import strategies as st

from index.search.analyzer import token_spans
from index.search.codec import FieldPostings, analyze_text, encode_positions

BIGRAMS = frozenset({"鲁迅", "青年", "中国", "农业", "发展", "银行", "时代"})
TEXT = st.text(alphabet="中国农业发展银行鲁迅的青年時代社區，。 ab1😀", min_size=0, max_size=60)


def _reference(text: str) -> FieldPostings:
    """The postings straight from the spans: a lone position below 65536 as an int."""
    positions: dict[str, list[int]] = defaultdict(list)
    for span in token_spans(text, BIGRAMS):
        positions[span.text].append(span.pos)
    return FieldPostings(
        sum(map(len, positions.values())),
        {
            term: pos[0] if len(pos) == 1 and pos[0] < 0x10000 else encode_positions(pos)
            for term, pos in positions.items()
        },
    )


def _same(a: FieldPostings, b: FieldPostings) -> bool:
    return a.length == b.length and list(a.terms.items()) == list(b.terms.items())


@given(TEXT)
def test_postings_agree_with_the_spans_in_order(text: str) -> None:
    assert _same(analyze_text(text, BIGRAMS), _reference(text))


def test_lone_positions_are_ints_repeated_ones_encoded() -> None:
    postings = analyze_text("中国 中国 ab", BIGRAMS)
    assert postings.length == 5
    assert postings.terms == {
        "中国": encode_positions([0, 2]),
        "国": encode_positions([1, 3]),
        "ab": 4,
    }


def test_positions_from_65536_on_are_encoded_even_when_lone() -> None:
    text = "鲁迅" * 33000 + "的青年 abc" + "中" * 2
    postings = analyze_text(text, BIGRAMS)
    assert _same(postings, _reference(text))
    assert postings.terms["abc"] == encode_positions([66003])
    assert postings.terms["的"] == encode_positions([66000])


def test_empty_and_tokenless_texts() -> None:
    assert analyze_text("", BIGRAMS) == FieldPostings(0, {})
    assert analyze_text("，。！ 😀", BIGRAMS) == FieldPostings(0, {})
