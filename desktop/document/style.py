"""Typography of an article document: font, sizes, colours and Chinese line spacing."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat

from desktop.fonts import reader_font

__all__ = ["ArticleStyle"]

# Chinese body text reads best with generous leading: lines about 1.8 times the font size
# apart. Qt's proportional line height multiplies the font's own line spacing, which for
# Noto Sans CJK is already 1.448 em, so the percentages below are divided by that.
LINE_HEIGHT_PERCENT = 180
FONT_LINE_SPACING_EM = 1.448


@dataclass(frozen=True, slots=True)
class ArticleStyle:
    """Point sizes and colours; ``scaled`` gives the zoomed style."""

    body_size: float = 13.0
    title_size: float = 21.0
    meta_size: float = 10.5
    heading_size: float = 14.5
    text_color: str = "#1d1d1f"
    meta_color: str = "#6e6e73"
    highlight_color: str = "#ffe08a"
    first_line_indent_em: float = 2.0
    # Margins and indents are in device pixels: 96/72 on a screen, 300/72 in the PDF.
    pixels_per_point: float = 96 / 72

    def scaled(self, factor: float) -> ArticleStyle:
        return replace(
            self,
            body_size=self.body_size * factor,
            title_size=self.title_size * factor,
            meta_size=self.meta_size * factor,
            heading_size=self.heading_size * factor,
        )

    def char_format(
        self, size: float, color: str | None = None, bold: bool = False
    ) -> QTextCharFormat:
        fmt = QTextCharFormat()
        font = reader_font(size)
        font.setWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        fmt.setFont(font, QTextCharFormat.FontPropertiesInheritanceBehavior.FontPropertiesAll)
        fmt.setForeground(QColor(color or self.text_color))
        return fmt

    def highlight_format(self, base: QTextCharFormat) -> QTextCharFormat:
        fmt = QTextCharFormat(base)
        fmt.setBackground(QColor(self.highlight_color))
        return fmt

    def block_format(
        self,
        size: float,
        space_after: float,
        indent: bool = False,
        page_break: bool = False,
        line_height: int = LINE_HEIGHT_PERCENT,
    ) -> QTextBlockFormat:
        """A paragraph of ``size``-point text with lines ``line_height`` percent of the size
        apart; ``space_after`` is in points too."""
        fmt = QTextBlockFormat()
        proportional = line_height / FONT_LINE_SPACING_EM
        fmt.setLineHeight(proportional, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        fmt.setBottomMargin(space_after * self.pixels_per_point)
        if indent:
            fmt.setTextIndent(size * self.first_line_indent_em * self.pixels_per_point)
        if page_break:
            fmt.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        return fmt
