"""Tests for dropping the SEO spam line."""

from __future__ import annotations

import pytest

from index.clean.spam import drop_seo_spam_line, is_seo_spam_line
from tests.helpers.lines import lines_of, texts

SPAM = "在线中文字幕观看,日本精品免费看,夜夜操夜夜操,色www免费视频,亚洲成人在线网站"


@pytest.mark.parametrize(
    "line",
    [SPAM, SPAM.replace(",", "，"), "電影,電視劇, 綜藝,動漫 ,紀錄片"],
)
def test_lists_of_search_phrases_are_spam(line: str) -> None:
    assert is_seo_spam_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "江海區第二屆幸福“鄰里節”啟動，設置六大主題體驗區，為期1個月",  # a headline
        "黨建引領，共治共享",
        "活動現場，不少市民體驗傳統文化魅力。",
        "社區舉辦活動，居民踴躍參加，氣氛熱烈，大家紛紛表示：很滿意",
        "一,二,三,這一項寫得太長了已經遠遠超過了二十個字所以不是搜索詞",
    ],
)
def test_headlines_and_sentences_are_not_spam(line: str) -> None:
    assert not is_seo_spam_line(line)


def test_spam_first_line_is_dropped_and_recorded() -> None:
    text = f"\n{SPAM}\n\n標題\n"
    lines, repairs = drop_seo_spam_line(lines_of(text))
    assert texts(lines) == ["", "", "標題", ""]
    assert len(repairs) == 1
    assert (repairs[0].offset, repairs[0].before, repairs[0].after) == (1, SPAM, "")
    assert (repairs[0].reason, repairs[0].stage) == ("seo-spam-line", "clean")


def test_spam_below_the_first_line_is_kept() -> None:
    lines = lines_of(f"標題\n{SPAM}")
    assert drop_seo_spam_line(lines) == (lines, [])
