"""The main window: toolbar, tag browser, article list, reader pane and status bar."""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.background import Background
from desktop.export.export_controller import ExportController
from desktop.fonts import reader_font
from desktop.importing.import_controller import ImportController
from desktop.index_check import IndexCheck
from desktop.library_health import RebuildDialog, read_only_banner
from desktop.library_view.article_delegate import ArticleDelegate
from desktop.library_view.article_model import ARTICLE_ID_ROLE, ArticleListModel, Column
from desktop.library_view.article_source import ArticleQuery
from desktop.reader.reader_pane import ReaderPane
from desktop.script import DISPLAY_SCRIPTS, DisplayScript, ScriptConverter
from desktop.settings import AppSettings
from desktop.tags.tag_browser import TagBrowser
from desktop.tags.tag_lists import TagLists, load_tag_lists
from desktop.tags.tag_model import TagTreeModel
from desktop.tags.user_tags import UserTagEditor
from index.library import ImportSummary, Library, LibraryError, StoredArticle
from index.library.health import RebuildProgress
from index.tags.tag import Tag

__all__ = ["MainWindow"]

SEARCH_DELAY_MS = 300
SETTINGS_DELAY_MS = 2000  # the chosen script is written this long after the last toggle
BACKGROUND_START_MS = 1000  # background work starts at the first paint, or after this
SEARCH_HELPER_DELAY_MS = 3000  # the search helper starts this long after the index is ready


class MainWindow(QMainWindow):
    """The library window. ``import_finished`` fires after an import's summary is shown.

    What the first paint of the list does not need waits until it is painted: the first
    article in the reader, the tags (read on a worker thread), the search index's check
    (``index_check``; until it is ready, searches wait and importing and tag editing are off)
    followed by a warm-up search on the list's worker thread, and the other script's
    converter.
    """

    import_finished = Signal(object)  # ImportSummary, or None when the import failed
    export_finished = Signal(object)  # PdfExport, or None when the export failed
    tags_loaded = Signal()  # the tag tree holds the library's tags as they are now

    def __init__(self, library: Library, settings: AppSettings) -> None:
        super().__init__()
        self.library = library
        self.settings = settings
        self.converter = ScriptConverter()
        self.script: DisplayScript = settings.script
        self.user_tags = UserTagEditor(
            library, self.selected_ids, self, self.statusBar().showMessage
        )
        self.importer = ImportController(library, self, self.statusBar().showMessage)
        self.exporter = ExportController(self.converter, self, self.statusBar().showMessage)
        self.tag_loader = Background("tag-loader", self)
        self.article_reader = Background("article-reader", self)
        self._reading: int | None = None  # the article being read for the reader
        self.index_check = IndexCheck(library, self)
        self._rebuild_dialog = RebuildDialog(self, modal=False)
        self._search_waiting = False  # a search was asked for before the index was ready
        self._converter_ready = False  # the other script's dictionaries are loaded
        # QSettings writes its file (with fsync) on the GUI thread: ~10 ms, not at a toggle.
        self._remember_script = QTimer(self)
        self._remember_script.setSingleShot(True)
        self._remember_script.setInterval(SETTINGS_DELAY_MS)
        self._remember_script.timeout.connect(self._write_script)
        self.setWindowTitle(self.tr("Archive Reader — {folder}").format(folder=library.folder))
        self.setAcceptDrops(True)
        self.setFont(reader_font(self.font().pointSizeF() or 10))

        self.article_model = ArticleListModel(library, self.converter, self.script, self)
        self.tag_model = TagTreeModel(self.converter, self.script, self)
        self.tag_browser = TagBrowser(self.tag_model, self)
        self.reader = ReaderPane(self.converter, self.script, self)
        self.reader.set_zoom(settings.zoom)
        self.article_view = self._make_article_view()
        self.search_field = QLineEdit(self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self.filter_label = QLabel(self)
        self.reset_button = QPushButton(self.tr("Reset filter"), self)
        self.status_label = QLabel(self)
        self.filter_bar = self._make_filter_bar()
        self.splitter = self._make_splitter()
        self.setCentralWidget(self.splitter)
        self._make_actions()
        self._update_writing()
        self._connect()
        self.statusBar().addPermanentWidget(self.status_label)
        self._restore_state()
        self.article_model.refresh()
        self.article_view.viewport().installEventFilter(self)
        QTimer.singleShot(BACKGROUND_START_MS, self, self.start_background_work)

    # Construction --------------------------------------------------------------------------

    def _make_article_view(self) -> QTableView:
        view = QTableView(self)
        view.setModel(self.article_model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # The indicator first: enabling sorting sorts by it, which the list already is.
        view.horizontalHeader().setSortIndicator(Column.DATE, Qt.SortOrder.DescendingOrder)
        view.setSortingEnabled(True)
        view.verticalHeader().hide()
        view.setShowGrid(False)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        header = view.horizontalHeader()
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.OUTLET, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.DATE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.TAGS, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(Column.OUTLET, 80)
        header.resizeSection(Column.DATE, self._date_width(view))
        header.resizeSection(Column.TAGS, 96)
        view.setItemDelegate(ArticleDelegate(self.article_model, view))
        return view

    def _date_width(self, view: QTableView) -> int:
        """Wide enough for ``2025-07-10`` and for the header with its sort arrow. (Sized to
        contents, the column made the view measure a thousand rows at every change.)"""
        label = self.article_model.headerData(Column.DATE, Qt.Orientation.Horizontal)
        header = view.horizontalHeader().fontMetrics().horizontalAdvance(str(label)) + 24
        return max(view.fontMetrics().horizontalAdvance("0000-00-00"), header) + 16

    def _make_filter_bar(self) -> QWidget:
        bar = QWidget(self)
        bar.setObjectName("filterBar")
        bar.setStyleSheet("#filterBar { background: #fff4d6; border-bottom: 1px solid #e8d9a8; }")
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(8, 3, 4, 3)
        self.filter_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.filter_label, 1)
        layout.addWidget(self.reset_button)
        bar.hide()
        return bar

    def _make_splitter(self) -> QSplitter:
        centre = QWidget(self)
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        if self.library.read_only:
            self.read_only_banner = read_only_banner(centre, str(self.library.folder))
            layout.addWidget(self.read_only_banner)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.article_view, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.tag_browser)
        splitter.addWidget(centre)
        splitter.addWidget(self.reader)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 2)
        splitter.setStretchFactor(2, 3)
        splitter.setSizes([190, 470, 620])
        splitter.setChildrenCollapsible(False)
        return splitter

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.about_action = self._action(self.tr("About Archive Reader"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.import_action = self._action(
            self.tr("Import…"), self.importer.choose_folder, QKeySequence.StandardKey.Open
        )
        self.import_action.setToolTip(self.tr("Import dump files or folders (or drop them here)"))
        self.import_files_action = self._action(
            self.tr("Import files…"), self.importer.choose_files, "Ctrl+Shift+O"
        )
        self.export_action = self._action(
            self.tr("Export PDF…"), self.export_selected, QKeySequence.StandardKey.Print
        )
        self.export_action.setToolTip(self.tr("Export the selected articles to PDF (Ctrl+P)"))
        find = self._action(self.tr("Find in article"), self.reader.open_find, "Ctrl+F")
        focus_search = self._action(self.tr("Search the library"), self._focus_search, "Ctrl+L")
        zoom_in = self._action(
            self.tr("Zoom in"), self.reader.zoom_in, QKeySequence.StandardKey.ZoomIn
        )
        zoom_in.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        zoom_out = self._action(
            self.tr("Zoom out"), self.reader.zoom_out, QKeySequence.StandardKey.ZoomOut
        )
        zoom_reset = self._action(self.tr("Actual size"), self.reader.zoom_reset, "Ctrl+0")
        self.add_tag_action = self._action(
            self.tr("Add tag to selected articles…"), self.user_tags.ask_and_add, "Ctrl+T"
        )
        self.remove_tag_action = self._action(
            self.tr("Remove tag from selected articles…"),
            self.user_tags.ask_and_remove,
            "Ctrl+Shift+T",
        )
        quit_action = self._action(self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.script_group = QActionGroup(self)
        self.simplified_action = QAction("简", self.script_group)
        self.traditional_action = QAction("繁", self.script_group)
        for action, script in (
            (self.simplified_action, "simplified"),
            (self.traditional_action, "traditional"),
        ):
            action.setCheckable(True)
            action.setData(script)
        self.simplified_action.setToolTip(self.tr("Show everything in simplified characters"))
        self.traditional_action.setToolTip(self.tr("Show everything in traditional characters"))
        self._script_action(self.script).setChecked(True)
        self.script_group.triggered.connect(self._script_chosen)

        self.search_field.setPlaceholderText(
            self.tr('Search: words, "a phrase", OR, -word, title:, outlet:, tag:, date:2025-07')
        )
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setMinimumWidth(360)
        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addWidget(self.search_field)
        toolbar.addSeparator()
        toolbar.addAction(self.simplified_action)
        toolbar.addAction(self.traditional_action)
        toolbar.addSeparator()
        toolbar.addAction(self.import_action)
        toolbar.addAction(self.export_action)
        self.addToolBar(toolbar)

        menus = self.menuBar()
        file_menu = menus.addMenu(self.tr("&File"))
        file_menu.addActions([self.import_action, self.import_files_action, self.export_action])
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        view_menu = menus.addMenu(self.tr("&View"))
        view_menu.addActions([self.simplified_action, self.traditional_action])
        view_menu.addSeparator()
        view_menu.addActions([zoom_in, zoom_out, zoom_reset, find, focus_search])
        tag_menu = menus.addMenu(self.tr("&Tags"))
        tag_menu.addActions([self.add_tag_action, self.remove_tag_action])
        help_menu = menus.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)
        self.article_view.addActions(
            [self.add_tag_action, self.remove_tag_action, self.export_action]
        )

    def _update_writing(self) -> None:
        """Import and tag editing need the index checked, and are off for good when another
        Archive Reader holds the library."""
        writable = not self.library.read_only and self.index_check.is_ready
        importing = self.importer.job is not None
        for action in (self.import_action, self.import_files_action):
            action.setEnabled(writable and not importing)
        for action in (self.add_tag_action, self.remove_tag_action):
            action.setEnabled(writable)
        self.setAcceptDrops(not self.library.read_only)

    # Background work ---------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self.article_view.viewport():
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self.start_background_work)  # once this paint is done
        return False

    def start_background_work(self) -> None:
        """Show the first article, then read the tags, check and warm up the search index and
        load the other script's converter on worker threads (once; the first paint of the
        list calls this)."""
        if self.index_check.started:
            return
        self.index_check.start()
        self._select_first_row()
        self.reload_tags()
        other = next(script for script in DISPLAY_SCRIPTS if script != self.script)
        self.tag_loader.run(lambda: self.converter.prepare(other), self._converter_prepared)

    def _converter_prepared(self, _: object) -> None:
        self._converter_ready = True
        self._freeze_long_lived()

    def _freeze_long_lived(self) -> None:
        """Once the start-up work is done (tags, searcher, both scripts' dictionaries), and
        after each reading of the tags: what is alive now lives as long as the window, so
        the garbage collector stops scanning it. (A full collection went through it all,
        ~150 ms at 100k, every few seconds of scrolling, on whichever thread allocated.)"""
        if self._converter_ready and self.tag_model.loaded and self.article_model.warmed_up:
            gc.collect(1)  # the young garbage first: what is frozen is never collected
            gc.freeze()

    def when_ready(self, action: Callable[[], object]) -> None:
        """Run ``action`` once the search index is ready (soon, if it is)."""
        if self.index_check.is_ready:
            QTimer.singleShot(0, self, action)
        else:
            self.index_check.ready.connect(action, Qt.ConnectionType.SingleShotConnection)

    def _index_ready(self) -> None:
        self.article_model.warm_up_search()
        # Once the start-up work has settled: the helper's start costs a core for a second.
        QTimer.singleShot(SEARCH_HELPER_DELAY_MS, self, self.index_check.start_search_helper)
        self._rebuild_dialog.close()
        self._update_writing()
        if self._search_waiting:
            self._search_waiting = False
            self.statusBar().clearMessage()
            self.apply_query()

    def _rebuild_progress(self, progress: RebuildProgress) -> None:
        self._rebuild_dialog.show_progress(progress)

    def _index_failed(self, reason: str) -> None:
        self._rebuild_dialog.close()
        self.statusBar().showMessage(self.tr("Search is off: {reason}").format(reason=reason))

    def _connect(self) -> None:
        self.search_field.textChanged.connect(self._search_timer.start)
        self.search_field.returnPressed.connect(self.apply_query)
        self._search_timer.timeout.connect(self.apply_query)
        self.tag_browser.selection_changed.connect(lambda _tags: self.apply_query())
        self.tag_browser.remove_requested.connect(self._remove_tag)
        self.tag_browser.add_requested.connect(self.add_tag_action.trigger)
        self.user_tags.changed.connect(self._tags_changed)
        self.reset_button.clicked.connect(self.reset_filter)
        self.article_model.query_failed.connect(self._query_failed)
        self.article_model.query_changed.connect(self._query_changed)
        self.article_model.search_warmed_up.connect(self._freeze_long_lived)
        self.article_view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.article_view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reader.zoom_changed.connect(self._zoom_changed)
        self.index_check.ready.connect(self._index_ready)
        self.index_check.progress.connect(self._rebuild_progress)
        self.index_check.failed.connect(self._index_failed)
        self.importer.running.connect(self._import_running)
        self.importer.finished.connect(self._import_finished)
        self.exporter.running.connect(lambda running: self.export_action.setEnabled(not running))
        self.exporter.finished.connect(self.export_finished.emit)

    # Query ---------------------------------------------------------------------------------

    def current_query(self) -> ArticleQuery:
        """The search box and tag selection; a new search lists its best hits first."""
        current = self.article_model.query
        text = self.search_field.text().strip()
        return replace(
            current,
            text=text,
            tags=tuple(self.tag_browser.selected_tags()),
            ranked=(current.ranked and text == current.text) or text != current.text,
        )

    def apply_query(self) -> None:
        """Run the search box and the tag selection now (the debounce timer calls this); a
        search waits until the index is ready."""
        self._search_timer.stop()
        query = self.current_query()
        if query.searching and not self.index_check.is_ready:
            self._search_waiting = True
            self.statusBar().showMessage(self.tr("Preparing the search index…"))
            return
        if query != self.article_model.query:
            self.article_model.set_query(query)

    def show_about(self) -> None:
        from desktop.about import show_about  # its version look-up is not start-up work

        show_about(self)

    def reset_filter(self) -> None:
        self.search_field.blockSignals(True)
        self.search_field.clear()
        self.search_field.blockSignals(False)
        self.tag_browser.filter_box.clear()
        self.tag_browser.clear_selection()
        self.apply_query()

    def _query_failed(self, reason: str) -> None:
        self.search_field.setStyleSheet("QLineEdit { background: #fde8e6; }")
        self.statusBar().showMessage(reason)

    def _query_changed(self) -> None:
        self.search_field.setStyleSheet("")
        self.statusBar().clearMessage()
        query = self.article_model.query
        header = self.article_view.horizontalHeader()
        with_snippets = query.searching and query.ranked
        header.setSortIndicatorShown(not with_snippets)
        lines = 2.6 if with_snippets else 1.9  # a search hit shows its snippet below the title
        line = self.article_view.fontMetrics().height()
        self.article_view.verticalHeader().setDefaultSectionSize(int(line * lines))
        self._update_status()
        if self.index_check.started:  # before the first paint, the list paints first
            self._select_first_row()
        # An article being read is drawn with the highlight when it comes: not twice.
        highlight = self.article_model.highlight if query.searching else None
        self.reader.set_highlight(highlight, redraw=self._reading is None)

    def _select_first_row(self) -> None:
        """Select (and so read) the first article when nothing is selected."""
        if self.article_model.rowCount() and not self.article_view.selectionModel().hasSelection():
            self.article_view.selectRow(0)

    def filter_description(self) -> str:
        """The active filter in words, as the filter bar and status bar show it."""
        query = self.article_model.query
        parts = []
        if query.searching:
            parts.append(self.tr("search “{text}”").format(text=query.text))
        for tag in query.tags:
            shown = self.converter.tag(tag, self.script)
            parts.append(f"{self.tag_model.kind_label(tag.kind)}: {shown.name}")
        return "  +  ".join(parts)

    def _update_status(self) -> None:
        total = self.article_model.total
        description = self.filter_description()
        count = self.tr("%n article(s)", "", total)
        if description:
            self.filter_label.setText(self.tr("Filter: {filter}").format(filter=description))
            self.status_label.setText(
                self.tr("{count} · filter: {filter}").format(count=count, filter=description)
            )
        else:
            self.status_label.setText(self.tr("{count} in the library").format(count=count))
        self.filter_bar.setVisible(bool(description))

    # Reading -------------------------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not current.isValid():
            return
        article_id = current.siblingAtColumn(0).data(ARTICLE_ID_ROLE)
        if isinstance(article_id, int):
            self.read_article(article_id)

    def read_article(self, article_id: int) -> None:
        """Show the article in the reader once it is read, and converted to the script shown,
        on a worker thread: the list repaints meanwhile (after a search, it shows the hits
        first). Only the last article asked for is shown."""
        self._reading = article_id
        library, converter, script = self.library, self.converter, self.script

        def read() -> StoredArticle | None:
            article = library.get_article(article_id)
            if article is not None:
                converter.article(article, script)  # cached: the reader finds it converted
            return article

        def show(article: StoredArticle | None) -> None:
            if self._reading == article_id:
                self._reading = None
                self.reader.show_article(article)

        def failed(error: BaseException) -> None:
            if self._reading == article_id:
                self._reading = None
            if not isinstance(error, LibraryError):
                raise error
            self.statusBar().showMessage(str(error))

        self.article_reader.run(read, show, failed)

    def _selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        self.export_action.setEnabled(bool(self.selected_ids()) or self.reader.article is not None)

    def selected_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.article_view.selectionModel().selectedRows())
        return [self.article_model.article_id(row) for row in rows]

    def _script_chosen(self, action: QAction) -> None:
        self.set_script("traditional" if action.data() == "traditional" else "simplified")

    def set_script(self, script: DisplayScript) -> None:
        """Convert everything shown to ``script`` and remember the choice."""
        self.script = script
        self._remember_script.start()
        self._script_action(script).setChecked(True)
        self.article_model.set_script(script)
        self.tag_model.set_script(script)
        self.reader.set_script(script)
        self._update_status()

    def _write_script(self) -> None:
        self._remember_script.stop()
        if self.settings.script != self.script:
            self.settings.script = self.script

    def _script_action(self, script: DisplayScript) -> QAction:
        return self.traditional_action if script == "traditional" else self.simplified_action

    def _zoom_changed(self, factor: float) -> None:
        self.settings.zoom = factor

    def _focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    # Tags ----------------------------------------------------------------------------------

    def reload_tags(self) -> None:
        """Read the library's tags off the GUI thread; the tree takes them when they come
        (``tags_loaded``)."""
        library = self.library
        self.tag_loader.run(lambda: load_tag_lists(library), self._tags_read)

    def _tags_read(self, tags: TagLists) -> None:
        selected = self.tag_browser.selected_tags()
        self.tag_browser.tree.selectionModel().blockSignals(True)
        self.tag_model.set_tags(tags)
        self.tag_browser.select_tags(selected)
        self.tag_browser.tree.selectionModel().blockSignals(False)
        self.tags_loaded.emit()
        self._freeze_long_lived()

    def _remove_tag(self, tag: Tag) -> None:
        if self.remove_tag_action.isEnabled():  # off while the index is checked, or read-only
            self.user_tags.remove(tag)

    def _tags_changed(self) -> None:
        self.reload_tags()
        selected = self.selected_ids()
        self.article_model.refresh()
        self._reselect(selected)
        article = self.reader.article
        if article is not None:
            self.reader.show_article(self.library.get_article(article.id))

    def _reselect(self, ids: list[int]) -> None:
        wanted = set(ids)
        selection = self.article_view.selectionModel()
        for row in range(self.article_model.rowCount()):
            if self.article_model.article_id(row) in wanted:
                selection.select(
                    self.article_model.index(row, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )

    # Import and export -------------------------------------------------------------------

    def _import_running(self, running: bool) -> None:
        self._update_writing()

    def _import_finished(self, summary: ImportSummary | None) -> None:
        self.reload_tags()
        self.article_model.refresh()
        self.import_finished.emit(summary)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths and self.import_action.isEnabled():
            event.acceptProposedAction()
            self.importer.start(paths)

    def articles_to_export(self) -> list[StoredArticle]:
        """The selected articles, or the one being read when none is selected."""
        ids = self.selected_ids()
        if not ids and self.reader.article is not None:
            ids = [self.reader.article.id]
        found = (self.library.get_article(article_id) for article_id in ids)
        return [article for article in found if article is not None]

    def export_selected(self) -> None:
        self.exporter.ask_and_write(self.articles_to_export(), self.script)

    # Window state --------------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self.settings.state("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        splitter = self.settings.state("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        header = self.settings.state("columns")
        if header is not None:
            columns = self.article_view.horizontalHeader()
            columns.restoreState(header)
            columns.setSectionResizeMode(Column.DATE, QHeaderView.ResizeMode.Interactive)

    def save_state(self) -> None:
        self._write_script()
        self.settings.set_state("geometry", self.saveGeometry())
        self.settings.set_state("splitter", self.splitter.saveState())
        self.settings.set_state("columns", self.article_view.horizontalHeader().saveState())
        self.settings.sync()

    def shutdown(self) -> None:
        """Stop a running import (keeping what it stored); join the worker threads."""
        self.index_check.shutdown()
        self.article_model.shutdown()
        self.reader.shutdown()
        self.article_reader.shutdown()
        self.importer.shutdown()
        self.exporter.shutdown()
        self.tag_loader.shutdown()
        self._rebuild_dialog.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.shutdown()
        super().closeEvent(event)
