"""GUI side of library health: index-rebuild progress dialog and the read-only banner."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QProgressDialog, QWidget

from index.library.health import RebuildProgress

__all__ = ["RebuildDialog", "read_only_banner"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("LibraryHealth", text)


class RebuildDialog:
    """A progress dialog for a search-index rebuild, shown on its first report.

    Called with each report while the library opens, before the event loop: it updates the
    dialog and lets Qt paint it. A window whose index is checked on a worker thread calls
    :meth:`show_progress` instead (``modal=False``: the library can be read meanwhile).
    """

    def __init__(self, parent: QWidget | None = None, modal: bool = True) -> None:
        self.parent = parent
        self.modal = modal
        self.dialog: QProgressDialog | None = None
        self.reports = 0

    def __call__(self, progress: RebuildProgress) -> None:
        self.show_progress(progress)
        QCoreApplication.processEvents()

    def show_progress(self, progress: RebuildProgress) -> None:
        if self.dialog is None:
            self.dialog = QProgressDialog(self.parent)
            self.dialog.setWindowTitle(_tr("Rebuilding the search index"))
            self.dialog.setCancelButton(None)
            self.dialog.setMinimumDuration(0)
            self.dialog.setWindowModality(
                Qt.WindowModality.ApplicationModal if self.modal else Qt.WindowModality.NonModal
            )
        self.reports += 1
        self.dialog.setLabelText(
            _tr("{reason}.\nRebuilding it from the library: {done} of {total} articles.").format(
                reason=progress.reason[:1].upper() + progress.reason[1:],
                done=progress.done,
                total=progress.total,
            )
        )
        self.dialog.setMaximum(max(progress.total, 1))
        self.dialog.setValue(progress.done)

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None


def read_only_banner(parent: QWidget, folder: str) -> QLabel:
    """The yellow line that says why importing and tag editing are off."""
    banner = QLabel(
        _tr(
            "Read-only: another Archive Reader is using the library {folder}. Importing and"
            " tag editing are off; close the other window and reopen to change the library."
        ).format(folder=folder),
        parent,
    )
    banner.setObjectName("readOnlyBanner")
    banner.setWordWrap(True)
    banner.setTextFormat(Qt.TextFormat.PlainText)
    banner.setStyleSheet(
        "#readOnlyBanner { background: #fde8c8; border-bottom: 1px solid #e0b070;"
        " padding: 4px 8px; }"
    )
    return banner
