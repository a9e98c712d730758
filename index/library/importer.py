"""Import dump files: repair pipeline -> store (one transaction per file) -> search index."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from index.library.database import LibraryDatabase, now_iso
from index.library.fingerprint import fingerprint
from index.library.indexing import document_for_article
from index.library.records import FileError, ImportProgress, ImportSummary
from index.pipeline import FileResult, iter_dump_files, process_file
from index.search.engine import IndexBatch, IndexDocument, SearchIndex
from index.tags import extract_tags

__all__ = ["CancelCheck", "ProgressCallback", "run_import"]

ProgressCallback = Callable[[ImportProgress], None]
CancelCheck = Callable[[], bool]

# Commit the search index this often, so that an interrupted import leaves little to catch up.
COMMIT_EVERY = 10_000


class _IndexFeed:
    """Feeds new articles to the search index in commits of ``COMMIT_EVERY`` articles."""

    def __init__(self, database: LibraryDatabase, index: SearchIndex, procs: int) -> None:
        self.database = database
        self.index = index
        self.procs = procs
        self.batch: IndexBatch | None = None
        self.pending: list[int] = []

    def add(self, document: IndexDocument) -> None:
        if self.batch is None:
            self.batch = self.index.batch(self.procs)
        self.batch.add(document)
        self.pending.append(document.article_id)
        if len(self.pending) >= COMMIT_EVERY:
            self.commit()

    def commit(self) -> None:
        if self.batch is not None:
            self.batch.commit()
            self.database.mark_indexed(self.pending)
        self.batch, self.pending = None, []

    def cancel(self) -> None:
        """Drop uncommitted index work; the articles stay stored and are caught up later."""
        if self.batch is not None:
            self.batch.cancel()
        self.batch, self.pending = None, []


def _store_file(
    database: LibraryDatabase,
    result: FileResult,
    import_id: int,
    feed: _IndexFeed,
    summary: ImportSummary,
) -> None:
    """Store a file's new articles in one transaction, then hand them to the index."""
    imported_at = now_iso()
    documents: list[IndexDocument] = []
    with database.transaction():
        for article in result.articles:
            tags = extract_tags(article)
            article_id = database.insert_article(
                article, fingerprint(article), tags, import_id, imported_at
            )
            if article_id is None:
                summary.duplicates += 1
                continue
            documents.append(document_for_article(article_id, article, [t.name for t in tags]))
            summary.characters += len(article.title) + len(article.body)
    summary.added += len(documents)
    for document in documents:
        feed.add(document)


def run_import(
    database: LibraryDatabase,
    index: SearchIndex,
    paths: Iterable[Path | str],
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
    procs: int = 1,
    process: Callable[[Path], FileResult] = process_file,
) -> ImportSummary:
    """Import every dump file under ``paths``; a file that fails is reported, not fatal.

    ``progress`` is called after each file; ``cancel`` is polled before each file and, when it
    returns True, the import stops cleanly after the articles stored so far. Each file's
    articles (with their repairs and tags) are committed together, so an interruption never
    leaves half an article; the search index catches up when the library is next opened.
    ``process`` turns a file into articles (the repair pipeline; tests pass their own).
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
    feed = _IndexFeed(database, index, procs)
    status = "interrupted"
    try:
        for number, path in enumerate(files, start=1):
            if cancel is not None and cancel():
                summary.cancelled = True
                break
            result = process(path)
            if result.error is not None:
                summary.errors.append(FileError(path, result.error))
            else:
                _store_file(database, result, import_id, feed, summary)
            summary.files = number
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
        feed.commit()
        status = "cancelled" if summary.cancelled else "done"
    finally:
        if status == "interrupted":
            feed.cancel()
        database.finish_import(import_id, summary, status)
    return summary
