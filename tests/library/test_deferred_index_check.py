"""A library opened with ``defer_index_check`` is readable at once and checked later."""

from __future__ import annotations

import shutil
from pathlib import Path

from index.library import Library
from index.library.health import RebuildProgress
from index.library.library import INDEX_FOLDER
from tests.reliability.library_state import write_dumps


def imported_library(tmp_path: Path, articles: int = 4) -> Path:
    folder = tmp_path / "library"
    with Library.open(folder) as library:
        library.import_paths([write_dumps(tmp_path / "dumps", articles)[0].parent], procs=1)
    return folder


def test_the_database_is_readable_before_the_check_and_search_after(tmp_path: Path) -> None:
    folder = imported_library(tmp_path)
    with Library.open(folder, defer_index_check=True) as library:
        assert not library.index_checked
        assert library.article_count() == 4
        assert len(library.list_articles()) == 4
        library.check_index()
        assert library.index_checked
        assert library.search("報道").total == 4
        library.check_index()  # once is enough
        assert library.search("報道").total == 4


def test_a_lost_index_is_rebuilt_by_the_deferred_check(tmp_path: Path) -> None:
    folder = imported_library(tmp_path)
    shutil.rmtree(folder / INDEX_FOLDER)
    reports: list[RebuildProgress] = []
    with Library.open(folder, progress=reports.append, defer_index_check=True) as library:
        assert not reports, "nothing is rebuilt while opening"
        assert library.article_count() == 4
        library.check_index(reports.append)
        assert reports and reports[-1].done == reports[-1].total == 4
        assert library.search("報道").total == 4


def test_a_read_only_library_needs_no_check(tmp_path: Path) -> None:
    folder = imported_library(tmp_path)
    with Library.open(folder) as writer:
        with Library.open(folder, defer_index_check=True) as reader:
            assert reader.read_only and reader.index_checked
            assert reader.search("報道").total == 4
        assert writer.index_checked
