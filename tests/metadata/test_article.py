"""Tests for laying out cleaned lines as an Article, on hand-written undamaged input."""

from __future__ import annotations

from index.clean import clean_text
from index.ingest import split_articles
from index.metadata import build_article
from index.model import Article, Repair
from tests.helpers.articles import (
    FEED,
    PAGE_SIMPLIFIED,
    PAGE_TRADITIONAL,
    PAGE_TRADITIONAL_PARAGRAPHS,
)
from tests.helpers.lines import lines_of


def build(text: str) -> Article:
    cleaned = clean_text(text)
    return build_article(cleaned.lines, source_path="dump.txt", raw=text, repairs=cleaned.repairs)


def test_traditional_page() -> None:
    article = build(PAGE_TRADITIONAL)
    assert article.title == "江海區舉辦鄰里節，設置六大體驗區"
    assert not article.title_derived
    assert article.subtitle == "鄰里攜手拼出新畫卷"
    assert article.outlet == "江門日報"
    assert article.published == "2025-07-10T07:30"
    assert article.authors == ["陳嬋", "劉小鳳"]
    assert article.editors == ["李芳菲", "王雪晴", "寧園"]
    assert article.captions == ["活動現場，不少市民體驗傳統文化魅力。"]
    assert article.paragraphs == PAGE_TRADITIONAL_PARAGRAPHS
    assert article.subheadings == ["多元聚力", "共繪“鄰里同心圓”"]
    assert article.body == "\n".join(PAGE_TRADITIONAL_PARAGRAPHS)
    assert article.script == "traditional"
    assert article.raw == PAGE_TRADITIONAL


def test_duplicate_caption_is_recorded() -> None:
    article = build(PAGE_TRADITIONAL)
    duplicates = [repair for repair in article.repairs if repair.reason == "duplicate-caption"]
    assert len(duplicates) == 1
    repair = duplicates[0]
    assert repair.stage == "metadata"
    assert PAGE_TRADITIONAL[repair.offset : repair.offset + len(repair.before)] == repair.before
    assert PAGE_TRADITIONAL.index(repair.before) < repair.offset  # the second one went


def test_simplified_page() -> None:
    article = build(PAGE_SIMPLIFIED)
    assert article.title == "江海区举办邻里节，设置六大体验区"
    assert article.subtitle is None
    assert (article.outlet, article.published) == ("江门日报", "2025-07-11T18:05")
    assert article.authors == ["陈婵", "李明", "刘小凤"]
    assert article.editors == ["李芳菲", "王雪晴", "宁园"]
    assert article.captions == []
    assert article.paragraphs == ["7月4日，江海区第二届邻里节在江海广场启动。"]
    assert article.script == "simplified"


def test_feed_articles_get_derived_titles() -> None:
    articles = [build(raw) for raw in split_articles(FEED)]
    assert [(a.title, a.title_derived) for a in articles] == [
        ("畢教授運用卡片法將學員編為三個小組", True),
        ("陳光老師主要講解了朗誦發音的相關知識", True),
        ("黨建引領，共治共享", True),
    ]
    assert all(a.outlet is None and a.published is None and a.authors == [] for a in articles)
    glued = articles[2]
    assert glued.paragraphs == [
        "黨建引領，共治共享",
        "活動伊始，社區負責人于嵐在致辭中強調共享的意義。",
        "共同剪彩，正式啟用",
        "在熱烈的掌聲中，代表們一同剪彩。",
    ]
    assert glued.subheadings == ["黨建引領，共治共享", "共同剪彩，正式啟用"]


def test_earlier_repairs_are_kept_in_front() -> None:
    earlier = Repair(3, "?", "報", "gbk-shift", 0.8)
    article = build_article(
        lines_of("正文。"), source_path="x", raw="正文。", repairs=[earlier], index_in_file=4
    )
    assert article.repairs == [earlier]
    assert article.index_in_file == 4


def test_trailing_short_line_is_a_paragraph_not_a_subheading() -> None:
    article = build_article(
        lines_of("第一段。\n小標題\n第二段。\n結尾無句號"), source_path="x", raw=""
    )
    assert article.subheadings == ["小標題"]


def test_byline_in_a_feed_article_gives_authors_without_captions() -> None:
    article = build_article(lines_of("第一段。\n記者 張三\n第二段。"), source_path="x", raw="")
    assert article.authors == ["張三"]
    assert article.captions == []
    assert article.paragraphs == ["第一段。", "第二段。"]


def test_article_without_body_still_gets_a_title() -> None:
    article = build_article(lines_of("來源：江門日報"), source_path="x", raw="")
    assert article.title == "來源：江門日報"
    assert article.title_derived
    assert article.outlet == "江門日報"
