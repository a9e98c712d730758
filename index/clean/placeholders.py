"""Clean stages: drop indentation placeholders (``????``) and lone ``?`` image placeholders."""

from __future__ import annotations

import re

from index.clean.lines import Line, StageResult, removal
from index.model import Repair

# Indentation the mirror could not encode came out as "?"; real indentation is (full-width) space.
_INDENT = re.compile(r"^[ \t\u3000\u00a0]*(?:\?{2,}[ \t\u3000\u00a0]*)?")
_IMAGE_PLACEHOLDER = re.compile(r"^\s*\?\s*$")


def strip_indent_placeholders(lines: list[Line]) -> StageResult:
    """Remove the leading run of ``?`` (two or more) and blanks that indents a paragraph.

    A single leading ``?`` is kept: it may stand for a damaged character.
    Plain leading whitespace is removed without a record.
    """
    cleaned: list[Line] = []
    repairs: list[Repair] = []
    for line in lines:
        end = _INDENT.match(line.text)
        indent_end = end.end() if end else 0
        if not indent_end:
            cleaned.append(line)  # not indented: the line as it is, not a copy
            continue
        if "?" in line.text[:indent_end]:
            repairs.append(removal(line, 0, indent_end, "indent-placeholder"))
        cleaned.append(line.cut(indent_end))
    return cleaned, repairs


def drop_image_placeholders(lines: list[Line]) -> StageResult:
    """Drop lines that hold nothing but one ``?``: the spot where an image was."""
    cleaned: list[Line] = []
    repairs: list[Repair] = []
    for line in lines:
        if _IMAGE_PLACEHOLDER.match(line.text):
            repairs.append(removal(line, 0, len(line.text), "image-placeholder"))
        else:
            cleaned.append(line)
    return cleaned, repairs
