"""Guards against defects of the Qt binding itself that would crash the reader."""

from __future__ import annotations

import sys

from PySide6.QtGui import QTextBlockFormat


def test_paragraph_format_setters_keep_references_to_none() -> None:
    # PySide6 6.12.0 drops a reference to None on every call of these setters; the reader
    # makes them for every paragraph, so after enough articles Python frees None and aborts.
    block = QTextBlockFormat()
    before = sys.getrefcount(None)
    for _ in range(1_000):
        block.setLineHeight(180.0, 1)
        block.setBottomMargin(4.0)
        block.setTextIndent(2.0)
    assert sys.getrefcount(None) - before > -100
