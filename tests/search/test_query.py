"""The search syntax: what each form becomes, and a clear message for each malformed query."""

from __future__ import annotations

import pytest
from whoosh import query as wq

from index.search.query import ParsedQuery, QuerySyntaxError
from index.search.query import parse_query as parse_with
from index.search.vocabulary import default_vocabulary


def parse_query(text: str) -> ParsedQuery:
    return parse_with(text, default_vocabulary().bigrams)


def parsed(text: str) -> wq.Query:
    return parse_query(text).query


def test_words_are_anded_and_cjk_words_become_bigram_phrases() -> None:
    assert parsed("鲁迅 青年時代") == wq.And(
        [wq.Term("content", "鲁迅"), wq.Phrase("content", ["青年", "年时", "时代"])]
    )


def test_or_not_and_minus() -> None:
    assert parsed("农业 OR 银行 -北京") == wq.Or(
        [
            wq.Term("content", "农业"),
            wq.And([wq.Term("content", "银行"), wq.Not(wq.Term("content", "北京"))]),
        ]
    )
    assert parsed("NOT 北京") == wq.And([wq.Every(), wq.Not(wq.Term("content", "北京"))])


def test_quoted_phrase_keeps_its_word_boundaries() -> None:
    assert parsed('"中国 银行"') == wq.Phrase("content", ["中国", "国", "银行"])
    assert parsed("“中国银行”") == wq.Phrase("content", ["中国", "国银", "银行"])


def test_field_filters() -> None:
    assert parsed("title:幸福") == wq.Term("title", "幸福")
    assert parsed("outlet:江門日報") == wq.Phrase("outlet", ["江门", "门日", "日报"])
    assert parsed("title:鲁迅的") == wq.Phrase("title", ["鲁迅", "迅", "的"])
    assert parsed("tag:北京") == wq.Term("tag", "北京")
    assert parsed('title:"邻里 节"') == wq.And(
        [wq.Phrase("title", ["邻里", "里"]), wq.Prefix("title", "节")]
    )
    assert parsed("iPhone手") == wq.And([wq.Term("content", "iphone"), wq.Prefix("content", "手")])


def test_date_ranges() -> None:
    assert parsed("date:2025-01..2025-06") == wq.TermRange("date", "2025-01", "2025-06\uffff")
    assert parsed("date:2025-7") == wq.TermRange("date", "2025-07", "2025-07\uffff")
    assert parsed("date:..2024") == wq.TermRange("date", None, "2024\uffff")


def test_one_character_matches_as_a_prefix() -> None:
    assert parsed("学") == wq.Prefix("content", "学")


def test_parentheses_group() -> None:
    assert parsed("(农业 OR 银行) 北京") == wq.And(
        [
            wq.Or([wq.Term("content", "农业"), wq.Term("content", "银行")]),
            wq.Term("content", "北京"),
        ]
    )


def test_snippet_atoms_are_the_positive_text() -> None:
    parsed_query = parse_query("鲁迅 -银行 title:青年 tag:x")
    assert parsed_query.atoms == ["鲁迅", "青年"]
    assert parsed_query.terms == [["鲁迅"], ["青年"]]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty query"),
        ("   ", "empty query"),
        ('"鲁迅', "missing closing quote"),
        ("农业 OR", "OR needs a term on both sides"),
        ("OR 农业", "OR needs a term on both sides"),
        ("(农业", "missing closing parenthesis"),
        ("农业)", "unmatched closing parenthesis"),
        ("foo:bar", "unknown field 'foo'"),
        ("title:", "title: needs a value"),
        ("date:2025-13", "no month 13"),
        ("date:July", "is not a date"),
        ("date:..", "a range needs at least one end"),
        ("date:2025-06..2025-01", "ends before it starts"),
        ("-", "nothing to search for"),
        ("，。", "nothing to search for"),
        ("农业 NOT", "NOT (or -) needs a term after it"),
    ],
)
def test_malformed_queries_get_a_clear_message(text: str, message: str) -> None:
    with pytest.raises(QuerySyntaxError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_query(text)
