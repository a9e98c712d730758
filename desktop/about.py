"""The About dialog: what the app is, its version, and what it is built on."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.version import package_version


def about_text() -> str:
    description = QCoreApplication.translate(
        "About", "Repairs, searches and reads damaged archives of Chinese web news."
    )
    font = QCoreApplication.translate(
        "About", "Text is shown in Noto Sans CJK (SIL Open Font License 1.1)."
    )
    credits = QCoreApplication.translate(
        "About", "Built on jieba, OpenCC, pypinyin, Whoosh, SQLite and Qt."
    )
    return (
        f"<h3>Archive Reader {package_version()}</h3><p>{description}</p><p>{font}<br>{credits}</p>"
    )


def show_about(parent: QWidget) -> None:
    title = QCoreApplication.translate("About", "About Archive Reader")
    QMessageBox.about(parent, title, about_text())
