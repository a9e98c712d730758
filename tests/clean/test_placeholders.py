"""Tests for dropping indentation and image placeholders."""

from __future__ import annotations

from index.clean.placeholders import drop_image_placeholders, strip_indent_placeholders
from tests.helpers.lines import assert_offsets_point_into, lines_of, texts


def test_leading_question_marks_are_indentation() -> None:
    text = "????7月4日，活動啟動。\n??　多元聚力\n　　全角空格縮進"
    lines, repairs = strip_indent_placeholders(lines_of(text))
    assert texts(lines) == ["7月4日，活動啟動。", "多元聚力", "全角空格縮進"]
    assert [(r.reason, r.before) for r in repairs] == [
        ("indent-placeholder", "????"),
        ("indent-placeholder", "??　"),
    ]
    assert_offsets_point_into(text, repairs)


def test_single_leading_question_mark_may_be_a_damaged_character_and_is_kept() -> None:
    lines = lines_of("?表示同意。")
    assert strip_indent_placeholders(lines) == (lines, [])


def test_question_marks_inside_a_line_are_kept() -> None:
    lines = lines_of("社區演講煉金句?口才培訓??啟智言")
    assert strip_indent_placeholders(lines)[0] == lines


def test_lone_question_mark_lines_are_image_placeholders() -> None:
    text = "圖片說明。\n?\n ? \n正文?"
    lines, repairs = drop_image_placeholders(lines_of(text))
    assert texts(lines) == ["圖片說明。", "正文?"]
    assert [(r.reason, r.offset) for r in repairs] == [
        ("image-placeholder", 6),
        ("image-placeholder", 8),
    ]
