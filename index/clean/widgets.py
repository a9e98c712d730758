"""Clean stage: drop the share widget's text (``分享到：``) that the page scrape kept."""

from __future__ import annotations

import re

from index.clean.lines import Line, StageResult, removal
from index.model import Repair

# The widget label, optionally followed by a few short service names ("微信 微博 QQ空間").
_SHARE_WIDGET = re.compile(r"^\s*分享到\s*[:：]?[^。！？，,]{0,24}$")


def drop_share_widget(lines: list[Line]) -> StageResult:
    """Drop lines that are the ``分享到：``/``分享到:`` widget."""
    cleaned: list[Line] = []
    repairs: list[Repair] = []
    for line in lines:
        if _SHARE_WIDGET.match(line.text):
            repairs.append(removal(line, 0, len(line.text), "share-widget"))
        else:
            cleaned.append(line)
    return cleaned, repairs
