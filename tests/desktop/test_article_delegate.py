"""The article list's delegate: the same pixels as the style's delegate, from texts laid out
once (ahead of the paint when the event loop is idle), and search hits with their marks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QStaticText, QTransform
from PySide6.QtWidgets import QStyledItemDelegate, QTableView
from pytestqt.qtbot import QtBot

import desktop.library_view.article_delegate as article_delegate
from desktop.fonts import reader_font
from desktop.library_view.article_delegate import HIGHLIGHT, ArticleDelegate, snippet_runs
from desktop.library_view.article_model import SNIPPET_ROLE, ArticleListModel, Column
from desktop.library_view.article_source import ArticleQuery
from desktop.script import ScriptConverter
from index.library import Library
from index.search.snippets import Snippet


@pytest.fixture
def model(sample_library: Library) -> Iterator[ArticleListModel]:
    article_model = ArticleListModel(sample_library, ScriptConverter(), "simplified")
    article_model.refresh()
    yield article_model
    article_model.shutdown()


def make_view(qtbot: QtBot, model: ArticleListModel, rows_shown: int = 12) -> QTableView:
    view = QTableView()
    qtbot.addWidget(view)
    view.setFont(reader_font(9))
    view.setModel(model)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setColumnWidth(Column.TITLE, 150)  # most titles are cut, with an ellipsis
    view.setColumnWidth(Column.OUTLET, 60)
    view.verticalHeader().setDefaultSectionSize(30)
    view.resize(700, 400)
    view.show()
    qtbot.waitExposed(view)
    viewport = view.viewport()
    view.resize(700, view.height() + rows_shown * 30 - viewport.height())
    qtbot.waitUntil(lambda: viewport.height() == rows_shown * 30)
    return view


def grab(view: QTableView) -> QImage:
    return view.viewport().grab().toImage()


def test_cells_look_as_the_styles_delegate_draws_them(
    qtbot: QtBot, model: ArticleListModel
) -> None:
    view = make_view(qtbot, model)
    view.selectRow(1)
    view.setItemDelegate(QStyledItemDelegate(view))
    styled = grab(view)
    view.setItemDelegate(ArticleDelegate(model, view))
    drawn = grab(view)
    assert drawn == styled
    view.setFocus()  # the current cell gets the style's focus frame
    view.setCurrentIndex(model.index(2, Column.OUTLET))
    view.setItemDelegate(QStyledItemDelegate(view))
    styled = grab(view)
    view.setItemDelegate(ArticleDelegate(model, view))
    assert grab(view) == styled


def test_texts_are_cut_where_qt_cuts_them(qtbot: QtBot, model: ArticleListModel) -> None:
    view = make_view(qtbot, model)
    delegate = ArticleDelegate(model, view)
    metrics = QFontMetricsF(view.font())
    texts = [
        "江門日報社区邻里节开幕，市民踊跃参与",
        "Archive Reader 2025-07-10 新闻",
        "WWW.iiii.mmmm 混排 text, with kerning: AVATAR To",
        "短",
        "",
        "江海区第二届幸福“邻里节”启动，设置六大主题体验区，为期1个月",
        "（全角）标点：「引号」、顿号。ひらがなカタカナ　全角空格",
        "《人民日報》評論員文章：堅定不移推進改革",
        "𠀀",  # one character, two UTF-16 units
        "𠀀𠀁漢字か\u3099き\u3099く\u3099け\u3099こ\u3099",  # beyond the BMP, combining marks
    ]
    for text in texts:
        for width in range(0, 400, 5):
            expected = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
            laid_out = delegate._text(text, width)
            assert laid_out.text() == expected, (text, width)


def test_a_pages_rows_are_laid_out_ahead_and_painted_from_that(
    qtbot: QtBot, sample_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.library_view.article_model as article_model

    monkeypatch.setattr(article_model, "PAGE_SIZE", 3)
    model = ArticleListModel(sample_library, ScriptConverter(), "simplified")
    view = make_view(qtbot, model, rows_shown=3)
    delegate = ArticleDelegate(model, view)
    view.setItemDelegate(delegate)
    laid_out: list[str] = []
    real = article_delegate._laid_out

    def counting(text: str, font: QFont, scale: QTransform) -> QStaticText:
        laid_out.append(text)
        return real(text, font, scale)

    monkeypatch.setattr(article_delegate, "_laid_out", counting)
    model.refresh()
    grab(view)  # rows 0-2 painted
    model.fetchMore(QModelIndex())  # rows 3-5 come in, out of sight
    assert model.rowCount() == 6
    qtbot.waitUntil(lambda: not delegate._ahead, timeout=5000)
    ahead = set(laid_out)
    metrics = QFontMetricsF(view.font())
    width = view.columnWidth(Column.TITLE) - 6  # less the style's margins
    for row in range(3, 6):
        title = model.index(row, Column.TITLE).data()
        assert metrics.elidedText(title, Qt.TextElideMode.ElideRight, width) in ahead
    laid_out.clear()
    view.verticalScrollBar().setValue(3)  # rows 3-5 show; the view fetches rows 6-8
    image = grab(view)
    assert laid_out == [], "the rows shown were laid out ahead"
    view.setItemDelegate(QStyledItemDelegate(view))
    assert grab(view) == image
    model.shutdown()


def test_a_font_change_lays_the_texts_out_again(qtbot: QtBot, model: ArticleListModel) -> None:
    view = make_view(qtbot, model)
    delegate = ArticleDelegate(model, view)
    view.setItemDelegate(delegate)
    grab(view)
    assert delegate._texts
    view.setFont(reader_font(14))
    assert not delegate._texts
    view.setItemDelegate(QStyledItemDelegate(view))
    styled = grab(view)
    view.setItemDelegate(delegate)
    assert grab(view) == styled


def test_snippet_runs_cut_the_text_at_its_marks() -> None:
    text = "…在社区开展培训"
    assert snippet_runs(Snippet(text, ((2, 4), (6, 8)))) == [
        ("…在", False),
        ("社区", True),
        ("开展", False),
        ("培训", True),
    ]
    overlapping = snippet_runs(Snippet(text, ((2, 4), (3, 5))))
    assert "".join(run for run, _ in overlapping) == text
    assert [run for run, marked in overlapping if marked] == ["社区", "开"]


def test_search_hits_are_drawn_with_their_matches_marked(
    qtbot: QtBot, sample_library: Library
) -> None:
    model = ArticleListModel(sample_library, ScriptConverter(), "simplified")
    assert model.set_query(ArticleQuery(text="培训"))
    assert isinstance(model.index(0, Column.TITLE).data(SNIPPET_ROLE), Snippet)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setItemDelegate(ArticleDelegate(model, view))
    view.verticalHeader().setDefaultSectionSize(2 * view.fontMetrics().lineSpacing() + 8)
    view.setColumnWidth(Column.TITLE, 400)
    view.resize(700, 400)
    view.show()
    qtbot.waitExposed(view)
    image = grab(view)
    marked = QColor(HIGHLIGHT).rgb()
    hits = sum(
        image.pixel(x, y) == marked for x in range(0, 400, 2) for y in range(0, image.height(), 2)
    )
    assert hits > 50, "the matches in the snippets are marked"
    model.shutdown()
