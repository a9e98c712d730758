"""Draws the tag tree's cells from texts laid out once (see ``LaidOutTextDelegate``).

The style's item delegate asked the model for seven roles per cell through Python and laid
each name out again at every paint: a script toggle repainted the tree in ~9 ms at 100k.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTreeView

from desktop.library_view.article_delegate import LaidOutTextDelegate
from desktop.tags.tag_model import TagTreeModel

__all__ = ["TagDelegate"]

_HAS_FOCUS = QStyle.StateFlag.State_HasFocus.value


class TagDelegate(LaidOutTextDelegate):
    """Names on the left, article counts on the right, as the style's delegate draws them."""

    def __init__(self, model: TagTreeModel, view: QTreeView) -> None:
        super().__init__(view)
        self._model = model
        self._tree = view
        self._numbers: dict[int, str] = {}  # count -> as shown in the view's locale

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        state = option.state.value
        if state & _HAS_FOCUS:  # the current cell, under a focus frame
            super().paint(painter, option, index)
            return
        name, count = self._model.shown_cell(index)
        if count is None:
            self.paint_text(painter, option, state, name)
        else:
            self.paint_text(painter, option, state, self._number(count), right=True)

    def _number(self, count: int) -> str:
        """``count`` as the style's delegate shows a number: in the view's locale."""
        shown = self._numbers.get(count)
        if shown is None:
            shown = self._numbers[count] = self._tree.locale().toString(count)
        return shown

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._tree and event.type() == QEvent.Type.LocaleChange:
            self._numbers.clear()
        return super().eventFilter(watched, event)
