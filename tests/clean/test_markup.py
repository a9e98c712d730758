"""Tests for removing HTML and CDATA debris left in lines."""

from __future__ import annotations

import pytest

from index.clean.markup import strip_html_remnants
from tests.helpers.lines import assert_lines_point_into, assert_offsets_point_into, lines_of, texts


@pytest.mark.parametrize(
    ("text", "kept", "removed"),
    [
        ("的需求。”</p>", ["的需求。”", ""], ["</p>"]),
        ("的需求。”</p> ]]>", ["的需求。”", " "], ["</p>", "]]>"]),
        ("結尾。]>", ["結尾。"], ["]>"]),
        ("結尾。]", ["結尾。"], ["]"]),
        ("<p>段落</p>", ["", "段落", ""], ["<p>", "</p>"]),
        ("一行<br>二行", ["一行", "二行"], ["<br>"]),
        ("需求?/p>", ["需求?", ""], ["/p>"]),  # "<" swallowed by a damaged character
    ],
)
def test_debris_is_removed(text: str, kept: list[str], removed: list[str]) -> None:
    lines, repairs = strip_html_remnants(lines_of(text))
    assert texts(lines) == kept
    assert [r.before for r in repairs] == removed
    assert {r.reason for r in repairs} == {"html-remnant"}
    assert_offsets_point_into(text, repairs)
    assert_lines_point_into(text, lines)


@pytest.mark.parametrize("text", ["方括號[注]在中間。", "a/p> b", "1 < 2 > 0"])
def test_text_that_only_resembles_debris_is_kept(text: str) -> None:
    lines = lines_of(text)
    assert strip_html_remnants(lines) == (lines, [])
