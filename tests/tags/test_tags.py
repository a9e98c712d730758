"""Automatic tags: outlet, year-month, places and topics a reader would accept."""

from __future__ import annotations

from index.tags import Tag, extract_tags, month_of, parse_tag
from index.tags.places import pick_places
from index.tags.topics import MAX_TOPICS, MIN_TOPICS, pick_topics
from tests.helpers.library_articles import BANK, NEIGHBOURS


def test_month_of_published_dates() -> None:
    assert month_of("2025-07-10T07:30") == "2025-07"
    assert month_of("2025-13-01") is None
    assert month_of(None) is None


def test_parse_tag_with_and_without_kind() -> None:
    assert parse_tag("place:北京") == ("place", "北京")
    assert parse_tag("北京") == (None, "北京")
    assert parse_tag(" 收藏 ", default_kind="user") == ("user", "收藏")
    assert parse_tag("http://x") == (None, "http://x")


def test_places_need_two_mentions_or_the_title_and_skip_generic_words() -> None:
    tagged = [("北京", "ns"), ("北京市", "ns"), ("城市", "ns"), ("城市", "ns"), ("上海", "ns")]
    assert pick_places(tagged, frozenset()) == ["北京"]
    assert pick_places(tagged, frozenset({"上海"})) == ["北京", "上海"]


def test_topics_are_repeated_nouns_without_stop_words() -> None:
    tagged = [
        ("粮食", "n"),
        ("粮食", "n"),
        ("信贷", "n"),
        ("信贷", "n"),
        ("记者", "n"),
        ("记者", "n"),
        ("宣布", "v"),
        ("宣布", "v"),
        ("春耕", "n"),
        ("春耕", "n"),
        ("2025", "m"),
    ]
    topics = pick_topics(tagged, frozenset(), exclude=frozenset())
    assert sorted(topics) == ["信贷", "春耕", "粮食"]


def test_extracted_tags_of_an_article() -> None:
    tags = extract_tags(BANK)
    kinds = {tag.kind for tag in tags}
    assert Tag("outlet", "经济日报") in tags
    assert Tag("date", "2025-06") in tags
    assert kinds == {"outlet", "date", "place", "topic"}
    topics = [tag.name for tag in tags if tag.kind == "topic"]
    assert MIN_TOPICS <= len(topics) <= MAX_TOPICS
    assert "农业发展银行" in topics and "粮食" in topics
    assert not {"表示", "负责人", "今天"} & set(topics)
    assert all(len(name) >= 2 for name in topics)


def test_tags_of_a_traditional_article_are_in_simplified_script() -> None:
    tags = extract_tags(NEIGHBOURS)
    assert Tag("outlet", "江门日报") in tags
    assert Tag("place", "江海") in tags
