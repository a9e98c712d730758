"""The tag tree pages a large library's tags in, filters them and converts what it shows."""

from __future__ import annotations

from array import array

from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QStyledItemDelegate
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.fonts import reader_font
from desktop.script import ScriptConverter
from desktop.tags.tag_browser import TagBrowser
from desktop.tags.tag_delegate import TagDelegate
from desktop.tags.tag_lists import KIND_ORDER, KindTags
from desktop.tags.tag_model import FETCH_CHUNK, TAG_ROLE, TagTreeModel
from index.tags.tag import Tag, TagKind

TOPICS = 1000
PLACES = 250


def many_tags() -> dict[TagKind, KindTags]:
    """A library's worth of tags: ``话题0``… most used first, a few hundred places."""
    topics = [f"话题{n}" for n in range(TOPICS)]
    places = [f"地方{n}" for n in range(PLACES)]
    return {
        "topic": KindTags("topic", topics, array("q", range(TOPICS, 0, -1))),
        "place": KindTags("place", places, array("q", range(PLACES, 0, -1))),
        "outlet": KindTags("outlet", ["江门日报"], array("q", [7])),
        "user": KindTags("user", ["待核實"], array("q", [1])),
    }


def kind_index(model: TagTreeModel, kind: TagKind) -> QModelIndex:
    return model.index(KIND_ORDER.index(kind), 0)


def test_a_kind_shows_its_first_tags_and_pages_in_the_rest() -> None:
    model = TagTreeModel(ScriptConverter(), "simplified")
    model.set_tags(many_tags())
    topics = kind_index(model, "topic")
    assert model.rowCount(topics) == FETCH_CHUNK < TOPICS
    assert model.tag_total("topic") == TOPICS
    assert model.canFetchMore(topics)
    model.fetchMore(topics)
    assert model.rowCount(topics) == 2 * FETCH_CHUNK
    while model.canFetchMore(topics):
        model.fetchMore(topics)
    assert model.rowCount(topics) == TOPICS
    last = model.index(TOPICS - 1, 0, topics)
    assert last.data(TAG_ROLE) == Tag("topic", f"话题{TOPICS - 1}")
    assert last.siblingAtColumn(1).data() == 1
    assert model.rowCount(kind_index(model, "outlet")) == 1
    assert not model.hasChildren(kind_index(model, "date"))


def test_a_tag_not_yet_shown_is_fetched_when_asked_for() -> None:
    model = TagTreeModel(ScriptConverter(), "simplified")
    model.set_tags(many_tags())
    deep = Tag("topic", "话题777")
    found = model.index_of(deep)
    assert found.isValid() and found.data(TAG_ROLE) == deep
    assert model.rowCount(kind_index(model, "topic")) == 778
    assert not model.index_of(Tag("topic", "不存在")).isValid()


def test_the_filter_matches_either_script_and_keeps_paging() -> None:
    model = TagTreeModel(ScriptConverter(), "simplified")
    model.set_tags(many_tags())
    model.set_filter("話題1")  # traditional: the stored names are simplified
    topics = kind_index(model, "topic")
    # 话题1, 话题10-19, 话题100-199
    assert model.tag_total("topic") == 1 + 10 + 100
    assert model.rowCount(topics) == min(FETCH_CHUNK, 111)
    assert all("话题1" in model.index(r, 0, topics).data() for r in range(model.rowCount(topics)))
    assert model.rowCount(kind_index(model, "place")) == 0
    model.set_filter("核实")  # a user tag typed traditional is found in simplified too
    assert model.index_of(Tag("user", "待核實")).isValid()
    model.set_filter("")
    assert model.tag_total("topic") == TOPICS


def test_a_script_toggle_converts_the_names_and_repaints_only_rows_shown(
    qtbot: QtBot,
) -> None:
    model = TagTreeModel(ScriptConverter(), "simplified")
    tags = many_tags()
    tags["date"] = KindTags("date", ["2025-07", "2025-06"], array("q", [5, 3]))
    model.set_tags(tags)
    changed: list[tuple[QModelIndex, QModelIndex]] = []
    model.dataChanged.connect(lambda first, last, roles: changed.append((first, last)))
    model.set_script("traditional")
    assert model.index_of(Tag("topic", "话题5")).data() == "話題5"
    assert model.index_of(Tag("outlet", "江门日报")).data() == "江門日報"
    rows = sum(last.row() - first.row() + 1 for first, last in changed)
    assert rows == FETCH_CHUNK + FETCH_CHUNK + 1 + 1  # topics, places, outlet, user; no dates


def test_paged_tag_model_passes_modeltester(qtmodeltester: ModelTester) -> None:
    model = TagTreeModel(ScriptConverter(), "traditional")
    model.set_tags(many_tags())
    model.fetchMore(kind_index(model, "topic"))
    qtmodeltester.check(model)
    model.set_filter("地方2")
    qtmodeltester.check(model)


def test_the_browser_pages_in_a_kind_whose_end_scrolls_into_view(qtbot: QtBot) -> None:
    model = TagTreeModel(ScriptConverter(), "simplified")
    browser = TagBrowser(model)
    qtbot.addWidget(browser)
    browser.resize(240, 600)
    browser.show()
    tags = many_tags()
    tags["place"] = KindTags("place", [f"地方{n}" for n in range(TOPICS)], array("q", [1] * TOPICS))
    model.set_tags(tags)
    places, topics = kind_index(model, "place"), kind_index(model, "topic")
    qtbot.wait(50)  # the view lays the tree out (and fetches a little more itself)
    shown_places = model.rowCount(places)
    assert 0 < shown_places < TOPICS, "the places end far below the view"
    browser.tree.scrollTo(model.index(shown_places - 1, 0, places))  # not the last kind
    qtbot.waitUntil(lambda: model.rowCount(places) > shown_places)
    shown_topics = model.rowCount(topics)
    assert shown_topics < TOPICS
    browser.tree.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount(topics) > shown_topics)


def test_the_filter_ignores_case_of_latin_names() -> None:
    topics = KindTags("topic", ["NBA", "nba球赛", "足球"], array("q", [3, 2, 1]))
    assert list(topics.matching("nba").names) == ["NBA", "nba球赛"]
    assert list(topics.matching("Nba球").names) == ["nba球赛"]
    assert list(topics.matching("足").names) == ["足球"]
    assert list(topics.matching("球賽").counts) == [2]  # traditional finds simplified


def test_the_tree_looks_as_the_styles_delegate_draws_it(qtbot: QtBot) -> None:
    model = TagTreeModel(ScriptConverter(), "traditional")
    browser = TagBrowser(model)
    qtbot.addWidget(browser)
    tree = browser.tree
    tree.setFont(reader_font(9))
    browser.resize(200, 700)
    browser.show()
    qtbot.waitExposed(browser)
    tags = many_tags()
    tags["place"] = KindTags("place", ["地方"], array("q", [3]))  # the topics in view
    counts = [123_456, 10_000, 1234, 999, 12, 7]  # numbers in the view's locale, aligned right
    tags["topic"] = KindTags(
        "topic",
        ["话题", "很长很长很长很长很长的话题名称", "NBA球赛", "AVATAR To", "乡村", "社区"],
        array("q", counts),
    )
    model.set_tags(tags)
    tree.header().resizeSection(1, 40)  # the largest counts are cut
    topics = kind_index(model, "topic")
    for row in (1, 3):
        tree.selectionModel().select(
            model.index(row, 0, topics),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    qtbot.wait(50)
    delegate = tree.itemDelegate()
    assert isinstance(delegate, TagDelegate)

    def grab() -> QImage:
        return tree.viewport().grab().toImage()

    drawn = grab()
    cut = [laid_out.text() for (_, _, right), laid_out in delegate._texts.items() if right]
    assert any(text.endswith("…") for text in cut), cut  # a count cut, as the style cuts it
    tree.setItemDelegate(QStyledItemDelegate(tree))
    styled = grab()
    assert drawn == styled
    model.set_script("simplified")
    styled = grab()
    tree.setItemDelegate(TagDelegate(model, tree))
    assert grab() == styled
    tree.setFocus()  # the current cell gets the style's focus frame
    tree.setCurrentIndex(model.index(2, 1, topics))
    drawn = grab()
    tree.setItemDelegate(QStyledItemDelegate(tree))
    assert grab() == drawn


def test_a_script_toggle_repaints_the_names_shown_as_a_full_repaint_draws_them(
    qtbot: QtBot,
) -> None:
    model = TagTreeModel(ScriptConverter(), "simplified")
    browser = TagBrowser(model)
    qtbot.addWidget(browser)
    browser.tree.setFont(reader_font(9))
    browser.resize(240, 600)
    browser.show()
    qtbot.waitExposed(browser)
    tags = many_tags()  # the places fill the view: renamed, a range of rows at once
    tags["place"] = KindTags("place", [f"广东{n}" for n in range(PLACES)], tags["place"].counts)
    model.set_tags(tags)
    qtbot.wait(100)  # the view lays the tree out and pages a little more in
    screen = browser.screen()

    def on_screen() -> QImage:  # what was painted and flushed, not a fresh rendering
        qtbot.wait(20)
        return screen.grabWindow(browser.winId()).toImage()

    before = on_screen()
    model.set_script("traditional")
    toggled = on_screen()
    assert toggled != before
    browser.tree.viewport().update()
    assert on_screen() == toggled
