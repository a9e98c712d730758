"""Automatic tags: outlet, year-month, places and topics a reader would accept."""

from __future__ import annotations

import random

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


def _topics_one_by_one(
    tagged: list[tuple[str, str]], title_words: frozenset[str], exclude: frozenset[str]
) -> list[str]:
    """pick_topics as plainly stated: count each qualifying word, then rank."""
    from collections import Counter

    from index.tags.topics import _STOP_WORDS, _TOPIC_FLAGS, idf_table

    idf, median = idf_table()
    counts = Counter(
        word
        for word, flag in tagged
        if flag in _TOPIC_FLAGS
        and len(word) >= 2
        and word not in _STOP_WORDS
        and word not in exclude
        and all("\u4e00" <= char <= "\u9fff" for char in word)
    )
    scores = {
        word: (count + (count if word in title_words else 0)) * idf.get(word, median)
        for word, count in counts.items()
        if count >= 2 or word in title_words
    }
    ranked = sorted(scores, key=lambda w: (-scores[w], w))
    if len(ranked) < MIN_TOPICS:
        extra = sorted(
            (w for w in counts if w not in scores), key=lambda w: (-idf.get(w, median), w)
        )
        return ranked + extra[: MIN_TOPICS - len(ranked)]
    best = scores[ranked[0]]
    return ranked[:MIN_TOPICS] + [
        w for w in ranked[MIN_TOPICS:MAX_TOPICS] if scores[w] >= best * 0.25
    ]


def _places_one_by_one(tagged: list[tuple[str, str]], title_words: frozenset[str]) -> list[str]:
    from collections import Counter

    from index.tags.places import _NOT_PLACES, MAX_PLACES, _canonical

    counts: Counter[str] = Counter()
    for word, flag in tagged:
        if flag == "ns" and len(word) >= 2 and word not in _NOT_PLACES and word.isalpha():
            counts[_canonical(word)] += 1
    title = {_canonical(w) for w in title_words}
    chosen = [p for p, n in counts.most_common() if n >= 2 or p in title]
    return [p for p in chosen if p not in _NOT_PLACES][:MAX_PLACES]


def test_picking_at_c_speed_is_picking_word_by_word() -> None:
    rng = random.Random(11)
    words = ["粮食", "信贷", "记者", "春耕", "北京", "北京市", "武汉市", "武汉", "城市", "上海"]
    words += ["农民", "银行", "市场", "江门", "2025", "G7", "ａｂ", "粮", "乡村振兴", "Ｘ光机"]
    flags = ["n", "nz", "vn", "nt", "nw", "an", "ns", "v", "m", "x", "nr"]
    for _ in range(2000):
        tagged = [(rng.choice(words), rng.choice(flags)) for _ in range(rng.randint(0, 40))]
        title = frozenset(rng.sample(words, rng.randint(0, 3)))
        exclude = frozenset(rng.sample(words, rng.randint(0, 2)))
        assert pick_places(tagged, title) == _places_one_by_one(tagged, title)
        assert pick_topics(tagged, title, exclude) == _topics_one_by_one(tagged, title, exclude)
