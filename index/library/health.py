"""Check the search index against the database when a library opens; rebuild it from the DB."""

from __future__ import annotations

import gc
import shutil
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from whoosh import index as windex

from index.library.database import LibraryDatabase
from index.library.index_manifest import changed_files, record_files
from index.library.indexing import catch_up, document_for_row
from index.library.lock import lock_is_held
from index.search.engine import SearchIndex

__all__ = [
    "RebuildCallback",
    "RebuildProgress",
    "break_stale_write_lock",
    "index_problem",
    "indexed_ids",
    "open_search_index",
    "rebuild_index",
]

WRITE_LOCK = "MAIN_WRITELOCK"  # Whoosh's lock file for the index named MAIN
_REBUILD_CHUNK = 1000


@dataclass(frozen=True, slots=True)
class RebuildProgress:
    """A rebuild of the search index: why, and how many articles are indexed of how many."""

    reason: str
    done: int
    total: int


RebuildCallback = Callable[[RebuildProgress], None]


def indexed_ids(folder: Path) -> Counter[int]:
    """How many live documents of the index on disk hold each article id (reads them all)."""
    ix = windex.open_dir(str(folder))
    try:
        with ix.reader() as reader:
            return Counter(int(fields["id"]) for fields in reader.all_stored_fields())
    finally:
        ix.close()


def index_problem(database: LibraryDatabase, folder: Path) -> str | None:
    """Why the index disagrees with the database, or None if it holds what it should.

    Every article the database marks as indexed must be in the index once, and the index
    must hold nothing else (articles stored but not yet indexed may or may not be there).
    """
    changed = changed_files(folder)
    if changed:
        return f"{len(changed)} of its files changed since they were checked ({changed[0]})"
    with _damage_tolerated():
        try:
            counts = indexed_ids(folder)
        except Exception as error:  # damaged files make Whoosh raise anything
            return f"its files are damaged ({type(error).__name__})"
    twice = sum(1 for n in counts.values() if n > 1)
    if twice:
        return f"it holds {twice} articles more than once"
    stored = set(database.all_ids())
    extra = len(counts.keys() - stored)
    if extra:
        return f"it holds {extra} articles the database does not"
    missing = len(stored - set(database.unindexed_ids()) - counts.keys())
    if missing:
        return f"it lacks {missing} articles"
    return None


def break_stale_write_lock(folder: Path) -> bool:
    """Remove Whoosh's write lock if someone holds it; True if it was removed.

    Call only while holding the library's writer lock: then no live Archive Reader is
    writing, and a holder can only be a leftover child of a killed writer. A new lock file
    replaces the removed one, so the leftover no longer blocks anyone.
    """
    path = folder / WRITE_LOCK
    if not lock_is_held(path):
        return False
    path.unlink(missing_ok=True)
    return True


@contextmanager
def _damage_tolerated() -> Iterator[None]:
    """Whoosh leaves files open when it fails on a damaged one: close them quietly."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        yield
        gc.collect()


def _reset(folder: Path) -> None:
    if folder.is_dir() and not folder.is_symlink():
        shutil.rmtree(folder)
    else:
        folder.unlink(missing_ok=True)


def rebuild_index(
    database: LibraryDatabase,
    index: SearchIndex,
    reason: str,
    progress: RebuildCallback | None = None,
) -> int:
    """Index every article of the database into the (empty) index; returns how many.

    Each chunk is committed and marked indexed, so an interrupted rebuild resumes.
    """
    ids = database.all_ids()
    database.mark_all_unindexed()
    if progress is not None:
        progress(RebuildProgress(reason, 0, len(ids)))
    for start in range(0, len(ids), _REBUILD_CHUNK):
        chunk = ids[start : start + _REBUILD_CHUNK]
        with index.batch() as batch:
            for row in database.index_rows(chunk):
                batch.add(document_for_row(row))
        database.mark_indexed(chunk)
        if progress is not None:
            progress(RebuildProgress(reason, start + len(chunk), len(ids)))
    return len(ids)


def open_search_index(
    folder: Path, database: LibraryDatabase, progress: RebuildCallback | None = None
) -> SearchIndex:
    """Open the library's index, rebuilding it from the database if lost or damaged.

    A missing folder, a missing or garbled file, a leftover write lock, or an index that
    disagrees with the database: all end with an index that holds every article once.
    Call while holding the library's writer lock.
    """
    break_stale_write_lock(folder)
    reason: str | None = None
    with _damage_tolerated():
        try:
            index = SearchIndex(folder)
        except Exception as error:  # damaged files make Whoosh raise anything
            reason = f"the search index cannot be opened ({type(error).__name__})"
    if reason is not None:
        _reset(folder)
        index = SearchIndex(folder)
    if reason is None and index.was_rebuilt:
        reason = "the search index is missing or was made by another version"
    elif reason is None:
        problem = index_problem(database, folder)
        if problem is not None:
            reason = f"the search index is damaged: {problem}"
            index.close()
            _reset(folder)
            index = SearchIndex(folder)
    index.was_rebuilt = False
    if reason is not None and database.all_ids():
        rebuild_index(database, index, reason, progress)
    # Checked against the database above, or rebuilt from it: no second count needed.
    catch_up(database, index, verified=True)
    record_files(folder)
    return index
