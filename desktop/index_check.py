"""Check and warm up the library's search index on a worker thread, after the window shows.

``Library.open(..., defer_index_check=True)`` skips the health check that reads the whole
index (seconds at 100k articles); :class:`IndexCheck` runs it (``Library.check_index``) once
the list is painted, rebuilding the index if needed with progress, then reads the bigram
vocabulary and runs a first search, so the user's first search does not pay for any of it.
Until ``ready``, the window must not search or write to the library.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from desktop.background import Background
from index.library import Library
from index.library.health import RebuildProgress
from index.search.query import parse_query

__all__ = ["IndexCheck"]

WARM_UP_QUERY = "的"  # in nearly every article: opens every segment's postings


class CheckCancelled(Exception):
    """The window closed during a rebuild (what was indexed so far is kept)."""


class IndexCheck(QObject):
    """``progress`` reports a rebuild (RebuildProgress); ``ready`` fires once searching and
    writing may start (at once when the library's index was checked at open); ``failed``
    carries a one-line reason."""

    progress = Signal(object)
    ready = Signal()
    failed = Signal(str)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._worker = Background("index-check", self)
        self._closing = threading.Event()
        self.is_ready = library.index_checked
        self.started = False
        self.warmed_up = False  # the warm-up search ran (or failed): the worker is idle

    def start(self) -> None:
        """Check (if still needed), then warm up, off the GUI thread; once."""
        if self.started:
            return
        self.started = True
        library = self._library
        self._worker.run(lambda: library.check_index(self._report), self._checked, self._failed)
        self._worker.run(self._warm_up, self._warm, self._warm)

    def _report(self, progress: RebuildProgress) -> None:  # on the worker thread
        if self._closing.is_set():
            raise CheckCancelled
        self.progress.emit(progress)

    def _warm_up(self) -> None:  # on the worker thread, after the check
        if self._library.index_checked and not self._closing.is_set():
            index = self._library.index
            index.search(parse_query(WARM_UP_QUERY, index.bigrams), limit=1)

    def _warm(self, _: object) -> None:
        self.warmed_up = True

    def _checked(self, _: None) -> None:
        if not self.is_ready:
            self.is_ready = True
            self.ready.emit()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, CheckCancelled):
            self.failed.emit(str(error) or type(error).__name__)

    def shutdown(self) -> None:
        """Stop a rebuild at its next step (what it indexed is kept) and wait for the worker."""
        self._closing.set()
        self._worker.shutdown()
