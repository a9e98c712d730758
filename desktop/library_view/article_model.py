"""The article list's Qt model: pages rows in from the library as the view scrolls."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop.document.article_document import format_published
from desktop.library_view.article_source import (
    ArticleQuery,
    ArticleRow,
    ArticleSource,
    open_source,
)
from desktop.library_view.search_terms import Highlighter
from desktop.script import DisplayScript, ScriptConverter
from index.library import Library, LibraryError
from index.library.database import SortKey
from index.search.query import QuerySyntaxError
from index.search.snippets import Snippet

__all__ = ["ARTICLE_ID_ROLE", "SNIPPET_ROLE", "ArticleListModel", "Column"]

ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 2  # a search hit's Snippet, in the display script
PAGE_SIZE = 200
SNIPPET_LEAD = 6  # characters of context shown before a snippet's first match
AnyIndex = QModelIndex | QPersistentModelIndex


class Column:
    TITLE, OUTLET, DATE, TAGS = range(4)


_SORT_KEYS: dict[int, SortKey] = {
    Column.TITLE: "title",
    Column.OUTLET: "outlet",
    Column.DATE: "published",
}


class ArticleListModel(QAbstractTableModel):
    """Title, outlet, date and tags of the articles a query selects, fetched lazily.

    A search lists hits best first; otherwise a column sort applies. ``query_failed``
    carries the one-line reason when the search text cannot be parsed.
    """

    query_failed = Signal(str)  # one line for the status bar
    query_changed = Signal()

    def __init__(
        self,
        library: Library,
        converter: ScriptConverter,
        script: DisplayScript,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._converter = converter
        self._script: DisplayScript = script
        self._query = ArticleQuery()
        self._source: ArticleSource = open_source(library, self._query)
        self._rows: list[ArticleRow] = []
        self._exhausted = False  # the last page came back short: the library shrank

    # Query ---------------------------------------------------------------------------------

    @property
    def query(self) -> ArticleQuery:
        return self._query

    @property
    def total(self) -> int:
        return self._source.total

    @property
    def highlight(self) -> Highlighter:
        """Query terms to mark in the reader (empty when not searching)."""
        return self._source.highlight

    def set_query(self, query: ArticleQuery) -> bool:
        """Show ``query``'s articles; False (and ``query_failed`` with the reason) if the
        search is malformed or the library cannot answer (busy, damaged)."""
        try:
            source = open_source(self._library, query)
            first_page = source.page(0, PAGE_SIZE) if source.total else []
        except QuerySyntaxError as error:
            self.query_failed.emit(self.tr("Search not understood: {reason}").format(reason=error))
            return False
        except LibraryError as error:
            self.query_failed.emit(str(error))
            return False
        self.beginResetModel()
        # The first page comes with the reset: views do not always ask for more after one.
        self._query, self._source, self._rows = query, source, first_page
        self._exhausted = len(first_page) < min(PAGE_SIZE, source.total)
        self.endResetModel()
        self.query_changed.emit()
        return True

    def refresh(self) -> None:
        """Run the current query again (after an import or a tag change)."""
        self.set_query(self._query)

    def set_script(self, script: DisplayScript) -> None:
        self._script = script
        if self._rows:
            last = self.index(len(self._rows) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.DisplayRole])

    def article_id(self, row: int) -> int:
        return self._rows[row].summary.id

    # Lazy fetching -------------------------------------------------------------------------

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return False
        return len(self._rows) < self._source.total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        try:
            page = self._source.page(len(self._rows), PAGE_SIZE)
        except LibraryError as error:
            self.query_failed.emit(str(error))
            page = []
        if not page:
            self._exhausted = True
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    # Model interface -----------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < 4:
            return None
        return (self.tr("Title"), self.tr("Outlet"), self.tr("Date"), self.tr("Tags"))[section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._display(row, index.column())
        if role == ARTICLE_ID_ROLE:
            return row.summary.id
        if role == SNIPPET_ROLE and index.column() == Column.TITLE and row.snippet is not None:
            return self._shown_snippet(row.snippet)
        return None

    def _shown_snippet(self, snippet: Snippet) -> Snippet:
        """The snippet in the display script, starting just before its first match so that
        the match shows in a narrow column; the marks survive a same-length conversion."""
        text = self._converter.text(snippet.text, self._script)
        if len(text) != len(snippet.text) or not snippet.highlights:
            return Snippet(text, ())
        start = max(0, snippet.highlights[0][0] - SNIPPET_LEAD)
        if start <= 1:
            return Snippet(text, snippet.highlights)
        shift = start - 1  # one character for the ellipsis
        return Snippet(
            "…" + text[start:], tuple((s - shift, e - shift) for s, e in snippet.highlights)
        )

    def _display(self, row: ArticleRow, column: int) -> str:
        summary, script = row.summary, self._script
        if column == Column.TITLE:
            return self._converter.text(summary.title, script)
        if column == Column.OUTLET:
            return self._converter.text(summary.outlet or "", script)
        if column == Column.DATE:
            return format_published(summary.published)[:10]
        names = [self._converter.tag(t, script).name for t in summary.tags if t.kind != "date"]
        return ", ".join(names)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by title, outlet or date; a search then lists its hits in that order too."""
        key = _SORT_KEYS.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        query = replace(self._query, sort=key, descending=descending, ranked=False)
        if query != self._query:
            self.set_query(query)
