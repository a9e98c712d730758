"""When the repair engages at all, and what it reports."""

from __future__ import annotations

from index.repair import repair_text
from index.repair.engine import annotated_characters, looks_damaged


def test_annotations_that_fit_their_character_make_the_table() -> None:
    table = annotated_characters("江海區(qū)第二屆活動(dòng)，以及Get(get)和行(wrong)")
    assert table == frozenset({"區", "動"})


def test_text_without_the_mirrors_fingerprints_is_not_touched() -> None:
    assert not looks_damaged("他們使用了(Get)和(Post)兩種方法。", frozenset())
    result = repair_text("這是一段乾淨的文字,沒有任何損壞!")
    assert not result.damaged
    assert result.repairs == []


def test_broken_annotation_alone_is_evidence() -> None:
    assert looks_damaged("他們?cè)趫?bào)告會上", frozenset())
