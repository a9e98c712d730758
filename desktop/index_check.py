"""Check the library's search index on a worker thread, after the window shows.

``Library.open(..., defer_index_check=True)`` skips the health check: milliseconds when the
index's manifest vouches for it, but seconds at 100k articles when it cannot and every document
is read (after a crash, or a damaged or copied index). :class:`IndexCheck` runs it
(``Library.check_index``) once the list is painted, rebuilding the index if needed with
progress, and reads the bigram vocabulary. Until ``ready``, the window must not search or
write to the library.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from desktop.background import Background
from index.library import Library
from index.library.health import RebuildProgress

__all__ = ["IndexCheck"]


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

    def start(self) -> None:
        """Check (if still needed) and read the vocabulary, off the GUI thread; once."""
        if self.started:
            return
        self.started = True
        self._worker.run(self._check, self._checked, self._failed)

    def _check(self) -> None:  # on the worker thread
        self._library.check_index(self._report)
        self._library.index.vocabulary  # noqa: B018 (queries are analyzed with it: ~0.1 s)

    def _report(self, progress: RebuildProgress) -> None:  # on the worker thread
        if self._closing.is_set():
            raise CheckCancelled
        self.progress.emit(progress)

    def _checked(self, _: None) -> None:
        if not self.is_ready:
            self.is_ready = True
            self.ready.emit()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, CheckCancelled):
            self.failed.emit(str(error) or type(error).__name__)

    def start_search_helper(self) -> None:
        """Start the index's search helper process (a large index only; see
        :mod:`index.search.search_helper`) off the GUI thread: it comes from a fork server,
        a fresh interpreter, which takes a second of the other core."""
        if self.is_ready and not self._closing.is_set():
            self._worker.submit(self._library.index.start_search_helper)

    def shutdown(self) -> None:
        """Stop a rebuild at its next step (what it indexed is kept) and wait for the worker."""
        self._closing.set()
        self._worker.shutdown()
