"""Export articles to PDF: a page break before each, page numbers, outline, title, CJK font."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
)

from desktop.document.article_document import new_document, write_article
from desktop.document.style import ArticleStyle
from desktop.fonts import reader_font
from desktop.script import DisplayArticle, DisplayScript, ScriptConverter
from index.library.records import StoredArticle

__all__ = ["PdfExport", "default_title", "export_pdf"]

RESOLUTION = 300  # dots per inch of the PDF's coordinate space
FOOTER_MM = 10.0
MARGINS_MM = QMarginsF(22, 20, 22, 12)  # left, top, right, bottom (the footer sits above it)
PDF_STYLE = ArticleStyle(
    body_size=11.0,
    title_size=17.0,
    meta_size=9.0,
    heading_size=12.0,
    pixels_per_point=RESOLUTION / 72,
)


@dataclass(frozen=True, slots=True)
class PdfExport:
    """What was written: the file, its page count and the page each article starts on."""

    path: Path
    pages: int
    start_pages: tuple[int, ...]


def default_title(articles: Sequence[DisplayArticle]) -> str:
    """The first article's title for one article; otherwise "Archive Reader: N articles"."""
    if len(articles) == 1:
        return articles[0].title
    return QCoreApplication.translate("PdfExport", "Archive Reader: {count} articles").format(
        count=len(articles)
    )


def export_pdf(
    articles: Sequence[StoredArticle],
    path: Path,
    script: DisplayScript | None,
    title: str | None = None,
    converter: ScriptConverter | None = None,
) -> PdfExport:
    """Write ``articles`` in ``script`` (None: as stored) to ``path``; needs a QGuiApplication.

    The file appears complete or not at all: it is written next to ``path`` and renamed.
    Raises ``ValueError`` for no articles and ``OSError`` when the file cannot be written.
    """
    from desktop.export.outline import add_outline  # pypdf loads slowly: not at start-up

    if not articles:
        raise ValueError("nothing to export")
    converter = converter or ScriptConverter()
    shown = [converter.article(article, script) for article in articles]
    title = title or default_title(shown)
    folder = path.resolve().parent
    with tempfile.TemporaryDirectory(dir=folder, prefix=".export-") as scratch:
        drawn = Path(scratch) / "drawn.pdf"
        pages, start_pages = _draw(shown, drawn, title)
        finished = Path(scratch) / "finished.pdf"
        entries = [(article.title, page) for article, page in zip(shown, start_pages, strict=True)]
        add_outline(drawn, finished, entries, title)
        os.replace(finished, path)
    return PdfExport(path, pages, tuple(start_pages))


def _new_writer(path: Path, title: str) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(title)
    writer.setCreator("Archive Reader")
    return writer


def _draw(shown: Sequence[DisplayArticle], path: Path, title: str) -> tuple[int, list[int]]:
    """Lay the articles out on pages and paint them; returns page count and start pages."""
    writer = _new_writer(path, title)
    document = new_document(PDF_STYLE)
    document.documentLayout().setPaintDevice(writer)
    document.setDocumentMargin(0)
    cursor = QTextCursor(document)
    title_blocks: list[int] = []
    for number, article in enumerate(shown):
        write_article(cursor, article, PDF_STYLE, first=number == 0, on_title=title_blocks.append)
    width = float(writer.width())
    footer = RESOLUTION * FOOTER_MM / 25.4
    body_height = float(writer.height()) - footer
    document.setPageSize(QSizeF(width, body_height))
    pages = document.pageCount()
    start_pages = [_page_of_block(document, block, body_height) for block in title_blocks]
    painter = QPainter(writer)
    try:
        for page in range(pages):
            if page:
                writer.newPage()
            _paint_page(painter, document, page, width, body_height, footer, pages)
    finally:
        painter.end()
    return pages, start_pages


def _page_of_block(document: QTextDocument, block_number: int, page_height: float) -> int:
    block = document.findBlockByNumber(block_number)
    top = document.documentLayout().blockBoundingRect(block).top()
    return int((top + 1.0) // page_height)


def _paint_page(
    painter: QPainter,
    document: QTextDocument,
    page: int,
    width: float,
    body_height: float,
    footer: float,
    pages: int,
) -> None:
    """Draw the lines laid out on ``page``, line by line, then the page number.

    Not ``drawContents``: it paints every block that touches the page whole, so a paragraph
    split across pages would leave its lines in the PDF text layer twice, clipped or not.
    """
    top = page * body_height
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        origin = layout.blockBoundingRect(block).topLeft()
        text_layout = block.layout()
        for number in range(text_layout.lineCount()):
            line = text_layout.lineAt(number)
            line_top = origin.y() + line.y()
            if top - 0.5 <= line_top < top + body_height - 0.5:
                line.draw(painter, QPointF(origin.x(), origin.y() - top))
        block = block.next()
    painter.setFont(reader_font(PDF_STYLE.meta_size))
    painter.setPen(QColor(PDF_STYLE.meta_color))
    painter.drawText(
        QRectF(0, body_height, width, footer),
        int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
        f"{page + 1} / {pages}",
    )
