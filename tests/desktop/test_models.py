"""Every Qt model passes qtmodeltester, in each state the window puts it in."""

from __future__ import annotations

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.library_view.article_model import (
    ARTICLE_ID_ROLE,
    SNIPPET_ROLE,
    SNIPPET_SHOWN,
    ArticleListModel,
    Column,
)
from desktop.library_view.article_source import ArticleQuery, sort_summaries
from desktop.main_window import MainWindow
from desktop.script import ScriptConverter
from desktop.tags.tag_lists import load_tag_lists
from desktop.tags.tag_model import TAG_ROLE, TagTreeModel
from index.library import Library
from index.tags.tag import Tag


def test_article_model_passes_modeltester_when_listing_searching_and_sorting(
    qtmodeltester: ModelTester, sample_library: Library
) -> None:
    from PySide6.QtCore import Qt

    model = ArticleListModel(sample_library, ScriptConverter(), "simplified")
    qtmodeltester.check(model)
    model.refresh()
    flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
    assert model.flags(model.index(0, 0)) == flags | Qt.ItemFlag.ItemNeverHasChildren
    assert model.shown_cells(0) == tuple(model.index(0, c).data() for c in range(4))
    assert model.shown_cells(model.rowCount()) is None
    assert model.set_query(ArticleQuery(text="社区"))
    assert model.shown_snippet(0) == model.index(0, Column.TITLE).data(SNIPPET_ROLE)
    qtmodeltester.check(model)
    assert model.set_query(ArticleQuery(tags=(Tag("topic", "社区"),)))
    model.sort(Column.TITLE)
    qtmodeltester.check(model)
    assert not model.set_query(ArticleQuery(text='"unclosed'))
    model.set_script("traditional")
    qtmodeltester.check(model)


def test_article_model_fetches_in_pages(sample_library: Library, monkeypatch: object) -> None:
    import desktop.library_view.article_model as article_model

    setattr(article_model, "PAGE_SIZE", 3)  # noqa: B010
    try:
        model = ArticleListModel(sample_library, ScriptConverter(), "simplified")
        model.refresh()
        assert model.rowCount() == 3 and model.canFetchMore()
        while model.canFetchMore():
            model.fetchMore()
        assert model.rowCount() == model.total == 10
        ids = [model.index(row, 0).data(ARTICLE_ID_ROLE) for row in range(10)]
        assert sorted(ids) == sample_library.database.all_ids()
    finally:
        setattr(article_model, "PAGE_SIZE", 200)  # noqa: B010


def test_article_model_sorts_by_column(sample_library: Library) -> None:
    from PySide6.QtCore import Qt

    model = ArticleListModel(sample_library, ScriptConverter(), "simplified")
    model.sort(Column.TITLE, Qt.SortOrder.AscendingOrder)
    titles = [sample_library.get_article(model.article_id(r)) for r in range(model.rowCount())]
    stored = [article.title for article in titles if article is not None]
    assert stored == sorted(stored)


def test_tag_model_passes_modeltester(qtmodeltester: ModelTester, sample_library: Library) -> None:
    model = TagTreeModel(ScriptConverter(), "simplified")
    qtmodeltester.check(model)
    model.set_tags(load_tag_lists(sample_library))
    qtmodeltester.check(model)
    model.set_script("traditional")
    qtmodeltester.check(model)
    community = model.index_of(Tag("topic", "社区"))
    assert community.data(TAG_ROLE) == Tag("topic", "社区")
    assert community.data() == "社區"
    assert community.siblingAtColumn(1).data() == 9


def test_a_search_sorted_by_a_column_keeps_its_hits(sample_library: Library) -> None:
    from PySide6.QtCore import Qt

    model = ArticleListModel(sample_library, ScriptConverter(), "simplified")
    assert model.set_query(ArticleQuery(text="社区"))
    ranked = {model.article_id(row) for row in range(model.rowCount())}
    model.sort(Column.TITLE, Qt.SortOrder.AscendingOrder)
    assert not model.query.ranked
    ids = [model.article_id(row) for row in range(model.rowCount())]
    assert set(ids) == ranked and model.total == len(ranked)
    titles = [model.index(row, Column.TITLE).data() for row in range(model.rowCount())]
    stored = [sample_library.get_article(i) for i in ids]
    assert [a.title for a in stored if a is not None] == sorted(a.title for a in stored if a)
    assert titles[0]


def test_sort_summaries_puts_missing_values_last() -> None:
    from index.library import ArticleSummary

    rows = [
        ArticleSummary(1, "b", None, "2025-01-01"),
        ArticleSummary(2, "a", "报", None),
        ArticleSummary(3, "c", None, "2025-03-01"),
    ]
    assert [s.id for s in sort_summaries(rows, "published", True)] == [3, 1, 2]
    assert [s.id for s in sort_summaries(rows, "published", False)] == [1, 3, 2]
    assert [s.id for s in sort_summaries(rows, "title", False)] == [2, 1, 3]
    assert [s.id for s in sort_summaries(rows, "outlet", False)] == [2, 1, 3]


def test_search_hits_carry_snippets_with_the_matches_marked(sample_library: Library) -> None:
    from index.search.snippets import Snippet

    model = ArticleListModel(sample_library, ScriptConverter(), "traditional")
    assert model.set_query(ArticleQuery(text="培训"))
    for row in range(model.rowCount()):
        snippet = model.index(row, Column.TITLE).data(SNIPPET_ROLE)
        assert isinstance(snippet, Snippet) and snippet.highlights
        start, end = snippet.highlights[0]
        assert snippet.text[start:end] == "培訓"  # in the display script
        assert start <= 7  # the first match opens the snippet, to show in a narrow column
        assert len(snippet.text) <= SNIPPET_SHOWN + 2  # one line's worth, with ellipses
    model.set_query(ArticleQuery())
    assert model.index(0, Column.TITLE).data(SNIPPET_ROLE) is None


def test_pages_read_ahead_are_shown_in_the_script_chosen_since(
    qtbot: QtBot, sample_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.library_view.article_model as article_model

    monkeypatch.setattr(article_model, "PAGE_SIZE", 3)
    model = ArticleListModel(sample_library, ScriptConverter(), "simplified")
    model.refresh()
    qtbot.wait(100)  # the next page is read (and converted) ahead meanwhile
    model.set_script("traditional")
    model.fetchMore()
    assert model.rowCount() == 6
    for row in range(6):
        stored = sample_library.get_article(model.article_id(row))
        assert stored is not None
        assert model.index(row, Column.TITLE).data() == stored.title  # stored traditional
    model.set_script("simplified")
    qtbot.wait(100)
    model.fetchMore()
    titles = [model.index(row, Column.TITLE).data() for row in range(model.rowCount())]
    assert model.rowCount() == 9 and not any("區" in title for title in titles)
    model.shutdown()


def test_the_list_pages_in_as_the_view_scrolls(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.library_view.article_model as article_model

    monkeypatch.setattr(article_model, "PAGE_SIZE", 2)
    window.article_model.refresh()
    assert window.article_model.rowCount() == 2
    window.resize(1280, 300)  # two rows do not fill the list, three pages do
    qtbot.waitUntil(lambda: window.article_model.rowCount() >= 4)
    while window.article_model.rowCount() < 10:
        rows = window.article_model.rowCount()
        window.article_view.scrollToBottom()
        qtbot.waitUntil(lambda rows=rows: window.article_model.rowCount() > rows)
    ids = [window.article_model.article_id(row) for row in range(10)]
    listed = [summary.id for summary in window.library.list_articles(limit=10)]
    assert ids == listed
