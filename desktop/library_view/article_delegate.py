"""Draws the article list's cells from texts laid out once, ahead of the paint when it can.

The style's item delegate lays out a cell's text three or four times at every paint (to size
it, to elide it, to draw it), after asking the model for eight roles through Python; at 20-odd
rows × 4 columns that was most of a scroll step. Here a cell costs one Python call: its text
comes straight from the model's converted cells, elided to its column from each character's
advance, and kept as a ``QStaticText`` (laid out once, then drawn from the glyph cache) for
as long as its text and column width stay the same.

The rows a page brings are laid out while the event loop is idle, a few at a time, and their
glyphs rendered into the glyph cache, so that scrolling to them draws what is ready. A search
hit's title cell has two lines: the title, then its snippet with the matches marked.
"""

from __future__ import annotations

import math
import unicodedata
from collections import deque

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPalette,
    QStaticText,
    QTextOption,
    QTransform,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from desktop.library_view.article_model import ArticleListModel, Column
from index.search.snippets import Snippet

__all__ = ["HIGHLIGHT", "ArticleDelegate", "LaidOutTextDelegate", "snippet_runs"]

HIGHLIGHT = "#ffe08a"
MARKED_TEXT = "#1d1d1f"
MUTED_TEXT = "#6e6e73"
PADDING = 4  # around a search hit's two lines
CACHED_TEXTS = 6000  # laid-out texts kept (~1,500 rows' cells); then the oldest half goes
AHEAD_ROWS = 12  # rows laid out ahead per turn of the event loop (~1-2 ms)
AHEAD_DELAY_MS = 50  # from a page's rows coming in to laying them out: the paint goes first
UNELIDED = -1  # the width of a text drawn whole (a snippet's runs: the cell clips them)

_SELECTED = QStyle.StateFlag.State_Selected.value
_ENABLED = QStyle.StateFlag.State_Enabled.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus.value
_PANEL = _SELECTED | QStyle.StateFlag.State_MouseOver.value
_NORMAL = QPalette.ColorGroup.Normal
_ELIDE_RIGHT = Qt.TextElideMode.ElideRight
_PLAIN = Qt.TextFormat.PlainText
_COLUMNS = (Column.TITLE, Column.OUTLET, Column.DATE, Column.TAGS)
_SCREEN_CHANGES = (QEvent.Type.Show, QEvent.Type.DevicePixelRatioChange)


class LaidOutTextDelegate(QStyledItemDelegate):
    """Draws one-line cells of ``view`` as the style's item delegate draws them (same margins,
    elision and colours), from texts laid out once: see ``paint_text``."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._font = QFont()
        self._metrics = QFontMetricsF(self._font)
        self._margin = 3  # the style's text margin either side of a cell
        self._line = 0  # a line of text's height, rounded up as the style rounds it
        self._line_spacing = 0  # from one line's top to the next one's, in whole pixels
        self._slack = 0.0  # more than kerning can take off a text's advances
        self._ellipsis = "…"  # as Qt elides: this, or "..." when the font has no "…"
        self._ellipsis_width = 0.0
        self._advances: dict[str, float] = {}  # character -> its advance in the font
        self._texts: dict[tuple[str, int, bool], QStaticText] = {}  # (text, width, right)
        self._colors: dict[tuple[int, bool], QColor] = {}  # (state, selected) -> text colour
        self._glyphs = QImage(4, 4, QImage.Format.Format_ARGB32_Premultiplied)  # _use_scale
        self._scale = QTransform()  # the view's painters' transform: its device pixel ratio
        self._use_font()
        view.installEventFilter(self)

    def paint_text(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        state: int,
        text: str,
        right: bool = False,
    ) -> None:
        """What the style's delegate draws for a cell in ``state`` (``option.state``'s value)
        showing ``text`` (aligned left, or ``right``), not the current one (its focus frame
        is the style's to draw)."""
        selected = bool(state & _SELECTED)
        if state & _PANEL:  # the style's item panel: selection, hover (none drawn otherwise)
            self._view.style().drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, self._view
            )
        rect = option.rect
        margin = self._margin
        width = rect.width() - 2 * margin
        if width > 0 and text:
            painter.setPen(self._color(option, state, selected))
            top = rect.top() + (rect.height() - self._line) // 2
            painter.drawStaticText(rect.left() + margin, top, self._text(text, width, right))

    def _color(self, option: QStyleOptionViewItem, state: int, selected: bool) -> QColor:
        """The text colour of an item in ``state``, as the style chooses it (the palette is
        read only when it is not known yet: each read copies it)."""
        key = (state & (_ENABLED | _ACTIVE), selected)
        color = self._colors.get(key)
        if color is None:
            role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            color = self._colors[key] = option.palette.color(_color_group(state), role)
        return color

    # Laid-out texts ------------------------------------------------------------------------

    def _text(self, text: str, width: int, right: bool = False) -> QStaticText:
        """``text`` elided to ``width`` pixels (``UNELIDED``: whole), laid out once; ``right``:
        aligned to the right of ``width`` as the style aligns it (to the subpixel)."""
        key = (text, width, right)
        laid_out = self._texts.get(key)
        if laid_out is None:
            texts = self._texts
            if len(texts) >= CACHED_TEXTS:  # the oldest half goes
                for old in list(texts)[: CACHED_TEXTS // 2]:
                    del texts[old]
            shown = text if width == UNELIDED else self._elided(text, width)
            if right:
                laid_out = _laid_out(shown, self._font, self._scale, width)
            else:
                laid_out = _laid_out(shown, self._font, self._scale)
            texts[key] = laid_out
        return laid_out

    def _elided(self, text: str, width: int) -> str:
        """``text`` as ``QFontMetricsF.elidedText`` cuts it to ``width``, shaping only the
        part that can show. Each character's advance (cached) finds where the cut falls; in
        a run of CJK characters (no kerning, no ligatures: their advances add up exactly)
        the cut is Qt's, made here; otherwise Qt cuts the text up to a little beyond it."""
        if not text or (len(text) == 1 and ord(text) <= 0xFFFF):
            return text  # Qt does not cut a single UTF-16 unit
        advances = self._advances
        room = width - self._ellipsis_width  # Qt's room for the characters kept
        limit = width + self._slack  # beyond any kerning the advances leave out
        total = 0.0
        kept = 0  # characters kept before the ellipsis: those ending short of the room
        exact = True  # every character so far is CJK: the advances are the shaped widths
        for position, character in enumerate(text):
            advance = advances.get(character)
            if advance is None:
                advance = advances[character] = self._advance(character)
            if advance < 0:  # negative: not CJK
                exact, advance = False, -advance
            total += advance
            if total < room:
                kept = position + 1
            if total > limit:
                if exact:
                    return text[:kept] + self._ellipsis if room >= 0 else ""
                start = text[: position + 1]
                elided = self._metrics.elidedText(start, _ELIDE_RIGHT, width)
                if elided != start:  # cut inside the start, as in the whole text
                    return elided
                break
        else:
            if exact:
                if total <= width:
                    return text
                return text[:kept] + self._ellipsis if room >= 0 else ""
        return self._metrics.elidedText(text, _ELIDE_RIGHT, width)

    def _advance(self, character: str) -> float:
        """The character's advance in the font, negative unless it is a CJK character that
        shapes alone (ideographs, kana, CJK and full-width punctuation; no combining marks)."""
        advance = self._metrics.horizontalAdvance(character)
        code = ord(character)
        cjk = 0x3000 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFF01 <= code <= 0xFF60
        return advance if cjk and not unicodedata.combining(character) else -advance

    def _use_font(self) -> None:
        """Take the view's font and style (at the start, and when either changes)."""
        view = self._view
        self._font = QFont(view.font())
        self._metrics = QFontMetricsF(self._font)
        self._line = math.ceil(self._metrics.ascent() + self._metrics.descent())
        self._line_spacing = round(self._metrics.lineSpacing())
        self._advances = {}
        self._slack = 2 * self._metrics.height()
        self._ellipsis = "…" if self._metrics.inFont("…") else "..."
        self._ellipsis_width = self._metrics.horizontalAdvance(self._ellipsis)
        self._margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
        self._texts.clear()
        self._colors.clear()
        self._use_scale()

    def _use_scale(self) -> None:
        """Lay texts out for the view's device pixel ratio (its screen's), as painted."""
        ratio = self._view.devicePixelRatioF()
        if ratio != self._scale.m11():
            self._scale = QTransform.fromScale(ratio, ratio)
            self._glyphs.setDevicePixelRatio(ratio)  # its painters scale as the view's do
            self._texts.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._view and kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._use_font()
        elif watched is self._view and kind in _SCREEN_CHANGES:
            self._use_scale()
        elif watched is self._view and kind == QEvent.Type.PaletteChange:
            self._colors.clear()
        return False


class ArticleDelegate(LaidOutTextDelegate):
    """Every cell of ``model``'s rows in ``view``, drawn as the style's item delegate draws a
    one-line cell (same margins, elision and colours)."""

    def __init__(self, model: ArticleListModel, view: QTableView) -> None:
        super().__init__(view)
        self._model = model
        self._table = view
        self._highlight = QColor(HIGHLIGHT)
        self._marked = QColor(MARKED_TEXT)
        self._muted = QColor(MUTED_TEXT)
        self._ahead: deque[int] = deque()  # rows to lay out while idle
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._lay_out_ahead)
        self.lay_out_ahead = True  # False: rows are laid out when first painted
        model.rowsInserted.connect(self._rows_inserted)
        model.modelReset.connect(self._model_reset)

    # Painting ------------------------------------------------------------------------------

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        row, column = index.row(), index.column()
        cells = self._model.shown_cells(row)
        if cells is None:
            return
        state = option.state.value
        snippet = self._model.shown_snippet(row) if column == Column.TITLE else None
        if state & _HAS_FOCUS and snippet is None:  # the current cell, under a focus frame
            super().paint(painter, option, index)
            return
        if snippet is not None:
            selected = bool(state & _SELECTED)
            color = self._color(option, state, selected)
            self._paint_hit(painter, option, cells[column], snippet, color, selected)
            return
        self.paint_text(painter, option, state, cells[column])

    def _paint_hit(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        title: str,
        snippet: Snippet,
        color: QColor,
        selected: bool,
    ) -> None:
        """The item's panel (and focus frame), then the title on one line and the snippet
        under it with its matches marked."""
        self._view.style().drawControl(
            QStyle.ControlElement.CE_ItemViewItem, option, painter, self._view
        )
        rect = option.rect.adjusted(PADDING, PADDING // 2, -PADDING, -PADDING // 2)
        if rect.width() <= 0:
            return
        line = self._line_spacing
        painter.save()
        painter.setClipRect(rect)
        painter.setPen(color)
        painter.drawStaticText(rect.left(), rect.top(), self._text(title, rect.width()))
        x, top, right = rect.left(), rect.top() + line, rect.right()
        muted = color if selected else self._muted
        for run, marked in snippet_runs(snippet):
            if x > right:
                break
            text = self._text(run, UNELIDED)
            width = round(text.size().width())  # whole pixels, as QFontMetrics measures
            if marked:
                painter.fillRect(x, top, width, line, self._highlight)
            painter.setPen(self._marked if marked else muted)
            painter.drawStaticText(x, top, text)
            x += width
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        if index.column() == Column.TITLE and self._model.shown_snippet(index.row()) is not None:
            size.setHeight(option.fontMetrics.lineSpacing() * 2 + PADDING * 2)
        return size

    # Laying out ahead ----------------------------------------------------------------------

    def _rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if self.lay_out_ahead and not parent.isValid():
            self._ahead.extend(range(first, last + 1))
            if not self._timer.isActive():
                self._timer.start(AHEAD_DELAY_MS)

    def _model_reset(self) -> None:
        self._ahead.clear()
        self._rows_inserted(QModelIndex(), 0, self._model.rowCount() - 1)

    def _lay_out_ahead(self) -> None:
        """Lay out a few of the rows waiting, as they will be painted, and render their
        glyphs into the glyph cache (which every raster painter shares)."""
        ahead, model = self._ahead, self._model
        self._use_scale()  # (a window shown on a screen of another ratio than it was made)
        widths = [self._table.columnWidth(column) for column in _COLUMNS]
        painter = QPainter(self._glyphs)
        painter.setFont(self._font)
        try:
            for _ in range(min(AHEAD_ROWS, len(ahead))):
                row = ahead.popleft()
                cells = model.shown_cells(row)
                if cells is None:
                    continue
                snippet = model.shown_snippet(row)
                for column, text in zip(_COLUMNS, cells, strict=True):
                    if snippet is not None and column == Column.TITLE:
                        texts = [self._text(text, widths[column] - 2 * PADDING)]
                        texts += [self._text(run, UNELIDED) for run, _ in snippet_runs(snippet)]
                    elif widths[column] > 2 * self._margin:
                        texts = [self._text(text, widths[column] - 2 * self._margin)]
                    else:
                        continue
                    for laid_out in texts:
                        painter.drawStaticText(0, 0, laid_out)
        finally:
            painter.end()
        if ahead:
            self._timer.start(0)  # the next few when the events waiting have been handled
        else:
            self._timer.stop()


def _laid_out(
    text: str, font: QFont, scale: QTransform, right_of: int | None = None
) -> QStaticText:
    """``text`` laid out for a painter whose transform is ``scale`` (the device pixel
    ratio's: laid out for another, it would be laid out again at its first paint); with
    ``right_of``, aligned to the right of that width, as a QTextLayout line aligns it."""
    laid_out = QStaticText(text)
    laid_out.setTextFormat(_PLAIN)
    if right_of is not None:
        laid_out.setTextWidth(right_of)
        laid_out.setTextOption(QTextOption(Qt.AlignmentFlag.AlignRight))
    laid_out.prepare(scale, font)
    return laid_out


def _color_group(state: int) -> QPalette.ColorGroup:
    """The palette's colour group for an item in ``state`` (as the style chooses it)."""
    if not state & _ENABLED:
        return QPalette.ColorGroup.Disabled
    return _NORMAL if state & _ACTIVE else QPalette.ColorGroup.Inactive


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
