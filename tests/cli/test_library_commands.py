"""Every library command, with --json, against a library in a temporary folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from desktop.cli.main import main
from tests.helpers.articles import PAGE_SIMPLIFIED, PAGE_TRADITIONAL
from tests.helpers.corpus import CORPUS_DIR, FEED_DUMP_ARTICLES


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return tmp_path / "lib"


def run(capsys: pytest.CaptureFixture[str], library: Path, *args: str) -> tuple[int, Any, str]:
    status = main(["--library", str(library), *args])
    out, err = capsys.readouterr()
    return status, (json.loads(out) if "--json" in args and out else out), err


@pytest.fixture(scope="module")
def imported_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    library = tmp_path_factory.mktemp("imported") / "lib"
    assert main(["--library", str(library), "import", "--json", str(CORPUS_DIR)]) == 0
    return library


@pytest.fixture
def imported(capsys: pytest.CaptureFixture[str], imported_once: Path, tmp_path: Path) -> Path:
    """A fresh copy of a library holding the sample corpus (imported once per module)."""
    capsys.readouterr()
    return Path(shutil.copytree(imported_once, tmp_path / "lib"))


def test_import_json_summary_and_idempotence(
    capsys: pytest.CaptureFixture[str], library: Path
) -> None:
    status, summary, _ = run(capsys, library, "import", "--json", str(CORPUS_DIR))
    assert status == 0
    assert summary == {
        "files": 2,
        "added": 1 + FEED_DUMP_ARTICLES,
        "duplicates": 0,
        "errors": [],
        "cancelled": False,
    }
    status, again, _ = run(capsys, library, "import", "--json", str(CORPUS_DIR))
    assert (again["added"], again["duplicates"]) == (0, 1 + FEED_DUMP_ARTICLES)


def test_import_text_summary_and_failing_path(
    capsys: pytest.CaptureFixture[str], library: Path, tmp_path: Path
) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE_SIMPLIFIED, encoding="utf-8")
    status, out, err = run(capsys, library, "import", str(page), str(tmp_path / "missing.txt"))
    assert status == 1
    assert "2 files: 1 article added, 0 duplicates skipped, 1 error" in out
    assert "missing.txt: no such file or directory" in err


def test_search_json(capsys: pytest.CaptureFixture[str], imported: Path) -> None:
    status, results, _ = run(capsys, imported, "search", "--json", "社区 培训", "--limit", "2")
    assert status == 0
    assert results["total"] >= 2 and len(results["hits"]) == 2
    hit = results["hits"][0]
    assert set(hit) >= {"id", "title", "outlet", "published", "score", "snippet", "highlights"}
    assert all(hit["snippet"][s:e] in ("社區", "培訓") for s, e in hit["highlights"])


def test_search_text_marks_matches(capsys: pytest.CaptureFixture[str], imported: Path) -> None:
    status, out, _ = run(capsys, imported, "search", "鄰里節")
    assert status == 0
    assert "1 article matches" in out and "[鄰里節]" in out


def test_malformed_search_is_one_line_and_fails(
    capsys: pytest.CaptureFixture[str], imported: Path
) -> None:
    status, out, err = run(capsys, imported, "search", "--json", '"社区')
    assert status == 1 and not out
    assert err.strip() == (
        "archive-reader: search: cannot understand the query: missing closing quote after '\"社区'"
    )


def test_show_json_in_both_scripts(capsys: pytest.CaptureFixture[str], imported: Path) -> None:
    status, article, _ = run(capsys, imported, "show", "1", "--json")
    assert status == 0
    assert article["id"] == 1 and article["tags"] and article["repairs"] is not None
    _, simplified, _ = run(capsys, imported, "show", "1", "--json", "--script", "simplified")
    _, traditional, _ = run(capsys, imported, "show", "1", "--json", "--script", "traditional")
    assert "邻里节”启动" in simplified["title"] and "鄰里節”啟動" in traditional["title"]


def test_show_missing_article(capsys: pytest.CaptureFixture[str], imported: Path) -> None:
    status, _, err = run(capsys, imported, "show", "999", "--json")
    assert status == 1 and "no article with id 999" in err


def test_list_json_with_tag_filter(capsys: pytest.CaptureFixture[str], imported: Path) -> None:
    status, listing, _ = run(capsys, imported, "list", "--json")
    assert status == 0 and listing["total"] == 1 + FEED_DUMP_ARTICLES
    first = listing["articles"][0]
    assert set(first) == {"id", "title", "outlet", "published", "tags"}
    _, filtered, _ = run(capsys, imported, "list", "--json", "--tag", "outlet:江门日报")
    assert [a["id"] for a in filtered["articles"]] == [1]


def test_tags_json(capsys: pytest.CaptureFixture[str], imported: Path) -> None:
    status, tags, _ = run(capsys, imported, "tags", "--json", "--kind", "outlet")
    assert status == 0 and tags == [{"kind": "outlet", "name": "江门日报", "count": 1}]


def test_tag_add_and_remove_json(capsys: pytest.CaptureFixture[str], imported: Path) -> None:
    status, result, _ = run(capsys, imported, "tag", "1", "--add", "收藏", "--json")
    assert status == 0 and result["added"] == ["收藏"]
    assert {"kind": "user", "name": "收藏"} in result["tags"]
    _, hits, _ = run(capsys, imported, "search", "--json", "tag:收藏")
    assert [h["id"] for h in hits["hits"]] == [1]
    status, result, _ = run(capsys, imported, "tag", "1", "--remove", "收藏", "--json")
    assert status == 0 and result["removed"] == ["收藏"]
    status, result, _ = run(capsys, imported, "tag", "1", "--remove", "nope", "--json")
    assert status == 1 and result["not_found"] == ["nope"]


def test_tag_without_action_fails(capsys: pytest.CaptureFixture[str], imported: Path) -> None:
    status, _, err = run(capsys, imported, "tag", "1")
    assert status == 1 and "--add TAG" in err


def test_not_a_library_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text(PAGE_TRADITIONAL)
    status, _, err = run(capsys, tmp_path, "list", "--json")
    assert status == 1
    assert err.startswith("archive-reader: library: ") and "Traceback" not in err
