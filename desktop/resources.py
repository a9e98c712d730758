"""Where the files the desktop app ships live: font, sample archive, translations, icons."""

from __future__ import annotations

from pathlib import Path

__all__ = ["APP_ID", "FONT_FAMILY", "FONT_FILE", "ICONS", "SAMPLE_CORPUS", "TRANSLATIONS"]

_ROOT = Path(__file__).resolve().parent.parent / "resources"

FONT_FILE = _ROOT / "fonts" / "NotoSansCJKsc-Regular-subset.otf"
# The subset's own family name (see resources/fonts/build_font.py): never a system-wide Noto.
FONT_FAMILY = "Archive Reader Sans CJK SC"
SAMPLE_CORPUS = _ROOT / "corpus"
ICONS = _ROOT / "icons"
# The freedesktop application id: the .desktop file's and the icon's name.
APP_ID = "io.github.archivereader.ArchiveReader"
TRANSLATIONS = _ROOT / "translations"
