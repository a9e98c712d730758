"""Tests for telling subheadings from paragraphs."""

from __future__ import annotations

import pytest

from index.metadata.blocks import is_subheading


@pytest.mark.parametrize(
    "line",
    ["多元聚力", "共繪“鄰里同心圓”", "超40場活動精彩紛呈", "黨建引領，共治共享", "演講煉金句?口才"],
)
def test_short_unpunctuated_lines_are_subheadings(line: str) -> None:
    assert is_subheading(line)


@pytest.mark.parametrize(
    "line",
    [
        "活動現場，不少市民體驗傳統文化魅力。",
        "這就是幸福！",
        "麥小燕表示：",
        "一段沒有句號但是非常長的文字超過了二十四個字的上限所以是段落",
        "",
    ],
)
def test_sentences_and_long_lines_are_not_subheadings(line: str) -> None:
    assert not is_subheading(line)
