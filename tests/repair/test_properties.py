"""Property tests: the repair never raises, leaves clean text alone, and undoes the damage."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bench.damage import choose_table, damage_text, to_traditional
from bench.metrics import character_errors
from bench.sentences import SENTENCES
from index.repair import repair_text
from index.repair.gbk_codec import FULLWIDTH_TO_ASCII

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

chinese_text = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.sampled_from(list("，。！？：；（）“”、 \n?,.!:;()0123456789abcxyzāéǐòū")),
    ),
    max_size=200,
)
sentences = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=8).map("".join)


@SETTINGS
@given(chinese_text)
def test_repair_never_raises_and_records_valid_spans(text: str) -> None:
    result = repair_text(text)
    for repair in result.repairs:
        assert text[repair.offset : repair.offset + len(repair.before)] == repair.before


@SETTINGS
@given(st.text(max_size=300))
def test_repair_never_raises_on_any_text(text: str) -> None:
    assert isinstance(repair_text(text).text, str)


@SETTINGS
@given(sentences, st.booleans(), st.booleans())
def test_clean_text_comes_back_unchanged(text: str, traditional: bool, ascii_marks: bool) -> None:
    if traditional:
        text = to_traditional(text)
    if ascii_marks:
        text = text.translate(str.maketrans(FULLWIDTH_TO_ASCII))
    result = repair_text(text)
    assert result.text == text
    assert result.repairs == []


@SETTINGS
@given(sentences, st.integers(min_value=0, max_value=2**32 - 1))
def test_damage_then_repair_gives_the_original_back(text: str, seed: int) -> None:
    original = to_traditional(text)
    table = choose_table(original, random.Random(seed))
    # Without annotations the damage is only ASCII punctuation, which clean text may have as
    # well: such text must be left as it is (see test_clean_text_comes_back_unchanged).
    assume(table)
    damaged = damage_text(original, table)
    repaired = repair_text(damaged).text
    # The language model may still miss the odd lost byte (once per repeat of a sentence);
    # the structure never breaks, which would garble whole runs of characters.
    assert character_errors(repaired, original) <= max(4, len(original) // 50)
    assert not any(0xE000 <= ord(c) <= 0xF8FF for c in repaired)


def test_generated_archive_error_rate_stays_within_target() -> None:
    from bench.damage import damaged_documents

    total = errors = 0
    for doc in damaged_documents(150, seed=31):
        total += len(doc.original)
        errors += character_errors(repair_text(doc.damaged).text, doc.original)
    assert errors / total <= 0.002
