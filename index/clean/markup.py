"""Clean stage: remove HTML and CDATA debris that survived splitting (``</p>``, ``]]>``, ``]``)."""

from __future__ import annotations

import re

from index.clean.lines import Line, StageResult, removal
from index.model import Repair

# Paragraph tags (also the "/p>" whose "<" a damaged character swallowed) anywhere in a line.
_PARAGRAPH_TAG = re.compile(r"</?p\s*>|(?<=\?)/p>|<br\s*/?>", re.IGNORECASE)
# CDATA terminators, whole or missing their first "]", and lone "]" at the end of a line.
_TRAILING_DEBRIS = re.compile(r"(?:\]?\]>|\])+\s*$")
REASON = "html-remnant"


def strip_html_remnants(lines: list[Line]) -> StageResult:
    """Remove trailing ``]]>``/``]>``/``]`` and ``<p>``/``</p>``/``<br>`` tags from every line.

    A tag inside a line ends a paragraph, so the line is broken there.
    """
    cleaned: list[Line] = []
    repairs: list[Repair] = []
    for line in lines:
        kept, line_repairs = _strip_line(line)
        cleaned.extend(kept)
        repairs.extend(line_repairs)
    return cleaned, repairs


def _strip_line(line: Line) -> tuple[list[Line], list[Repair]]:
    debris = [(m.start(), m.end()) for m in _PARAGRAPH_TAG.finditer(line.text)]
    trailing = _TRAILING_DEBRIS.search(line.text)
    if trailing and not any(start <= trailing.start() < end for start, end in debris):
        debris = [span for span in debris if span[1] <= trailing.start()]
        debris.append((trailing.start(), trailing.end()))
    if not debris:
        return [line], []
    repairs = [removal(line, start, end, REASON) for start, end in debris]
    pieces: list[Line] = []
    position = 0
    for start, end in debris:
        pieces.append(line.cut(position, start))
        position = end
    pieces.append(line.cut(position))
    return pieces, repairs
