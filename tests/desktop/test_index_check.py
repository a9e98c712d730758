"""The window shows the list first; the search index is checked and warmed up behind it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.settings import AppSettings
from index.library import ArticleSummary, Library
from index.library.health import RebuildProgress
from index.library.library import INDEX_FOLDER


@pytest.fixture
def deferred_library(sample_library_dir: Path) -> Iterator[Library]:
    """The sample library opened as the app opens it: index not checked yet."""
    library = Library.open(sample_library_dir, defer_index_check=True)
    yield library
    library.close()


def test_the_first_paint_starts_the_background_work(
    qtbot: QtBot, deferred_library: Library, app_settings: AppSettings
) -> None:
    window = MainWindow(deferred_library, app_settings)
    qtbot.addWidget(window)
    assert window.article_model.rowCount() == 10, "the list is there before any check"
    assert not window.index_check.started and not window.tag_model.loaded
    assert window.reader.article is None, "the reader fills after the list is painted"
    with qtbot.waitSignal(window.index_check.ready, timeout=20_000):
        window.show()
    assert deferred_library.index_checked
    first = window.article_model.article_id(0)
    qtbot.waitUntil(lambda: window.reader.article is not None and window.reader.article.id == first)
    qtbot.waitUntil(lambda: window.tag_model.loaded)
    qtbot.waitUntil(lambda: window.article_model.warmed_up)  # a first search, off the GUI
    window.shutdown()


def test_opening_the_window_reads_the_first_page_once(
    qtbot: QtBot,
    deferred_library: Library,
    app_settings: AppSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pages: list[int] = []
    list_articles = deferred_library.list_articles

    def counted(*args: Any, **kwargs: Any) -> list[ArticleSummary]:
        pages.append(1)
        return list_articles(*args, **kwargs)

    monkeypatch.setattr(deferred_library, "list_articles", counted)
    window = MainWindow(deferred_library, app_settings)
    qtbot.addWidget(window)
    assert window.article_model.rowCount() == 10
    assert len(pages) == 1, "sorting set up, state restored, then one query"
    window.shutdown()


def test_a_search_typed_before_the_index_is_ready_runs_when_it_is(
    qtbot: QtBot, deferred_library: Library, app_settings: AppSettings
) -> None:
    window = MainWindow(deferred_library, app_settings)
    qtbot.addWidget(window)
    window.search_field.setText("培训")
    window.apply_query()
    assert window.article_model.query.text == "", "it waits for the index"
    assert window.statusBar().currentMessage() == "Preparing the search index…"
    assert not window.import_action.isEnabled() and not window.add_tag_action.isEnabled()
    window.start_background_work()
    qtbot.waitUntil(lambda: window.article_model.query.text == "培训", timeout=20_000)
    expected = deferred_library.search("培训").total
    assert 0 < window.article_model.total == expected < 10
    assert window.import_action.isEnabled() and window.add_tag_action.isEnabled()
    window.shutdown()


def test_a_lost_index_is_rebuilt_behind_the_window(
    qtbot: QtBot, sample_library_dir: Path, app_settings: AppSettings
) -> None:
    shutil.rmtree(sample_library_dir / INDEX_FOLDER)
    library = Library.open(sample_library_dir, defer_index_check=True)
    try:
        window = MainWindow(library, app_settings)
        qtbot.addWidget(window)
        reports: list[RebuildProgress] = []
        window.index_check.progress.connect(reports.append)
        assert window.article_model.total == 10
        with qtbot.waitSignal(window.index_check.ready, timeout=30_000):
            window.show()
        assert reports and reports[-1].done == reports[-1].total == 10
        window.search_field.setText("社區")
        window.apply_query()
        assert window.article_model.total == library.search("社区").total > 0
        window.shutdown()
    finally:
        library.close()


def test_tag_editing_waits_for_the_index(
    qtbot: QtBot, deferred_library: Library, app_settings: AppSettings
) -> None:
    window = MainWindow(deferred_library, app_settings)
    qtbot.addWidget(window)
    window.article_view.selectRow(0)
    article_id = window.selected_ids()[0]
    tag = deferred_library.article_tags(article_id)[0]
    window.tag_browser.remove_requested.emit(tag)  # the tree's Delete key
    assert tag in deferred_library.article_tags(article_id), "not before the index is ready"
    window.start_background_work()
    qtbot.waitUntil(lambda: window.index_check.is_ready, timeout=20_000)
    window.tag_browser.remove_requested.emit(tag)
    assert tag not in deferred_library.article_tags(article_id)
    window.shutdown()
