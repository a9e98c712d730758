"""The reader pane: an article in readable CJK type with zoom, find and the repair view.

While an article is read, its text in the other script is made on a worker thread, so the
简/繁 toggle finds it converted (OpenCC takes ~30 ms for 10,000 characters), and its document
is then built while the event loop waits; the document a toggle replaces is kept for the
toggle back. A toggle then only lays out and paints.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QResizeEvent, QTextCursor, QTextDocument, QTextFrameFormat
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

# What an article's document depends on (the repair view's aside): article id, script, style
# (zoom, screen) and search highlight.
DocumentKey = tuple[int, DisplayScript, ArticleStyle, Highlighter | None]

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
        self._shown_key: DocumentKey | None = None  # the document shown, unless repairs are
        self._spare: tuple[DocumentKey, QTextDocument] | None = None  # the other script's
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
        if article is None:
            return
        cached = converter.has_article(article.id, other)
        if cached and self._spare is not None and self._spare[0] == self._key(article, other):
            return
        future = self._converting.run(
            lambda: converter.article(article, other), lambda shown: self._build_ahead(shown, other)
        )
        if not cached:
            self._other_script = (article.id, other, future)

    def _build_ahead(self, shown: DisplayArticle, script: DisplayScript) -> None:
        """Build the document of ``shown`` (the article in ``script``) while the event loop
        waits, for a toggle, if the article is still shown in the other script."""
        article = self._article
        if article is None or article.id != shown.id or script == self._script:
            return
        key = self._key(article, script)
        if not self.repairs_box.isChecked() and (self._spare is None or self._spare[0] != key):
            self._spare = (key, self._article_document(shown, key[2]))

    def _key(self, article: StoredArticle, script: DisplayScript) -> DocumentKey:
        return (article.id, script, self.style_for_screen(), self._highlight)

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
        self._shown_key = self._spare = None
        self.repair_count.clear()

    def redraw(self) -> None:
        """Rebuild the document for the current article, script, zoom and mode."""
        article = self._article
        if article is None:
            self.show_placeholder()
            return
        scroll = self.view.verticalScrollBar().value()
        style = self.style_for_screen()
        key: DocumentKey | None = None
        if self.repairs_box.isChecked():
            document = new_document(style)
            marked = write_repairs(
                QTextCursor(document),
                article.raw,
                article.repairs,
                style,
                self.side_by_side_box.isChecked(),
            )
            self.repair_count.setText(self.tr("%n repaired spot(s)", "", marked))
        else:
            key = self._key(article, self._script)
            if self._spare is not None and self._spare[0] == key:  # built ahead, or shown
                document = self._spare[1]
            else:
                document = self._article_document(self._displayed(article), style)
            self.repair_count.setText(
                self.tr("%n repair(s)", "", len(article.repairs)) if article.repairs else ""
            )
        self._fit_reading_width(document)  # before it is shown: laid out once, not twice
        # The view's width too: a document without one is laid out at an undefined width
        # when the view takes it, then again at the view's (half the setDocument time).
        width = self.view.viewport().width()
        if document.textWidth() != width:
            document.setTextWidth(width)
        shown_key, shown = self._shown_key, self.view.document()
        self.view.setDocument(document)
        self._shown_key = key
        # The document replaced, kept for a toggle back (the same article, style, highlight).
        self._spare = None
        if shown_key is not None and key is not None and _toggled(shown_key, key):
            self._spare = (shown_key, shown)
        self.view.verticalScrollBar().setValue(scroll)
        if self.find_bar.isVisible():
            self.find_bar.search()

    def _article_document(self, shown: DisplayArticle, style: ArticleStyle) -> QTextDocument:
        document = new_document(style)
        write_article(QTextCursor(document), shown, style, highlight=self._highlight)
        return document

    def _fit_reading_width(self, document: QTextDocument | None = None) -> None:
        """Keep lines to about READING_WIDTH_EM characters, centred, however wide the pane.
        (A new frame format lays the whole document out again: only when it changes.)"""
        style = self.style_for_screen()
        em = style.body_size * style.pixels_per_point
        available = self.view.viewport().width()
        side = max(em * 1.5, (available - READING_WIDTH_EM * em) / 2)
        frame = (document or self.view.document()).rootFrame()
        fmt = frame.frameFormat()
        fitted = QTextFrameFormat(fmt)
        fitted.setMargin(0)
        fitted.setLeftMargin(side)
        fitted.setRightMargin(side)
        fitted.setTopMargin(em * 1.2)
        fitted.setBottomMargin(em * 2)
        if fitted != fmt:
            frame.setFrameFormat(fitted)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._article is not None:
            self._fit_reading_width()
        # A spare document laid out for another width would be laid out whole, twice, to be
        # shown: a new one costs less. (One built ahead, never shown, has no width yet.)
        if self._spare is not None and self._spare[1].textWidth() >= 0:
            self._spare = None

    def _repairs_toggled(self, on: bool) -> None:
        self.side_by_side_box.setEnabled(on)
        self.redraw()


def _toggled(before: DocumentKey, after: DocumentKey) -> bool:
    """Whether ``after`` is ``before``'s document in the other script (nothing else changed)."""
    article, script, *rest = before
    other_article, other_script, *other_rest = after
    return script != other_script and (article, rest) == (other_article, other_rest)
