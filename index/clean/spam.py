"""Clean stage: drop the SEO spam line (a list of unrelated search phrases) that opens a page."""

from __future__ import annotations

import re

from index.clean.lines import Line, StageResult, removal

_PHRASE_SEPARATOR = re.compile(r"[,，]")
# Marks that a headline or a sentence has but a bare list of search phrases does not.
_PROSE_MARKS = re.compile(r"[。！？!?：:；;“”\"《》()（）、]")
_MIN_PHRASES = 4
_MAX_PHRASE_LENGTH = 20


def is_seo_spam_line(text: str) -> bool:
    """True for a comma-separated list of at least four short phrases and no prose marks."""
    if _PROSE_MARKS.search(text):
        return False
    phrases = [phrase.strip() for phrase in _PHRASE_SEPARATOR.split(text)]
    return len(phrases) >= _MIN_PHRASES and all(
        0 < len(phrase) <= _MAX_PHRASE_LENGTH for phrase in phrases
    )


def drop_seo_spam_line(lines: list[Line]) -> StageResult:
    """Drop the first non-blank line when it is an SEO spam line; other lines are left alone."""
    for index, line in enumerate(lines):
        if not line.text.strip():
            continue
        if not is_seo_spam_line(line.text):
            break
        repair = removal(line, 0, len(line.text), "seo-spam-line", confidence=0.9)
        return [*lines[:index], *lines[index + 1 :]], [repair]
    return lines, []
