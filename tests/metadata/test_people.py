"""Tests for reading authors from bylines and editors from footers."""

from __future__ import annotations

import pytest

from index.metadata.people import is_byline, is_editors_footer, parse_authors, parse_editors


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("□文/圖 江門日報記者 陳嬋 通訊員 劉小鳳", ["陳嬋", "劉小鳳"]),
        ("□文/图 江门日报记者 陈婵 李明 通讯员 刘小凤", ["陈婵", "李明", "刘小凤"]),
        ("記者陳嬋通訊員劉小鳳", ["陳嬋", "劉小鳳"]),
        ("本報記者：張三、李四", ["張三", "李四"]),
        ("記者 陳嬋 江門日報通訊員 劉小鳳", ["陳嬋", "劉小鳳"]),
        ("文/圖 記者 阿依古麗·買買提", ["阿依古麗·買買提"]),
        ("記者 陳嬋 實習生 王五 通訊員 陳嬋", ["陳嬋", "王五"]),
    ],
)
def test_authors_follow_their_roles(byline: str, authors: list[str]) -> None:
    assert is_byline(byline)
    assert parse_authors(byline) == authors


@pytest.mark.parametrize(
    "line",
    [
        "記者在現場看到，不少市民前來參與服務體驗。",
        "活動現場，不少市民體驗傳統文化魅力。",
    ],
)
def test_sentences_are_not_bylines(line: str) -> None:
    assert not is_byline(line)


@pytest.mark.parametrize(
    ("footer", "editors"),
    [
        ("（責任編輯： 李芳菲  二審：王雪晴  三審：寧園 ）", ["李芳菲", "王雪晴", "寧園"]),
        ("(責任編輯: 李芳菲  二審:王雪晴  三審:寧園 )", ["李芳菲", "王雪晴", "寧園"]),
        ("（责任编辑：李芳菲 二审：王雪晴 三审：宁园）", ["李芳菲", "王雪晴", "宁园"]),
        ("責任編輯：張三", ["張三"]),
        ("【編輯：李四 審核：李四】", ["李四"]),
    ],
)
def test_editors_follow_their_roles(footer: str, editors: list[str]) -> None:
    assert is_editors_footer(footer)
    assert parse_editors(footer) == editors


def test_paragraph_mentioning_editors_is_not_a_footer() -> None:
    assert not is_editors_footer("該報責任編輯表示，將繼續關注此事。")
