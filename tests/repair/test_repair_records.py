"""Each repair is recorded where it happened, with what it replaced, why, and how sure."""

from __future__ import annotations

from bench.damage import damaged_documents
from index.model import Repair
from index.repair import repair_text

REASONS = {"annotation", "punctuation", "gbk-shift", "lost-byte", "kept"}


def test_records_replay_to_the_repaired_text() -> None:
    for doc in damaged_documents(40, seed=21):
        result = repair_text(doc.damaged)
        rebuilt, cursor = [], 0
        for repair in result.repairs:
            assert doc.damaged[repair.offset : repair.offset + len(repair.before)] == repair.before
            assert repair.offset >= cursor
            rebuilt.append(doc.damaged[cursor : repair.offset])
            rebuilt.append(repair.after)
            cursor = repair.offset + len(repair.before)
        rebuilt.append(doc.damaged[cursor:])
        assert "".join(rebuilt) == result.text


def test_records_have_known_reasons_and_confidences() -> None:
    for doc in damaged_documents(20, seed=22):
        for repair in repair_text(doc.damaged).repairs:
            assert repair.reason in REASONS
            assert 0.0 < repair.confidence <= 1.0
            assert repair.stage == "repair"


def test_a_guessed_byte_is_never_reported_as_certain() -> None:
    # The lost byte before "!" could be 海 or 。 (both end in 0xA3); the word model and the
    # open quotation favour 海, but an annotation removal is the only certain kind here.
    result = repair_text("在“漫游江南新遇江?!盋ity Walk打卡地圖上蓋(gài)下首枚印章")
    by_reason = {r.reason: r.confidence for r in result.repairs}
    assert by_reason["annotation"] == 1.0
    assert 0.5 < by_reason["gbk-shift"] < 1.0


def test_annotation_records_are_whole_repairs() -> None:
    # The walk builds annotation records as plain tuples, for speed: they must carry every
    # field of a Repair, defaults included, and compare equal to one made the usual way.
    result = repair_text("江海區(qū)第二屆活動(dòng)開幕")
    assert result.repairs
    for repair in result.repairs:
        assert len(repair) == len(Repair._fields)
        assert repair == Repair(*repair[:5])
