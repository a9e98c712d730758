"""A read-only text view that never loads anything: no images, links, styles or network."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser, QWidget

__all__ = ["ArticleView"]


class ArticleView(QTextBrowser):
    """Shows documents built from text runs; any resource request is refused."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        """Refuse every resource (an article's text is never markup, but be sure)."""
        return None
