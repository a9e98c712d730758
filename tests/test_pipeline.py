"""Tests for running dump files through all stages, on hand-written and arbitrary input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.pipeline import (
    FileResult,
    ReadError,
    iter_dump_files,
    process_bytes,
    process_file,
    process_text,
)
from tests.helpers.articles import FEED, PAGE_SIMPLIFIED, PAGE_TRADITIONAL

DUMP_ALPHABET = st.sampled_from(
    list(
        "??]]></p>()qūdòng區動節報日，,:：。來源發表時間2025-07-10 □記者通訊員責任編輯二審分享到\n"
    )
)


def test_page_dump_in_gbk_becomes_one_article() -> None:
    articles = process_bytes(PAGE_TRADITIONAL.encode("gbk"), "page.txt")
    assert len(articles) == 1
    article = articles[0]
    assert (article.source_path, article.index_in_file) == ("page.txt", 0)
    assert article.title == "江海區舉辦鄰里節，設置六大體驗區"
    assert article.raw == PAGE_TRADITIONAL.replace("</p>", "\n").strip()
    assert {"seo-spam-line", "share-widget", "duplicate-caption"} <= {
        repair.reason for repair in article.repairs
    }


def test_feed_dump_articles_are_numbered_in_file_order() -> None:
    articles = process_text(FEED, "feed.xml")
    assert [a.index_in_file for a in articles] == [0, 1, 2]
    assert all(a.title_derived for a in articles)


def test_script_of_each_article_is_kept() -> None:
    text = PAGE_SIMPLIFIED.rstrip() + "\n]]>" + FEED
    articles = process_text(text, "mixed.txt")
    assert articles[0].script == "simplified"
    assert articles[0].paragraphs == ["7月4日，江海区第二届邻里节在江海广场启动。"]
    assert {a.script for a in articles[1:]} == {"traditional"}


def test_articles_that_clean_to_nothing_are_dropped() -> None:
    assert process_text("分享到：\n]]>\n?\n]]>正文。", "x") == process_text("正文。", "x")


def test_undecodable_bytes_raise_read_error() -> None:
    with pytest.raises(ReadError, match="PNG"):
        process_bytes(b"\x89PNG\r\n\x1a\n....", "image.txt")


def test_process_file_reports_undecodable_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert process_file(path) == FileResult(path, [], "empty file")


def test_process_file_reports_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.txt"
    assert process_file(path) == FileResult(path, [], "no such file or directory")


def test_process_file_reports_unreadable_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    path = tmp_path / "locked.txt"
    path.write_text("江海區", encoding="utf-8")
    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert process_file(path).error == "permission denied"


def test_process_file_reports_a_folder(tmp_path: Path) -> None:
    assert process_file(tmp_path).error == "is a directory"


def test_process_file_reads_a_good_file(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(PAGE_SIMPLIFIED, encoding="utf-8-sig")
    result = process_file(path)
    assert result.error is None
    assert [a.source_path for a in result.articles] == [str(path)]


def make_tree(root: Path) -> None:
    (root / "b").mkdir()
    (root / "a").mkdir()
    (root / "a" / "2.txt").write_text("二")
    (root / "a" / "1.txt").write_text("一")
    (root / "b" / "3.txt").write_text("三")
    (root / "0.txt").write_text("零")
    (root / ".hidden.txt").write_text("藏")
    (root / ".git").mkdir()
    (root / ".git" / "x.txt").write_text("藏")


def test_folders_are_walked_recursively_sorted_without_hidden_files(tmp_path: Path) -> None:
    make_tree(tmp_path)
    found = [path.relative_to(tmp_path).as_posix() for path in iter_dump_files([tmp_path])]
    assert found == ["0.txt", "a/1.txt", "a/2.txt", "b/3.txt"]


def test_given_files_are_yielded_as_given_even_missing_or_hidden(tmp_path: Path) -> None:
    hidden, missing = tmp_path / ".hidden.txt", tmp_path / "missing.txt"
    hidden.write_text("藏")
    assert list(iter_dump_files([missing, hidden])) == [missing, hidden]


def test_symlink_loops_are_walked_once(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "1.txt").write_text("一")
    os.symlink(tmp_path, tmp_path / "a" / "loop")
    assert list(iter_dump_files([tmp_path])) == [tmp_path / "a" / "1.txt"]


def test_unlistable_folder_goes_to_the_error_callback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path: object) -> object:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "scandir", refuse)
    errors: list[tuple[Path, str]] = []
    found = list(iter_dump_files([tmp_path], lambda p, e: errors.append((p, e.strerror))))
    assert found == []
    assert errors == [(tmp_path, "Permission denied")]


@settings(max_examples=200, deadline=None)
@given(st.binary())
def test_process_bytes_raises_nothing_but_read_error(data: bytes) -> None:
    try:
        process_bytes(data, "fuzz.txt")
    except ReadError as error:
        assert "\n" not in str(error)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet=DUMP_ALPHABET)))
def test_pipeline_never_raises_on_any_text(text: str) -> None:
    for article in process_text(text, "fuzz.txt"):
        assert article.title
        assert article.script in {"traditional", "simplified", "mixed"}
        assert article.raw
