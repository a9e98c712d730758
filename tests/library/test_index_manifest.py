"""The index's manifest (file checksums and the ids summary) and the summary of indexed ids."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from index.library import index_manifest
from index.library.database import LibraryDatabase
from index.library.id_summary import IdSummary, indexed_summary, summarize
from index.library.index_manifest import (
    MANIFEST_FILE,
    Manifest,
    changed_files,
    files_as_recorded,
    read_manifest,
    record_files,
)
from tests.helpers.library_articles import BANK, LU_XUN, NEIGHBOURS, WEATHER

SUMMARY = IdSummary(3, 6, 123)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "index"
    folder.mkdir()
    (folder / "a.seg").write_bytes(b"segment a")
    (folder / "_MAIN_1.toc").write_bytes(b"table of contents")
    return folder


def touch(path: Path, seconds: int = 1000) -> None:
    """Move the file's modification time without changing its bytes (as a copy does)."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + seconds * 10**9))


def no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(path: Path) -> list[int]:
        raise AssertionError(f"{path.name} was read")

    monkeypatch.setattr(index_manifest, "_checksum", fail)


def test_the_manifest_records_files_and_the_summary(folder: Path) -> None:
    record_files(folder, SUMMARY)
    manifest = read_manifest(folder)
    assert manifest.articles == SUMMARY
    assert set(manifest.files) == {"a.seg", "_MAIN_1.toc"}
    assert manifest.files["a.seg"][0] == len(b"segment a")
    record_files(folder, None)
    assert read_manifest(folder).articles is None


def test_a_manifest_from_before_the_summary_gives_its_files_only(folder: Path) -> None:
    record_files(folder, SUMMARY)
    files = read_manifest(folder).files
    (folder / MANIFEST_FILE).write_text(json.dumps(files))  # format 1: the bare mapping
    assert read_manifest(folder) == Manifest(files, None)
    (folder / "a.seg").write_bytes(b"segment A")
    touch(folder / "a.seg")
    assert changed_files(folder) == ["a.seg"]  # still checked against the old entries


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "[1, 2]",
        '{"format": 3, "files": {}, "articles": [1, 2, 3]}',
        '{"format": 2, "files": {}, "articles": [1, 2]}',
        '{"format": 2, "files": {}, "articles": [1, 2, "3"]}',
    ],
)
def test_an_unreadable_or_unknown_manifest_vouches_for_nothing(folder: Path, text: str) -> None:
    (folder / MANIFEST_FILE).write_text(text)
    assert read_manifest(folder).articles is None


def test_files_as_recorded_compares_names_sizes_and_times_without_reading(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_files(folder, SUMMARY)
    manifest = read_manifest(folder)
    no_reading(monkeypatch)
    assert files_as_recorded(folder, manifest)
    (folder / (MANIFEST_FILE + ".tmp")).write_text("ignored, as the write lock is")
    (folder / "MAIN_WRITELOCK").write_bytes(b"")
    assert files_as_recorded(folder, manifest)
    (folder / "b.seg").write_bytes(b"new segment")
    assert not files_as_recorded(folder, manifest)
    (folder / "b.seg").unlink()
    touch(folder / "a.seg")
    assert not files_as_recorded(folder, manifest)
    (folder / "a.seg").unlink()
    assert not files_as_recorded(folder, manifest)


def test_recording_again_refreshes_a_moved_time_but_keeps_changed_bytes_noticed(
    folder: Path,
) -> None:
    record_files(folder, SUMMARY)
    touch(folder / "a.seg")  # a copied library: same bytes, new time
    record_files(folder, SUMMARY)
    assert files_as_recorded(folder, read_manifest(folder))
    assert changed_files(folder) == []

    (folder / "_MAIN_1.toc").write_bytes(b"table of c0ntents")  # garbled, same size
    touch(folder / "_MAIN_1.toc")
    record_files(folder, None)
    assert changed_files(folder) == ["_MAIN_1.toc"]
    assert not files_as_recorded(folder, read_manifest(folder))


def test_indexed_summary_counts_the_articles_marked_indexed(tmp_path: Path) -> None:
    database = LibraryDatabase(tmp_path / "lib")
    try:
        assert indexed_summary(database) == IdSummary(0, 0, 0)
        ids: list[int] = []
        with database.transaction():
            for article in (LU_XUN, BANK, NEIGHBOURS, WEATHER):
                article_id = database.insert_article(article, article.title, [], None, "2025")
                assert article_id is not None
                ids.append(article_id)
        assert indexed_summary(database) == IdSummary(0, 0, 0)  # stored, not yet indexed
        database.mark_indexed([ids[0], ids[2], ids[3]])
        expected = summarize([ids[0], ids[2], ids[3]])
        assert indexed_summary(database) == expected
        assert expected.count == 3 and expected.total == ids[0] + ids[2] + ids[3]
    finally:
        database.close()


def test_sets_with_the_same_count_and_sum_have_different_summaries() -> None:
    assert summarize([1, 4]).total == summarize([2, 3]).total
    assert summarize([1, 4]) != summarize([2, 3])
    assert summarize([1, 5, 6]) != summarize([2, 3, 7])  # same sums of squares too
