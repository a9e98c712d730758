"""Write a PDF in a QThread so that a long export never freezes the window."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from desktop.export.pdf import PdfExport, export_pdf
from desktop.script import DisplayScript
from index.library import StoredArticle

__all__ = ["ExportJob"]


class _Worker(QObject):
    finished = Signal(object)  # PdfExport
    failed = Signal(str)

    def __init__(
        self,
        articles: Sequence[StoredArticle],
        path: Path,
        script: DisplayScript | None,
        title: str | None,
    ) -> None:
        super().__init__()
        self._articles = list(articles)
        self._path = path
        self._script: DisplayScript | None = script
        self._title = title

    @Slot()
    def run(self) -> None:
        # A converter of its own: the window's cache is not shared across threads.
        try:
            result = export_pdf(self._articles, self._path, self._script, self._title)
        except OSError as error:
            self.failed.emit(f"{self._path}: {error.strerror or error}")
        else:
            self.finished.emit(result)


class ExportJob(QObject):
    """One export in its own thread; ``done`` (PdfExport) or ``failed`` (one line) arrive
    after the thread has finished."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        articles: Sequence[StoredArticle],
        path: Path,
        script: DisplayScript | None,
        title: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("export")
        self._worker = _Worker(articles, path, script, title)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.finished.connect(self._finish)
        self._worker.failed.connect(self._fail)
        self.result: PdfExport | None = None
        self.error: str | None = None

    def start(self) -> None:
        self._thread.start()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, milliseconds: int = 60_000) -> bool:
        """Join the thread (tests and shutdown); the export itself cannot be interrupted."""
        self._thread.quit()
        return self._thread.wait(milliseconds)

    def _finish(self, result: PdfExport) -> None:
        self.result = result
        self._thread.quit()
        self._thread.wait()
        self.done.emit(result)

    def _fail(self, reason: str) -> None:
        self.error = reason
        self._thread.quit()
        self._thread.wait()
        self.failed.emit(reason)
