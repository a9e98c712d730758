"""The tag tree's Qt model: one row per tag kind, its tags below with their article counts.

The tags below a kind are paged in (``canFetchMore``/``fetchMore``, ``FETCH_CHUNK`` rows at a
time) as the tree scrolls to the last one shown, so the tree never holds a row per tag of a
large library, and a script toggle repaints only what has been shown. Names are converted to
the display script when asked for, through the converter's cache.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.script import DisplayScript, ScriptConverter
from desktop.tags.tag_lists import KIND_ORDER, KindTags, TagLists, filter_tags
from index.tags.tag import Tag, TagKind

__all__ = ["FETCH_CHUNK", "KIND_ORDER", "TAG_ROLE", "TagTreeModel"]

TAG_ROLE = Qt.ItemDataRole.UserRole + 1
FETCH_CHUNK = 100  # tag rows added below a kind at a time
AnyIndex = QModelIndex | QPersistentModelIndex
_KIND_NODE = 0  # internalId of a kind row; a tag row stores its kind's row + 1
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        TAG_ROLE,
    }
)
_TAG_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_TAG_FLAGS |= Qt.ItemFlag.ItemNeverHasChildren


class TagTreeModel(QAbstractItemModel):
    """Two columns: name and count. Kinds are always listed, even with no tags (yet)."""

    def __init__(
        self, converter: ScriptConverter, script: DisplayScript, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._converter = converter
        self._script: DisplayScript = script
        self._all: TagLists = {kind: KindTags(kind) for kind in KIND_ORDER}
        self._filter = ""
        self._tags: list[KindTags] = [self._all[kind] for kind in KIND_ORDER]
        self._shown = [0] * len(KIND_ORDER)  # rows fetched below each kind
        self.loaded = False  # False until the library's tags were given (set_tags)

    # State ---------------------------------------------------------------------------------

    def set_tags(self, tags: TagLists) -> None:
        """Show these tags (filtered by the current filter text)."""
        self._all = {kind: tags.get(kind, KindTags(kind)) for kind in KIND_ORDER}
        self.loaded = True
        self._reset()

    def set_filter(self, text: str) -> None:
        """Show only tags whose name contains ``text`` (in either script)."""
        if text.strip() != self._filter:
            self._filter = text.strip()
            self._reset()

    def _reset(self) -> None:
        shown = filter_tags(self._all, self._filter)
        self.beginResetModel()
        self._tags = [shown[kind] for kind in KIND_ORDER]
        self._shown = [min(FETCH_CHUNK, len(tags)) for tags in self._tags]
        self.endResetModel()

    def set_script(self, script: DisplayScript) -> None:
        """Names are shown in ``script``: the rows fetched so far repaint (not the dates:
        they are the same in both scripts)."""
        self._script = script
        for row, shown in enumerate(self._shown):
            if shown and KIND_ORDER[row] != "date":
                parent = self.index(row, 0)
                self.dataChanged.emit(
                    self.index(0, 0, parent),
                    self.index(shown - 1, 0, parent),
                    [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole],
                )

    def tag_total(self, kind: TagKind) -> int:
        """How many tags of ``kind`` pass the filter (fetched or not)."""
        return len(self._tags[KIND_ORDER.index(kind)])

    def largest_count(self) -> int:
        """The largest article count shown (each kind's first tag has its largest)."""
        return max((tags.counts[0] for tags in self._tags if tags), default=0)

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
        """The row of ``tag`` (fetching the rows up to it), or an invalid index if the tag is
        not in use or filtered out."""
        kind_row = KIND_ORDER.index(tag.kind)
        row = self._tags[kind_row].row_of(tag.name)
        if row is None:
            return QModelIndex()
        parent = self.index(kind_row, 0)
        if row >= self._shown[kind_row]:
            self._fetch(parent, row + 1 - self._shown[kind_row])
        return self.index(row, 0, parent)

    # Paging --------------------------------------------------------------------------------

    def canFetchMore(self, parent: AnyIndex) -> bool:
        if not parent.isValid() or parent.internalId() != _KIND_NODE:
            return False
        return self._shown[parent.row()] < len(self._tags[parent.row()])

    def fetchMore(self, parent: AnyIndex) -> None:
        if self.canFetchMore(parent):
            self._fetch(parent, FETCH_CHUNK)

    def _fetch(self, parent: AnyIndex, count: int) -> None:
        kind_row = parent.row()
        first = self._shown[kind_row]
        last = min(first + count, len(self._tags[kind_row])) - 1
        if last < first:
            return
        self.beginInsertRows(self.index(kind_row, 0), first, last)
        self._shown[kind_row] = last + 1
        self.endInsertRows()

    # Model interface -----------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column not in (0, 1) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(KIND_ORDER):
                return QModelIndex()
            return self.createIndex(row, column, _KIND_NODE)
        if parent.internalId() != _KIND_NODE or parent.column() != 0:
            return QModelIndex()
        if row >= self._shown[parent.row()]:
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == _KIND_NODE:
            return QModelIndex()
        return self.createIndex(int(child.internalId()) - 1, 0, _KIND_NODE)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(KIND_ORDER)
        if parent.internalId() == _KIND_NODE and parent.column() == 0:
            return self._shown[parent.row()]
        return 0

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        if not parent.isValid():
            return True
        return (
            parent.internalId() == _KIND_NODE
            and parent.column() == 0
            and bool(self._tags[parent.row()])
        )

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Tag"), self.tr("Articles"))[section] if 0 <= section < 2 else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():  # most roles a view asks for: none
            return None
        node = int(index.internalId())
        if node == _KIND_NODE:
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return self.kind_label(KIND_ORDER[index.row()])
            return None
        tags = self._tags[node - 1]
        row = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown_name(tags, row) if index.column() == 0 else tags.counts[row]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if index.column() == 1 else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{name}: {count} articles").format(
                name=self._shown_name(tags, row), count=tags.counts[row]
            )
        if role == TAG_ROLE:
            return tags.tag(row)
        return None

    def shown_cell(self, index: AnyIndex) -> tuple[str, int | None]:
        """What a cell shows, in one call (for the tree's delegate): a kind's label or a
        tag's name in the display script, with None; or a tag's article count, with ``""``."""
        node = int(index.internalId())
        if node == _KIND_NODE:
            label = self.kind_label(KIND_ORDER[index.row()]) if index.column() == 0 else ""
            return label, None
        tags = self._tags[node - 1]
        row = index.row()
        if index.column() == 0:
            return self._shown_name(tags, row), None
        return "", tags.counts[row]

    def _shown_name(self, tags: KindTags, row: int) -> str:
        name = tags.names[row]
        return name if tags.kind == "date" else self._converter.text(name, self._script)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _KIND_NODE:
            return Qt.ItemFlag.ItemIsEnabled
        return _TAG_FLAGS
