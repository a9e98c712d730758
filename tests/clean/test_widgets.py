"""Tests for dropping the share widget text."""

from __future__ import annotations

import pytest

from index.clean.widgets import drop_share_widget
from tests.helpers.lines import lines_of, texts


@pytest.mark.parametrize("widget", ["分享到：", "分享到:", "  分享到： 微信 微博 QQ空間", "分享到"])
def test_share_widget_line_is_dropped(widget: str) -> None:
    lines, repairs = drop_share_widget(lines_of(f"正文。\n{widget}"))
    assert texts(lines) == ["正文。"]
    assert [(r.reason, r.before, r.offset) for r in repairs] == [("share-widget", widget, 4)]


def test_sentence_mentioning_sharing_is_kept() -> None:
    lines = lines_of("分享到朋友圈的照片，獲得了很多點讚。")
    assert drop_share_widget(lines) == (lines, [])
