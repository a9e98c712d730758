"""Clean stage: split a short heading from the paragraph it was glued to with ``??``."""

from __future__ import annotations

import re

from index.clean.lines import Line, StageResult, removal
from index.model import Repair

# "黨建引領，共治共享??活動伊始，…": a heading of 4-24 characters without sentence-ending
# punctuation, the "??" glue, then the paragraph.
_GLUED_HEADING = re.compile(r"^(?P<heading>[^。！？!?；;…?]{4,24}?)\?\?(?=[^?\s])")


def split_glued_headings(lines: list[Line]) -> StageResult:
    """Break ``heading??paragraph`` lines into a heading line and a paragraph line."""
    cleaned: list[Line] = []
    repairs: list[Repair] = []
    for line in lines:
        match = _GLUED_HEADING.match(line.text)
        if match is None:
            cleaned.append(line)
            continue
        end = match.end("heading")
        cleaned.append(line.cut(0, end))
        cleaned.append(line.cut(end + 2))
        repairs.append(removal(line, end, end + 2, "glued-heading", confidence=0.9))
    return cleaned, repairs
