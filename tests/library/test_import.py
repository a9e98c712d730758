"""Import: store, de-duplicate, survive failing files, cancellation and interruption."""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from index.library import ImportProgress, Library, importer
from index.library.database import DATABASE_FILE
from index.library.importer import run_import
from index.pipeline import FileResult
from index.search.engine import IndexBatch
from index.search.forked_commit import ForkedCommit
from index.search.segment_writer import BulkSegmentWriter
from tests.helpers.corpus import CORPUS_DIR, FEED_DUMP_ARTICLES
from tests.helpers.library_articles import (
    BANK,
    LU_XUN,
    NEIGHBOURS,
    WEATHER,
    fake_pipeline,
    touch_files,
)

FILES = {"a.txt": [LU_XUN, BANK], "b.txt": [NEIGHBOURS], "c.txt": [WEATHER]}


def import_fake(library: Library, paths: list[Path], **options: object) -> object:
    return run_import(
        library.database,
        library.index,
        paths,
        process=fake_pipeline(FILES),
        **options,  # type: ignore[arg-type]
    )


def test_import_of_the_sample_corpus(tmp_path: Path) -> None:
    with Library(tmp_path / "lib") as library:
        summary = library.import_paths([CORPUS_DIR], procs=1)
        assert (summary.files, summary.added, summary.errors) == (2, 1 + FEED_DUMP_ARTICLES, [])
        assert library.article_count() == summary.added
        assert library.search("社区").total > 0


def test_reimporting_adds_nothing(tmp_path: Path) -> None:
    paths = touch_files(tmp_path, ["a.txt", "b.txt"])
    with Library(tmp_path / "lib") as library:
        first = import_fake(library, paths)
        second = import_fake(library, paths)
        assert (first.added, first.duplicates) == (3, 0)  # type: ignore[attr-defined]
        assert (second.added, second.duplicates) == (0, 3)  # type: ignore[attr-defined]
        assert library.article_count() == 3
        assert library.index.doc_count() == 3


def test_a_failing_file_does_not_stop_the_batch(tmp_path: Path) -> None:
    paths = touch_files(tmp_path, ["a.txt", "broken.txt", "c.txt"])
    with Library(tmp_path / "lib") as library:
        summary = import_fake(library, paths)
        assert summary.added == 3  # type: ignore[attr-defined]
        assert [(e.path.name, e.reason) for e in summary.errors] == [  # type: ignore[attr-defined]
            ("broken.txt", "cannot decode")
        ]
        log = library.database.imports()[-1]
        assert (log["status"], log["added"], log["files"]) == ("done", 3, 3)


def test_progress_is_reported_after_each_file(tmp_path: Path) -> None:
    paths = touch_files(tmp_path, ["a.txt", "b.txt"])
    seen: list[ImportProgress] = []
    with Library(tmp_path / "lib") as library:
        import_fake(library, paths, progress=seen.append)
    assert [(p.files_done, p.files_total, p.added) for p in seen] == [(1, 2, 2), (2, 2, 3)]


def test_cancel_stops_before_the_next_file_and_keeps_what_was_stored(tmp_path: Path) -> None:
    paths = touch_files(tmp_path, ["a.txt", "b.txt", "c.txt"])
    done: list[ImportProgress] = []
    with Library(tmp_path / "lib") as library:
        summary = import_fake(library, paths, progress=done.append, cancel=lambda: len(done) >= 1)
        assert summary.cancelled and summary.added == 2  # type: ignore[attr-defined]
        assert library.search("农业").total == 1
        assert library.database.imports()[-1]["status"] == "cancelled"


def test_an_interrupted_import_leaves_whole_articles_and_the_index_catches_up(
    tmp_path: Path,
) -> None:
    paths = touch_files(tmp_path, ["a.txt", "b.txt"])
    calls = 0

    def crash_on_second_file(path: Path) -> FileResult:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise KeyboardInterrupt
        return fake_pipeline(FILES)(path)

    library = Library(tmp_path / "lib")
    with pytest.raises(KeyboardInterrupt):
        run_import(library.database, library.index, paths, process=crash_on_second_file)
    assert library.index.doc_count() == 0  # the index batch was never committed
    library.close()

    conn = sqlite3.connect(tmp_path / "lib" / DATABASE_FILE)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    orphans = conn.execute(
        "SELECT count(*) FROM articles a WHERE NOT EXISTS"
        " (SELECT 1 FROM repairs r WHERE r.article_id = a.id)"
        " OR NOT EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id)"
    ).fetchone()[0]
    assert orphans == 0
    assert conn.execute("SELECT status FROM imports").fetchone()[0] == "interrupted"
    conn.close()

    with Library(tmp_path / "lib") as reopened:
        assert reopened.index.doc_count() == 2
        assert reopened.search("鲁迅").total == 1


def forked_commit_sizes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The size of each batch committed in a child from now on."""
    sizes: list[int] = []
    real_commit_in_background = IndexBatch.commit_in_background

    def counted(batch: IndexBatch) -> ForkedCommit:
        sizes.append(batch.count)
        return real_commit_in_background(batch)

    monkeypatch.setattr(IndexBatch, "commit_in_background", counted)
    return sizes


def test_commits_written_by_forked_children_index_every_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "COMMIT_EVERY", 2)
    forked = forked_commit_sizes(monkeypatch)
    paths = touch_files(tmp_path, ["a.txt", "b.txt", "c.txt"])
    with Library(tmp_path / "lib") as library:
        summary = import_fake(library, paths)
        assert summary.added == 4  # type: ignore[attr-defined]
        assert forked  # at least one commit went to a child
        assert library.index.doc_count() == 4
        assert library.database.indexed_count() == 4
        for word, expected in [("鲁迅", 1), ("农业", 1), ("社区", 1), ("降温", 1)]:
            assert library.search(word).total == expected, word


def test_what_is_pending_near_the_end_is_committed_ahead_in_a_child(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "TAIL_FILES", 1)
    forked = forked_commit_sizes(monkeypatch)
    paths = touch_files(tmp_path, ["a.txt", "b.txt", "c.txt"])
    with Library(tmp_path / "lib") as library:
        import_fake(library, paths)
        assert forked == [3]  # a.txt and b.txt, with one file left; c.txt at the end
        assert len(library.index._index._segments()) == 2
        assert library.database.indexed_count() == library.index.doc_count() == 4


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_forked_commit_that_fails_stops_the_import_and_the_index_catches_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "COMMIT_EVERY", 2)
    parent = os.getpid()
    real_flush = BulkSegmentWriter._flush_segment

    def full_disk_in_children(writer: BulkSegmentWriter) -> None:
        if os.getpid() != parent:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_flush(writer)

    monkeypatch.setattr(BulkSegmentWriter, "_flush_segment", full_disk_in_children)
    paths = touch_files(tmp_path, ["a.txt", "b.txt", "c.txt"])
    library = Library(tmp_path / "lib")
    with pytest.raises(OSError) as raised:
        import_fake(library, paths)
    assert raised.value.errno == errno.ENOSPC
    assert library.article_count() == 4  # stored whole, committed
    assert library.database.indexed_count() == 0  # no commit that failed is marked done
    assert library.index.doc_count() == 0
    library.close()
    monkeypatch.undo()
    with Library(tmp_path / "lib") as reopened:
        assert reopened.index.doc_count() == 4
        assert reopened.search("降温").total == 1


def fail_insert(library: Library, at_call: int) -> Callable[..., int | None]:
    """Make the library's ``insert_article`` raise on its ``at_call``-th call; returns the
    original, to put back."""
    original = library.database.insert_article
    calls = 0

    def failing(*args: object, **kwargs: object) -> int | None:
        nonlocal calls
        calls += 1
        if calls == at_call:
            raise RuntimeError("disk gone")
        return original(*args, **kwargs)  # type: ignore[arg-type]

    library.database.insert_article = failing  # type: ignore[method-assign]
    return original


def test_a_failure_inside_a_file_rolls_back_that_whole_file(tmp_path: Path) -> None:
    paths = touch_files(tmp_path, ["a.txt"])
    with Library(tmp_path / "lib") as library:
        fail_insert(library, at_call=2)
        with pytest.raises(RuntimeError):
            import_fake(library, paths)
        assert library.article_count() == 0


def test_a_lost_index_is_rebuilt_from_the_database(tmp_path: Path) -> None:
    paths = touch_files(tmp_path, ["a.txt", "b.txt"])
    with Library(tmp_path / "lib") as library:
        import_fake(library, paths)
    for file in (tmp_path / "lib" / "index").iterdir():
        file.unlink()
    with Library(tmp_path / "lib") as reopened:
        assert reopened.index.doc_count() == 3
        assert reopened.search("鄰里").total == 1


def test_a_file_that_fails_to_store_is_undone_whole_and_earlier_files_are_kept(
    tmp_path: Path,
) -> None:
    paths = touch_files(tmp_path, ["a.txt", "b.txt"])  # both files share one transaction
    files = {"a.txt": [WEATHER], "b.txt": [LU_XUN, BANK]}
    with Library(tmp_path / "lib") as library:
        original = fail_insert(library, at_call=3)  # BANK, after LU_XUN of the same file
        with pytest.raises(RuntimeError):
            run_import(library.database, library.index, paths, process=fake_pipeline(files))
        library.database.insert_article = original  # type: ignore[method-assign]
        assert [row.title for row in library.list_articles()] == [WEATHER.title]
        assert library.database.imports()[-1]["status"] == "interrupted"
    with Library(tmp_path / "lib") as reopened:  # the index catches up on open
        assert reopened.index.doc_count() == 1
        assert reopened.search("降温").total == 1
