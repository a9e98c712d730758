"""Check the search index against the database when a library opens; rebuild it from the DB."""

from __future__ import annotations

import gc
import shutil
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from whoosh import index as windex
from whoosh.filedb.filestore import FileStorage

from index.library.database import LibraryDatabase
from index.library.id_summary import indexed_summary
from index.library.index_manifest import (
    changed_files,
    files_as_recorded,
    read_manifest,
    record_files,
)
from index.library.indexing import catch_up, document_for_row
from index.library.lock import lock_is_held
from index.search.engine import SearchIndex

__all__ = [
    "RebuildCallback",
    "RebuildProgress",
    "break_stale_write_lock",
    "index_problem",
    "index_vouched_for",
    "indexed_ids",
    "open_search_index",
    "rebuild_index",
]

INDEX_NAME = "MAIN"  # Whoosh's name of the index in the folder
WRITE_LOCK = f"{INDEX_NAME}_WRITELOCK"  # Whoosh's lock file for it
_REBUILD_CHUNK = 1000
T = TypeVar("T")


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


def live_documents(folder: Path) -> int:
    """How many live documents the index holds, from its table of contents alone."""
    toc = windex.TOC.read(FileStorage(str(folder)), INDEX_NAME)
    return sum(int(segment.doc_count()) for segment in toc.segments)


def index_vouched_for(database: LibraryDatabase, folder: Path) -> bool:
    """True if the manifest vouches that the index holds what the database marks as indexed.

    The cheap check at open (no stored field read, no file checksummed): the folder holds
    exactly the files the manifest recorded, with their sizes and modification times; the
    manifest's summary of the ids the index held equals the summary of the ids the database
    marks as indexed now; and the index's table of contents counts that many live documents.
    The summary is recorded only when the index is known to hold exactly the indexed articles,
    each once: after a full check or a rebuild and the catch-up, or after a session whose
    writes all succeeded (``Library``). Every commit to the index adds files, and the
    database marks articles indexed only after the index committed them, so a process that
    dies after a commit, before the manifest is written again, leaves files the manifest
    does not list. False means: check in full (:func:`index_problem`).
    """
    manifest = read_manifest(folder)
    if manifest.articles is None or not files_as_recorded(folder, manifest):
        return False
    live = _tolerating_damage(lambda: live_documents(folder))
    if isinstance(live, _Damage):
        return False  # the full check says what is wrong
    return live == manifest.articles.count and indexed_summary(database) == manifest.articles


def index_problem(database: LibraryDatabase, folder: Path) -> str | None:
    """Why the index disagrees with the database, or None if it holds what it should.

    Every article the database marks as indexed must be in the index once, and the index
    must hold nothing else (articles stored but not yet indexed may or may not be there).
    """
    changed = changed_files(folder)
    if changed:
        return f"{len(changed)} of its files changed since they were checked ({changed[0]})"
    counts = _tolerating_damage(lambda: indexed_ids(folder))
    if isinstance(counts, _Damage):
        return f"its files are damaged ({counts.error})"
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


@dataclass(frozen=True, slots=True)
class _Damage:
    error: str  # the type of the exception Whoosh raised


def _tolerating_damage(action: Callable[[], T]) -> T | _Damage:
    """What ``action`` returns, or what it raised: damaged files make Whoosh raise anything.

    Whoosh leaves files open when it fails on a damaged one: they are closed here, quietly
    (a garbage collection, ~25 ms in a large process, so only after a failure).
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            return action()
        except Exception as error:
            damage = _Damage(type(error).__name__)
        gc.collect()  # the failure's frames are gone now: their open files can be closed
    return damage


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
    chunk_size: int = _REBUILD_CHUNK,
) -> int:
    """Index every article of the database into the (empty) index; returns how many.

    Each chunk (a segment) is committed and marked indexed, so an interrupted rebuild
    resumes.
    """
    ids = database.all_ids()
    database.mark_all_unindexed()
    if progress is not None:
        progress(RebuildProgress(reason, 0, len(ids)))
    for start in range(0, len(ids), chunk_size):
        chunk = ids[start : start + chunk_size]
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
    opened = _tolerating_damage(lambda: SearchIndex(folder))
    if isinstance(opened, _Damage):
        reason = f"the search index cannot be opened ({opened.error})"
        _reset(folder)
        opened = SearchIndex(folder)
    index = opened
    if reason is None and index.was_rebuilt:
        reason = "the search index is missing or was made by another version"
    vouched = reason is None and index_vouched_for(database, folder)
    if reason is None and not vouched:
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
    caught_up = catch_up(database, index, verified=True)
    if not vouched or caught_up:
        # Every article is now in the index once: what the manifest may vouch for next time.
        record_files(folder, indexed_summary(database))
    return index
