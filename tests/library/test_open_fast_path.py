"""Opening a library: the manifest vouches for an index it recorded as agreeing with the
database, and anything it cannot vouch for is checked in full (reading every document)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from whoosh import index as windex

from index.library import Library, health
from index.library.database import DATABASE_FILE
from index.library.health import RebuildProgress
from index.library.id_summary import summarize
from index.library.index_manifest import MANIFEST_FILE, read_manifest, record_files
from index.library.library import INDEX_FOLDER
from index.search.engine import IndexBusyError
from tests.reliability.library_state import database_ids, index_ids, write_dumps

ARTICLES = 6


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fast-open")
    with Library.open(root / "library") as library:
        library.import_paths([write_dumps(root / "dumps", ARTICLES)[0].parent], procs=1)
    write_dumps(root / "more", 2, seed=11)
    return root


@pytest.fixture
def folder(template: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(template / "library", tmp_path / "library"))


@pytest.fixture
def more_dumps(template: Path) -> Path:
    return template / "more"


class FullChecks:
    """Counts the full checks (every stored document read) that opens run."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        read_all = health.indexed_ids

        def counting(folder: Path) -> Counter[int]:
            self.count += 1
            return read_all(folder)

        monkeypatch.setattr(health, "indexed_ids", counting)


@pytest.fixture
def full_checks(monkeypatch: pytest.MonkeyPatch) -> FullChecks:
    return FullChecks(monkeypatch)


def index_folder(folder: Path) -> Path:
    return folder / INDEX_FOLDER


def open_and_search(folder: Path) -> list[RebuildProgress]:
    """Open, check that every article is found once, close; the rebuild reports."""
    reports: list[RebuildProgress] = []
    with Library.open(folder, progress=reports.append) as library:
        assert library.search("報道").total == len(database_ids(folder))
    indexed = index_ids(folder)
    assert set(indexed) == database_ids(folder) and set(indexed.values()) == {1}
    return reports


def set_indexed(folder: Path, ids: list[int], indexed: bool) -> None:
    conn = sqlite3.connect(folder / DATABASE_FILE)
    with conn:
        conn.executemany(
            "UPDATE articles SET indexed = ? WHERE id = ?", [(indexed, i) for i in ids]
        )
    conn.close()


def delete_from_index(folder: Path, article_id: int) -> None:
    ix = windex.open_dir(str(index_folder(folder)))
    writer = ix.writer()
    writer.delete_by_term("id", str(article_id))
    writer.commit()
    ix.close()


def test_an_import_records_a_manifest_that_vouches_for_the_next_opens(
    folder: Path, full_checks: FullChecks
) -> None:
    assert read_manifest(index_folder(folder)).articles == summarize(sorted(database_ids(folder)))
    assert open_and_search(folder) == []
    assert open_and_search(folder) == []
    assert full_checks.count == 0


def test_a_manifest_claiming_ids_the_index_lacks_is_not_trusted(
    folder: Path, full_checks: FullChecks
) -> None:
    lost = min(database_ids(folder))
    delete_from_index(folder, lost)
    # A manifest of the files as they are now, claiming every article the database marks as
    # indexed (the lost one included), as a wrong record would.
    record_files(index_folder(folder), summarize(sorted(database_ids(folder))))
    reports = open_and_search(folder)
    assert full_checks.count == 1
    assert reports and "it lacks 1 articles" in reports[0].reason


def test_a_manifest_claiming_other_ids_is_not_trusted(
    folder: Path, full_checks: FullChecks
) -> None:
    ids = sorted(database_ids(folder))
    claimed = [*ids[:-2], ids[-2] - 1, ids[-1] + 1]  # same count and sum, other articles
    record_files(index_folder(folder), summarize(claimed))
    assert open_and_search(folder) == []  # the index itself is sound
    assert full_checks.count == 1
    assert open_and_search(folder) == [] and full_checks.count == 1  # vouched for again


def test_a_manifest_from_before_the_summary_is_checked_in_full_then_upgraded(
    folder: Path, full_checks: FullChecks
) -> None:
    manifest = index_folder(folder) / MANIFEST_FILE
    manifest.write_text(json.dumps(read_manifest(index_folder(folder)).files))  # format 1
    assert open_and_search(folder) == []
    assert full_checks.count == 1
    assert read_manifest(index_folder(folder)).articles is not None
    assert open_and_search(folder) == []
    assert full_checks.count == 1


def test_no_manifest_means_a_full_check(folder: Path, full_checks: FullChecks) -> None:
    (index_folder(folder) / MANIFEST_FILE).unlink()
    assert open_and_search(folder) == []
    assert full_checks.count == 1


def test_a_stale_manifest_after_an_import_is_checked_in_full(
    folder: Path, more_dumps: Path, full_checks: FullChecks
) -> None:
    before = (index_folder(folder) / MANIFEST_FILE).read_bytes()
    with Library.open(folder) as library:
        library.import_paths([more_dumps], procs=1)
    # As if the process had died after the import committed, before the manifest was written.
    (index_folder(folder) / MANIFEST_FILE).write_bytes(before)
    assert open_and_search(folder) == []
    assert len(database_ids(folder)) == ARTICLES + 2
    assert full_checks.count == 1


def test_a_crash_between_index_commit_and_marking_is_caught_up_once(
    folder: Path, more_dumps: Path, full_checks: FullChecks
) -> None:
    before = (index_folder(folder) / MANIFEST_FILE).read_bytes()
    old = database_ids(folder)
    with Library.open(folder) as library:
        library.import_paths([more_dumps], procs=1)
    new = sorted(database_ids(folder) - old)
    # The index committed the new articles; the database never marked them, nor was the
    # manifest written: they are in the index and unindexed in the database.
    set_indexed(folder, new, indexed=False)
    (index_folder(folder) / MANIFEST_FILE).write_bytes(before)
    assert open_and_search(folder) == []  # caught up: replaced, not added twice
    assert full_checks.count == 1


def test_articles_unmarked_since_the_manifest_are_checked_in_full(
    folder: Path, full_checks: FullChecks
) -> None:
    set_indexed(folder, [min(database_ids(folder))], indexed=False)
    assert open_and_search(folder) == []
    assert full_checks.count == 1


def test_articles_left_unindexed_by_an_interruption_are_caught_up_on_the_fast_path(
    folder: Path, full_checks: FullChecks
) -> None:
    with Library.open(folder) as library:
        article_id = min(database_ids(folder))
        library.database.mark_indexed([article_id], indexed=False)
        delete_from_index(folder, article_id)  # the index and the database agree again
    record_files(index_folder(folder), summarize(sorted(database_ids(folder) - {article_id})))
    assert open_and_search(folder) == []
    assert full_checks.count == 0


def test_a_copied_library_is_checked_in_full_once(folder: Path, full_checks: FullChecks) -> None:
    for path in index_folder(folder).iterdir():
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**12))
    assert open_and_search(folder) == []
    assert open_and_search(folder) == []
    assert full_checks.count == 1


def test_tag_edits_keep_the_fast_path(folder: Path, full_checks: FullChecks) -> None:
    with Library.open(folder) as library:
        article_id = min(database_ids(folder))
        library.add_tag(article_id, "checked")
        assert library.search("tag:checked").total == 1
    assert open_and_search(folder) == []
    with Library.open(folder) as library:
        assert library.search("tag:checked").total == 1
    assert full_checks.count == 0


def test_a_failed_index_write_leaves_no_summary_to_trust(
    folder: Path, full_checks: FullChecks, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Library.open(folder) as library:

        def busy(*args: object) -> None:
            raise IndexBusyError("another program is writing to the search index")

        monkeypatch.setattr("index.library.library.reindex", busy)
        library.add_tag(min(database_ids(folder)), "checked")
    assert read_manifest(index_folder(folder)).articles is None
    assert open_and_search(folder) == []
    with Library.open(folder) as library:
        assert library.search("tag:checked").total == 1  # caught up at open
    assert full_checks.count == 1


def test_a_session_that_never_checked_keeps_the_manifest(
    folder: Path, full_checks: FullChecks
) -> None:
    before = (index_folder(folder) / MANIFEST_FILE).read_bytes()
    with Library.open(folder, defer_index_check=True) as library:
        assert not library.index_checked
    assert (index_folder(folder) / MANIFEST_FILE).read_bytes() == before
    with Library.open(folder, defer_index_check=True) as library:
        library.check_index()
        assert library.search("報道").total == ARTICLES
    assert full_checks.count == 0
