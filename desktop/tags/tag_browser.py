"""The tag browser widget: a filter box over the tag tree; selected tags filter the list."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, QPoint, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.tags.tag_model import FILTER_TEXT_ROLE, TAG_ROLE, TagTreeModel
from index.tags.tag import Tag

__all__ = ["TagBrowser"]


class TagBrowser(QWidget):
    """Emits ``selection_changed`` with the selected tags (ANDed by the list).

    ``remove_requested`` asks to take a user tag off the selected articles (context menu or
    Delete); ``add_requested`` asks for a new tag on them (context menu).
    """

    selection_changed = Signal(list)
    remove_requested = Signal(object)
    add_requested = Signal()

    def __init__(self, model: TagTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterRole(FILTER_TEXT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText(self.tr("Filter tags"))
        self.filter_box.setClearButtonEnabled(True)
        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.tree, 1)
        self.filter_box.textChanged.connect(self._filter)
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.model.modelReset.connect(self._expand)
        remove = QAction(self.tr("Remove tag from selected articles"), self.tree)
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self._remove_current)
        self.tree.addAction(remove)
        self._expand()

    def selected_tags(self) -> list[Tag]:
        tags: list[Tag] = []
        for index in self.tree.selectionModel().selectedRows(0):
            tag = index.data(TAG_ROLE)
            if isinstance(tag, Tag):
                tags.append(tag)
        return sorted(tags)

    def select_tags(self, tags: list[Tag]) -> None:
        """Select exactly ``tags`` (those still in the tree)."""
        selection = self.tree.selectionModel()
        selection.clearSelection()
        for tag in tags:
            index = self.proxy.mapFromSource(self.model.index_of(tag))
            if index.isValid():
                selection.select(
                    index,
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )

    def clear_selection(self) -> None:
        self.tree.selectionModel().clearSelection()

    def _selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        self.selection_changed.emit(self.selected_tags())

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._expand()

    def _expand(self) -> None:
        self.tree.expandAll()

    def _tag_at(self, index: QModelIndex) -> Tag | None:
        tag = index.siblingAtColumn(0).data(TAG_ROLE) if index.isValid() else None
        return tag if isinstance(tag, Tag) else None

    def _remove_current(self) -> None:
        tag = self._tag_at(self.tree.currentIndex())
        if tag is not None and tag.kind == "user":
            self.remove_requested.emit(tag)

    def _context_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        tag = self._tag_at(self.tree.indexAt(position))
        add = menu.addAction(self.tr("Add a tag to the selected articles…"))
        add.triggered.connect(self.add_requested.emit)
        if tag is not None and tag.kind == "user":
            remove = menu.addAction(
                self.tr("Remove “{name}” from the selected articles").format(name=tag.name)
            )
            remove.triggered.connect(lambda: self.remove_requested.emit(tag))
        menu.addSeparator()
        clear = menu.addAction(self.tr("Clear the tag filter"))
        clear.triggered.connect(self.clear_selection)
        menu.exec(self.tree.viewport().mapToGlobal(position))
