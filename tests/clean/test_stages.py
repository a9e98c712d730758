"""Tests for the whole clean stage on hand-written and arbitrary text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from index.clean import CLEAN_STEPS, clean_text
from tests.helpers.articles import PAGE_TRADITIONAL
from tests.helpers.lines import assert_lines_point_into, assert_offsets_point_into

DEBRIS_ALPHABET = st.sampled_from(list("??]]></p>分享到：,，。標題正文 \n\u3000"))


def test_page_is_reduced_to_its_content_lines() -> None:
    result = clean_text(PAGE_TRADITIONAL)
    assert result.texts == [
        "江海區舉辦鄰里節，設置六大體驗區",
        "鄰里攜手拼出新畫卷",
        "來源：江門日報  發表時間：2025-07-10 07:30",
        "活動現場，不少市民體驗傳統文化魅力。",
        "活動現場，不少市民體驗傳統文化魅力。",
        "□文/圖 江門日報記者 陳嬋 通訊員 劉小鳳",
        "7月4日，江海區第二屆鄰里節在江海廣場啟動。",
        "多元聚力",
        "共繪“鄰里同心圓”",
        "啟動儀式上，6位代表共同完成拼圖，象徵著黨群同心。",
        "（責任編輯： 李芳菲  二審：王雪晴  三審：寧園 ）",
    ]
    reasons = [repair.reason for repair in result.repairs]
    assert reasons.count("indent-placeholder") == 5
    assert {"seo-spam-line", "image-placeholder", "html-remnant", "share-widget"} <= set(reasons)
    assert all(repair.stage == "clean" for repair in result.repairs)
    assert_offsets_point_into(PAGE_TRADITIONAL, result.repairs)
    assert_lines_point_into(PAGE_TRADITIONAL, result.lines)


def test_clean_text_without_debris_is_unchanged_and_unrecorded() -> None:
    text = "活動現場，不少市民體驗傳統文化魅力。\n社区举办活动，居民踊跃参加。"
    result = clean_text(text)
    assert "\n".join(result.texts) == text
    assert result.repairs == []


def test_steps_are_registered_by_name() -> None:
    assert list(CLEAN_STEPS) == [
        "strip_html_remnants",
        "strip_indent_placeholders",
        "drop_image_placeholders",
        "drop_share_widget",
        "drop_seo_spam_line",
        "split_glued_headings",
    ]


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet=DEBRIS_ALPHABET)))
def test_records_and_lines_always_point_into_the_input(text: str) -> None:
    result = clean_text(text)
    assert_offsets_point_into(text, result.repairs)
    assert_lines_point_into(text, result.lines)
    assert all(line.text and line.text == line.text.strip() for line in result.lines)
