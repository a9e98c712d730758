"""The tag tree's Qt model: one row per tag kind, its tags below with their article counts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.script import DisplayScript, ScriptConverter
from index.library import TagCount
from index.tags.tag import Tag, TagKind

__all__ = ["FILTER_TEXT_ROLE", "TAG_ROLE", "TagTreeModel"]

TAG_ROLE = Qt.ItemDataRole.UserRole + 1
FILTER_TEXT_ROLE = Qt.ItemDataRole.UserRole + 2  # shown name plus the stored (simplified) one
AnyIndex = QModelIndex | QPersistentModelIndex
# The order of the categories in the tree: the user's own tags first, the long lists last.
KIND_ORDER: tuple[TagKind, ...] = ("user", "outlet", "date", "place", "topic")
_KIND_NODE = 0  # internalId of a kind row; a tag row stores its kind's row + 1


class TagTreeModel(QAbstractItemModel):
    """Two columns: name and count. Kinds are always listed, even with no tags yet."""

    def __init__(
        self, converter: ScriptConverter, script: DisplayScript, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._converter = converter
        self._script: DisplayScript = script
        self._tags: dict[TagKind, list[TagCount]] = {kind: [] for kind in KIND_ORDER}

    def set_tags(self, tree: dict[TagKind, list[TagCount]]) -> None:
        self.beginResetModel()
        self._tags = {kind: list(tree.get(kind, [])) for kind in KIND_ORDER}
        self.endResetModel()

    def set_script(self, script: DisplayScript) -> None:
        self._script = script
        for row, kind in enumerate(KIND_ORDER):
            count = len(self._tags[kind])
            if count:
                parent = self.index(row, 0)
                self.dataChanged.emit(self.index(0, 0, parent), self.index(count - 1, 1, parent))

    def kind_label(self, kind: TagKind) -> str:
        labels = {
            "outlet": self.tr("Outlets"),
            "date": self.tr("Dates"),
            "place": self.tr("Places"),
            "topic": self.tr("Topics"),
            "user": self.tr("My tags"),
        }
        return labels[kind]

    def index_of(self, tag: Tag) -> QModelIndex:
        kind_row = KIND_ORDER.index(tag.kind)
        for row, count in enumerate(self._tags[tag.kind]):
            if count.tag == tag:
                return self.index(row, 0, self.index(kind_row, 0))
        return QModelIndex()

    # Model interface -----------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _KIND_NODE)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == _KIND_NODE:
            return QModelIndex()
        return self.createIndex(int(child.internalId()) - 1, 0, _KIND_NODE)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(KIND_ORDER)
        if parent.internalId() == _KIND_NODE and parent.column() == 0:
            return len(self._tags[KIND_ORDER[parent.row()]])
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Tag"), self.tr("Articles"))[section] if 0 <= section < 2 else None
        return None

    def _count_at(self, index: AnyIndex) -> TagCount | None:
        if index.internalId() == _KIND_NODE:
            return None
        return self._tags[KIND_ORDER[int(index.internalId()) - 1]][index.row()]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        count = self._count_at(index)
        if count is None:
            kind = KIND_ORDER[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return self.kind_label(kind) if index.column() == 0 else None
            if role == FILTER_TEXT_ROLE:
                return ""
            return None
        shown = self._converter.tag(count.tag, self._script).name
        if role == Qt.ItemDataRole.DisplayRole:
            return shown if index.column() == 0 else count.count
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{name}: {count} articles").format(name=shown, count=count.count)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == TAG_ROLE:
            return count.tag
        if role == FILTER_TEXT_ROLE:
            return f"{shown} {count.tag.name}"
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _KIND_NODE:
            return Qt.ItemFlag.ItemIsEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
