"""Tests for splitting headings glued to their paragraph with ``??``."""

from __future__ import annotations

import pytest

from index.clean.headings import split_glued_headings
from tests.helpers.lines import assert_lines_point_into, lines_of, texts


def test_glued_heading_is_split_from_its_paragraph() -> None:
    text = "黨建引領，共治共享??活動伊始，社區負責人致辭。\n總結與展望??活動尾聲時，社區總結。"
    lines, repairs = split_glued_headings(lines_of(text))
    assert texts(lines) == [
        "黨建引領，共治共享",
        "活動伊始，社區負責人致辭。",
        "總結與展望",
        "活動尾聲時，社區總結。",
    ]
    assert [(r.reason, r.before, r.after, r.offset) for r in repairs] == [
        ("glued-heading", "??", "", 9),
        ("glued-heading", "??", "", 30),
    ]
    assert_lines_point_into(text, lines)


@pytest.mark.parametrize(
    "line",
    [
        "李??表示同意。",  # two unknown characters in a name, not a heading
        "這是一個完整的句子。後面??不是標題",
        "標題太長了超過了二十四個字的限制所以不能算作標題的文字??正文",
        "????正文",
        "標題文字??",
    ],
)
def test_other_double_question_marks_are_left_alone(line: str) -> None:
    lines = lines_of(line)
    assert split_glued_headings(lines) == (lines, [])
