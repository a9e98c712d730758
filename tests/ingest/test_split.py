"""Tests for cutting a dump's text into article texts."""

from __future__ import annotations

from pathlib import Path

from index.ingest.split import is_feed_dump, split_articles
from tests.helpers.articles import FEED, PAGE_TRADITIONAL
from tests.helpers.corpus import FEED_DUMP_ARTICLES


def test_page_dump_is_one_article() -> None:
    assert split_articles(PAGE_TRADITIONAL) == [PAGE_TRADITIONAL.replace("</p>", "\n").strip()]


def test_feed_dump_is_split_at_cdata_terminators() -> None:
    articles = split_articles(FEED)
    assert len(articles) == 3
    assert articles[0].startswith("培訓伊始")
    assert articles[0].endswith("專業的理論知識為討論提供了方向。")
    assert articles[1].startswith("活動中")
    assert articles[2].startswith("黨建引領，共治共享??活動伊始")


def test_terminator_that_lost_its_first_bracket_still_separates() -> None:
    assert split_articles("第一篇。]]>第二篇。瑋]>第三篇。") == [
        "第一篇。",
        "第二篇。瑋",
        "第三篇。",
    ]


def test_lone_terminator_only_separates_inside_a_feed() -> None:
    text = "陣列 a[1]> 0 的情況。"
    assert not is_feed_dump(text)
    assert split_articles(text) == [text]


def test_empty_pieces_are_dropped() -> None:
    assert split_articles("]]>\n]]>  </p> ]]>正文。\n]]>\n") == ["正文。"]


def test_text_of_only_markup_gives_no_articles() -> None:
    assert split_articles("<p></p>\n<br>") == []


def test_sample_feed_dump_holds_nine_articles(feed_dump: Path) -> None:
    articles = split_articles(feed_dump.read_text(encoding="utf-8"))
    assert len(articles) == FEED_DUMP_ARTICLES
    assert all("]]>" not in article and "</p>" not in article for article in articles)


def test_sample_page_dump_is_one_article(page_dump: Path) -> None:
    assert len(split_articles(page_dump.read_text(encoding="utf-8"))) == 1
