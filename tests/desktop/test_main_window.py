"""The main window on the sample library: list, search, tag filters, script toggle, state."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings
from PySide6.QtGui import QTextCharFormat
from pytestqt.qtbot import QtBot

from desktop.document.style import ArticleStyle
from desktop.main_window import MainWindow
from desktop.settings import AppSettings
from index.library import Library, LibraryError, StoredArticle
from index.tags.tag import Tag


def plain_text(window: MainWindow) -> str:
    return window.reader.view.document().toPlainText()


def highlighted_text(window: MainWindow) -> list[str]:
    """The runs of the reader's document drawn with the search highlight colour."""
    colour = ArticleStyle().highlight_color
    runs: list[str] = []
    block = window.reader.view.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            fmt: QTextCharFormat = fragment.charFormat()
            if fmt.background().color().name() == colour:
                runs.append(fragment.text())
            iterator += 1
        block = block.next()
    return runs


def wait_for_reader(qtbot: QtBot, window: MainWindow, article_id: int) -> None:
    """Until the reader shows the article (read on a worker thread once its row is current)."""
    qtbot.waitUntil(
        lambda: window.reader.article is not None and window.reader.article.id == article_id,
        timeout=5000,
    )


def select_tag(window: MainWindow, tag: Tag) -> None:
    index = window.tag_model.index_of(tag)
    assert index.isValid(), tag
    window.tag_browser.tree.selectionModel().select(
        index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    )


def test_window_opens_on_the_library(
    qtbot: QtBot, window: MainWindow, sample_library: Library
) -> None:
    assert window.article_model.total == sample_library.article_count() == 10
    assert window.article_model.rowCount() == 10
    assert window.selected_ids(), "the first article is selected"
    wait_for_reader(qtbot, window, window.selected_ids()[0])
    assert window.status_label.text() == "10 articles in the library"
    assert not window.filter_bar.isVisibleTo(window)


def test_typing_a_query_filters_and_highlights(
    qtbot: QtBot, window: MainWindow, sample_library: Library
) -> None:
    expected = sample_library.search("培訓").total
    assert 0 < expected < 10
    window.search_field.insert("培")  # as typed: the search waits for a pause
    window.search_field.insert("训")  # a simplified query finds traditional articles
    assert window.article_model.total == 10, "debounced: nothing happens at once"
    qtbot.waitUntil(lambda: window.article_model.total == expected, timeout=3000)
    assert window.filter_bar.isVisibleTo(window)
    assert "培训" in window.filter_label.text()
    window.article_view.selectRow(0)
    wait_for_reader(qtbot, window, window.article_model.article_id(0))
    assert highlighted_text(window), "the reader marks the search terms"
    assert all(run in ("培訓", "培训") for run in highlighted_text(window))


def test_the_reader_reads_the_current_article_off_the_gui_thread(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, last = window.article_model.article_id(0), window.article_model.article_id(3)
    wait_for_reader(qtbot, window, first)
    read_on: list[str] = []
    get_article = window.library.get_article

    def recording_get_article(article_id: int) -> object:
        read_on.append(threading.current_thread().name)
        return get_article(article_id)

    monkeypatch.setattr(window.library, "get_article", recording_get_article)
    shown: list[int] = []
    show_article = window.reader.show_article

    def recording_show_article(article: StoredArticle | None) -> None:
        shown.append(article.id if article is not None else 0)
        show_article(article)

    monkeypatch.setattr(window.reader, "show_article", recording_show_article)
    for row in (1, 2, 3):  # as the arrow key goes down the list
        window.article_view.selectRow(row)
    assert window.reader.article is not None and window.reader.article.id == first, (
        "the list goes on at once; the reader follows when the article is read"
    )
    wait_for_reader(qtbot, window, last)
    qtbot.wait(100)
    assert read_on and all(name.startswith("article-reader") for name in read_on)
    assert shown == [last], "only the last article asked for is shown"


def test_a_bad_query_keeps_the_list_and_says_why(qtbot: QtBot, window: MainWindow) -> None:
    window.search_field.setText('"unclosed')
    window.apply_query()
    assert window.article_model.total == 10
    assert window.statusBar().currentMessage().startswith("Search not understood: missing")


def test_tag_clicks_filter_and_combine(window: MainWindow, sample_library: Library) -> None:
    community = Tag("topic", "社区")
    training = Tag("topic", "培训")
    select_tag(window, community)
    assert window.article_model.total == sample_library.article_count([("topic", "社区")]) == 9
    select_tag(window, training)
    both = sample_library.article_count([("topic", "社区"), ("topic", "培训")])
    assert window.article_model.total == both == 2
    assert window.filter_bar.isVisibleTo(window)
    assert "社区" in window.filter_label.text() and "培训" in window.filter_label.text()
    window.reset_button.click()
    assert window.article_model.total == 10
    assert not window.filter_bar.isVisibleTo(window)


def test_search_and_tags_combine(qtbot: QtBot, window: MainWindow) -> None:
    select_tag(window, Tag("place", "北京"))
    window.search_field.setText("社區")
    window.apply_query()
    assert window.article_model.total == 1


def visible_tags(window: MainWindow) -> list[str]:
    model = window.tag_model
    return [
        model.index(row, 0, model.index(kind, 0)).data()
        for kind in range(model.rowCount())
        for row in range(model.rowCount(model.index(kind, 0)))
    ]


def test_tag_filter_box_narrows_the_tree(window: MainWindow) -> None:
    everything = visible_tags(window)
    window.tag_browser.filter_box.setText("北京")
    assert visible_tags(window) == ["北京"]
    tree, model = window.tag_browser.tree, window.tag_model
    shown_kinds = [
        model.index(row, 0).data()
        for row in range(model.rowCount())
        if not tree.isRowHidden(row, model.index(row, 0).parent())
    ]
    assert shown_kinds == ["Places"], "kinds with no match are hidden while filtering"
    window.tag_browser.filter_box.setText("社區")  # typed traditional, stored simplified
    assert "社区" in visible_tags(window)
    window.tag_browser.filter_box.clear()
    assert visible_tags(window) == everything
    assert not any(tree.isRowHidden(row, model.index(row, 0).parent()) for row in range(5))


def test_script_toggle_converts_what_is_shown_and_persists(
    qtbot: QtBot, window: MainWindow, app_settings: AppSettings, tmp_path: object
) -> None:
    article_row = next(
        row
        for row in range(window.article_model.rowCount())
        if window.article_model.article_id(row) == 1
    )
    window.article_view.selectRow(article_row)
    wait_for_reader(qtbot, window, 1)
    window.set_script("simplified")
    assert "江海区第二届幸福" in plain_text(window)
    assert window.article_model.index(article_row, 0).data().startswith("江海区")
    window.traditional_action.trigger()
    assert "江海區第二屆幸福“鄰里節”" in plain_text(window)  # stored traditional text, unchanged
    assert window.article_model.index(article_row, 0).data().startswith("江海區")
    outlet = window.tag_model.index_of(Tag("outlet", "江门日报"))
    assert outlet.data() == "江門日報"
    # Written a moment later, not at the toggle (writing the settings file takes a while).
    assert app_settings.script == "simplified"
    qtbot.waitUntil(lambda: app_settings.script == "traditional", timeout=5000)
    window.simplified_action.trigger()
    window.close()  # closing writes it at once
    assert app_settings.script == "simplified"


def test_user_tags_are_added_and_removed(
    qtbot: QtBot, window: MainWindow, sample_library: Library
) -> None:
    window.article_view.selectRow(0)
    article_id = window.selected_ids()[0]
    with qtbot.waitSignal(window.tags_loaded):  # the tree reads the tags again
        window.user_tags.add([article_id], "待读")
    mine = Tag("user", "待读")
    assert sample_library.article_count([("user", "待读")]) == 1
    assert window.tag_model.index_of(mine).isValid()
    select_tag(window, mine)
    assert window.article_model.total == 1
    window.article_view.selectRow(0)
    with qtbot.waitSignal(window.tags_loaded):
        window.user_tags.remove(mine)
    assert sample_library.article_count([("user", "待读")]) == 0
    assert not window.tag_model.index_of(mine).isValid()


def test_zoom_and_find_in_article(qtbot: QtBot, window: MainWindow) -> None:
    before = window.reader.zoom
    window.reader.zoom_in()
    assert window.reader.zoom > before
    assert window.settings.zoom == window.reader.zoom
    window.reader.open_find()
    window.reader.find_bar.field.setText("社")
    assert window.reader.find_bar.match_count > 0
    assert len(window.reader.view.extraSelections()) == window.reader.find_bar.match_count


def test_window_state_is_remembered(
    qtbot: QtBot, window: MainWindow, sample_library: Library, app_settings: AppSettings
) -> None:
    window.splitter.setSizes([150, 500, 630])
    sizes = window.splitter.sizes()
    window.close()
    again = MainWindow(sample_library, app_settings)
    qtbot.addWidget(again)
    again.show()
    restored = again.splitter.sizes()
    assert restored[0] == sizes[0]  # the tag browser keeps its width
    assert abs(restored[1] / restored[2] - sizes[1] / sizes[2]) < 0.05
    again.shutdown()


def test_settings_file_holds_the_script(tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert settings.script == "simplified"
    settings.script = "traditional"
    settings.sync()
    reread = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert reread.script == "traditional"


def test_find_in_article_accepts_either_script(window: MainWindow) -> None:
    window.set_script("traditional")
    window.reader.open_find()
    window.reader.find_bar.field.setText("社区")  # typed simplified, shown traditional
    assert window.reader.find_bar.match_count > 0


def test_a_library_failure_is_one_line_in_the_status_bar(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def busy(*args: object, **kwargs: object) -> None:
        raise LibraryError("the library is busy: another program is using it; try again")

    monkeypatch.setattr(window.library, "article_count", busy)
    window.search_field.clear()
    select_tag(window, Tag("topic", "社区"))
    assert "busy" in window.statusBar().currentMessage()
    assert window.article_model.total == 10  # the list stays as it was
