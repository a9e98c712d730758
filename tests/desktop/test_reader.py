"""The reader pane: hostile text stays text and loads nothing; the repair view marks repairs."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtGui import QTextFormat
from pytestqt.qtbot import QtBot

from desktop.reader.reader_pane import ReaderPane
from desktop.script import ScriptConverter
from index.model import Repair
from tests.helpers.stored_articles import HOSTILE_PARAGRAPHS, stored_article


@pytest.fixture
def pane(qtbot: QtBot) -> ReaderPane:
    reader = ReaderPane(ScriptConverter(), "simplified")
    qtbot.addWidget(reader)
    reader.resize(700, 600)
    reader.show()
    return reader


def formats_in(pane: ReaderPane) -> list[tuple[str, QTextFormat]]:
    found = []
    block = pane.view.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            found.append((fragment.text(), fragment.charFormat()))
            iterator += 1
        block = block.next()
    return found


def test_hostile_markup_is_shown_literally_and_loads_nothing(
    pane: ReaderPane, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("the reader tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    requested: list[object] = []
    original = pane.view.loadResource

    def spy(kind: int, name: object) -> object:
        requested.append(name)
        return original(kind, name)  # type: ignore[arg-type]

    monkeypatch.setattr(pane.view, "loadResource", spy)
    pane.show_article(stored_article(1, "<b>标题</b>", HOSTILE_PARAGRAPHS))
    text = pane.view.toPlainText()
    assert "<b>标题</b>" in text
    for paragraph in HOSTILE_PARAGRAPHS:
        assert paragraph in text
    for _, fmt in formats_in(pane):
        assert not fmt.isImageFormat()
        assert not fmt.toCharFormat().isAnchor()
    assert requested == []


def test_repair_view_marks_each_repair_with_its_original(pane: ReaderPane) -> None:
    raw = "江门日(bào)报讯,今天?!班徖锕?jié)开幕"
    repairs = (
        Repair(3, "(bào)", "", "annotation", 1.0),
        Repair(10, ",", "，", "punctuation", 0.95),
        Repair(13, "?!班徖锕?jié)", "邻里节", "gbk-shift", 0.99),
    )
    article = stored_article(
        1, "江门日报讯", ["江门日报讯，今天邻里节开幕"], raw=raw, repairs=repairs
    )
    pane.show_article(article)
    assert "(bào)" not in pane.view.toPlainText()
    pane.repairs_box.setChecked(True)
    tips = {text: fmt.toolTip() for text, fmt in formats_in(pane) if fmt.toolTip()}
    assert tips["，"].startswith("',' → '，'")
    assert "gbk-shift" in tips["邻里节"] and "?!班徖锕?jié)" in tips["邻里节"]
    assert "(bào)" in tips, "a removed annotation is shown struck through"
    assert pane.repair_count.text() == "3 repaired spots"
    assert pane.view.toPlainText() == "江门日(bào)报讯，今天邻里节开幕"
    pane.side_by_side_box.setChecked(True)
    assert pane.view.toPlainText() == "江门日(bào)报讯，,今天邻里节?!班徖锕?jié)开幕"
    pane.repairs_box.setChecked(False)
    assert "邻里节" in pane.view.toPlainText() and "(bào)" not in pane.view.toPlainText()


def test_zoom_changes_the_type_size(pane: ReaderPane) -> None:
    pane.show_article(stored_article(1, "标题", ["正文。"]))

    def body_size() -> float:
        return (
            next(f for t, f in formats_in(pane) if t == "正文。").toCharFormat().font().pointSizeF()
        )

    before = body_size()
    pane.zoom_in()
    assert body_size() > before
    pane.zoom_reset()
    assert body_size() == before


def test_a_toggle_draws_the_text_laid_out_at_the_views_width(
    pane: ReaderPane, qtbot: QtBot
) -> None:
    paragraphs = ["这是一段很长的正文，讲述邻里节开幕的经过。" * 12 for _ in range(40)]
    pane.show_article(stored_article(1, "邻里节开幕", paragraphs))
    pane.set_script("traditional")
    qtbot.wait(50)  # the rest of the document is laid out a little later
    document = pane.view.document()
    assert "鄰里節" in document.toPlainText()
    assert document.textWidth() == pane.view.viewport().width()
    drawn = pane.view.viewport().grab().toImage()
    document.setTextWidth(document.textWidth())  # laid out again, from scratch
    qtbot.wait(50)
    assert pane.view.viewport().grab().toImage() == drawn


def test_toggles_show_what_a_fresh_drawing_in_each_script_shows(
    pane: ReaderPane, qtbot: QtBot
) -> None:
    paragraphs = [f"第{n}段：邻里节开幕，这里的居民都来了。" * 6 for n in range(30)]
    pane.set_highlight(lambda text: [(0, 2)] if text[:2] in ("邻里", "鄰里") else [])
    pane.show_article(stored_article(1, "邻里节开幕", paragraphs))
    qtbot.wait(100)  # the other script converted and its document built, while idle
    pane.view.verticalScrollBar().setValue(200)
    for script, title in (("traditional", "鄰里節開幕"), ("simplified", "邻里节开幕")) * 2:
        pane.set_script(script)
        qtbot.wait(50)
        toggled = pane.view.toPlainText(), pane.view.viewport().grab().toImage()
        assert toggled[0].startswith(title)
        marked = [
            t
            for t, fmt in formats_in(pane)
            if fmt.hasProperty(QTextFormat.Property.BackgroundBrush)
        ]
        assert marked == [title[:2]]
        assert pane.view.verticalScrollBar().value() == 200
        pane.zoom_in()  # drawn afresh, at the zoom it had
        pane.zoom_out()
        qtbot.wait(50)
        assert (pane.view.toPlainText(), pane.view.viewport().grab().toImage()) == toggled


def test_a_toggle_after_a_resize_draws_the_text_at_the_new_width(
    pane: ReaderPane, qtbot: QtBot
) -> None:
    paragraphs = [f"第{n}段：邻里节开幕，这里的居民都来了。" * 6 for n in range(30)]
    pane.show_article(stored_article(1, "邻里节开幕", paragraphs))
    qtbot.wait(100)
    pane.set_script("traditional")
    pane.resize(520, 600)
    pane.set_script("simplified")  # back to the document shown before the resize
    qtbot.wait(50)
    assert pane.view.document().textWidth() == pane.view.viewport().width()
    toggled = pane.view.viewport().grab().toImage()
    pane.zoom_in()  # drawn afresh
    pane.zoom_out()
    qtbot.wait(50)
    assert pane.view.viewport().grab().toImage() == toggled
