"""Run a library import in a QThread, reporting progress by signal; cancel keeps what is done."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from index.library import ImportProgress, ImportSummary, Library, LibraryError

__all__ = ["ImportJob"]


class _Worker(QObject):
    progress = Signal(object)  # ImportProgress
    finished = Signal(object)  # ImportSummary
    failed = Signal(str)

    def __init__(self, library: Library, paths: Sequence[Path], cancel: threading.Event) -> None:
        super().__init__()
        self._library = library
        self._paths = list(paths)
        self._cancel = cancel

    @Slot()
    def run(self) -> None:
        try:
            summary = self._library.import_paths(
                self._paths, progress=self.progress.emit, cancel=self._cancel.is_set
            )
        except LibraryError as error:
            self.failed.emit(str(error))
        else:
            self.finished.emit(summary)
        finally:
            self._library.database.close()  # this thread's SQLite connection


class ImportJob(QObject):
    """One import in its own thread. ``done`` carries the summary (also after a cancel),
    ``failed`` a one-line reason; either way the thread has finished when they arrive."""

    progress = Signal(object)  # ImportProgress
    done = Signal(object)  # ImportSummary
    failed = Signal(str)

    def __init__(self, library: Library, paths: Sequence[Path], parent: QObject | None = None):
        super().__init__(parent)
        self._cancel = threading.Event()
        self._thread = QThread()
        self._thread.setObjectName("import")
        self._worker = _Worker(library, paths, self._cancel)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._forward_progress)
        self._worker.finished.connect(self._finish)
        self._worker.failed.connect(self._fail)
        self.summary: ImportSummary | None = None
        self.error: str | None = None

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        """Stop after the file being imported; what was stored stays."""
        self._cancel.set()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Join the thread (tests and shutdown)."""
        self._thread.quit()
        return self._thread.wait(milliseconds)

    def _forward_progress(self, progress: ImportProgress) -> None:
        self.progress.emit(progress)

    def _finish(self, summary: ImportSummary) -> None:
        self.summary = summary
        self._thread.quit()
        self._thread.wait()
        self.done.emit(summary)

    def _fail(self, reason: str) -> None:
        self.error = reason
        self._thread.quit()
        self._thread.wait()
        self.failed.emit(reason)
