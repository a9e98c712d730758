"""Tell the kinds of body lines apart: subheadings versus paragraphs."""

from __future__ import annotations

import re

MAX_SUBHEADING_LENGTH = 24
# A "?" left in repaired text stands for an unknown character, not a question mark.
_SENTENCE_PUNCTUATION = re.compile(r"[。！？!；;…]")
_OPEN_ENDING = ("，", ",", "、", "：", ":")


def is_subheading(text: str) -> bool:
    """True for a short line without sentence punctuation that does not trail off."""
    return (
        0 < len(text) <= MAX_SUBHEADING_LENGTH
        and not _SENTENCE_PUNCTUATION.search(text)
        and not text.endswith(_OPEN_ENDING)
    )
