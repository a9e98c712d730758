"""The reader pane: an article in readable CJK type with zoom, find and the repair view.

While an article is read, its text in the other script is made on a worker thread, so the
简/繁 toggle finds it converted (OpenCC takes ~30 ms for 10,000 characters).
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QResizeEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.background import Background
from desktop.document.article_document import Highlighter, new_document, write_article
from desktop.document.style import ArticleStyle
from desktop.reader.article_view import ArticleView
from desktop.reader.find_bar import FindBar
from desktop.reader.repair_document import write_repairs
from desktop.script import DISPLAY_SCRIPTS, DisplayArticle, DisplayScript, ScriptConverter
from index.library import StoredArticle

__all__ = ["ReaderPane"]

ZOOM_STEPS = (0.7, 0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 1.8, 2.0, 2.4)
SCREEN_STYLE = ArticleStyle()
READING_WIDTH_EM = 38  # a comfortable line of Chinese text


class ReaderPane(QWidget):
    """Shows one article; ``zoom_changed`` reports the zoom factor for the settings."""

    zoom_changed = Signal(float)

    def __init__(
        self, converter: ScriptConverter, script: DisplayScript, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._converter = converter
        self._script: DisplayScript = script
        self._article: StoredArticle | None = None
        self._highlight: Highlighter | None = None
        self._zoom_step = ZOOM_STEPS.index(1.0)
        self._converting = Background("reader-convert", self)
        self._other_script: tuple[int, DisplayScript, Future[DisplayArticle]] | None = None
        self.view = ArticleView(self)
        self.find_bar = FindBar(self.view, self._other_spellings, self)
        self.find_bar.hide()
        self.repairs_box = QCheckBox(self.tr("Show repairs"), self)
        self.repairs_box.setToolTip(
            self.tr("Mark every spot the repair changed; hover for the original text")
        )
        self.side_by_side_box = QCheckBox(self.tr("Originals inline"), self)
        self.side_by_side_box.setToolTip(self.tr("Show each original next to its repair"))
        self.side_by_side_box.setEnabled(False)
        self.repair_count = QLabel(self)
        header = QHBoxLayout()
        header.setContentsMargins(8, 4, 8, 0)
        header.addWidget(self.repairs_box)
        header.addWidget(self.side_by_side_box)
        header.addStretch(1)
        header.addWidget(self.repair_count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.find_bar)
        self.repairs_box.toggled.connect(self._repairs_toggled)
        self.side_by_side_box.toggled.connect(self.redraw)
        self.show_placeholder()

    # State ---------------------------------------------------------------------------------

    @property
    def article(self) -> StoredArticle | None:
        return self._article

    @property
    def zoom(self) -> float:
        return ZOOM_STEPS[self._zoom_step]

    def set_zoom(self, factor: float) -> None:
        self._zoom_step = min(range(len(ZOOM_STEPS)), key=lambda i: abs(ZOOM_STEPS[i] - factor))
        self.redraw()

    def zoom_in(self) -> None:
        self._step_zoom(1)

    def zoom_out(self) -> None:
        self._step_zoom(-1)

    def zoom_reset(self) -> None:
        self._step_zoom(ZOOM_STEPS.index(1.0) - self._zoom_step)

    def _step_zoom(self, step: int) -> None:
        new = max(0, min(len(ZOOM_STEPS) - 1, self._zoom_step + step))
        if new != self._zoom_step:
            self._zoom_step = new
            self.redraw()
            self.zoom_changed.emit(self.zoom)

    def set_script(self, script: DisplayScript) -> None:
        self._script = script
        self.redraw()
        self._convert_ahead()

    def set_highlight(self, highlight: Highlighter | None, redraw: bool = True) -> None:
        """Mark ``highlight``'s spans (search terms); ``redraw`` False: from the next drawing
        on (an article about to be shown)."""
        self._highlight = highlight
        if redraw:
            self.redraw()

    def show_article(self, article: StoredArticle | None) -> None:
        self._article = article
        self.redraw()
        self.view.verticalScrollBar().setValue(0)
        self._convert_ahead()

    def _convert_ahead(self) -> None:
        """Convert the article to the script not shown, on the worker (cached there)."""
        article, converter = self._article, self._converter
        if self._other_script is not None:
            self._other_script[2].cancel()  # another article's; harmless if already running
            self._other_script = None
        other = next(script for script in DISPLAY_SCRIPTS if script != self._script)
        if article is not None and not converter.has_article(article.id, other):
            future = self._converting.submit(lambda: converter.article(article, other))
            self._other_script = (article.id, other, future)

    def _displayed(self, article: StoredArticle) -> DisplayArticle:
        """The article in the display script: converted ahead if it was (waiting for the
        worker if it is at it), else now."""
        ahead = self._other_script
        if (
            ahead is not None
            and ahead[:2] == (article.id, self._script)
            and not ahead[2].cancelled()
        ):
            return ahead[2].result()
        return self._converter.article(article, self._script)

    def shutdown(self) -> None:
        """Stop converting ahead (joins the worker thread)."""
        self._converting.shutdown()

    def _other_spellings(self, text: str) -> list[str]:
        """``text`` in both scripts: find works whichever script it is typed in."""
        return [self._converter.text(text, script) for script in DISPLAY_SCRIPTS]

    def open_find(self) -> None:
        self.find_bar.open_bar()

    # Drawing -------------------------------------------------------------------------------

    def style_for_screen(self) -> ArticleStyle:
        dpi = self.logicalDpiY() or 96
        return replace(SCREEN_STYLE.scaled(self.zoom), pixels_per_point=dpi / 72)

    def show_placeholder(self) -> None:
        style = self.style_for_screen()
        document = new_document(style)
        cursor = QTextCursor(document)
        cursor.insertText(
            QCoreApplication.translate("ReaderPane", "Select an article to read it here."),
            style.char_format(style.body_size, style.meta_color),
        )
        self.view.setDocument(document)
        self.repair_count.clear()

    def redraw(self) -> None:
        """Rebuild the document for the current article, script, zoom and mode."""
        article = self._article
        if article is None:
            self.show_placeholder()
            return
        scroll = self.view.verticalScrollBar().value()
        style = self.style_for_screen()
        document = new_document(style)
        cursor = QTextCursor(document)
        if self.repairs_box.isChecked():
            marked = write_repairs(
                cursor, article.raw, article.repairs, style, self.side_by_side_box.isChecked()
            )
            self.repair_count.setText(self.tr("%n repaired spot(s)", "", marked))
        else:
            shown = self._displayed(article)
            write_article(cursor, shown, style, highlight=self._highlight)
            self.repair_count.setText(
                self.tr("%n repair(s)", "", len(article.repairs)) if article.repairs else ""
            )
        self._fit_reading_width(document)  # before it is shown: laid out once, not twice
        # The view's width too: a document without one is laid out at an undefined width
        # when the view takes it, then again at the view's (half the setDocument time).
        document.setTextWidth(self.view.viewport().width())
        self.view.setDocument(document)
        self.view.verticalScrollBar().setValue(scroll)
        if self.find_bar.isVisible():
            self.find_bar.search()

    def _fit_reading_width(self, document: QTextDocument | None = None) -> None:
        """Keep lines to about READING_WIDTH_EM characters, centred, however wide the pane."""
        style = self.style_for_screen()
        em = style.body_size * style.pixels_per_point
        available = self.view.viewport().width()
        side = max(em * 1.5, (available - READING_WIDTH_EM * em) / 2)
        frame = (document or self.view.document()).rootFrame()
        fmt = frame.frameFormat()
        fmt.setMargin(0)
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(em * 1.2)
        fmt.setBottomMargin(em * 2)
        frame.setFrameFormat(fmt)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._article is not None:
            self._fit_reading_width()

    def _repairs_toggled(self, on: bool) -> None:
        self.side_by_side_box.setEnabled(on)
        self.redraw()
