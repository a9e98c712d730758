"""Draws a search hit's title cell in two lines: the title, then its snippet with the matches
marked."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.library_view.article_model import SNIPPET_ROLE
from index.search.snippets import Snippet

__all__ = ["TitleDelegate"]

HIGHLIGHT = "#ffe08a"
PADDING = 4


class TitleDelegate(QStyledItemDelegate):
    """Rows without a snippet are drawn as usual."""

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
        rect = option.rect.adjusted(PADDING, PADDING // 2, -PADDING, -PADDING // 2)
        document = _two_lines(title, snippet, palette.color(role), selected)
        document.setDefaultFont(option.font)
        document.setTextWidth(rect.width())
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, palette.color(role))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        if isinstance(index.data(SNIPPET_ROLE), Snippet):
            size.setHeight(option.fontMetrics.lineSpacing() * 2 + PADDING * 2)
        return size


def _two_lines(title: str, snippet: Snippet, color: QColor, selected: bool) -> QTextDocument:
    """A document of the title and the snippet, each kept to one line (no wrapping)."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    document.setDefaultTextOption(option)
    cursor = QTextCursor(document)
    plain = QTextCharFormat()
    plain.setForeground(color)
    cursor.insertText(title, plain)
    cursor.insertBlock()
    muted = QTextCharFormat(plain)
    if not selected:
        muted.setForeground(QColor("#6e6e73"))
    marked = QTextCharFormat(muted)
    marked.setBackground(QColor(HIGHLIGHT))
    marked.setForeground(QColor("#1d1d1f"))
    last = 0
    text = snippet.text
    for start, end in snippet.highlights:
        cursor.insertText(text[last:start], muted)
        cursor.insertText(text[start:end], marked)
        last = end
    cursor.insertText(text[last:], muted)
    return document
