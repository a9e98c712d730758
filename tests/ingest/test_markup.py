"""Tests for turning HTML fragments into plain text."""

from __future__ import annotations

import pytest

from index.ingest.markup import markup_to_text


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ("<p>第一段。</p><p>第二段。</p>", "\n第一段。\n\n第二段。\n"),
        ("一行<br>二行<br/>三行<BR />", "一行\n二行\n三行\n"),
        ('<div class="c">內容</div>', "\n內容\n"),
        ("<strong>重點</strong>文字<a href='x'>鏈接</a>", "重點文字鏈接"),
        ("A&amp;B &lt;tag&gt; &#12290; &nbsp;", "A&B <tag> 。 \xa0"),
        ("<![CDATA[正文", "正文"),
        ("前<!-- 註釋 -->後", "前後"),
        ("前<script>var a = 1 < 2;</script>後<style>p {}</style>", "前後"),
    ],
)
def test_markup_becomes_text(fragment: str, text: str) -> None:
    assert markup_to_text(fragment) == text


@pytest.mark.parametrize(
    "plain",
    [
        "沒有標記的文字，1 < 2 且 3 > 2。",
        "江門日?qǐng)?bào)",
        "需求?!?/p>",  # a damaged tag: its "<" is gone, so it is not a tag
        "AT&T 公司",
    ],
)
def test_text_without_markup_is_unchanged(plain: str) -> None:
    assert markup_to_text(plain) == plain
