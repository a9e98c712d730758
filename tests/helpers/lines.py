"""Build clean-stage lines from literal text in tests."""

from __future__ import annotations

from index.clean.lines import Line, split_lines
from index.model import Repair


def lines_of(text: str) -> list[Line]:
    return split_lines(text)


def texts(lines: list[Line]) -> list[str]:
    return [line.text for line in lines]


def assert_offsets_point_into(text: str, repairs: list[Repair]) -> None:
    """Every removal record names exactly the characters at its offset in ``text``."""
    for repair in repairs:
        assert text[repair.offset : repair.offset + len(repair.before)] == repair.before, repair


def assert_lines_point_into(text: str, lines: list[Line]) -> None:
    for line in lines:
        assert text[line.offset : line.offset + len(line.text)] == line.text, line
