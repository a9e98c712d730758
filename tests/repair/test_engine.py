"""When the repair engages at all, and what it reports."""

from __future__ import annotations

import random

from index.model import Repair
from index.repair import repair_text
from index.repair.engine import _merge, annotated_characters, looks_damaged


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


def test_hostile_wall_of_question_marks_is_given_up_on_and_kept_as_it_is() -> None:
    # Every "?!" keeps several readings alive; past its work budget the repair stops
    # decoding and keeps the rest of the text unchanged instead of taking minutes.
    hostile = "區(qū)" + "?!" * 20_000
    result = repair_text(hostile)
    assert result.text.startswith("區")
    assert result.text.endswith("?!" * 1_000)
    assert len(result.text) >= len(hostile) - 2_000


def test_ordinary_damage_never_runs_out_of_budget() -> None:
    from bench.damage import damaged_documents

    for doc in damaged_documents(60, seed=41):
        repaired = repair_text(doc.damaged).text
        assert "(" not in repaired or "(" in doc.original


def _merge_one_by_one(repairs: list[Repair]) -> list[Repair]:
    """The plain statement of _merge: each record joins the one before if the spot re-cut."""
    merged: list[Repair] = []
    recut = {"gbk-shift", "lost-byte"}
    priority = {"gbk-shift": 3, "lost-byte": 2, "annotation": 1}
    for repair in repairs:
        last = merged[-1] if merged else None
        if (
            last is not None
            and recut & {last.reason, repair.reason}
            and last.offset + len(last.before) == repair.offset
        ):
            merged[-1] = Repair(
                last.offset,
                last.before + repair.before,
                last.after + repair.after,
                max(last.reason, repair.reason, key=lambda r: priority.get(r, 0)),
                min(last.confidence, repair.confidence),
            )
        else:
            merged.append(repair)
    return [r._replace(confidence=round(r.confidence, 3)) for r in merged]


def test_merging_spot_by_spot_is_merging_one_by_one() -> None:
    rng = random.Random(5)
    reasons = ["gbk-shift", "lost-byte", "annotation", "punctuation", "kept"]
    for _ in range(3000):
        repairs, offset = [], 0
        for _ in range(rng.randint(0, 12)):
            offset += rng.choice([0, 0, 1, 2])
            before = rng.choice(["", "a", "bc", "(qū)"])
            after = rng.choice(["", "x", "yz"])
            confidence = rng.choice([1.0, 0.95, 0.6, 0.3, 0.98158464, 0.12345678])
            repairs.append(Repair(offset, before, after, rng.choice(reasons), confidence))
            offset += len(before)
        assert _merge(list(repairs)) == _merge_one_by_one(repairs)
