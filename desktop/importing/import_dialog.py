"""The import progress dialog (with Cancel) and the summary shown when an import ends."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from index.library import ImportProgress, ImportSummary

__all__ = ["ImportProgressDialog", "show_import_summary", "summary_text"]

MAX_ERRORS_LISTED = 200


class ImportProgressDialog(QProgressDialog):
    """Files done of files found, with the current file's name; Cancel stops the import."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Importing"))
        self.setLabelText(self.tr("Looking for files…"))
        self.setCancelButtonText(self.tr("Cancel"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setRange(0, 0)
        self.setMinimumWidth(420)

    def show_progress(self, progress: ImportProgress) -> None:
        self.setRange(0, max(1, progress.files_total))
        self.setValue(progress.files_done)
        name = progress.current.name if progress.current is not None else ""
        self.setLabelText(
            self.tr("{done} of {total} files · {added} articles added\n{name}").format(
                done=progress.files_done,
                total=progress.files_total,
                added=progress.added,
                name=name,
            )
        )


def summary_text(summary: ImportSummary) -> str:
    """One line: what was added, skipped and failed, and whether the import was cancelled."""
    text = QCoreApplication.translate(
        "ImportSummary",
        "{files} files: {added} articles added, {duplicates} already in the library,"
        " {errors} files could not be read.",
    ).format(
        files=summary.files,
        added=summary.added,
        duplicates=summary.duplicates,
        errors=len(summary.errors),
    )
    if summary.cancelled:
        text += " " + QCoreApplication.translate(
            "ImportSummary", "Cancelled: the articles imported so far are kept."
        )
    return text


def show_import_summary(parent: QWidget, summary: ImportSummary) -> QMessageBox:
    """A non-blocking message box; per-file errors go in its details."""
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("ImportSummary", "Import finished"))
    box.setIcon(QMessageBox.Icon.Warning if summary.errors else QMessageBox.Icon.Information)
    box.setText(summary_text(summary))
    if summary.errors:
        lines = [f"{error.path}: {error.reason}" for error in summary.errors[:MAX_ERRORS_LISTED]]
        if len(summary.errors) > MAX_ERRORS_LISTED:
            lines.append("…")
        box.setDetailedText("\n".join(lines))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
