"""Tests for reading outlet and publication time from the source line."""

from __future__ import annotations

import pytest

from index.metadata.source_line import SourceInfo, is_source_line, parse_source_line


@pytest.mark.parametrize(
    ("line", "info"),
    [
        ("來源：江門日報  發表時間：2025-07-10 07:30", SourceInfo("江門日報", "2025-07-10T07:30")),
        ("來源:江門日報  發表時間:2025-07-10 07:30   ", SourceInfo("江門日報", "2025-07-10T07:30")),
        ("来源：江门日报 发布时间：2025/7/1 8:05", SourceInfo("江门日报", "2025-07-01T08:05")),
        ("來源：新華社發布中心", SourceInfo("新華社發布中心", None)),
        ("發表時間：2025年7月10日", SourceInfo(None, "2025-07-10")),
        ("來源：江門日報 | 時間：2025-07-10 25:99", SourceInfo("江門日報", "2025-07-10")),
        ("來源：江門日報  發表時間：2025-13-40", SourceInfo("江門日報", None)),
    ],
)
def test_parses_outlet_and_time(line: str, info: SourceInfo) -> None:
    assert is_source_line(line)
    assert parse_source_line(line) == info


@pytest.mark.parametrize("line", ["活動的來源很廣泛。", "江海區舉辦鄰里節", "時間：下午三點"])
def test_other_lines_are_not_source_lines(line: str) -> None:
    assert not is_source_line(line)
