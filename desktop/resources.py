"""Where the files the desktop app ships live: the CJK font, the sample archive, translations."""

from __future__ import annotations

from pathlib import Path

__all__ = ["FONT_FAMILY", "FONT_FILE", "SAMPLE_CORPUS", "TRANSLATIONS"]

_ROOT = Path(__file__).resolve().parent.parent / "resources"

FONT_FILE = _ROOT / "fonts" / "NotoSansCJKsc-Regular-subset.otf"
# The subset's own family name (see resources/fonts/build_font.py): never a system-wide Noto.
FONT_FAMILY = "Archive Reader Sans CJK SC"
SAMPLE_CORPUS = _ROOT / "corpus"
TRANSLATIONS = _ROOT / "translations"
