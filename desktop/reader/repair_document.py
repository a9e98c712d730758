"""The repair view: the repaired text with every repaired spot marked, original on hover."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QTextBlockFormat, QTextCharFormat, QTextCursor

from desktop.document.style import ArticleStyle
from index.model import Repair

__all__ = ["repair_tooltip", "write_repairs"]

REPAIRED_BACKGROUND = "#d9f2e3"
ORIGINAL_COLOR = "#b3261e"
REMOVED_BACKGROUND = "#fde8e6"


def repair_tooltip(repair: Repair) -> str:
    """``'?!班徖' → '福“鄰' (gbk-shift, 99%)`` in plain text."""
    return QCoreApplication.translate(
        "RepairView", "{before} → {after} ({reason}, {confidence}% sure)"
    ).format(
        before=repr(repair.before),
        after=repr(repair.after),
        reason=repair.reason,
        confidence=round(repair.confidence * 100),
    )


def write_repairs(
    cursor: QTextCursor,
    raw: str,
    repairs: Sequence[Repair],
    style: ArticleStyle,
    side_by_side: bool,
) -> int:
    """Write the raw text with the repair stage's changes applied and marked.

    Each changed spot shows the repaired text on a green ground with the original and the
    reason as its tooltip; with ``side_by_side`` the original also follows, struck through in
    red. Clean-up steps (removed lines) are listed after the text. Returns how many spots
    were marked.
    """
    body = style.char_format(style.body_size)
    repaired = style.char_format(style.body_size)
    repaired.setBackground(QColor(REPAIRED_BACKGROUND))
    original = style.char_format(style.meta_size, ORIGINAL_COLOR)
    original.setFontStrikeOut(True)
    original.setBackground(QColor(REMOVED_BACKGROUND))
    block = style.block_format(style.body_size, 6)
    cursor.setBlockFormat(block)
    last = 0
    marked = 0
    for repair in sorted((r for r in repairs if r.stage == "repair"), key=lambda r: r.offset):
        end = repair.offset + len(repair.before)
        if repair.offset < last or raw[repair.offset : end] != repair.before:
            continue  # a record that does not fit this raw text: show the text unmarked
        _insert_lines(cursor, raw[last : repair.offset], body, block)
        tooltip = repair_tooltip(repair)
        if repair.after:
            fmt = QTextCharFormat(repaired)
            fmt.setToolTip(tooltip)
            _insert_lines(cursor, repair.after, fmt, block)
        if side_by_side or not repair.after:
            fmt = QTextCharFormat(original)
            fmt.setToolTip(tooltip)
            _insert_lines(cursor, repair.before, fmt, block)
        marked += 1
        last = end
    _insert_lines(cursor, raw[last:], body, block)
    cleanups = [r for r in repairs if r.stage != "repair"]
    if cleanups:
        heading = style.char_format(style.heading_size, bold=True)
        cursor.insertBlock(style.block_format(style.heading_size, 6))
        cursor.insertText(
            QCoreApplication.translate("RepairView", "Removed or changed while cleaning up"),
            heading,
        )
        meta = style.char_format(style.meta_size, style.meta_color)
        for repair in cleanups:
            cursor.insertBlock(style.block_format(style.meta_size, 2))
            cursor.insertText(f"{repair.reason}: ", meta)
            fmt = QTextCharFormat(original)
            fmt.setToolTip(repair_tooltip(repair))
            cursor.insertText(repair.before.replace("\n", " ⏎ ")[:200], fmt)
            if repair.after:
                cursor.insertText(" → " + repair.after[:200], meta)
    return marked


def _insert_lines(
    cursor: QTextCursor, text: str, fmt: QTextCharFormat, block: QTextBlockFormat
) -> None:
    """Insert text, turning its newlines into paragraph breaks (blank lines collapse)."""
    for number, line in enumerate(text.split("\n")):
        if number and cursor.block().length() > 1:
            cursor.insertBlock(block)
        if line.strip():
            cursor.insertText(line, fmt)
