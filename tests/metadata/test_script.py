"""Tests for telling traditional, simplified and mixed Chinese apart."""

from __future__ import annotations

import pytest

from index.metadata.script import detect_script, script_tables


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("活動現場，不少市民體驗傳統文化魅力。", "traditional"),
        ("活动现场，不少市民体验传统文化魅力。", "simplified"),
        ("活動現場，活动现场。", "mixed"),
        ("中文字幕，人民大会", "simplified"),  # no character specific to either script
        ("", "simplified"),
        ("City Walk 2025", "simplified"),
    ],
)
def test_detects_script(text: str, script: str) -> None:
    assert detect_script(text) == script


def test_a_stray_character_does_not_make_a_long_text_mixed() -> None:
    text = "活動現場，不少市民體驗傳統文化魅力。" * 10 + "后"  # 后 is shared; 这 is not
    assert detect_script(text + "这") == "traditional"


def test_tables_come_from_opencc_and_are_built_once() -> None:
    tables = script_tables()
    assert script_tables() is tables
    assert {"們", "這", "說"} <= tables.traditional_only
    assert {"们", "这", "说"} <= tables.simplified_only
    assert not {"后", "里", "干", "乾", "著"} & (tables.traditional_only | tables.simplified_only)
