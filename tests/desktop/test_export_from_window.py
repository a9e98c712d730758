"""Export from the window: the dialog's defaults, and the PDF of the selected articles."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtWidgets import QDialogButtonBox

from desktop.export.export_dialog import suggested_file_name
from desktop.main_window import MainWindow


def test_dialog_offers_the_selection_in_the_current_script(window: MainWindow) -> None:
    window.set_script("traditional")
    window.article_view.selectAll()
    dialog = window.export_dialog()
    assert dialog is not None
    assert "10 articles" in dialog.summary.text()
    assert dialog.script == "traditional"
    assert dialog.path.suffix == ".pdf"
    dialog.path_field.clear()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()


def test_selected_articles_are_written(window: MainWindow, tmp_path: Path) -> None:
    window.article_view.selectRow(0)
    window.article_view.selectRow(1)
    ids = window.selected_ids()
    assert len(ids) == 1  # selectRow replaces the selection
    articles = window.articles_to_export()
    assert [a.id for a in articles] == ids
    path = tmp_path / "one.pdf"
    assert window.write_pdf(articles, path, "simplified", "")
    reader = PdfReader(path)
    assert len(reader.outline) == 1
    assert "Saved" in window.statusBar().currentMessage()


def test_file_names_from_titles_are_safe() -> None:
    assert suggested_file_name('a/b\\c:"d"?') == "a b c d.pdf"
    assert suggested_file_name("") == "articles.pdf"
    assert len(suggested_file_name("长" * 200)) == 64
