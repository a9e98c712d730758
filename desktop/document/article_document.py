"""Write an article into a QTextDocument as plain text runs: title, metadata line, paragraphs."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from desktop.document.style import ArticleStyle
from desktop.script import DisplayArticle

__all__ = ["format_published", "metadata_line", "new_document", "write_article"]

Highlighter = Callable[[str], Sequence[tuple[int, int]]]


def new_document(style: ArticleStyle) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(style.char_format(style.body_size).font())
    document.setUndoRedoEnabled(False)
    return document


def format_published(published: str | None) -> str:
    """``2025-07-10 07:30`` from ``2025-07-10T07:30``; empty when unknown."""
    return (published or "").replace("T", " ")


def metadata_line(article: DisplayArticle) -> str:
    """Outlet · date · authors, the parts that are known."""
    parts = [article.outlet or "", format_published(article.published)]
    if article.authors:
        parts.append(
            QCoreApplication.translate("ArticleDocument", "By {authors}").format(
                authors="、".join(article.authors)
            )
        )
    return "  ·  ".join(part for part in parts if part)


def write_article(
    cursor: QTextCursor,
    article: DisplayArticle,
    style: ArticleStyle,
    highlight: Highlighter | None = None,
    first: bool = True,
    on_title: Callable[[int], None] | None = None,
) -> None:
    """Append ``article`` at ``cursor``. Text is inserted as text, never parsed as markup.

    ``first`` is False for the second and later article of a PDF: they start on a new page.
    ``on_title`` receives the block number of the title (the PDF outline uses it).
    """
    title_format = style.char_format(style.title_size, bold=True)
    title_block = style.block_format(style.title_size, 8, page_break=not first, line_height=135)
    _start_block(cursor, title_block, first)
    if on_title is not None:
        on_title(cursor.blockNumber())
    _insert(cursor, article.title, title_format, style, highlight)
    if article.subtitle:
        _start_block(cursor, style.block_format(style.heading_size, 6, line_height=150))
        _insert(cursor, article.subtitle, style.char_format(style.heading_size), style, highlight)
    meta = metadata_line(article)
    if meta:
        _start_block(cursor, style.block_format(style.meta_size, 10))
        cursor.insertText(meta, style.char_format(style.meta_size, style.meta_color))
    for caption in article.captions:
        _start_block(cursor, style.block_format(style.meta_size, 6))
        caption_format = style.char_format(style.meta_size, style.meta_color)
        _insert(
            cursor,
            QCoreApplication.translate("ArticleDocument", "[Picture] ") + caption,
            caption_format,
            style,
            highlight,
        )
    body_format = style.char_format(style.body_size)
    heading_format = style.char_format(style.heading_size, bold=True)
    for paragraph in article.paragraphs:
        if paragraph in article.subheadings:
            _start_block(cursor, style.block_format(style.heading_size, 4, line_height=150))
            _insert(cursor, paragraph, heading_format, style, highlight)
        else:
            _start_block(cursor, style.block_format(style.body_size, 6, indent=True))
            _insert(cursor, paragraph, body_format, style, highlight)
    if article.editors:
        _start_block(cursor, style.block_format(style.meta_size, 6))
        editors = QCoreApplication.translate("ArticleDocument", "Editors: {editors}").format(
            editors="、".join(article.editors)
        )
        cursor.insertText(editors, style.char_format(style.meta_size, style.meta_color))


def _start_block(cursor: QTextCursor, block_format: QTextBlockFormat, first: bool = False) -> None:
    """Begin a block; the very first block of a document reuses the empty one Qt made."""
    if first and cursor.atStart() and cursor.block().length() == 1:
        cursor.setBlockFormat(block_format)
    else:
        cursor.insertBlock(block_format)


def _insert(
    cursor: QTextCursor,
    text: str,
    fmt: QTextCharFormat,
    style: ArticleStyle,
    highlight: Highlighter | None,
) -> None:
    """Insert ``text`` in ``fmt``, marking the spans ``highlight`` finds (search matches)."""
    spans = highlight(text) if highlight is not None else []
    if not spans:
        cursor.insertText(text, fmt)
        return
    marked = style.highlight_format(fmt)
    last = 0
    for start, end in spans:
        if start > last:
            cursor.insertText(text[last:start], fmt)
        cursor.insertText(text[start:end], marked)
        last = end
    if last < len(text):
        cursor.insertText(text[last:], fmt)
