"""Draws a search hit's title cell in two lines: the title, then its snippet with the matches
marked."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.library_view.article_model import SNIPPET_ROLE
from index.search.snippets import Snippet

__all__ = ["TitleDelegate", "snippet_runs"]

HIGHLIGHT = "#ffe08a"
MARKED_TEXT = "#1d1d1f"
MUTED_TEXT = "#6e6e73"
PADDING = 4


class TitleDelegate(QStyledItemDelegate):
    """Rows without a snippet are drawn as usual. The two lines are drawn as text runs with
    the painter (a QTextDocument per cell cost ~1.5 ms at each paint)."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        snippet = index.data(SNIPPET_ROLE)
        if not isinstance(snippet, Snippet):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        title = option.text
        option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_color = palette.color(role)
        rect = option.rect.adjusted(PADDING, PADDING // 2, -PADDING, -PADDING // 2)
        metrics = option.fontMetrics
        line = metrics.lineSpacing()
        painter.save()
        painter.setClipRect(rect)
        painter.setFont(option.font)
        painter.setPen(text_color)
        title_rect = QRect(rect.left(), rect.top(), rect.width(), line)
        elided = metrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(title_rect, int(Qt.AlignmentFlag.AlignLeft), elided)
        x, top = float(rect.left()), float(rect.top() + line)
        muted = text_color if selected else QColor(MUTED_TEXT)
        for text, marked in snippet_runs(snippet):
            if x > rect.right():
                break
            width = metrics.horizontalAdvance(text)
            if marked:
                painter.fillRect(QRectF(x, top, width, line), QColor(HIGHLIGHT))
            painter.setPen(QColor(MARKED_TEXT) if marked else muted)
            painter.drawText(QPointF(x, top + metrics.ascent()), text)
            x += width
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        if isinstance(index.data(SNIPPET_ROLE), Snippet):
            size.setHeight(option.fontMetrics.lineSpacing() * 2 + PADDING * 2)
        return size


def snippet_runs(snippet: Snippet) -> list[tuple[str, bool]]:
    """The snippet's text cut at its marks: (text, marked) in order, no empty runs."""
    runs: list[tuple[str, bool]] = []
    last = 0
    text = snippet.text
    for mark_start, end in snippet.highlights:
        start = max(mark_start, last)  # marks that overlap are drawn once
        if start > last:
            runs.append((text[last:start], False))
        if end > start:
            runs.append((text[start:end], True))
        last = max(last, end)
    if last < len(text):
        runs.append((text[last:], False))
    return runs
