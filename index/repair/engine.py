"""Repair stage entry point: decide whether a text is damaged, then decode it back in step."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from index.model import Repair
from index.repair.pinyin import (
    BROKEN_ANNOTATION,
    SYLLABLE,
    is_annotation_syllable,
    reading_match,
)
from index.repair.realign import realign

# ASCII punctuation squeezed between Chinese characters, as the mirror's replacement left it.
_ASCII_PUNCT_IN_CHINESE = re.compile(r"[“”\u2e80-\uffff][,!:;][“”\u2e80-\uffff]")
_FULLWIDTH_PUNCT = re.compile(r"[，！：；？（）]")
_ANNOTATED_CHARACTER = re.compile(rf".\({SYLLABLE}\)")
_ORPHAN_BEFORE_PUNCT = re.compile(r"[\u2e80-\uffff]\?[,!:;]")


@dataclass(frozen=True, slots=True)
class RepairResult:
    text: str
    repairs: list[Repair] = field(default_factory=list)
    damaged: bool = False


def annotated_characters(text: str) -> frozenset[str]:
    """Characters the mirror annotated in this text: ``區(qū)`` gives ``區``."""
    # Whole matches ("區(qū)"), not (character, syllable) groups: strings are cheaper to
    # collect and to put in a set, and a damaged text holds one every ten characters.
    found = set(_ANNOTATED_CHARACTER.findall(text))
    return frozenset(annotated[0] for annotated in found if _annotation_fits(annotated))


@lru_cache(maxsize=1 << 16)
def _annotation_fits(annotated: str) -> bool:
    """Whether ``區(qū)`` is a character followed by a pinyin annotation that it reads."""
    char, syllable = annotated[0], annotated[2:-1]
    return is_annotation_syllable(syllable) and reading_match(char, syllable) > 0


def looks_damaged(text: str, table: frozenset[str]) -> bool:
    """Only a text that carries the mirror's fingerprints is touched at all.

    Clean text, simplified or traditional, with ASCII or full-width punctuation, must come
    out unchanged, so the evidence has to be specific: pinyin annotations that fit the
    character before them, or annotations that lost their "(" to a broken character.
    """
    if table:
        return True
    if any(is_annotation_syllable(m.group(1)) for m in BROKEN_ANNOTATION.finditer(text)):
        return True
    # No annotation at all: the replacement of full-width punctuation still shows when no
    # full-width mark is left and lead bytes were orphaned at the cuts.
    return (
        not _FULLWIDTH_PUNCT.search(text)
        and _ASCII_PUNCT_IN_CHINESE.search(text) is not None
        and _ORPHAN_BEFORE_PUNCT.search(text) is not None
    )


_PRIORITY = {"gbk-shift": 3, "lost-byte": 2, "annotation": 1, "punctuation": 0, "kept": 0}
# A spot's records are joined when one of them re-cut bytes.
_JOINED_REASONS = frozenset({"gbk-shift", "lost-byte"})


def _merge(repairs: list[Repair]) -> list[Repair]:
    """Join the records of one damaged spot, as a reader would describe it."""
    merged: list[Repair] = []
    last: Repair | None = None
    for repair in repairs:
        if (
            last is not None
            and (repair.reason in _JOINED_REASONS or last.reason in _JOINED_REASONS)
            and last.offset + len(last.before) == repair.offset
        ):
            last = merged[-1] = Repair(
                last.offset,
                last.before + repair.before,
                last.after + repair.after,
                max(last.reason, repair.reason, key=lambda r: _PRIORITY.get(r, 0)),
                min(last.confidence, repair.confidence),
            )
        else:
            merged.append(repair)
            last = repair
    return [r if r.confidence == 1.0 else _rounded(r) for r in merged]


def _rounded(repair: Repair) -> Repair:
    """The record with its confidence to three decimals; most already are (0.95, 0.6)."""
    confidence = round(repair.confidence, 3)
    return repair if confidence == repair.confidence else repair._replace(confidence=confidence)


def repair_text(text: str) -> RepairResult:
    """Repair one article's raw text; returns it unchanged when it shows no damage."""
    table = annotated_characters(text)
    if not looks_damaged(text, table):
        return RepairResult(text)
    repaired, repairs = realign(text, table)
    return RepairResult(repaired, _merge(repairs), damaged=True)
