"""The tag browser widget: a filter box over the tag tree; selected tags filter the list."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.tags.tag_delegate import TagDelegate
from desktop.tags.tag_model import KIND_ORDER, TAG_ROLE, TagTreeModel
from index.tags.tag import Tag

__all__ = ["TagBrowser", "TagTree"]


class TagTree(QTreeView):
    """The tag tree's view, with uniform row heights. Tags renamed in place (the model's
    ``set_script``) repaint the columns renamed, over the viewport: QTreeView's own handling
    of ``dataChanged`` asked the model for each renamed row's flags, index and parent through
    Python, to refresh heights and children that a tag row's new name never changes (~4 ms
    for the 400 rows first paged in at 100k), and repainted whole rows, counts included."""

    def dataChanged(
        self,
        top_left: QModelIndex | QPersistentModelIndex,
        bottom_right: QModelIndex | QPersistentModelIndex,
        roles: Sequence[int] = (),
    ) -> None:
        model = self.model()
        renamed_tags = (
            top_left != bottom_right
            and top_left.isValid()
            and self.uniformRowHeights()
            and bool(model.flags(top_left) & Qt.ItemFlag.ItemNeverHasChildren)
        )
        if not renamed_tags:
            super().dataChanged(top_left, bottom_right, list(roles))
            return
        left = self.columnViewportPosition(top_left.column())
        right = self.columnViewportPosition(bottom_right.column())
        right += self.columnWidth(bottom_right.column())
        self.viewport().update(QRect(left, 0, right - left, self.viewport().height()))


class TagBrowser(QWidget):
    """Emits ``selection_changed`` with the selected tags (ANDed by the list).

    ``remove_requested`` asks to take a user tag off the selected articles (context menu or
    Delete); ``add_requested`` asks for a new tag on them (context menu). The filter box
    narrows the model itself; a kind's tags page in when its last row shown comes into view.
    """

    selection_changed = Signal(list)
    remove_requested = Signal(object)
    add_requested = Signal()

    def __init__(self, model: TagTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText(self.tr("Filter tags"))
        self.filter_box.setClearButtonEnabled(True)
        self.tree = TagTree(self)
        self.tree.setModel(model)
        self.tree.setHeaderHidden(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.setUniformRowHeights(True)
        self.tree.setItemDelegate(TagDelegate(model, self.tree))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Sized from the largest count, not to contents: that measured a thousand rows.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.tree, 1)
        self.filter_box.textChanged.connect(self._filter)
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.model.modelReset.connect(self._expand)
        self.model.modelReset.connect(self._fit_count_column)
        # Checked once the view has laid the new rows out (on the next turn of the loop).
        self._fetch_check = QTimer(self)
        self._fetch_check.setSingleShot(True)
        self._fetch_check.setInterval(0)
        self._fetch_check.timeout.connect(self.fetch_visible_ends)
        self.model.modelReset.connect(self._fetch_check.start)
        self.model.rowsInserted.connect(self._fetch_check.start)
        self.tree.expanded.connect(self._fetch_check.start)
        self.tree.verticalScrollBar().valueChanged.connect(self._fetch_check.start)
        remove = QAction(self.tr("Remove tag from selected articles"), self.tree)
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self._remove_current)
        self.tree.addAction(remove)
        self._expand()
        self._fit_count_column()

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
            index = self.model.index_of(tag)
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
        self.model.set_filter(text)

    def _expand(self) -> None:
        """Expand every kind; while filtering, hide the kinds with no tag that matches."""
        filtering = bool(self.filter_box.text().strip())
        for row, kind in enumerate(KIND_ORDER):
            empty = filtering and not self.model.tag_total(kind)
            self.tree.setRowHidden(row, QModelIndex(), empty)
        self.tree.expandAll()

    def _fit_count_column(self) -> None:
        widest = self.tree.fontMetrics().horizontalAdvance(str(self.model.largest_count()))
        self.tree.header().resizeSection(1, widest + 16)

    def fetch_visible_ends(self) -> None:
        """Page in more tags of each expanded kind whose last row shown is in view."""
        viewport = self.tree.viewport().rect()
        for kind_row in range(self.model.rowCount()):
            kind = self.model.index(kind_row, 0)
            shown = self.model.rowCount(kind)
            if not shown or not self.tree.isExpanded(kind) or not self.model.canFetchMore(kind):
                continue
            if self.tree.visualRect(self.model.index(shown - 1, 0, kind)).intersects(viewport):
                self.model.fetchMore(kind)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fetch_check.start()

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
