"""The article list's Qt model: pages rows in from the library as the view scrolls.

Every read of the library (queries, searches, pages) runs on one worker thread: while the
view shows one page, the next is read there, so scrolling to the end finds it ready; and
searches run on the one Whoosh searcher that thread holds, warmed up once the index is
checked (``warm_up_search``), so the first search a user types is not the one that loads the
searcher's caches. The GUI thread waits for a query's first page, as it did when it read it
itself. Each row's displayed text is converted once.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from desktop.background import Background
from desktop.document.article_document import format_published
from desktop.library_view.article_source import (
    NOTHING,
    SEARCH_PAGE_SIZE,
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
PAGE_SIZE = 200  # rows per page of the listing (a search: SEARCH_PAGE_SIZE)
SNIPPET_LEAD = 6  # characters of context shown before a snippet's first match
SNIPPET_SHOWN = 60  # characters of a snippet converted and shown (one line of the column)
AnyIndex = QModelIndex | QPersistentModelIndex
_TEXT_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole})
_ROLES = _TEXT_ROLES | {ARTICLE_ID_ROLE, SNIPPET_ROLE}


class Column:
    TITLE, OUTLET, DATE, TAGS = range(4)


Cells = tuple[str, str, str, str]  # a row's title, outlet, date and tags as shown


@dataclass(frozen=True, slots=True)
class _Page:
    """Rows read ahead, with their cells and snippets converted to ``script`` (if given)."""

    rows: list[ArticleRow]
    script: DisplayScript | None = None
    cells: list[Cells] = field(default_factory=list)
    snippets: list[Snippet | None] = field(default_factory=list)


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
    search_warmed_up = Signal()  # warm_up_search() has run (or failed)

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
        self._source: ArticleSource = NOTHING  # until refresh() or set_query()
        self._rows: list[ArticleRow] = []
        self._shown: dict[int, Cells] = {}  # row -> its cells in the display script
        self._snippets: dict[int, Snippet | None] = {}  # row -> its snippet as shown
        self._exhausted = False  # the last page came back short: the library shrank
        self._pages = Background("article-pages", self)
        self.warmed_up = False  # warm_up_search() has run
        self._next_page: Future[_Page] | None = None  # being read ahead
        # Reading ahead starts once the new rows are painted: the worker holding the GIL
        # would slow the paint down, which calls data() for every cell.
        self._read_ahead_timer = QTimer(self)
        self._read_ahead_timer.setSingleShot(True)
        self._read_ahead_timer.setInterval(0)
        self._read_ahead_timer.timeout.connect(self._read_ahead)

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
        library = self._library

        def read() -> tuple[ArticleSource, list[ArticleRow]]:
            source = open_source(library, query)
            return source, source.page(0, _page_size(query)) if source.total else []

        self._drop_read_ahead()  # if not started yet: the query comes first
        try:
            source, first_page = self._pages.call(read)
        except QuerySyntaxError as error:
            self.query_failed.emit(self.tr("Search not understood: {reason}").format(reason=error))
            return False
        except LibraryError as error:
            self.query_failed.emit(str(error))
            return False
        self.beginResetModel()
        # The first page comes with the reset: views do not always ask for more after one.
        self._query, self._source, self._rows = query, source, first_page
        self._shown, self._snippets = {}, {}
        self._exhausted = len(first_page) < min(_page_size(query), source.total)
        self.endResetModel()
        self._drop_read_ahead()
        self._read_ahead_timer.start()
        self.query_changed.emit()
        return True

    def refresh(self) -> None:
        """Run the current query again (after an import or a tag change)."""
        self.set_query(self._query)

    def set_script(self, script: DisplayScript) -> None:
        self._script = script
        self._shown, self._snippets = {}, {}
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
        if parent.isValid() or not self.canFetchMore(parent):
            return
        ahead, self._next_page = self._next_page, None
        try:
            if ahead is not None and not ahead.cancelled():
                page = ahead.result()  # read ahead: usually done by now
            else:
                source, offset, size = self._source, len(self._rows), _page_size(self._query)
                page = _Page(self._pages.call(lambda: source.page(offset, size)))
        except LibraryError as error:
            self.query_failed.emit(str(error))
            page = _Page([])
        if not page.rows:
            self._exhausted = True
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
        self._rows.extend(page.rows)
        if page.script == self._script:
            self._shown.update(enumerate(page.cells, start=first))
            self._snippets.update(enumerate(page.snippets, start=first))
        self.endInsertRows()
        self._read_ahead_timer.start()

    def _read_ahead(self) -> None:
        """Start reading the page after the rows held, on the worker thread."""
        self._drop_read_ahead()
        if self.canFetchMore(QModelIndex()):
            source, offset, script = self._source, len(self._rows), self._script
            size = _page_size(self._query)

            def read() -> _Page:  # on the worker thread: the rows, and what they show
                rows = source.page(offset, size)
                cells = [self._cells(row, script) for row in rows]
                return _Page(rows, script, cells, [self._snippet(row, script) for row in rows])

            self._next_page = self._pages.submit(read)

    def _drop_read_ahead(self) -> None:
        if self._next_page is not None:
            self._next_page.cancel()  # another query's; if already running, it is ignored
        self._next_page = None

    def warm_up_search(self) -> None:
        """Warm the search up on the worker thread (once the index is checked): it opens the
        searcher and fills its caches, which the first real search would otherwise wait for
        (``Library.warm_up_search``)."""
        library = self._library

        def search() -> None:
            library.warm_up_search()

        def done(_: object) -> None:
            self.warmed_up = True
            self.search_warmed_up.emit()

        self._pages.run(search, done, done)

    def shutdown(self) -> None:
        """Stop reading ahead (joins the worker thread)."""
        self._read_ahead_timer.stop()
        self._pages.shutdown()

    # Model interface -----------------------------------------------------------------------

    # flags() is QAbstractTableModel's (enabled, selectable, no children): not overridden,
    # as a view asks for it at every cell it paints.

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
        if role not in _ROLES or not index.isValid():  # most roles a view asks for: none
            return None
        number = index.row()
        if role in _TEXT_ROLES:
            cells = self.shown_cells(number)
            return None if cells is None else cells[index.column()]
        if not 0 <= number < len(self._rows):
            return None
        if role == ARTICLE_ID_ROLE:
            return self._rows[number].summary.id
        return self.shown_snippet(number) if index.column() == Column.TITLE else None

    def shown_cells(self, number: int) -> Cells | None:
        """Row ``number``'s title, outlet, date and tags as shown (the display role's texts;
        the list's delegate reads them here, without a call per role through Qt)."""
        cells = self._shown.get(number)
        if cells is None:
            if not 0 <= number < len(self._rows):
                return None
            cells = self._shown[number] = self._cells(self._rows[number], self._script)
        return cells

    def shown_snippet(self, number: int) -> Snippet | None:
        """Row ``number``'s search snippet as shown (``SNIPPET_ROLE``), None if not a hit."""
        if number in self._snippets:
            return self._snippets[number]
        if not 0 <= number < len(self._rows) or self._rows[number].snippet is None:
            return None
        snippet = self._snippets[number] = self._snippet(self._rows[number], self._script)
        return snippet

    def _snippet(self, row: ArticleRow, script: DisplayScript) -> Snippet | None:
        """A search hit's snippet as shown (any thread): from just before its first match,
        so that the match shows in a narrow column, and only as much as one line can show,
        in ``script``; the marks survive a same-length conversion."""
        snippet = row.snippet
        if snippet is None:
            return None
        marks = snippet.highlights
        start = max(0, marks[0][0] - SNIPPET_LEAD) if marks else 0
        start = start if start > 1 else 0
        end = start + SNIPPET_SHOWN
        piece = snippet.text[start:end]
        text = self._converter.text(piece, script)
        if len(text) != len(piece):
            marks = ()
        shift = start - 1 if start else 0  # one character for the ellipsis
        shown = [(max(s, start) - shift, min(e, end) - shift) for s, e in marks if s < end]
        opening = "…" if start else ""
        closing = "…" if end < len(snippet.text) else ""
        return Snippet(opening + text + closing, tuple(shown))

    def _cells(self, row: ArticleRow, script: DisplayScript) -> Cells:
        """Title, outlet, date and tags of a row as shown in ``script`` (any thread)."""
        summary, convert = row.summary, self._converter.text
        tags = ", ".join(convert(t.name, script) for t in summary.tags if t.kind != "date")
        return (
            convert(summary.title, script),
            convert(summary.outlet or "", script),
            format_published(summary.published)[:10],
            tags,
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by title, outlet or date; a search then lists its hits in that order too."""
        key = _SORT_KEYS.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        # A listing has no ranking to give up: only a search changes to ``ranked=False``.
        ranked = self._query.ranked and not self._query.searching
        query = replace(self._query, sort=key, descending=descending, ranked=ranked)
        if query != self._query:
            self.set_query(query)


def _page_size(query: ArticleQuery) -> int:
    return SEARCH_PAGE_SIZE if query.searching and query.ranked else PAGE_SIZE
