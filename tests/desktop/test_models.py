"""Every Qt model passes qtmodeltester, in each state the window puts it in."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester

from desktop.library_view.article_model import ARTICLE_ID_ROLE, ArticleListModel, Column
from desktop.library_view.article_source import ArticleQuery
from desktop.script import ScriptConverter
from desktop.tags.tag_model import TAG_ROLE, TagTreeModel
from index.library import Library
from index.tags.tag import Tag


def test_article_model_passes_modeltester_when_listing_searching_and_sorting(
    qtmodeltester: ModelTester, sample_library: Library
) -> None:
    model = ArticleListModel(sample_library, ScriptConverter(), "simplified")
    qtmodeltester.check(model)
    assert model.set_query(ArticleQuery(text="社区"))
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
    model.set_tags(sample_library.tag_tree())
    qtmodeltester.check(model)
    model.set_script("traditional")
    qtmodeltester.check(model)
    community = model.index_of(Tag("topic", "社区"))
    assert community.data(TAG_ROLE) == Tag("topic", "社区")
    assert community.data() == "社區"
    assert community.siblingAtColumn(1).data() == 9
