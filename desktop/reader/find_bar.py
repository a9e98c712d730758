"""Ctrl+F within the article: a line edit that marks every match and steps through them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeySequence,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextEdit, QToolButton, QWidget

__all__ = ["FindBar"]

MATCH_COLOR = "#ffd54f"
CURRENT_COLOR = "#ff9800"


class FindBar(QWidget):
    """Finds in a QTextEdit's document; Enter / Shift+Enter step, Esc closes."""

    closed = Signal()

    def __init__(
        self,
        view: QTextEdit,
        alternatives: Callable[[str], list[str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``alternatives`` gives other spellings to look for too (the text in the other
        script, so that a simplified 社区 also finds a traditional 社區)."""
        super().__init__(parent)
        self._view = view
        self._alternatives = alternatives
        self._matches: list[QTextCursor] = []
        self._current = -1
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Find in article"))
        self.field.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        previous = QToolButton(self)
        previous.setText("▲")
        previous.setToolTip(self.tr("Previous match (Shift+Enter)"))
        following = QToolButton(self)
        following.setText("▼")
        following.setToolTip(self.tr("Next match (Enter)"))
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(self.tr("Close (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for widget in (self.field, self.count_label, previous, following, close):
            layout.addWidget(widget)
        self.field.textChanged.connect(self.search)
        self.field.returnPressed.connect(self.next_match)
        previous.clicked.connect(self.previous_match)
        following.clicked.connect(self.next_match)
        close.clicked.connect(self.close_bar)
        QShortcut(QKeySequence("Shift+Return"), self.field, self.previous_match)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self.search()

    def close_bar(self) -> None:
        self.hide()
        self._view.setExtraSelections([])
        self.closed.emit()

    @property
    def match_count(self) -> int:
        return len(self._matches)

    def search(self) -> None:
        """Find every occurrence of the field's text in the current document."""
        text = self.field.text()
        document = self._view.document()
        self._matches = []
        spellings = dict.fromkeys([text, *(self._alternatives(text) if self._alternatives else [])])
        for spelling in spellings if text else ():
            cursor = document.find(spelling, 0, QTextDocument.FindFlag(0))
            while not cursor.isNull():
                self._matches.append(cursor)
                cursor = document.find(spelling, cursor, QTextDocument.FindFlag(0))
        self._matches.sort(key=lambda match: match.selectionStart())
        self._current = 0 if self._matches else -1
        self._show()

    def next_match(self) -> None:
        if self._matches:
            self._current = (self._current + 1) % len(self._matches)
            self._show()

    def previous_match(self) -> None:
        if self._matches:
            self._current = (self._current - 1) % len(self._matches)
            self._show()

    def _show(self) -> None:
        selections = []
        for number, match in enumerate(self._matches):
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(CURRENT_COLOR if number == self._current else MATCH_COLOR))
            selection.format = fmt
            selection.cursor = match
            selections.append(selection)
        self._view.setExtraSelections(selections)
        if self._current >= 0:
            self._view.setTextCursor(self._matches[self._current])
            self._view.ensureCursorVisible()
            self.count_label.setText(f"{self._current + 1}/{len(self._matches)}")
        else:
            self.count_label.setText(self.tr("no match") if self.field.text() else "")
