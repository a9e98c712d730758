"""Register the bundled CJK font with Qt and hand out reader fonts."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from desktop.resources import FONT_FAMILY, FONT_FILE

__all__ = ["BundledFontError", "reader_font", "register_bundled_font"]


class BundledFontError(RuntimeError):
    """The bundled font file is missing or Qt cannot load it (a broken installation)."""


_registered = False


def register_bundled_font() -> str:
    """Load the bundled font into the running QGuiApplication once; returns its family."""
    global _registered
    if _registered or FONT_FAMILY in QFontDatabase.families():
        _registered = True
        return FONT_FAMILY
    if QFontDatabase.addApplicationFont(str(FONT_FILE)) < 0:
        raise BundledFontError(f"cannot load the bundled font {FONT_FILE}")
    if FONT_FAMILY not in QFontDatabase.families():
        raise BundledFontError(f"{FONT_FILE} does not provide the family {FONT_FAMILY!r}")
    _registered = True
    return FONT_FAMILY


def reader_font(point_size: float) -> QFont:
    """The bundled CJK face at ``point_size``, never silently replaced by a system Noto."""
    font = QFont(register_bundled_font())
    font.setPointSizeF(point_size)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font
