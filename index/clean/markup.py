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
    if ">" not in line.text and "]" not in line.text:
        return [line], []  # every tag and every piece of debris holds one of the two (most lines)
    end = len(line.text)
    trailing = _TRAILING_DEBRIS.search(line.text)
    tags = [(m.start(), m.end()) for m in _PARAGRAPH_TAG.finditer(line.text)]
    if trailing and not any(start <= trailing.start() < stop for start, stop in tags):
        end = trailing.start()
    tags = [(start, stop) for start, stop in tags if stop <= end]
    if not tags and end == len(line.text):
        return [line], []
    repairs = [removal(line, start, stop, REASON) for start, stop in tags]
    if end < len(line.text):
        repairs.append(removal(line, end, len(line.text), REASON))
    pieces: list[Line] = []
    position = 0
    for start, stop in tags:
        pieces.append(line.cut(position, start))
        position = stop
    pieces.append(line.cut(position, end))
    return pieces, repairs
