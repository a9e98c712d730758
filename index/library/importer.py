"""Import dump files: repair pipeline -> store (one transaction per file) -> search index."""

from __future__ import annotations

import dataclasses
import itertools
import multiprocessing
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Set
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from index.library.database import LibraryDatabase, now_iso
from index.library.fingerprint import fingerprint
from index.library.indexing import document_for_article
from index.library.records import (
    CancelCheck,
    FileError,
    ImportProgress,
    ImportSummary,
    ProgressCallback,
)
from index.library.stored_form import StoredBlobs, stored_blobs
from index.model import Article
from index.pipeline import FileResult, iter_dump_files, process_file
from index.search.codec import FieldPostings
from index.search.engine import IndexBatch, IndexDocument, SearchIndex
from index.search.forked_commit import ForkedCommit, can_fork_commits
from index.tags import Tag, extract_tags

__all__ = ["CancelCheck", "ProgressCallback", "run_import"]

# Commit the search index this often: each commit writes a segment, whose postings are held
# in memory until then (~25 MB per 1,000 articles); an interrupted import leaves at most
# this many to catch up. See index/search/merge_policy.py.
COMMIT_EVERY = 5_000
# Files per task sent to a worker process, and tasks each worker may have done ahead of the
# storing. While this process writes a segment (seconds, at each commit), the workers go on
# preparing files instead of waiting: 48 tasks each (~400 files, ~60 MB) made a 2,000-file
# import with a commit every 1,000 articles 10-15% faster than 4 did, for the same CPU time.
FILES_PER_TASK = 4
TASKS_AHEAD = 48
# When this many files are left, what the index has not committed yet is committed (in a
# forked child, while the last files are prepared), so that the commit the import ends
# with, which nothing overlaps, is small.
TAIL_FILES = COMMIT_EVERY // 5


class _IndexFeed:
    """Feeds new articles to the search index in commits of ``COMMIT_EVERY`` articles.

    With ``fork_commits``, a commit is written by a forked child process while the import
    goes on (:mod:`index.search.forked_commit`); the articles that arrive meanwhile wait in
    ``waiting`` until the child is done and a new writer can take the lock. Articles are
    marked indexed only once the commit holding them has succeeded.
    """

    def __init__(self, database: LibraryDatabase, index: SearchIndex, fork_commits: bool) -> None:
        self.database = database
        self.index = index
        self.fork_commits = fork_commits
        self.batch: IndexBatch | None = None
        self.pending: list[int] = []  # in the open batch
        self.waiting: list[tuple[IndexDocument, dict[str, FieldPostings]]] = []
        self.in_flight: tuple[ForkedCommit, list[int]] | None = None

    def add(self, document: IndexDocument, analyzed: dict[str, FieldPostings]) -> None:
        self.waiting.append((document, analyzed))
        if self.in_flight is not None and self.in_flight[0].finished():
            self._finish_in_flight()
        if self.in_flight is None:
            self._pour()
        if len(self.pending) + len(self.waiting) >= COMMIT_EVERY:
            self.commit(background=self.fork_commits)

    def commit_ahead_of_the_end(self) -> None:
        """Near the end of an import that forks its commits: commit in the background what
        is pending, if that is more than the last files will add."""
        if len(self.pending) + len(self.waiting) > TAIL_FILES:
            self.commit(background=True)

    def _pour(self) -> None:
        """Move the waiting articles into the open batch (opening one)."""
        if not self.waiting:
            return
        if self.batch is None:
            self.batch = self.index.batch()
        for document, analyzed in self.waiting:
            self.batch.add(document, analyzed)
            self.pending.append(document.article_id)
        self.waiting.clear()

    def _finish_in_flight(self) -> None:
        if self.in_flight is not None:
            commit, ids = self.in_flight
            self.in_flight = None
            commit.wait()
            self.database.mark_indexed(ids)

    def commit(self, background: bool = False) -> None:
        """Commit every article added so far; in the background, the next commit (or
        :meth:`cancel`) waits for it."""
        self._finish_in_flight()
        self._pour()
        if self.batch is None:
            return
        batch, ids = self.batch, self.pending
        self.batch, self.pending = None, []
        if background:
            self.in_flight = (batch.commit_in_background(), ids)
        else:
            # In this order: the open-time check (index/library/health.py) relies on an
            # article marked indexed being in a committed segment.
            batch.commit()
            self.database.mark_indexed(ids)

    def cancel(self) -> None:
        """Drop uncommitted index work; the articles stay stored and are caught up later.
        A commit already under way is let finish (and its articles marked) if it can."""
        try:
            self._finish_in_flight()
        except Exception:
            pass  # its articles stay unmarked: caught up at the next open
        finally:
            if self.batch is not None:
                self.batch.cancel()
            self.batch, self.pending, self.waiting = None, [], []


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    """An article ready to store and index: its fingerprint, tags and search postings.

    ``article`` comes without its raw text and repairs: they travel encoded in ``blobs``
    (pickling ~440 repair records per article back from a worker cost more CPU than
    compressing them).
    """

    article: Article
    fingerprint: str
    tags: list[Tag]
    postings: dict[str, FieldPostings]
    blobs: StoredBlobs


@dataclass(slots=True)
class PreparedFile:
    """A file run through the pipeline, tagged and analyzed for the search index."""

    path: Path
    error: str | None
    articles: list[PreparedArticle]


def prepare(result: FileResult, bigrams: Set[str]) -> PreparedFile:
    """The CPU-heavy part of importing a file, which worker processes can share."""
    prepared = []
    for article in result.articles:
        tags = extract_tags(article)
        document = document_for_article(0, article, [tag.name for tag in tags])
        postings = document.analyze(bigrams)
        blobs = stored_blobs(article)
        lean = dataclasses.replace(article, raw="", repairs=[])
        prepared.append(PreparedArticle(lean, fingerprint(article), tags, postings, blobs))
    return PreparedFile(result.path, result.error, prepared)


_worker_bigrams: Set[str] = frozenset()


def _start_worker(bigrams: Set[str]) -> None:
    global _worker_bigrams
    _worker_bigrams = bigrams


def _prepare_paths(paths: list[Path]) -> list[PreparedFile]:
    return [prepare(process_file(path), _worker_bigrams) for path in paths]


def _prepared_files(
    files: list[Path], process: Callable[[Path], FileResult], workers: int, bigrams: Set[str]
) -> Iterator[PreparedFile]:
    """Files in order; with ``workers`` > 1 the pipeline runs in that many processes."""
    if workers <= 1 or process is not process_file or len(files) < 2 * workers:
        for path in files:
            yield prepare(process(path), bigrams)
        return
    # Forking copies the loaded models for free, but is unsafe from a process whose other
    # threads may hold locks (a GUI): there, workers start from a fresh fork server.
    in_main_thread = threading.current_thread() is threading.main_thread()
    context = multiprocessing.get_context("fork" if in_main_thread else "forkserver")
    with context.Pool(workers, initializer=_start_worker, initargs=(bigrams,)) as pool:
        # A bounded window of tasks (a few files each) in flight: results wait in memory.
        tasks = (files[i : i + FILES_PER_TASK] for i in range(0, len(files), FILES_PER_TASK))
        in_flight = deque(
            pool.apply_async(_prepare_paths, (chunk,))
            for chunk in itertools.islice(tasks, TASKS_AHEAD * workers)
        )
        while in_flight:
            done = in_flight.popleft().get()
            following = next(tasks, None)
            if following is not None:
                in_flight.append(pool.apply_async(_prepare_paths, (following,)))
            yield from done


class _StoreGroup:
    """Stores prepared files in groups: one transaction per ``GROUP_FILES`` files or
    ``GROUP_SECONDS``, as a commit costs a few milliseconds of WAL writing. Each file is a
    savepoint: a file that fails to store is undone whole and the group goes on. A crash
    loses at most the uncommitted group, never half an article; committed articles go to
    the search index."""

    GROUP_FILES = 50
    GROUP_SECONDS = 0.5

    def __init__(
        self, database: LibraryDatabase, feed: _IndexFeed, import_id: int, summary: ImportSummary
    ) -> None:
        self.database = database
        self.feed = feed
        self.import_id = import_id
        self.summary = summary
        self._transaction: ExitStack | None = None
        self._started = 0.0
        self._files = 0
        self._documents: list[tuple[IndexDocument, dict[str, FieldPostings]]] = []

    def store(self, prepared: PreparedFile) -> None:
        """Store a file's new articles (committed with the rest of the group)."""
        if self._transaction is None:
            self._transaction = ExitStack()
            self._transaction.enter_context(self.database.transaction())
            self._started = time.monotonic()
        imported_at = now_iso()
        documents: list[tuple[IndexDocument, dict[str, FieldPostings]]] = []
        duplicates = characters = 0
        with self.database.savepoint():
            for item in prepared.articles:
                article, tags = item.article, item.tags
                article_id = self.database.insert_article(
                    article, item.fingerprint, tags, self.import_id, imported_at, item.blobs
                )
                if article_id is None:
                    duplicates += 1
                else:
                    tag_names = [tag.name for tag in tags]
                    document = document_for_article(article_id, article, tag_names)
                    documents.append((document, item.postings))
                    characters += len(article.title) + len(article.body)
        self._documents += documents
        self.summary.duplicates += duplicates
        self.summary.added += len(documents)
        self.summary.characters += characters
        self._files += 1
        if self._files >= self.GROUP_FILES or time.monotonic() - self._started > self.GROUP_SECONDS:
            self.commit()

    def commit(self, index: bool = True) -> None:
        """Commit the group, then hand its articles to the search index (unless the import
        was interrupted: the index catches up when the library is next opened)."""
        if self._transaction is not None:
            self._transaction.close()
        documents = self._documents
        self._transaction, self._files, self._documents = None, 0, []
        if index:
            for document, postings in documents:
                self.feed.add(document, postings)


def run_import(
    database: LibraryDatabase,
    index: SearchIndex,
    paths: Iterable[Path | str],
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
    process: Callable[[Path], FileResult] = process_file,
    workers: int = 1,
) -> ImportSummary:
    """Import every dump file under ``paths``; a file that fails is reported, not fatal.

    ``progress`` is called after each file; ``cancel`` is polled before each file and, when it
    returns True, the import stops cleanly after the articles stored so far. Files are
    committed in groups (see :class:`_StoreGroup`), so an interruption never leaves half an
    article; the search index catches up when the library is next opened.
    ``process`` turns a file into articles (the repair pipeline; tests pass their own).
    With ``workers`` > 1 the pipeline, tagging and search analysis run in that many processes;
    this one stores and writes the index.
    """
    given = [Path(p) for p in paths]
    summary = ImportSummary()
    listing_errors: list[FileError] = []
    files = list(
        iter_dump_files(
            given, on_error=lambda p, e: listing_errors.append(FileError(p, str(e.strerror)))
        )
    )
    summary.errors += listing_errors
    import_id = database.start_import(given)
    feed = _IndexFeed(database, index, fork_commits=can_fork_commits())
    group = _StoreGroup(database, feed, import_id, summary)
    status = "interrupted"
    try:
        prepared_files = _prepared_files(files, process, workers, index.bigrams)
        for number, prepared in enumerate(prepared_files, start=1):
            if cancel is not None and cancel():
                summary.cancelled = True
                break
            path = prepared.path
            if prepared.error is not None:
                summary.errors.append(FileError(path, prepared.error))
            else:
                group.store(prepared)
            summary.files = number
            if number == len(files) - TAIL_FILES and feed.fork_commits:
                group.commit()
                feed.commit_ahead_of_the_end()
            if progress is not None:
                progress(
                    ImportProgress(
                        number,
                        len(files),
                        summary.added,
                        summary.duplicates,
                        len(summary.errors),
                        path,
                    )
                )
        group.commit()
        feed.commit()
        status = "cancelled" if summary.cancelled else "done"
    finally:
        if status == "interrupted":
            group.commit(index=False)  # every file stored so far is whole
            feed.cancel()
        database.finish_import(import_id, summary, status)
    return summary
