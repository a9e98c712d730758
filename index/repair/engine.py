"""Repair stage entry point: decide whether a text is damaged, then decode it back in step."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, count
from operator import attrgetter, itemgetter, not_

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
_first = itemgetter(0)


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
    return frozenset(map(_first, filter(_annotation_fits, found)))


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
_reason = attrgetter("reason")
_confidence = attrgetter("confidence")
# Confidences that three decimals leave as they are, among them every rule-based one.
_ROUNDED = frozenset(round(n / 1000, 3) for n in range(1001))


def _merge(repairs: list[Repair]) -> list[Repair]:
    """Join the records of one damaged spot, as a reader would describe it.

    Only a spot with a re-cut record ("gbk-shift", "lost-byte") is joined; the records between
    such spots (most of them: annotations, punctuation) are copied over in bulk.
    """
    merged: list[Repair] = []
    copied = 0  # the records before this one are in ``merged``
    for spot in compress(count(), map(_JOINED_REASONS.__contains__, map(_reason, repairs))):
        if spot >= copied:
            merged += repairs[copied:spot]
            copied = _join_spot(repairs, spot, merged)
    merged += repairs[copied:]
    # Confidences go out to three decimals; only the records whose value that changes are
    # made again. The rule-based values (1.0, 0.95, 0.6: most records) already are, and a
    # set tells so faster than rounding does.
    confidences = list(map(_confidence, merged))
    for i in compress(count(), map(not_, map(_ROUNDED.__contains__, confidences))):
        rounded = _three_decimals(confidences[i])
        if rounded != confidences[i]:
            merged[i] = merged[i]._replace(confidence=rounded)
    return merged


def _join_spot(repairs: list[Repair], first: int, merged: list[Repair]) -> int:
    """Add the records of the spot that the re-cut record ``first`` is part of to ``merged``.

    Returns the index of the first record after the spot: one that joined nothing and did
    not re-cut bytes, so that the next record can only join it if that one re-cut them.
    """
    for i in range(first, len(repairs)):
        repair = repairs[i]
        last = merged[-1] if merged else None
        if (
            last is not None
            and (repair.reason in _JOINED_REASONS or last.reason in _JOINED_REASONS)
            and last.offset + len(last.before) == repair.offset
        ):
            merged[-1] = Repair(
                last.offset,
                last.before + repair.before,
                last.after + repair.after,
                max(last.reason, repair.reason, key=lambda r: _PRIORITY.get(r, 0)),
                min(last.confidence, repair.confidence),
            )
        elif repair.reason in _JOINED_REASONS:
            merged.append(repair)
        else:
            return i
    return len(repairs)


@lru_cache(maxsize=1 << 12)
def _three_decimals(confidence: float) -> float:
    return round(confidence, 3)


def repair_text(text: str) -> RepairResult:
    """Repair one article's raw text; returns it unchanged when it shows no damage."""
    table = annotated_characters(text)
    if not looks_damaged(text, table):
        return RepairResult(text)
    repaired, repairs = realign(text, table)
    return RepairResult(repaired, _merge(repairs), damaged=True)
