"""Golden tests: the bundled sample archive, through the whole pipeline including the repair."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from index.metadata.title import MAX_TITLE_LENGTH
from index.model import Article
from index.pipeline import process_file
from tests.helpers.corpus import FEED_DUMP, FEED_DUMP_ARTICLES, PAGE_DUMP

ANNOTATION = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
DEBRIS = ("]]>", "</p>", "/p>", "????", "分享到")


@pytest.fixture(scope="module")
def page_article() -> Article:
    result = process_file(PAGE_DUMP)
    assert result.error is None
    assert len(result.articles) == 1
    return result.articles[0]


@pytest.fixture(scope="module")
def feed_articles() -> list[Article]:
    result = process_file(FEED_DUMP)
    assert result.error is None
    return result.articles


def test_page_header(page_article: Article) -> None:
    assert page_article.title == "江海區第二屆幸福“鄰里節”啟動，設置六大主題體驗區，為期1個月"
    assert not page_article.title_derived
    assert page_article.subtitle == "鄰里攜手拼出幸福生活新畫卷"
    assert page_article.outlet == "江門日報"
    assert page_article.published == "2025-07-10T07:30"


def test_page_people(page_article: Article) -> None:
    assert page_article.authors == ["陳嬋", "劉小鳳"]
    assert page_article.editors == ["李芳菲", "王雪晴", "寧園"]


def test_page_caption_is_deduplicated(page_article: Article) -> None:
    assert page_article.captions == ["活動現場，不少市民體驗傳統文化魅力。"]


def test_page_body(page_article: Article) -> None:
    assert page_article.subheadings == [
        "多元聚力",
        "共繪“鄰里同心圓”",
        "服務靠前",
        "市民現場體驗熱",
        "全域聯動",
        "超40場活動精彩紛呈",
    ]
    assert len(page_article.paragraphs) == 19
    assert page_article.paragraphs[0].startswith("7月4日，江海區第二屆幸福“鄰里節”在江海廣場啟動。")
    assert page_article.paragraphs[-1].endswith(
        "共同描繪“鄰里相親、社區和諧、城市美好”的幸福圖景。"
    )
    assert page_article.script == "traditional"


def test_page_raw_text_is_the_file(page_article: Article) -> None:
    assert page_article.raw == PAGE_DUMP.read_text(encoding="utf-8").strip()


def test_feed_gives_nine_articles_with_derived_titles(feed_articles: list[Article]) -> None:
    assert len(feed_articles) == FEED_DUMP_ARTICLES
    for article in feed_articles:
        assert article.title_derived
        assert 0 < len(article.title.rstrip("…")) <= MAX_TITLE_LENGTH + 4
        assert article.title.rstrip("…") in article.body
        assert article.script == "traditional"
    assert feed_articles[1].title == "陳光老師主要講解了朗誦發音的相關知識"
    assert feed_articles[-1].title == "黨建引領，共治共享"


def test_feed_glued_headings_become_subheadings(feed_articles: list[Article]) -> None:
    assert feed_articles[-1].subheadings == [
        "黨建引領，共治共享",
        "共同剪彩，正式啟用",
        "運動+環保，雙核理念",
        "居民參與，共建共享",
        "總結與展望",
    ]


def test_feed_article_ending_in_a_damaged_tag_is_clean(feed_articles: list[Article]) -> None:
    assert feed_articles[1].paragraphs[-1].endswith("精神文化方面的需求。”")


@pytest.mark.parametrize("path", [PAGE_DUMP, FEED_DUMP], ids=lambda p: Path(p).name)
def test_no_annotation_or_debris_is_left(path: Path) -> None:
    for article in process_file(path).articles:
        text = "\n".join([article.title, *article.captions, *article.paragraphs])
        assert not ANNOTATION.search(text), ANNOTATION.search(text)
        assert not any(debris in text for debris in DEBRIS)
