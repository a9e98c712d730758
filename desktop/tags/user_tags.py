"""Add and remove the user's own tags on the selected articles, asking with small dialogs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from index.library import Library, LibraryError
from index.tags.tag import Tag

__all__ = ["UserTagEditor"]

StatusMessage = Callable[[str, int], None]


class UserTagEditor(QObject):
    """Acts on ``selected_ids()``; ``changed`` fires after tags were added or removed."""

    changed = Signal()

    def __init__(
        self,
        library: Library,
        selected_ids: Callable[[], list[int]],
        window: QWidget,
        status: StatusMessage,
    ) -> None:
        super().__init__(window)
        self._library = library
        self._selected_ids = selected_ids
        self._window = window
        self._status = status

    def ask_and_add(self) -> None:
        ids = self._selected_ids()
        if not ids:
            self._status(self.tr("Select the articles to tag first."), 4000)
            return
        name, ok = QInputDialog.getText(
            self._window, self.tr("Add tag"), self.tr("Tag for %n article(s):", "", len(ids))
        )
        if ok and name.strip():
            self.add(ids, name.strip())

    def add(self, ids: list[int], name: str) -> None:
        try:
            for article_id in ids:
                self._library.add_tag(article_id, name)
        except LibraryError as error:
            QMessageBox.warning(self._window, self.tr("Tag not added"), str(error))
        self.changed.emit()

    def ask_and_remove(self) -> None:
        ids = self._selected_ids()
        names = sorted(
            {
                tag.name
                for article_id in ids
                for tag in self._library.database.article_tags(article_id)
                if tag.kind == "user"
            }
        )
        if not names:
            self._status(self.tr("The selected articles have no tags of yours."), 4000)
            return
        name, ok = QInputDialog.getItem(
            self._window, self.tr("Remove tag"), self.tr("Tag to remove:"), names, 0, False
        )
        if ok:
            self.remove(Tag("user", name))

    def remove(self, tag: Tag) -> None:
        """Take ``tag`` off the selected articles."""
        ids = self._selected_ids()
        if not ids:
            self._status(self.tr("Select the articles to untag first."), 4000)
            return
        try:
            for article_id in ids:
                self._library.remove_tag(article_id, f"{tag.kind}:{tag.name}")
        except LibraryError as error:
            QMessageBox.warning(self._window, self.tr("Tag not removed"), str(error))
        self.changed.emit()
