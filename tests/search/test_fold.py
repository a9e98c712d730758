"""The search fold table: one script, one width, one case, and never a change of length."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from index.search.fold import fold, fold_table


def test_traditional_folds_to_simplified() -> None:
    assert fold("社區鄰里節後來") == "社区邻里节后来"


def test_simplified_and_ascii_text_is_unchanged() -> None:
    assert fold("社区 2025 abc") == "社区 2025 abc"


def test_full_width_and_upper_case_fold_to_ascii_lower_case() -> None:
    assert fold("ＡＢＣ１２３ iPhone") == "abc123 iphone"


def test_every_entry_maps_one_character_to_one() -> None:
    assert all(len(target) == 1 for target in fold_table().values())


def test_folding_twice_changes_nothing() -> None:
    table = fold_table()
    sources = "".join(chr(code) for code in table)
    assert fold(fold(sources)) == fold(sources)


@given(st.text())
def test_length_is_preserved(text: str) -> None:
    assert len(fold(text)) == len(text)
