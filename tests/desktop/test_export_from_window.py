"""Export from the window: the dialog's defaults, and the PDF of the selected articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.export.export_dialog import suggested_file_name
from desktop.export.pdf import PdfExport
from desktop.main_window import MainWindow


def test_dialog_offers_the_selection_in_the_current_script(window: MainWindow) -> None:
    window.set_script("traditional")
    window.article_view.selectAll()
    dialog = window.exporter.dialog(window.articles_to_export(), window.script)
    assert dialog is not None
    assert "10 articles" in dialog.summary.text()
    assert dialog.script == "traditional"
    assert dialog.path.suffix == ".pdf"
    dialog.path_field.clear()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()


def test_selected_articles_are_written_in_a_thread(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.article_view.selectRow(0)
    articles = window.articles_to_export()
    assert [a.id for a in articles] == window.selected_ids() and len(articles) == 1
    path = tmp_path / "one.pdf"
    with qtbot.waitSignal(window.export_finished, timeout=30_000) as finished:
        job = window.exporter.write(articles, path, "simplified", "")
        assert job is not None and job.is_running()
    assert isinstance(finished.args[0], PdfExport) and not job.is_running()
    assert len(PdfReader(path).outline) == 1
    assert "Saved" in window.statusBar().currentMessage()


def test_a_failed_export_says_why(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    window.article_view.selectRow(0)
    path = tmp_path / "missing-folder" / "out.pdf"
    with qtbot.waitSignal(window.export_finished, timeout=30_000) as finished:
        window.exporter.write(window.articles_to_export(), path, "simplified", "")
    assert finished.args == [None]
    assert warnings and str(path.parent) in warnings[0]
    assert window.exporter.job is None and window.export_action.isEnabled()


def test_file_names_from_titles_are_safe() -> None:
    assert suggested_file_name('a/b\\c:"d"?') == "a b c d.pdf"
    assert suggested_file_name("") == "articles.pdf"
    assert len(suggested_file_name("长" * 200)) == 64
