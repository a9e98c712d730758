"""Repair stage entry point: decide whether a text is damaged, then decode it back in step."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
_ANNOTATED_CHARACTER = re.compile(rf"(.)\(({SYLLABLE})\)")
_ORPHAN_BEFORE_PUNCT = re.compile(r"[\u2e80-\uffff]\?[,!:;]")


@dataclass(frozen=True, slots=True)
class RepairResult:
    text: str
    repairs: list[Repair] = field(default_factory=list)
    damaged: bool = False


def annotated_characters(text: str) -> frozenset[str]:
    """Characters the mirror annotated in this text: ``區(qū)`` gives ``區``."""
    pairs = set(_ANNOTATED_CHARACTER.findall(text))
    return frozenset(
        char
        for char, syllable in pairs
        if is_annotation_syllable(syllable) and reading_match(char, syllable)
    )


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


def _merge(repairs: list[Repair]) -> list[Repair]:
    """Join the records of one damaged spot, as a reader would describe it."""
    merged: list[Repair] = []
    for repair in repairs:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.offset + len(last.before) == repair.offset
            and ({"gbk-shift", "lost-byte"} & {last.reason, repair.reason})
        ):
            merged[-1] = Repair(
                last.offset,
                last.before + repair.before,
                last.after + repair.after,
                max(last.reason, repair.reason, key=lambda r: _PRIORITY.get(r, 0)),
                min(last.confidence, repair.confidence),
            )
        else:
            merged.append(repair)
    return [
        r if r.confidence == 1.0 else r._replace(confidence=round(r.confidence, 3)) for r in merged
    ]


def repair_text(text: str) -> RepairResult:
    """Repair one article's raw text; returns it unchanged when it shows no damage."""
    table = annotated_characters(text)
    if not looks_damaged(text, table):
        return RepairResult(text)
    repaired, repairs = realign(text, table)
    return RepairResult(repaired, _merge(repairs), damaged=True)
