"""The window's import: choose files or folders, run an ImportJob with progress, summarise."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.importing.import_dialog import ImportProgressDialog, show_import_summary
from desktop.importing.import_worker import ImportJob
from index.library import ImportSummary, Library

__all__ = ["ImportController"]

StatusMessage = Callable[[str, int], None]


class ImportController(QObject):
    """One import at a time. ``running`` says when one starts and ends; ``finished`` carries
    the summary (None if it failed) once the thread has ended and the summary is shown."""

    running = Signal(bool)
    finished = Signal(object)

    def __init__(self, library: Library, window: QWidget, status: StatusMessage) -> None:
        super().__init__(window)
        self._library = library
        self._window = window
        self._status = status
        self.job: ImportJob | None = None
        self.progress_dialog: ImportProgressDialog | None = None

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self._window, self.tr("Import a folder of dump files")
        )
        if folder:
            self.start([Path(folder)])

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self._window, self.tr("Import dump files"))
        if files:
            self.start([Path(name) for name in files])

    def start(self, paths: list[Path], quiet: bool = False) -> ImportJob | None:
        """Import in a worker thread behind a progress dialog with Cancel; None if an import
        is already running. ``quiet`` shows the summary only when files failed."""
        if self.job is not None:
            self._status(self.tr("An import is already running."), 4000)
            return None
        job = ImportJob(self._library, paths, self)
        dialog = ImportProgressDialog(self._window)
        dialog.canceled.connect(job.cancel)
        job.progress.connect(dialog.show_progress)
        job.done.connect(lambda summary: self._done(summary, quiet))
        job.failed.connect(self._failed)
        self.job, self.progress_dialog = job, dialog
        self.running.emit(True)
        dialog.show()
        job.start()
        return job

    def shutdown(self) -> None:
        """Cancel a running import (what it stored stays) and join its thread."""
        if self.job is not None:
            self.job.cancel()
            self.job.wait()

    def _end(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
        self.job, self.progress_dialog = None, None
        self.running.emit(False)

    def _done(self, summary: ImportSummary, quiet: bool) -> None:
        self._end()
        if not quiet or summary.errors:
            show_import_summary(self._window, summary)
        else:
            self._status(self.tr("Imported %n article(s).", "", summary.added), 6000)
        self.finished.emit(summary)

    def _failed(self, reason: str) -> None:
        self._end()
        QMessageBox.warning(self._window, self.tr("Import failed"), reason)
        self.finished.emit(None)
