"""The Export PDF dialog: which articles, which script, the title, and where to save."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.script import DisplayScript

__all__ = ["ExportDialog", "suggested_file_name"]


def suggested_file_name(title: str) -> str:
    """A file name from the title: no path separators or control characters, short."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f\s]+', " ", title).strip() or "articles"
    return cleaned[:60] + ".pdf"


class ExportDialog(QDialog):
    """Asks for the PDF file, script and title; ``accept`` only with a file chosen."""

    def __init__(
        self,
        count: int,
        title: str,
        script: DisplayScript,
        folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export PDF"))
        self.setMinimumWidth(520)
        self.summary = QLabel(
            self.tr("%n article(s) will be exported, each on a new page.", "", count), self
        )
        self.title_field = QLineEdit(title, self)
        self.script_box = QComboBox(self)
        self.script_box.addItem(self.tr("Simplified Chinese (简体)"), "simplified")
        self.script_box.addItem(self.tr("Traditional Chinese (繁體)"), "traditional")
        self.script_box.setCurrentIndex(0 if script == "simplified" else 1)
        self.path_field = QLineEdit(str(folder / suggested_file_name(title)), self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_field, 1)
        path_row.addWidget(browse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.path_field.textChanged.connect(self._update_buttons)
        form = QFormLayout(self)
        form.addRow(self.summary)
        form.addRow(self.tr("Title:"), self.title_field)
        form.addRow(self.tr("Script:"), self.script_box)
        form.addRow(self.tr("File:"), path_row)
        form.addRow(self.buttons)
        self._update_buttons()

    @property
    def path(self) -> Path:
        text = self.path_field.text().strip()
        return Path(text if text.lower().endswith(".pdf") else text + ".pdf").expanduser()

    @property
    def script(self) -> DisplayScript:
        return "traditional" if self.script_box.currentData() == "traditional" else "simplified"

    @property
    def title(self) -> str:
        return self.title_field.text().strip()

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export PDF"), self.path_field.text(), self.tr("PDF files (*.pdf)")
        )
        if chosen:
            self.path_field.setText(chosen)

    def _update_buttons(self) -> None:
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(bool(self.path_field.text().strip()))
