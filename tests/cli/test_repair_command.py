"""Tests for ``archive-reader repair``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli.main import main
from tests.helpers.articles import FEED, PAGE_SIMPLIFIED
from tests.helpers.corpus import CORPUS_DIR, FEED_DUMP_ARTICLES, PAGE_DUMP

REQUIRED_KEYS = {
    "source_path",
    "title",
    "title_derived",
    "body",
    "outlet",
    "published",
    "authors",
    "editors",
    "script",
    "repairs",
}


@pytest.fixture
def dump_folder(tmp_path: Path) -> Path:
    (tmp_path / "sub").mkdir()
    (tmp_path / "page.txt").write_text(PAGE_SIMPLIFIED, encoding="utf-8")
    (tmp_path / "sub" / "feed.txt").write_bytes(FEED.encode("gb18030"))
    return tmp_path


def run_json(
    capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, list[dict[str, object]], str]:
    status = main(["repair", "--json", *args])
    out, err = capsys.readouterr()
    return status, json.loads(out), err


def test_json_lists_every_article_of_a_folder(
    dump_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, articles, err = run_json(capsys, str(dump_folder))
    assert (status, err) == (0, "")
    assert len(articles) == 4
    assert all(article.keys() >= REQUIRED_KEYS for article in articles)
    page = articles[0]
    assert page["source_path"] == str(dump_folder / "page.txt")
    assert page["title"] == "江海区举办邻里节，设置六大体验区"
    assert page["title_derived"] is False
    assert (page["outlet"], page["published"]) == ("江门日报", "2025-07-11T18:05")
    assert page["authors"] == ["陈婵", "李明", "刘小凤"]
    assert page["editors"] == ["李芳菲", "王雪晴", "宁园"]
    assert page["body"] == "7月4日，江海区第二届邻里节在江海广场启动。"
    assert page["script"] == "simplified"
    assert [a["title_derived"] for a in articles[1:]] == [True, True, True]
    assert {a["script"] for a in articles[1:]} == {"traditional"}  # never converted


def test_json_is_not_ascii_escaped(dump_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["repair", "--json", str(dump_folder / "page.txt")])
    assert "江门日报" in capsys.readouterr().out


def test_bad_file_is_reported_and_the_others_still_processed(
    dump_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = dump_folder / "image.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    status, articles, err = run_json(capsys, str(dump_folder))
    assert status == 1
    assert err.splitlines() == [f"archive-reader: {bad}: not a text file (looks like a PNG image)"]
    assert len(articles) == 4


def test_missing_path_is_reported(dump_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = dump_folder / "missing.txt"
    status, articles, err = run_json(capsys, str(missing), str(dump_folder / "page.txt"))
    assert status == 1
    assert err == f"archive-reader: {missing}: no such file or directory\n"
    assert len(articles) == 1


def test_text_output_shows_title_metadata_and_body(
    dump_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["repair", str(dump_folder)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("江海区举办邻里节，设置六大体验区\n")
    assert "outlet: 江门日报 | published: 2025-07-11T18:05 | authors: 陈婵、李明、刘小凤" in out
    assert "\n7月4日，江海区第二届邻里节在江海广场启动。\n" in out
    assert "## 黨建引領，共治共享\n" in out
    assert out.count("[title derived from the text]") == 3


def test_sample_archive(capsys: pytest.CaptureFixture[str]) -> None:
    status, articles, _ = run_json(capsys, str(CORPUS_DIR))
    assert status == 0
    assert len(articles) == 1 + FEED_DUMP_ARTICLES
    assert articles[0]["source_path"] == str(PAGE_DUMP)
    assert articles[0]["outlet"] == "江門日報"


def test_repair_needs_a_path(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["repair"])
    assert exit_.value.code == 2
    assert "PATH" in capsys.readouterr().err
