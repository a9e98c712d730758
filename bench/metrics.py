"""Character error counts between a repaired text and its original."""

from __future__ import annotations

import difflib
import re

from index.repair.pinyin import SYLLABLE

_ANNOTATIONS = re.compile(rf"[(?]{SYLLABLE}\)")


def character_errors(produced: str, expected: str) -> int:
    """Characters in the blocks where the texts differ (an upper bound on edit distance)."""
    matcher = difflib.SequenceMatcher(None, produced, expected, autojunk=False)
    errors = 0
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag != "equal":
            errors += max(a2 - a1, b2 - b1)
    return errors


def strip_annotations(damaged: str) -> str:
    """The naive repair: delete every ``(pinyin)``, whole or missing its ``(``."""
    return _ANNOTATIONS.sub("", damaged)
