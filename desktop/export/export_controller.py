"""The window's PDF export: the dialog, then an ExportJob behind a busy indicator."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desktop.script import DisplayScript, ScriptConverter
from index.library import StoredArticle

if TYPE_CHECKING:  # imported when an export is asked for: not on the start-up path
    from desktop.export.export_dialog import ExportDialog
    from desktop.export.export_job import ExportJob
    from desktop.export.pdf import PdfExport

__all__ = ["ExportController"]

StatusMessage = Callable[[str, int], None]


class ExportController(QObject):
    """One export at a time. ``running`` says when one starts and ends; ``finished`` carries
    the PdfExport (None if it failed) once the thread has ended."""

    running = Signal(bool)
    finished = Signal(object)

    def __init__(self, converter: ScriptConverter, window: QWidget, status: StatusMessage):
        super().__init__(window)
        self._converter = converter
        self._window = window
        self._status = status
        self.job: ExportJob | None = None

    def dialog(
        self, articles: Sequence[StoredArticle], script: DisplayScript
    ) -> ExportDialog | None:
        """The dialog for these articles (None, with a hint, when there are none)."""
        from desktop.export.export_dialog import ExportDialog
        from desktop.export.pdf import default_title

        if not articles:
            self._status(self.tr("Select the articles to export first."), 4000)
            return None
        shown = [self._converter.article(article, script) for article in articles]
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        folder = Path(documents) if documents else Path.home()
        return ExportDialog(len(articles), default_title(shown), script, folder, self._window)

    def ask_and_write(self, articles: Sequence[StoredArticle], script: DisplayScript) -> None:
        dialog = self.dialog(articles, script)
        if dialog is not None and dialog.exec() == dialog.DialogCode.Accepted:
            self.write(articles, dialog.path, dialog.script, dialog.title)

    def write(
        self,
        articles: Sequence[StoredArticle],
        path: Path,
        script: DisplayScript,
        title: str,
    ) -> ExportJob | None:
        """Export in a worker thread behind a busy dialog; None if one is running."""
        from desktop.export.export_job import ExportJob

        if self.job is not None:
            self._status(self.tr("An export is already running."), 4000)
            return None
        job = ExportJob(articles, path, script, title or None, self)
        busy = QProgressDialog(self.tr("Writing {path}…").format(path=path), "", 0, 0, self._window)
        busy.setCancelButton(None)
        busy.setWindowTitle(self.tr("Export PDF"))
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.setMinimumDuration(300)
        job.done.connect(lambda result: self._done(busy, result))
        job.failed.connect(lambda reason: self._failed(busy, reason))
        self.job = job
        self.running.emit(True)
        job.start()
        return job

    def shutdown(self) -> None:
        """Join a running export (it cannot be interrupted, only waited for)."""
        if self.job is not None:
            self.job.wait()

    def _end(self, busy: QProgressDialog) -> None:
        busy.close()
        busy.deleteLater()
        self.job = None
        self.running.emit(False)

    def _done(self, busy: QProgressDialog, result: PdfExport) -> None:
        self._end(busy)
        saved = self.tr("Saved {path} ({pages} pages).")
        self._status(saved.format(path=result.path, pages=result.pages), 8000)
        self.finished.emit(result)

    def _failed(self, busy: QProgressDialog, reason: str) -> None:
        self._end(busy)
        QMessageBox.warning(self._window, self.tr("Export failed"), reason)
        self.finished.emit(None)
