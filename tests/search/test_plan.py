"""Which parsed queries the ranking code runs, and as what plan."""

from __future__ import annotations

from whoosh import query as wq

from index.search.plan import Clause, QueryPlan, plan_query, score_by_rarest
from index.search.query import parse_query, text_query
from index.search.vocabulary import default_vocabulary

BIGRAMS = default_vocabulary().bigrams


def plan_of(text: str) -> QueryPlan | None:
    parsed = parse_query(text, BIGRAMS)
    return plan_query(parsed.query, [text_query("title", terms) for terms in parsed.terms])


def test_words_filters_and_exclusions_become_one_conjunction() -> None:
    plan = plan_of("鲁迅 青年時代 -北京 outlet:文学报 tag:收藏 date:2025-01..2025-06")
    assert plan is not None
    assert plan.required[:2] == [
        Clause("content", ("鲁迅",)),
        Clause("content", ("青年", "年时", "时代")),
    ]
    assert [c.fieldname for c in plan.required[2:]] == ["outlet", "tag", "date"]
    assert plan.required[4].expand == wq.TermRange("date", "2025-01", "2025-06\uffff")
    assert plan.excluded == [Clause("content", ("北京",))]
    assert [c.fieldname for c in plan.optional] == ["title", "title"]


def test_or_groups_and_bare_exclusions_are_left_to_whoosh() -> None:
    assert plan_of("农业 OR 银行") is None
    assert plan_of("北京 -(农业 OR 银行)") is None
    assert plan_of("NOT 北京") is None


def test_a_phrase_is_found_and_scored_by_its_rarest_term() -> None:
    plan = plan_of("全国人民代表大会 鲁迅")
    assert plan is not None
    frequency = {"全国": 90, "国人": 5, "人民": 80, "民代": 3, "代表": 70, "表大": 9, "大会": 60}
    scored = score_by_rarest(plan, lambda field, term: frequency.get(term, 1))
    phrase, word = scored.required
    assert phrase.terms == ("全国", "国人", "人民", "民代", "代表", "表大", "大会")
    assert phrase.scoring_terms == ("民代",)
    assert word.scoring_terms == ("鲁迅",)


def test_phrases_opening_with_a_pair_not_in_the_vocabulary_are_checked_first() -> None:
    plan = plan_of("驾驶员 济活 outlet:四川日报 奇日子")
    assert plan is not None
    assert [clause.terms for clause in plan.phrases()] == [
        ("济", "活"),
        ("奇", "日子"),
        ("驾驶", "驶员"),
        ("四川", "川", "日报"),
    ]
