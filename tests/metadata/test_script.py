"""Tests for telling traditional, simplified and mixed Chinese apart."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.chinese_script import fold_table, fold_to_simplified
from index.metadata.script import detect_script, script_counts, script_tables


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


def _script_chars() -> list[str]:
    tables = script_tables()
    return sorted(tables.traditional_only | tables.simplified_only)


_MIXED_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(_script_chars()),  # the BMP ones and the astral ones (𠮶, ...)
        st.characters(codec="utf-8"),
        st.sampled_from(["\x00", "\x01", "\x02", "後", "這", "这", "𠮶"]),
    ),
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(_MIXED_TEXT)
def test_script_counts_are_the_counts_of_the_two_sets(text: str) -> None:
    tables = script_tables()
    expected = (
        sum(char in tables.traditional_only for char in text),
        sum(char in tables.simplified_only for char in text),
    )
    assert script_counts(text) == expected


def test_script_counts_see_characters_outside_the_bmp() -> None:
    tables = script_tables()
    astral = sorted(c for c in tables.traditional_only if ord(c) >= 0x10000)
    assert astral  # OpenCC's tables hold some
    assert script_counts(astral[0] + "們们\x01\x02") == (2, 1)


@settings(max_examples=300, deadline=None)
@given(_MIXED_TEXT)
def test_fold_to_simplified_is_the_fold_tables_translation(text: str) -> None:
    assert fold_to_simplified(text) == text.translate(fold_table())


def test_fold_to_simplified_folds_traditional_text() -> None:
    assert (
        fold_to_simplified("活動現場，不少市民體驗傳統文化。") == "活动现场，不少市民体验传统文化。"
    )
